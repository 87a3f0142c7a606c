"""The rule table: every action, every route and every API operation, in one place.

RULES   action -> who may do it (role gate + optional object check)
ROUTES  URL name (pages) or "api:<operation>" (API) -> the action it performs
SCOPES  model -> the rows a principal may see (querysets are filtered here, nowhere else)

A test walks every URL pattern and every API operation and fails for any that is missing here;
the route guard refuses at run time whatever is missing, so a new page cannot ship unguarded.
"""

from django.db.models import Q

from .principal import Principal
from .roles import Role
from .rule import (
    ADMINS,
    EVERYONE,
    MEMBERS,
    SIGNED_IN,
    Rule,
    admin_or_focal_of,
    admins_only,
    members_only,
)

R = Role


RULES: dict[str, Rule] = {
    # --- foundation --------------------------------------------------------------------------
    "public.view": Rule(EVERYONE, description="Public pages, health checks, sign-in"),
    "dashboard.view": Rule(SIGNED_IN),
    "access.grant_role": Rule(ADMINS),
    "audit.view": Rule(ADMINS),
    "admin_site.use": Rule(ADMINS),
    # --- workshops ---------------------------------------------------------------------------
    # Reading a workshop: the workshop scope decides (published for members, their own for
    # guests, public pages for anyone); organisers (network admins) manage everything.
    "workshops.workshop.view": Rule(EVERYONE),
    "workshops.workshop.list": Rule(SIGNED_IN),
    "workshops.workshop.manage": Rule(ADMINS),
    "workshops.delegation.view": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "workshops.nomination.create": Rule(
        ADMINS | {R.FOCAL_POINT}, check=lambda p, d: workshops_can_nominate(p, d)
    ),
    "workshops.nomination.withdraw": Rule(
        ADMINS | {R.FOCAL_POINT}, check=lambda p, n: admin_or_focal_of(p, n.delegation)
    ),
    "workshops.nomination.decide": Rule(ADMINS),
    # The personal link's token is the credential: the holder acts as the invited person.
    "workshops.registration.by_token": Rule(EVERYONE),
    "workshops.registration.submit": Rule(
        SIGNED_IN | {R.ANONYMOUS}, check=lambda p, o: workshops_is_own(p, o)
    ),
    "workshops.registration.view": Rule(
        SIGNED_IN, check=lambda p, r: workshops_registration_viewable(p, r)
    ),
    "workshops.registration.sensitive.view": Rule(
        SIGNED_IN, check=lambda p, r: p.is_admin or workshops_is_own(p, r)
    ),
    "workshops.registration.list": Rule(ADMINS),
    "workshops.checkin": Rule(ADMINS),
    "workshops.feedback.submit": Rule(SIGNED_IN, check=lambda p, r: workshops_is_own(p, r)),
    "workshops.outcome.view": Rule(MEMBERS),
    "workshops.outcome.manage": Rule(ADMINS),
    "workshops.report.view": Rule(ADMINS),
    # --- training ----------------------------------------------------------------------------
    # Catalogue and schedule: signed-in users; the scopes narrow guests to their own courses.
    "training.course.view": Rule(SIGNED_IN),
    "training.course.manage": Rule(ADMINS | {R.TRAINER}),
    "training.delivery.create": Rule(ADMINS | {R.TRAINER}),
    # A trainer manages the deliveries they train; admins all of them.
    "training.delivery.manage": Rule(
        ADMINS | {R.TRAINER}, check=lambda p, d: training_trains(p, d)
    ),
    # Focal points nominate people of their country; trainers of the delivery and admins anyone.
    "training.enrolment.nominate": Rule(
        ADMINS | {R.TRAINER, R.FOCAL_POINT}, check=lambda p, e: training_can_nominate(p, e)
    ),
    "training.test.take": Rule(SIGNED_IN, check=lambda p, e: training_own(p, e)),
    "training.evaluation.submit": Rule(SIGNED_IN, check=lambda p, e: training_own(p, e)),
    "training.followup.answer": Rule(SIGNED_IN, check=lambda p, f: training_own(p, f.enrolment)),
    "training.certificate.download": Rule(
        SIGNED_IN, check=lambda p, c: training_results_reader(p, c.enrolment)
    ),
    "training.certificate.revoke": Rule(
        ADMINS | {R.TRAINER}, check=lambda p, c: training_trains(p, c.enrolment.delivery)
    ),
    "training.certificate.verify": Rule(EVERYONE, description="Public certificate verification"),
    "training.capacity.view": Rule(
        ADMINS | {R.TRAINER, R.FOCAL_POINT}, description="Aggregates only, no names"
    ),
    # --- library -----------------------------------------------------------------------------
    # Reading is decided per row by the library scope (markings); the role gate lets everyone in
    # so TLP:CLEAR resources reach anonymous visitors.
    "library.resource.view": Rule(EVERYONE),
    "library.resource.create": Rule(MEMBERS),
    "library.resource.change": Rule(MEMBERS, check=lambda p, r: library_can_change(p, r)),
    # The owning organisation and admins: a withdrawn item is hidden from everyone else.
    "library.resource.withdraw": Rule(MEMBERS, check=lambda p, r: library_can_withdraw(p, r)),
    "library.resource.restore": Rule(MEMBERS, check=lambda p, r: library_can_withdraw(p, r)),
    "library.access.request": Rule(MEMBERS, check=lambda p, r: library_can_request(p, r)),
    "library.access.inbox": Rule(MEMBERS),
    "library.access.decide": Rule(MEMBERS, check=lambda p, a: library_can_decide(p, a)),
    "library.findings.view": Rule(ADMINS),
    # --- alerts ------------------------------------------------------------------------------
    # Law-enforcement vetted members of the sending and recipient agencies only; admin rights do
    # not open alerts. hide=True: outsiders get 404, never learn that an alert exists.
    "alerts.view": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_readable(p, a), hide=True
    ),
    "alerts.read_content": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_content_readable(p, a), hide=True
    ),
    "alerts.create": Rule(frozenset({R.LE_VETTED}), hide=True),
    "alerts.send": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_send(p, a), hide=True
    ),
    "alerts.approve": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_approve(p, a), hide=True
    ),
    # Edit, discard and change the attachments of a draft: its author, until it leaves the agency.
    "alerts.draft.change": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_change_draft(p, a), hide=True
    ),
    "alerts.retract": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_retract(p, a), hide=True
    ),
    "alerts.acknowledge": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_recipient_can_act(p, a), hide=True
    ),
    "alerts.outcome": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_recipient_can_act(p, a), hide=True
    ),
    "alerts.reply": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_work_on(p, a), hide=True
    ),
    # TLP:AMBER only: a recipient agency's vetted member passes it to a vetted colleague of
    # another law-enforcement agency of the same country (AMBER+STRICT and RED never go further).
    "alerts.share": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_share(p, a), hide=True
    ),
    "alerts.close": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_can_work_on(p, a), hide=True
    ),
    "alerts.sender_view": Rule(
        frozenset({R.LE_VETTED}), check=lambda p, a: alert_sender_view(p, a), hide=True
    ),
    # Counts only, no alert content. Vetted members get exact counts of the alerts in their own
    # scope; admins get network figures with small cells suppressed (alerts/stats.py).
    "alerts.stats.view": Rule(
        ADMINS | {R.LE_VETTED}, hide=True, description="Counts only, no alert content"
    ),
}

