from django.urls import path

from protectnet.access.routes import route

from .views import delegations, mine, organiser, outcomes, participant, workshops

app_name = "workshops"

W = "<int:workshop_id>/"
T = "register/<str:token>/"
ME = "<int:workshop_id>/me/"

urlpatterns = [
    path("", workshops.workshop_list, name="workshop_list"),
    path("new/", workshops.workshop_edit, name="workshop_create"),
    path("series/new/", workshops.series_create, name="series_create"),
    path("mine/", mine.my_workshop_list, name="my_workshop_list"),
    path(W, workshops.workshop_detail, name="workshop_detail"),
    path(W + "edit/", workshops.workshop_edit, name="workshop_edit"),
    path(W + "agenda/", workshops.agenda, name="agenda"),
    path(W + "agenda.ics", workshops.agenda_ics, name="agenda_ics"),
    path(W + "sessions/new/", workshops.session_edit, name="session_create"),
    path(W + "sessions/<int:session_id>/edit/", workshops.session_edit, name="session_edit"),
    path(W + "speakers/new/", workshops.speaker_create, name="speaker_create"),
    path(W + "delegations/", delegations.delegation_list, name="delegation_list"),
    path(
        "delegations/<int:delegation_id>/", delegations.delegation_detail, name="delegation_detail"
    ),
    path(
        "nominations/<int:nomination_id>/decide/",
        delegations.nomination_decide,
        name="nomination_decide",
    ),
    path(
        "nominations/<int:nomination_id>/withdraw/",
        delegations.nomination_withdraw,
        name="nomination_withdraw",
    ),
    path(W + "registrations/", organiser.registration_list, name="registration_list"),
    path(W + "invite/", organiser.invitation_create, name="invitation_create"),
    path(
        "registrations/<int:registration_id>/",
        organiser.registration_detail,
        name="registration_detail",
    ),
    path(W + "participants.<str:fmt>", organiser.participant_export, name="participant_export"),
    path(W + "badges.pdf", organiser.badges_pdf, name="badges_pdf"),
    path(W + "check-in/", organiser.checkin, name="checkin"),
    path(W + "check-in/counts/", organiser.checkin_counts, name="checkin_counts"),
    path(W + "check-in/record/", organiser.checkin_record, name="checkin_record"),
    path(W + "outcomes/", outcomes.outcome_list, name="outcome_list"),
    path(W + "outcomes/new/", outcomes.outcome_edit, name="outcome_create"),
    path(W + "outcomes/<int:outcome_id>/edit/", outcomes.outcome_edit, name="outcome_edit"),
    path(W + "report/", outcomes.report_page, name="report"),
    path(W + "report.pdf", outcomes.report_pdf, name="report_pdf"),
    path("series/<int:series_id>/report/", outcomes.series_report, name="series_report"),
]

# The invitee's pages, through the personal link or signed in ("me"): the same views, each door
# with its own action (the token is the credential; "me" needs a signed-in user).
DOORS = (
    ("by_token", T, "workshops.registration.by_token"),
    ("me", ME, "workshops.workshop.list"),
)
for door, prefix, action in DOORS:
    urlpatterns += [
        route(prefix, participant.registration, name=f"registration_{door}", action=action),
        route(prefix + "cancel/", participant.cancel, name=f"cancel_{door}", action=action),
        route(prefix + "sessions/", participant.choose, name=f"choose_{door}", action=action),
        route(
            prefix + "visa-letter.pdf",
            participant.visa_letter,
            name=f"visa_letter_{door}",
            action=action,
        ),
        route(prefix + "badge.pdf", participant.badge, name=f"badge_{door}", action=action),
        route(
            prefix + "agenda.ics", participant.agenda_ics, name=f"agenda_ics_{door}", action=action
        ),
        route(prefix + "feedback/", participant.feedback, name=f"feedback_{door}", action=action),
    ]
