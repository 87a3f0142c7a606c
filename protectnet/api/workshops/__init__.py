"""API operations of the workshops app, one module per resource.

Reads go through the same selectors as the pages; writes through the same services, so the
policy, the seat locks and the audit log apply alike. Every operation declares its action
(`@requires`) and is named `workshops_<noun>_<verb>`. A path that is read and written
(sessions, feedback, my registration) belongs to one resource router, or ninja answers 405.
"""

from ninja import Router

from . import checkins, delegations, feedback, outcomes, registrations, sessions, workshops

router = Router()
for module in (workshops, sessions, delegations, registrations, checkins, feedback, outcomes):
    router.add_router("", module.router)

# Old operation id -> new one (the ids are the rule keys and what clients see in the schema).
RENAMED = {
    "workshop_list": "workshops_workshop_list",
    "workshop_get": "workshops_workshop_get",
    "workshop_session_list": "workshops_session_list",
    "workshop_session_create": "workshops_session_create",
    "session_update": "workshops_session_update",
    "workshop_delegation_list": "workshops_delegation_list",
    "workshop_nomination_list": "workshops_nomination_list",
    "workshop_nomination_create": "workshops_nomination_create",
    "workshop_registration_list": "workshops_registration_list",
    "workshop_registration_get": "workshops_registration_get",
    "workshop_registration_put": "workshops_registration_save",
    "workshop_registration_cancel": "workshops_registration_cancel",
    "workshop_checkin_create": "workshops_checkin_create",
    "workshop_feedback_summary": "workshops_feedback_summarise",
    "workshop_feedback_create": "workshops_feedback_create",
    "workshop_outcome_list": "workshops_outcome_list",
    "workshop_outcome_create": "workshops_outcome_create",
    "outcome_update": "workshops_outcome_update",
}