ROUTES: dict[str, str] = {
    # --- workshops ---------------------------------------------------------------------------
    "workshops:workshop_list": "workshops.workshop.list",
    "workshops:workshop_create": "workshops.workshop.manage",
    "workshops:workshop_edit": "workshops.workshop.manage",
    "workshops:workshop_detail": "workshops.workshop.view",
    "workshops:agenda": "workshops.workshop.view",
    "workshops:agenda_ics": "workshops.workshop.view",
    "workshops:session_create": "workshops.workshop.manage",
    "workshops:session_edit": "workshops.workshop.manage",
    "workshops:speaker_create": "workshops.workshop.manage",
    "workshops:delegation_list": "workshops.delegation.view",
    "workshops:delegation_detail": "workshops.delegation.view",
    "workshops:nomination_decide": "workshops.nomination.decide",
    "workshops:nomination_withdraw": "workshops.delegation.view",
    "workshops:registration_list": "workshops.registration.list",
    "workshops:invitation_create": "workshops.workshop.manage",
    "workshops:registration_detail": "workshops.workshop.list",
    "workshops:participant_export": "workshops.registration.list",
    "workshops:badges_pdf": "workshops.checkin",
    "workshops:checkin": "workshops.checkin",
    "workshops:checkin_record": "workshops.checkin",
    "workshops:outcome_list": "workshops.outcome.view",
    "workshops:outcome_create": "workshops.outcome.manage",
    "workshops:outcome_edit": "workshops.outcome.manage",
    "workshops:report": "workshops.report.view",
    "workshops:report_pdf": "workshops.report.view",
    "workshops:series_report": "workshops.report.view",
    "workshops:registration_by_token": "workshops.registration.by_token",
    "workshops:cancel_by_token": "workshops.registration.by_token",
    "workshops:choose_by_token": "workshops.registration.by_token",
    "workshops:visa_letter_by_token": "workshops.registration.by_token",
    "workshops:agenda_ics_by_token": "workshops.registration.by_token",
    "workshops:feedback_by_token": "workshops.registration.by_token",
    "workshops:registration_me": "workshops.workshop.list",
    "workshops:cancel_me": "workshops.workshop.list",
    "workshops:choose_me": "workshops.workshop.list",
    "workshops:visa_letter_me": "workshops.workshop.list",
    "workshops:agenda_ics_me": "workshops.workshop.list",
    "workshops:feedback_me": "workshops.workshop.list",
    "api:workshop_list": "workshops.workshop.view",
    "api:workshop_get": "workshops.workshop.view",
    "api:workshop_session_list": "workshops.workshop.view",
    "api:workshop_delegation_list": "workshops.delegation.view",
    "api:workshop_nomination_list": "workshops.delegation.view",
    "api:workshop_nomination_create": "workshops.delegation.view",
    "api:workshop_registration_list": "workshops.workshop.list",
    "api:workshop_checkin_create": "workshops.checkin",
    "api:workshop_feedback_summary": "workshops.report.view",
    "api:workshop_outcome_list": "workshops.outcome.view",
    # Own registration and feedback: the services check that it is the caller's own.
    "api:workshop_registration_get": "workshops.registration.view",
    "api:workshop_registration_put": "workshops.registration.submit",
    "api:workshop_registration_cancel": "workshops.registration.submit",
    "api:workshop_feedback_create": "workshops.feedback.submit",
    "api:workshop_outcome_create": "workshops.outcome.manage",
    "api:outcome_update": "workshops.outcome.manage",
    "api:workshop_session_create": "workshops.workshop.manage",
    "api:session_update": "workshops.workshop.manage",
    # --- training ----------------------------------------------------------------------------
    "training:course_list": "training.course.view",
    "training:my_training": "training.course.view",
    "training:course_create": "training.course.manage",
    "training:course_detail": "training.course.view",
    "training:course_edit": "training.course.manage",
    "training:question_list": "training.course.manage",
    "training:question_retire": "training.course.manage",
    "training:question_edit": "training.course.manage",
    "training:question_delete": "training.course.manage",
    "training:delivery_create": "training.delivery.create",
    "training:delivery_detail": "training.course.view",
    "training:delivery_edit": "training.delivery.manage",
    "training:enrolment_create": "training.enrolment.nominate",
    "training:enrolment_withdraw": "training.enrolment.nominate",
    "training:attendance_record": "training.delivery.manage",
    "training:delivery_complete": "training.delivery.manage",
    "training:delivery_rescore": "training.delivery.manage",
    "training:delivery_results_export": "training.delivery.manage",
    "training:test_take": "training.test.take",
    "training:evaluation_submit": "training.evaluation.submit",
    "training:followup_answer": "training.followup.answer",
    "training:certificate_download": "training.certificate.download",
    "training:certificate_revoke": "training.certificate.revoke",
    "training:certificate_verify_form": "training.certificate.verify",
    "training:certificate_verify": "training.certificate.verify",
    "training:capacity": "training.capacity.view",
    "training:capacity_export": "training.capacity.view",
    "api:course_list": "training.course.view",
    "api:course_get": "training.course.view",
    "api:course_create": "training.course.manage",
    "api:delivery_list": "training.course.view",
    "api:delivery_get": "training.course.view",
    "api:delivery_create": "training.delivery.create",
    "api:enrolment_list": "training.course.view",
    "api:enrolment_create": "training.enrolment.nominate",
    "api:training_attendance_list": "training.course.view",
    "api:training_attendance_record": "training.delivery.manage",
    "api:training_result_list": "training.course.view",
    "api:certificate_list": "training.certificate.download",
    "api:certificate_verify": "training.certificate.verify",
    "api:training_question_list": "training.course.manage",
    "api:training_question_update": "training.course.manage",
    "api:training_question_delete": "training.course.manage",
    "api:training_delivery_rescore": "training.delivery.manage",
    # --- library -----------------------------------------------------------------------------
    "library:resource_list": "library.resource.view",
    "library:resource_search": "library.resource.view",
    "library:resource_detail": "library.resource.view",
    "library:file_download": "library.resource.view",
    "library:resource_create": "library.resource.create",
    "library:resource_edit": "library.resource.create",
    "library:version_create": "library.resource.create",
    "library:access_request_create": "library.access.inbox",
    "library:access_request_inbox": "library.access.inbox",
    "library:access_request_decide": "library.access.inbox",
    "library:findings_list": "library.findings.view",
    "library:resource_withdraw": "library.resource.create",
    "library:resource_restore": "library.resource.create",
    "api:resource_list": "library.resource.view",
    "api:library_search": "library.resource.view",
    "api:resource_get": "library.resource.view",
    "api:resource_version_list": "library.resource.view",
    "api:resource_file_download": "library.resource.view",
    "api:resource_create": "library.resource.create",
    "api:resource_version_create": "library.resource.create",
    "api:library_access_request_list": "library.access.inbox",
    "api:library_access_request_create": "library.access.inbox",
    "api:library_access_request_decide": "library.access.inbox",
    "api:resource_withdraw": "library.resource.create",
    "api:resource_restore": "library.resource.create",
    # --- alerts ------------------------------------------------------------------------------
    "alerts:alert_list": "alerts.view",
    "alerts:alert_overdue": "alerts.view",
    "alerts:alert_new": "alerts.create",
    "alerts:alert_create": "alerts.create",
    "alerts:alert_detail": "alerts.view",
    "alerts:alert_send": "alerts.create",
    "alerts:alert_edit": "alerts.create",
    "alerts:alert_discard": "alerts.create",
    "alerts:alert_approve": "alerts.view",
    "alerts:alert_retract": "alerts.view",
    "alerts:alert_acknowledge": "alerts.view",
    "alerts:alert_reply": "alerts.view",
    "alerts:alert_share": "alerts.view",
    "alerts:alert_outcome": "alerts.view",
    "alerts:alert_close": "alerts.view",
    "alerts:attachment_download": "alerts.view",
    "alerts:alert_reads_export": "alerts.view",
    "alerts:stats": "alerts.stats.view",
    "alerts:stats_export": "alerts.stats.view",
    "api:alert_list": "alerts.view",
    "api:alert_overdue_list": "alerts.view",
    "api:alert_get": "alerts.view",
    "api:alert_create": "alerts.create",
    "api:alert_send": "alerts.create",
    "api:alert_update": "alerts.create",
    "api:alert_discard": "alerts.create",
    "api:alert_attachment_add": "alerts.create",
    "api:alert_attachment_remove": "alerts.create",
    "api:alert_approve": "alerts.view",
    "api:alert_retract": "alerts.view",
    "api:alert_acknowledge": "alerts.view",
    "api:alert_reply": "alerts.view",
    "api:alert_share": "alerts.view",
    "api:alert_outcome": "alerts.view",
    "api:alert_close": "alerts.view",
    "api:alert_stats": "alerts.stats.view",
}


