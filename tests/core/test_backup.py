"""Backup and restore round trip, on whichever database the suite runs."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from protectnet.network.models import Country, Organisation


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "library").mkdir(parents=True)
    return Path(settings.MEDIA_ROOT)


def _only_backup(folder: Path) -> Path:
    (backup,) = list(folder.iterdir())
    return backup


def test_restore_brings_back_rows_and_files_removed_after_the_backup(
    transactional_db, media, tmp_path
):
    country = Country.objects.create(code="KH")
    Organisation.objects.create(name="Backup Test NGO", sector="ngo", country=country)
    (media / "library" / "guide.pdf").write_bytes(b"%PDF-1.4 fictitious")

    call_command("backup", output=str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")
    Organisation.objects.all().delete()
    (media / "library" / "guide.pdf").unlink()
    Organisation.objects.create(name="Created after the backup", sector="ngo", country=country)

    call_command("restore", str(backup), yes=True)

    assert list(Organisation.objects.values_list("name", flat=True)) == ["Backup Test NGO"]
    assert (media / "library" / "guide.pdf").read_bytes() == b"%PDF-1.4 fictitious"


def test_a_damaged_backup_is_refused_and_nothing_is_replaced(transactional_db, media, tmp_path):
    country = Country.objects.create(code="TH")
    call_command("backup", output=str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")
    manifest = json.loads((backup / "manifest.json").read_text())
    damaged = next(name for name in manifest["files"] if name.startswith("database"))
    (backup / damaged).write_bytes(b"not a database")
    Organisation.objects.create(name="Kept", sector="ngo", country=country)

    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(backup), yes=True)
    assert Organisation.objects.filter(name="Kept").exists()


def test_restore_asks_for_confirmation(transactional_db, tmp_path):
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(tmp_path))
