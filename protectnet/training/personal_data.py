"""The training app's part of a person's data: enrolments, attendance, test answers and
scores, evaluations, follow-ups and certificates. Erasure withdraws and anonymises the
certificate: the public verification page then says "withdrawn" and shows no name.
Found by `core.providers("personal_data")`."""

from django.db.models import Prefetch
from django.utils import timezone

from protectnet.core.exports import iso

from .models import Certificate, Delivery, Enrolment, Evaluation, FollowUp, RevocationCause
from .services.common import record

LABEL = "training"

MODELS = {
    "training.enrolment": "exported; kept for the capacity figures (the person is erased)",
    "training.attendanceday": "exported with the enrolment; kept for attendance rates",
    "training.testsubmission": "answers and scores exported; kept (no name) for knowledge gain",
    "training.evaluation": "exported; erased: comments cleared, ratings kept",
    "training.followup": "exported; erased: the example cleared, the answer kept",
    "training.certificate": "exported; erased: withdrawn (cause 'erased'), holder name and "
    "staff reason cleared; the verification page says withdrawn, with no name",
    "training.delivery": "deliveries the person trains exported; kept: the trainer link points "
    "to the erased entry; `created_by` points to the disabled account",
    "training.course": "`created_by` points to the disabled account; nothing personal stored",
}

EXEMPT = {
    "training.question": "question text of the bank",
    "training.choice": "answer text of the bank",
}


def _enrolment(e: Enrolment) -> dict:
    certificate = e.certificate_or_none
    evaluation = e.evaluation_or_none
    return {
        "course": e.delivery.course.title,
        "delivery": f"{iso(e.delivery.start_date)} – {iso(e.delivery.end_date)}",
        "organisation": e.organisation.name,
        "status": e.status,
        "attendance_percent": e.attendance_percent,
        "completed_at": iso(e.completed_at),
        "attendance": [{"day": iso(a.day), "present": a.present} for a in e.attendance.all()],
        "tests": [
            {"kind": s.kind, "score": s.score, "max_score": s.max_score, "answers": s.answers}
            for s in e.submissions.all()
        ],
        "evaluation": _evaluation(evaluation) if evaluation else None,
        "follow_ups": [
            {"months": f.months, "applied": f.applied, "example": f.example}
            for f in e.followups.all()
        ],
        "certificate": _certificate(certificate) if certificate else None,
    }


def _evaluation(ev: Evaluation) -> dict:
    names = ("overall", "relevance", "trainers", "materials", "comments")
    return {n: getattr(ev, n) for n in names}


def _certificate(c: Certificate) -> dict:
    return {
        "code": c.code,
        "holder_name": c.holder_name,
        "course_title": c.course_title,
        "course_title_lang": c.course_title_lang,
        "issued_at": iso(c.issued_at),
        "revoked_at": iso(c.revoked_at),
        "public_status": c.public_revocation_reason or "valid",
    }


def export(*, person, user) -> dict:
    if person is None:
        return {}
    enrolments = (
        Enrolment.objects.filter(person=person)
        .select_related("delivery__course", "organisation", "certificate", "evaluation")
        .prefetch_related(
            "attendance", "submissions", Prefetch("followups", FollowUp.objects.order_by("months"))
        )
    )
    trained = Delivery.objects.filter(trainers=person).select_related("course")
    enrolment_rows = [_enrolment(e) for e in enrolments]
    return {
        "enrolments": enrolment_rows,
        "certificates": [r["certificate"] for r in enrolment_rows if r["certificate"]],
        "deliveries_trained": [
            {"course": d.course.title, "start_date": iso(d.start_date)} for d in trained
        ],
    }


def erase(*, person, user, actor) -> None:
    if person is None:
        return
    enrolments = Enrolment.objects.filter(person=person)
    Evaluation.objects.filter(enrolment__in=enrolments).update(comments="")
    FollowUp.objects.filter(enrolment__in=enrolments).update(example="")
    now = timezone.now()
    for certificate in Certificate.objects.filter(enrolment__in=enrolments):
        if certificate.revoked_at is None:
            certificate.revoked_at, certificate.revoked_by = now, actor
        certificate.holder_name = ""
        certificate.revocation_reason = ""
        certificate.revocation_cause = RevocationCause.ERASED
        fields = ["revoked_at", "revoked_by", "holder_name", "revocation_reason"]
        certificate.save(update_fields=[*fields, "revocation_cause"])
        record(
            "training.certificate.withdraw", actor=actor, obj=certificate, data={"cause": "erased"}
        )