_admins_only = admins_only
_members_only = members_only


SCOPES = {
    # --- foundation --------------------------------------------------------------------------
    "access.auditentry": _admins_only,
    # --- workshops ---------------------------------------------------------------------------
    "workshops.series": _members_only,
    "workshops.workshop": lambda p, qs: workshops_workshop_scope(p, qs),
    "workshops.session": lambda p, qs: workshops_via_workshop(p, qs),
    "workshops.speaker": _members_only,
    "workshops.delegation": lambda p, qs: workshops_delegation_scope(p, qs),
    "workshops.nomination": lambda p, qs: workshops_delegation_scope(p, qs, "delegation__"),
    "workshops.invitation": lambda p, qs: workshops_own_scope(p, qs),
    "workshops.registration": lambda p, qs: workshops_registration_scope(p, qs),
    "workshops.dayattendance": _admins_only,
    "workshops.sessionattendance": _admins_only,
    "workshops.feedbackresponse": _admins_only,
    "workshops.outcome": lambda p, qs: workshops_via_workshop(p, qs) if p.is_member else qs.none(),
    # --- training ----------------------------------------------------------------------------
    "training.course": lambda p, qs: training_course_scope(p, qs),
    "training.question": lambda p, qs: training_question_scope(p, qs),
    "training.choice": lambda p, qs: qs.filter(
        question__in=training_question_scope(p, _training_model("Question"))
    ),
    "training.delivery": lambda p, qs: training_delivery_scope(p, qs),
    "training.enrolment": lambda p, qs: training_enrolment_scope(p, qs),
    "training.attendanceday": lambda p, qs: training_results_scope(p, qs),
    "training.testsubmission": lambda p, qs: training_results_scope(p, qs),
    "training.evaluation": lambda p, qs: training_results_scope(p, qs),
    "training.certificate": lambda p, qs: training_results_scope(p, qs),
    "training.followup": lambda p, qs: training_results_scope(p, qs),
    # --- library -----------------------------------------------------------------------------
    "library.resource": lambda p, qs: library_resource_scope(p, qs),
    "library.resourceversion": lambda p, qs: qs.filter(
        resource__in=library_resource_scope(p, _library_resources(qs)).values("pk")
    ),
    "library.versionfile": lambda p, qs: qs.filter(
        version__resource__in=library_resource_scope(
            p, _library_resources(qs, "version__resource")
        ).values("pk")
    ),
    "library.accessrequest": lambda p, qs: library_access_request_scope(p, qs),
    # --- alerts ------------------------------------------------------------------------------
    "alerts.alert": lambda p, qs: alert_scope(p, qs),
    "alerts.alertrecipient": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertreply": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertattachment": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
    "alerts.alertread": lambda p, qs: qs.filter(alert__in=alert_scope(p, _alerts(qs))),
}

