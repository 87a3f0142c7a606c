"""The rule table: every action, every route and every API operation, in one place.

RULES   action -> who may do it (role gate + optional object check)
ROUTES  URL name (pages) or "api:<operation>" (API) -> the action it performs
SCOPES  model -> the rows a principal may see (querysets are filtered here, nowhere else)

A test walks every URL pattern and every API operation and fails for any that is missing here;
the route guard refuses at run time whatever is missing, so a new page cannot ship unguarded.
"""

from django.db.models import Q

from .policy import marking_q
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
    "account.manage_own": Rule(
        SIGNED_IN, description="Own profile, password, second factor, tokens"
    ),
    "account.invite": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "access.grant_role": Rule(ADMINS),
    "audit.view": Rule(ADMINS),
    "admin_site.use": Rule(ADMINS),
    "api.me": Rule(SIGNED_IN),
    # --- network -----------------------------------------------------------------------------
    # Guests and anonymous visitors never browse the directory (the network scopes agree).
    "network.directory.view": Rule(MEMBERS),
    "network.directory.export": Rule(MEMBERS),
    # Admins everywhere, focal points for their own country (obj: the organisation).
    "network.organisation.create": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.organisation.change": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.person.create": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.person.change": Rule(
        ADMINS | {R.FOCAL_POINT}, check=lambda p, o: network_person_manageable(p, o)
    ),
    "network.person.invite": Rule(
        ADMINS | {R.FOCAL_POINT}, check=lambda p, o: network_person_manageable(p, o)
    ),
    "network.person.erase": Rule(ADMINS, check=lambda p, o: o.pk != p.person_id),
    "network.vetting.view": Rule(
        ADMINS | {R.FOCAL_POINT}, check=lambda p, o: network_person_manageable(p, o)
    ),
    # Nobody records their own vetting: it opens law-enforcement material.
    "network.vetting.record": Rule(
        ADMINS | {R.FOCAL_POINT}, check=lambda p, o: network_can_vet(p, o)
    ),
    "network.focal_point.manage": Rule(ADMINS),
    "network.panel.manage": Rule(ADMINS | {R.FOCAL_POINT}, check=admin_or_focal_of),
    "network.import": Rule(ADMINS | {R.FOCAL_POINT}),
    "network.personal_data.view": Rule(SIGNED_IN, description="Everything stored about oneself"),
    "network.person.export_data": Rule(
        ADMINS, description="Download everything stored about a person (audited)"
    ),
    # --- terminology -------------------------------------------------------------------------
    # Writers of every app check their text; the list is reference for them; admins edit it.
    "terminology.check": Rule(
        frozenset({R.MEMBER, R.NETWORK_ADMIN, R.FOCAL_POINT, R.LE_VETTED, R.TRAINER}),
        description="Check a text for discouraged terms (nothing is stored)",
    ),
    "terminology.term.view": Rule(
        frozenset({R.MEMBER, R.NETWORK_ADMIN, R.FOCAL_POINT, R.LE_VETTED, R.TRAINER})
    ),
    "terminology.term.manage": Rule(ADMINS, description="Add and edit terms (audited)"),
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
    # --- reports -----------------------------------------------------------------------------
    "reports.view": Rule(MEMBERS, description="The reports hub and the network overview"),
}

