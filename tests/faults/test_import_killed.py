"""An import killed in the middle of its commit leaves the directory as it was; run again, it
imports every row."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from protectnet.access.models import AuditEntry
from protectnet.network import importer
from protectnet.network.models import ImportBatch, Membership, Person
from tests import factories as f

from .conftest import run_until_paused, verify_audit

pytestmark = pytest.mark.faults

ROWS = 300
HEADER = "full_name,email,phone,organisation,country,languages,expertise,consent_directory\n"


def _batch() -> tuple[ImportBatch, object]:
    kh = f.CountryFactory(code="KH")
    f.OrganisationFactory(name="Cambodian Fault NGO", country=kh)
    admin = f.make_admin("importer-admin@example.test")
    text = HEADER + "".join(
        f"Fault Person {i},fault-{i}@example.test,,Cambodian Fault NGO,KH,km,training,yes\n"
        for i in range(ROWS)
    )
    upload = SimpleUploadedFile("people.csv", text.encode(), content_type="text/csv")
    return importer.import_start(actor=admin, kind="people", upload=upload), admin


def _imported() -> int:
    return Person.objects.filter(email__startswith="fault-").count()


# Where the crash happens: after the first people were written, after the memberships, and
# after the audit entry (the last statement before COMMIT).
KILL_POINTS = ['insert into "network_person"', 'insert into "network_membership"']
KILL_POINTS.append('insert into "access_auditentry"')


@pytest.mark.parametrize("kill_after", KILL_POINTS)
def test_import_killed_before_commit_writes_no_row_and_can_be_run_again(db_url, kill_after):
    batch, admin = _batch()
    audit_before = AuditEntry.objects.count()

    ended = run_until_paused(
        db_url, "import", str(batch.pk), str(admin.pk), "--pause-after", kill_after
    )

    assert ended == "killed"
    batch.refresh_from_db()
    assert batch.status == "preview"
    assert len(batch.rows) == ROWS
    assert _imported() == 0
    assert not Membership.objects.filter(person__email__startswith="fault-").exists()
    assert AuditEntry.objects.count() == audit_before
    assert "Audit log intact" in verify_audit(db_url)

    assert run_until_paused(db_url, "import", str(batch.pk), str(admin.pk)) == "finished"
    batch.refresh_from_db()
    assert batch.status == "committed"
    assert _imported() == ROWS
    assert Membership.objects.filter(person__email__startswith="fault-").count() == ROWS
    assert AuditEntry.objects.filter(action="network.import.committed").count() == 1
    assert "Audit log intact" in verify_audit(db_url)