NAMESPACES = {"admin": "admin_site.use"}


# --- alerts (helpers for the alerts sections above; looked up when a rule is evaluated) ------
_ALERT_DELIVERED = ("sent", "acknowledged", "closed", "retracted", "purged")
_ALERT_OPEN = ("sent", "acknowledged")


def _alerts(qs):
    return qs.model._meta.get_field("alert").related_model.objects.all()


def alert_scope(p: Principal, qs):
    """Sender agency (not others' drafts) and recipient agencies once delivered; RED: named."""
    if not p.is_le_vetted or not p.le_organisation_ids:
        return qs.none()
    orgs = p.le_organisation_ids
    sender = Q(sender_organisation_id__in=orgs) & (~Q(status="draft") | Q(created_by_id=p.user_id))
    recipient = Q(recipients__organisation_id__in=orgs, status__in=_ALERT_DELIVERED)
    shares = _alert_shares().filter(person_id=p.person_id, organisation_id__in=orgs)
    shared = Q(marking="AMBER", status__in=_ALERT_DELIVERED, pk__in=shares.values("alert_id"))
    named = Q(named_people=p.person_id) if p.person_id else Q(pk__in=[])
    # The author, the approver, and (for four-eyes release) the sending agency before approval.
    red_sender = sender & (
        Q(created_by_id=p.user_id)
        | Q(approved_by_id=p.user_id)
        | Q(status="awaiting_approval")
        | named
    )
    q = (~Q(marking="RED") & (sender | recipient | shared)) | (
        Q(marking="RED") & (red_sender | (recipient & named))
    )
    # A subquery rather than joins on qs: no duplicates, no distinct() for callers to remember.
    return qs.filter(pk__in=qs.model.objects.filter(q).values("pk"))


