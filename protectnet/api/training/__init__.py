"""The training API, one module per resource; see training/rules.py for who may call each.

Reads go through the same selectors as the pages; writes through the same services, so the
capacity lock, the policy and the audit log apply alike.
"""

from ninja import Router

from . import certificates, courses, deliveries, enrolments, questions

router = Router(tags=["training"])
for _module in (courses, deliveries, enrolments, certificates, questions):
    router.add_router("", _module.router)

# Operation ids before they were named <app>_<noun>_<verb> (old id -> new id).
RENAMED = {
    "course_list": "training_course_list",
    "course_get": "training_course_get",
    "course_create": "training_course_create",
    "delivery_list": "training_delivery_list",
    "delivery_get": "training_delivery_get",
    "delivery_create": "training_delivery_create",
    "enrolment_list": "training_enrolment_list",
    "enrolment_create": "training_enrolment_create",
    "certificate_list": "training_certificate_list",
    "certificate_verify": "training_certificate_verify",
}
