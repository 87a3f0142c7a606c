"""Context for detail pages (the first object of each kind) and the throughput figures."""

import csv
import io
import time

from django.core.files.uploadedfile import SimpleUploadedFile


def _first(model_path: str, *fields: str):
    """The first row's value(s) of a model, or None when the app has no rows (page skipped)."""
    from django.apps import apps

    try:
        model = apps.get_model(model_path)
    except LookupError:
        return None
    row = model.objects.order_by("pk").values_list(*fields).first()
    return row[0] if row and len(fields) == 1 else row


def context(users: dict, picks: dict) -> dict:
    """Objects picked from the built data (see picks.py), else the first row of each kind."""
    member = users["member"].person
    ctx = {
        "country_code": _first("network.Country", "code"),
        "organisation_id": member.memberships.values_list("organisation_id", flat=True).first(),
        "person_id": member.pk,
        "panel_id": _first("network.AdvisoryPanel", "pk"),
        "workshop_id": _first("workshops.Workshop", "pk"),
        "series_id": _first("workshops.Series", "pk"),
        "delegation_id": _first("workshops.Delegation", "pk"),
        "registration_id": _first("workshops.Registration", "pk"),
        "course_id": _first("training.Course", "pk"),
        "delivery_id": _first("training.Delivery", "pk"),
        "certificate_code": _first("training.Certificate", "code"),
        "resource_id": _first("library.Resource", "pk"),
        "alert_id": _first("alerts.Alert", "pk"),
        "pdf": "pdf",  # the format argument of the PDF exports
    }
    ctx.update(picks)
    return ctx


def import_throughput(admin, rows: int) -> dict:
    """People rows per second through the real upload (preview) and commit services."""
    from protectnet.network.importer import import_commit, import_start
    from protectnet.network.models import Organisation

    orgs = list(Organisation.objects.select_related("country").order_by("pk")[:50])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["full_name", "email", "organisation", "country", "consent_directory"])
    for i in range(rows):
        org = orgs[i % len(orgs)]
        writer.writerow(
            [f"Imported Person {i}", f"import{i}@example.test", org.name, org.country.code, "yes"]
        )
    upload = SimpleUploadedFile("people.csv", out.getvalue().encode(), "text/csv")
    start = time.perf_counter()
    batch = import_start(actor=admin, kind="people", upload=upload)
    previewed = time.perf_counter()
    counts = import_commit(actor=admin, batch=batch)
    done = time.perf_counter()
    return {
        "rows": rows,
        "preview_seconds": round(previewed - start, 2),
        "commit_seconds": round(done - previewed, 2),
        "rows_per_second": round(rows / (done - start)),
        "committed": counts,
    }