def _alert_sender_side(p: Principal, a) -> bool:
    return p.is_le_vetted and a.sender_organisation_id in p.le_organisation_ids


def _alert_recipient_side(p: Principal, a) -> bool:
    return a.status in _ALERT_DELIVERED and any(
        r.organisation_id in p.le_organisation_ids for r in a.recipients.all()
    )


def _alert_shares():
    from django.apps import apps

    return apps.get_model("alerts", "AlertShare").objects.all()


def _alert_shared_with(p: Principal, a) -> bool:
    """Passed on to this person in an agency they still belong to (shares prefetched)."""
    return (
        a.marking == "AMBER"
        and a.status in _ALERT_DELIVERED
        and p.person_id is not None
        and any(
            s.person_id == p.person_id and s.organisation_id in p.le_organisation_ids
            for s in a.shares.all()
        )
    )


def _alert_named(p: Principal, a) -> bool:
    return p.person_id is not None and any(x.pk == p.person_id for x in a.named_people.all())


def alert_readable(p: Principal, a) -> bool:
    """The same decision as alert_scope, for one alert in memory (recipients, people prefetched)."""
    if not p.is_le_vetted:
        return False
    sender = _alert_sender_side(p, a) and (a.status != "draft" or a.created_by_id == p.user_id)
    if a.marking != "RED":
        return sender or _alert_recipient_side(p, a) or _alert_shared_with(p, a)
    if sender and (
        p.user_id in (a.created_by_id, a.approved_by_id) or a.status == "awaiting_approval"
    ):
        return True
    return (sender or _alert_recipient_side(p, a)) and _alert_named(p, a)