ROUTES: dict[str, str] = {
    # --- foundation --------------------------------------------------------------------------
    "core:dashboard": "dashboard.view",
    "core:healthz": "public.view",
    "core:readyz": "public.view",
    "set_language": "public.view",
    "accounts:login": "public.view",
    "accounts:login_second_factor": "public.view",
    "accounts:logout": "public.view",
    "accounts:password_reset": "public.view",
    "accounts:password_reset_done": "public.view",
    "accounts:password_reset_confirm": "public.view",
    "accounts:password_reset_complete": "public.view",
    "accounts:invitation_accept": "public.view",
    "accounts:profile": "account.manage_own",
    "accounts:password_change": "account.manage_own",
    "accounts:second_factor_setup": "account.manage_own",
    "accounts:second_factor_qr": "account.manage_own",
    "accounts:second_factor_disable": "account.manage_own",
    "accounts:recovery_codes": "account.manage_own",
    "accounts:token_create": "account.manage_own",
    "accounts:token_revoke": "account.manage_own",
    "accounts:invitation_create": "account.invite",
    "access:audit_list": "audit.view",
    "access:audit_export": "audit.view",
    "api:openapi-json": "public.view",
    "api:openapi-view": "public.view",
    "api:api-root": "public.view",
    "api:me": "api.me",
    "api:me_data": "network.personal_data.view",
    # --- network -----------------------------------------------------------------------------
    "network:directory": "network.directory.view",
    "network:directory_export": "network.directory.export",
    "network:organisation_list": "network.directory.view",
    "network:organisation_detail": "network.directory.view",
    "network:organisation_create": "network.organisation.create",
    "network:organisation_edit": "network.organisation.change",
    "network:person_detail": "network.directory.view",
    "network:person_create": "network.person.create",
    "network:person_edit": "network.person.change",
    "network:membership_add": "network.person.change",
    "network:membership_end": "network.person.change",
    "network:person_invite": "network.person.invite",
    "network:person_erase": "network.person.erase",
    "network:vetting_list": "network.vetting.view",
    "network:country_list": "network.directory.view",
    "network:country_detail": "network.directory.view",
    "network:focal_point_add": "network.focal_point.manage",
    "network:focal_point_remove": "network.focal_point.manage",
    "network:panel_detail": "network.directory.view",
    "network:panel_create": "network.panel.manage",
    "network:panel_edit": "network.panel.manage",
    "network:panel_member_add": "network.panel.manage",
    "network:panel_member_remove": "network.panel.manage",
    "network:meeting_detail": "network.directory.view",
    "network:meeting_create": "network.panel.manage",
    "network:meeting_edit": "network.panel.manage",
    "network:import_start": "network.import",
    "network:import_template": "network.import",
    "network:import_preview": "network.import",
    "network:import_row_edit": "network.import",
    "network:import_commit": "network.import",
    "network:my_data": "network.personal_data.view",
    "network:my_data_download": "network.personal_data.view",
    "network:my_data_pdf": "network.personal_data.view",
    "network:person_data_download": "network.person.export_data",
    "api:country_list": "network.directory.view",
    "api:country_get": "network.directory.view",
    "api:organisation_list": "network.directory.view",
    "api:organisation_get": "network.directory.view",
    "api:organisation_create": "network.organisation.create",
    "api:organisation_update": "network.organisation.change",
    "api:person_list": "network.directory.view",
    "api:person_get": "network.directory.view",
    "api:person_create": "network.person.create",
    "api:person_update": "network.person.change",
    # --- terminology -------------------------------------------------------------------------
    "terminology:check": "terminology.check",
    "terminology:term_list": "terminology.term.view",
    "terminology:term_create": "terminology.term.manage",
    "terminology:term_edit": "terminology.term.manage",
    "api:terminology_check": "terminology.check",
    "api:terminology_term_list": "terminology.term.view",
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
    # --- reports -----------------------------------------------------------------------------
    "reports:index": "reports.view",
    "reports:network_overview": "reports.view",
    "reports:network_overview_export": "reports.view",
}


_admins_only = admins_only
_members_only = members_only


SCOPES = {
    # --- foundation --------------------------------------------------------------------------
    "access.auditentry": _admins_only,
    "accounts.apitoken": lambda p, qs: qs.filter(user_id=p.user_id) if p.user_id else qs.none(),
    "accounts.invitation": lambda p, qs: (
        qs if p.is_admin else qs.filter(invited_by_id=p.user_id) if p.user_id else qs.none()
    ),
    # --- network -----------------------------------------------------------------------------
    "network.country": _members_only,
    "network.organisation": _members_only,
    "network.person": lambda p, qs: network_person_scope(p, qs),
    "network.membership": _members_only,
    "network.focalpoint": _members_only,
    "network.advisorypanel": _members_only,
    "network.panelmember": _members_only,
    "network.vetting": lambda p, qs: network_vetting_scope(p, qs),
    "network.panelmeeting": lambda p, qs: network_meeting_scope(p, qs),
    "network.importbatch": lambda p, qs: (
        qs.filter(created_by_id=p.user_id) if p.is_admin or p.focal_country_ids else qs.none()
    ),
    # --- terminology -------------------------------------------------------------------------
    "terminology.term": lambda p, qs: (
        qs
        if p.is_admin
        else qs.filter(active=True)
        if p.has(R.MEMBER, R.FOCAL_POINT, R.LE_VETTED, R.TRAINER)
        else qs.none()
    ),
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
}

NAMESPACES = {"admin": "admin_site.use"}


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


# --- network (helpers for the network sections above) -----------------------------------------
def network_person_manageable(p: Principal, person) -> bool:
    """Admins: everyone; focal points: people with a current membership in their country."""
    if p.is_admin:
        return True
    return bool(p.focal_country_ids & person.country_ids())


def network_can_vet(p: Principal, person) -> bool:
    return person.pk != p.person_id and network_person_manageable(p, person)


def network_person_scope(p: Principal, qs):
    """Members see the people of member organisations (a current membership), never guests or
    former members; admins see every entry, erased ones (names removed) included."""
    if p.is_admin:
        return qs
    if not p.is_member:
        return qs.none()
    from django.apps import apps

    membership = apps.get_model("network", "Membership")
    current = membership.objects.filter(membership.current_q()).values("person_id")
    return qs.filter(erased_at__isnull=True, pk__in=current)


def network_vetting_scope(p: Principal, qs):
    """Vetting records: admins, focal points for people of their country, and the person."""
    if p.is_admin:
        return qs
    q = Q(person_id=p.person_id) if p.person_id else Q(pk__in=[])
    if p.focal_country_ids:
        from django.apps import apps

        membership = apps.get_model("network", "Membership")
        local = membership.objects.filter(
            membership.current_q(), organisation__country_id__in=list(p.focal_country_ids)
        )
        q |= Q(person_id__in=local.values("person_id"))
    return qs.filter(q)


def network_meeting_scope(p: Principal, qs):
    """Panel minutes follow the TLP: a subquery keeps the rows distinct without distinct()."""
    if not p.is_member:
        return qs.none()
    return qs.filter(pk__in=qs.model.objects.filter(marking_q(p)).values("pk"))


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