def alert_content_readable(p: Principal, a) -> bool:
    """Retracted: recipients keep only the header; purged: nobody reads content (none is left)."""
    if a.status == "purged" or not alert_readable(p, a):
        return False
    return a.status != "retracted" or _alert_sender_side(p, a)


def alert_can_send(p: Principal, a) -> bool:
    return _alert_sender_side(p, a) and a.status == "draft" and a.created_by_id == p.user_id


def alert_can_change_draft(p: Principal, a) -> bool:
    """The author only; a RED alert awaiting approval too (a change withdraws the request)."""
    return (
        _alert_sender_side(p, a)
        and a.created_by_id == p.user_id
        and a.status in ("draft", "awaiting_approval")
    )


def alert_can_approve(p: Principal, a) -> bool:
    """Four-eyes: another vetted member of the sending agency, never the author."""
    return (
        _alert_sender_side(p, a)
        and a.status == "awaiting_approval"
        and a.created_by_id != p.user_id
    )


def alert_can_retract(p: Principal, a) -> bool:
    return (
        alert_readable(p, a)
        and _alert_sender_side(p, a)
        and a.status not in ("retracted", "purged")
    )


def alert_can_work_on(p: Principal, a) -> bool:
    """Reply and close: either side, while the alert is open (a colleague it was shared with
    only reads it)."""
    sides = _alert_sender_side(p, a) or _alert_recipient_side(p, a)
    return a.status in _ALERT_OPEN and sides and alert_readable(p, a)


def alert_can_share(p: Principal, a) -> bool:
    return (
        a.marking == "AMBER"
        and a.status in _ALERT_OPEN
        and _alert_recipient_side(p, a)
        and alert_readable(p, a)
    )


def alert_recipient_can_act(p: Principal, r) -> bool:
    """Acknowledge and record an outcome: a member of that recipient agency, alert still open."""
    return (
        p.is_le_vetted
        and r.organisation_id in p.le_organisation_ids
        and r.alert.status in _ALERT_OPEN
        and alert_readable(p, r.alert)
    )


def alert_sender_view(p: Principal, a) -> bool:
    """Delivery, acknowledgements and the read log: the sending agency's readers only."""
    return _alert_sender_side(p, a) and alert_readable(p, a)


# --- library (helpers for the library sections above) -----------------------------------------
def _library_resources(qs, path: str = "resource"):
    model = qs.model
    for part in path.split("__"):
        model = model._meta.get_field(part).related_model
    return model.objects.all()


def library_resource_scope(p: Principal, qs):
    """TLP for resources, with subqueries instead of joins (no duplicates, no distinct()).

    AMBER opens to the owner's and the shared organisations' members, and to people granted
    access one by one; RED to the named people only. Admin rights open nothing more. A withdrawn
    resource stays readable only to the owning organisation and admins (who may restore it).
    """
    from django.apps import apps

    resource = apps.get_model("library", "Resource")
    q = Q(marking="CLEAR")
    if p.is_member:
        q |= Q(marking="GREEN")
    if p.organisation_ids:
        orgs = list(p.organisation_ids)
        shared = resource.shared_with.through.objects.filter(organisation_id__in=orgs)
        q |= Q(marking__in=["AMBER", "AMBER_STRICT"], owner_organisation_id__in=orgs)
        q |= Q(marking="AMBER", pk__in=shared.values("resource_id"))
    if p.person_id:
        named = resource.named_people.through.objects.filter(person_id=p.person_id)
        q |= Q(marking__in=["AMBER", "RED"], pk__in=named.values("resource_id"))
    if not p.is_admin:
        owners = list(p.organisation_ids)
        q &= Q(withdrawn_at__isnull=True) | Q(owner_organisation_id__in=owners)
    return qs.filter(q)


def library_can_change(p: Principal, r) -> bool:
    """The owning organisation's members; admins too for CLEAR and GREEN resources."""
    return r.owner_organisation_id in p.organisation_ids or (
        p.is_admin and r.marking in ("CLEAR", "GREEN")
    )


def library_can_withdraw(p: Principal, r) -> bool:
    return p.is_admin or r.owner_organisation_id in p.organisation_ids


def library_can_request(p: Principal, r) -> bool:
    return p.is_member and r.marking == "AMBER" and r.listed_when_restricted


def library_can_decide(p: Principal, a) -> bool:
    return a.status == "pending" and a.resource.owner_organisation_id in p.organisation_ids


def library_access_request_scope(p: Principal, qs):
    """Requesters see their own; the owning organisation's members see those addressed to it."""
    if not p.user_id:
        return qs.none()
    q = Q(requester_id=p.user_id)
    if p.organisation_ids:
        q |= Q(resource__owner_organisation_id__in=list(p.organisation_ids))
    return qs.filter(q)


# --- training (helpers for the training sections above) ---------------------------------------
def _training_model(name: str):
    from django.apps import apps

    return apps.get_model("training", name).objects.all()


def _training_is_staff(p: Principal) -> bool:
    return p.is_admin or p.has(R.TRAINER)


def training_trains(p: Principal, delivery) -> bool:
    """Admins; trainers for the deliveries they train (trainers prefetched by the selectors)."""
    if p.is_admin:
        return True
    return p.has(R.TRAINER) and p.person_id in delivery.trainer_person_ids()


def training_can_nominate(p: Principal, enrolment) -> bool:
    """obj: the (unsaved) enrolment with its delivery, person and nominating organisation."""
    if training_trains(p, enrolment.delivery):
        return True
    return enrolment.organisation.country_id in p.focal_country_ids


def training_own(p: Principal, enrolment) -> bool:
    return p.person_id is not None and enrolment.person_id == p.person_id


def training_results_reader(p: Principal, enrolment) -> bool:
    return training_own(p, enrolment) or training_trains(p, enrolment.delivery)


def _training_my_course_ids(p: Principal):
    enrolments = _training_model("Enrolment").filter(person_id=p.person_id)
    return enrolments.values("delivery__course_id")


def training_course_scope(p: Principal, qs):
    """Members, trainers and admins see the catalogue; guests the courses they are enrolled in."""
    if p.is_member or _training_is_staff(p):
        return qs
    if not p.person_id:
        return qs.none()
    return qs.filter(pk__in=_training_my_course_ids(p))


def training_question_scope(p: Principal, qs):
    """The bank (with its key) for admins and trainers; trainees reach their courses' questions
    through the test pages, which never show the key before submission."""
    if _training_is_staff(p):
        return qs
    if not p.person_id:
        return qs.none()
    return qs.filter(course_id__in=_training_my_course_ids(p))


def training_delivery_scope(p: Principal, qs):
    if p.is_member or _training_is_staff(p):
        return qs
    if not p.person_id:
        return qs.none()
    mine = _training_model("Enrolment").filter(person_id=p.person_id).values("delivery_id")
    return qs.filter(pk__in=mine)


def _training_enrolment_q(p: Principal, *, focal: bool, prefix: str = "") -> Q | None:
    if p.is_admin:
        return Q()
    if not p.person_id:
        return None
    q = Q(**{f"{prefix}person_id": p.person_id})
    if p.has(R.TRAINER):
        through = _training_model("Delivery").model.trainers.through.objects
        trained = through.filter(person_id=p.person_id).values("delivery_id")
        q |= Q(**{f"{prefix}delivery_id__in": trained})
    if focal and p.focal_country_ids:
        q |= Q(**{f"{prefix}organisation__country_id__in": list(p.focal_country_ids)})
    return q


def training_enrolment_scope(p: Principal, qs):
    """The trainee, the delivery's trainers, admins, and focal points for their country."""
    q = _training_enrolment_q(p, focal=True)
    return qs.none() if q is None else qs.filter(q)


def training_results_scope(p: Principal, qs):
    """Scores, attendance, evaluations, certificates, follow-ups: the trainee, the delivery's
    trainers and admins (focal points see who completed, not the answers)."""
    q = _training_enrolment_q(p, focal=False, prefix="enrolment__")
    return qs.none() if q is None else qs.filter(q)


# --- workshops (helpers for the workshops sections above) -------------------------------------
def workshops_is_own(p: Principal, obj) -> bool:
    """The invited or registered person (a signed-in user, or the holder of the personal link)."""
    return p.person_id is not None and getattr(obj, "person_id", None) == p.person_id


def workshops_can_nominate(p: Principal, delegation) -> bool:
    return admin_or_focal_of(p, delegation) and delegation.workshop.status in (
        "planned",
        "registration_open",
    )


def workshops_registration_viewable(p: Principal, r) -> bool:
    if p.is_admin or workshops_is_own(p, r):
        return True
    return r.delegation_id is not None and r.delegation.country_id in p.focal_country_ids


def _workshops_guest_ids(p: Principal):
    from django.apps import apps

    invitation = apps.get_model("workshops", "Invitation")
    return invitation.objects.filter(person_id=p.person_id, revoked_at__isnull=True).values(
        "workshop_id"
    )


def workshops_workshop_scope(p: Principal, qs):
    """Admins: all; members: published; guests: the workshops they are invited to; anyone: the
    public pages the organisers enabled."""
    if p.is_admin:
        return qs
    q = Q(public_page=True) & ~Q(status="draft")
    if p.is_member:
        q |= ~Q(status="draft")
    elif p.person_id:
        q |= ~Q(status="draft") & Q(pk__in=_workshops_guest_ids(p))
    return qs.filter(q)


def workshops_via_workshop(p: Principal, qs):
    from django.apps import apps

    workshop = apps.get_model("workshops", "Workshop")
    return qs.filter(workshop__in=workshops_workshop_scope(p, workshop.objects.all()).values("pk"))


def workshops_delegation_scope(p: Principal, qs, prefix: str = ""):
    if p.is_admin:
        return qs
    if not p.focal_country_ids:
        return qs.none()
    return qs.filter(**{f"{prefix}country_id__in": list(p.focal_country_ids)})


def workshops_own_scope(p: Principal, qs):
    if p.is_admin:
        return qs
    return qs.filter(person_id=p.person_id) if p.person_id else qs.none()


def workshops_registration_scope(p: Principal, qs):
    """Admins: all; the person: their own; focal points: their country's delegation."""
    if p.is_admin:
        return qs
    q = Q(person_id=p.person_id) if p.person_id else Q(pk__in=[])
    if p.focal_country_ids:
        q |= Q(delegation__country_id__in=list(p.focal_country_ids))
    return qs.filter(q)
