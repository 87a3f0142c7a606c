"""Backup and restore round trip, on whichever database the suite runs."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command

from protectnet.network.models import Country, Organisation
from tests.conftest import S3_BUCKET, s3_objects
from tests.core.backup_support import skip_without_postgresql_client


@pytest.fixture
def media(settings, tmp_path):
    skip_without_postgresql_client()
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
    cache.set("counted-before-the-restore", 1)

    call_command("restore", str(backup), yes=True)

    assert list(Organisation.objects.values_list("name", flat=True)) == ["Backup Test NGO"]
    assert (media / "library" / "guide.pdf").read_bytes() == b"%PDF-1.4 fictitious"
    # Nothing cached from the replaced data survives (a restored database repeats versions).
    assert cache.get("counted-before-the-restore") is None


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


# --- Signed, private, optionally encrypted --------------------------------------------------


def _fernet_style_key() -> str:
    import base64
    import os

    return base64.urlsafe_b64encode(os.urandom(32)).decode()


@pytest.fixture
def site(settings, media, transactional_db):
    settings.BACKUP_SIGNING_KEYS = ["fictitious-signing-key"]
    settings.BACKUP_ENCRYPTION_KEYS = []
    country = Country.objects.create(code="KH")
    Organisation.objects.create(name="Backup Test NGO", sector="ngo", country=country)
    (media / "library" / "guide.pdf").write_bytes(b"%PDF-1.4 fictitious guide")
    return media


def _change_everything(media: Path) -> None:
    Organisation.objects.all().delete()
    (media / "library" / "guide.pdf").unlink()
    (media / "library" / "later.pdf").write_bytes(b"%PDF-1.4 added after the backup")


def _assert_back_to_the_backup(media: Path) -> None:
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Backup Test NGO"]
    assert sorted(p.name for p in (media / "library").iterdir()) == ["guide.pdf"]
    assert (media / "library" / "guide.pdf").read_bytes() == b"%PDF-1.4 fictitious guide"


def test_an_encrypted_backup_hides_its_content_and_restores(site, settings, tmp_path):
    settings.BACKUP_ENCRYPTION_KEYS = [_fernet_style_key()]
    settings.BACKUP_CHUNK_BYTES = 4096  # several chunks, so their order and count are checked
    call_command("backup", output=str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")
    manifest = json.loads((backup / "manifest.json").read_text())

    assert manifest["encryption"]["algorithm"] == "AES-256-GCM"
    assert sorted(entry["role"] for entry in manifest["files"].values()) == ["database", "media"]
    for name in manifest["files"]:
        assert name.endswith(".enc")
        stored = (backup / name).read_bytes()
        assert b"Backup Test NGO" not in stored
        assert not stored.startswith((b"SQLite format 3", b"PGDMP", b"\x1f\x8b"))
    assert sorted(p.name for p in backup.iterdir()) == sorted([*manifest["files"], "manifest.json"])

    _change_everything(site)
    call_command("restore", str(backup), yes=True)
    _assert_back_to_the_backup(site)


def test_backups_made_with_earlier_keys_still_restore_after_rotation(site, settings, tmp_path):
    old_encryption_key = _fernet_style_key()
    settings.BACKUP_ENCRYPTION_KEYS = [old_encryption_key]
    settings.BACKUP_SIGNING_KEYS = ["fictitious-old-signing-key"]
    call_command("backup", output=str(tmp_path / "backups"))
    settings.BACKUP_ENCRYPTION_KEYS = [_fernet_style_key(), old_encryption_key]
    settings.BACKUP_SIGNING_KEYS = ["fictitious-new-signing-key", "fictitious-old-signing-key"]

    _change_everything(site)
    call_command("restore", str(_only_backup(tmp_path / "backups")), yes=True)
    _assert_back_to_the_backup(site)


def test_backups_are_readable_by_their_owner_only_whatever_the_umask(site, tmp_path):
    import os
    import stat

    previous = os.umask(0)
    try:
        call_command("backup", output=str(tmp_path / "backups"))
    finally:
        os.umask(previous)
    backup = _only_backup(tmp_path / "backups")

    assert stat.S_IMODE(backup.stat().st_mode) == 0o700
    files = list(backup.iterdir())
    assert len(files) == 3
    assert {stat.S_IMODE(path.stat().st_mode) for path in files} == {0o600}


def test_a_bad_encryption_key_is_refused_with_a_clear_message(site, settings, tmp_path):
    settings.BACKUP_ENCRYPTION_KEYS = ["not a key"]
    with pytest.raises(CommandError, match="BACKUP_ENCRYPTION_KEY must be 32 random bytes"):
        call_command("backup", output=str(tmp_path / "backups"))
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


@pytest.mark.parametrize("command", [["backup", "--output", "backups"], ["restore", "x", "--yes"]])
def test_production_refuses_to_back_up_or_restore_without_a_signing_key(tmp_path, command):
    import subprocess
    import sys

    from cryptography.fernet import Fernet
    from django.conf import settings

    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(settings.BASE_DIR),
        "DEBUG": "0",
        "SECRET_KEY": "fictitious-production-secret-" + "x" * 40,
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "AUDIT_HMAC_KEY": "fictitious-production-audit-key-" + "y" * 40,
        "PROTECTNET_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'var' / 'site.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set BACKUP_SIGNING_KEY" in result.stderr
    assert not (tmp_path / "backups").exists()


def test_a_bucket_is_backed_up_and_restored_object_for_object(
    transactional_db, media, s3_bucket, tmp_path
):
    store = storages["default"]
    store.save("library/ab/guide", ContentFile(b"%PDF-1.4 fictitious guide"))
    store.save("staging/cd/draft", ContentFile(b"a staged draft"))
    call_command("backup", output=str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")
    # After the backup: one object lost, one changed in place, one added.
    store.delete("library/ab/guide")
    s3_bucket.put_object(Bucket=S3_BUCKET, Key="staging/cd/draft", Body=b"changed")
    store.save("library/ef/later", ContentFile(b"uploaded after the backup"))

    call_command("restore", str(backup), yes=True)

    assert s3_objects(s3_bucket) == ["library/ab/guide", "staging/cd/draft"]
    read = {key: store.open(key).read() for key in s3_objects(s3_bucket)}
    assert read == {
        "library/ab/guide": b"%PDF-1.4 fictitious guide",
        "staging/cd/draft": b"a staged draft",
    }
    assert not any(media.rglob("guide")), "the bucket's files do not land in MEDIA_ROOT"


def test_a_folder_backup_restores_into_a_bucket(transactional_db, media, tmp_path, request):
    """Moving a site from a shared folder to object storage is a backup and a restore."""
    (media / "library" / "ab").mkdir()
    (media / "library" / "ab" / "guide").write_bytes(b"%PDF-1.4 from the folder")
    call_command("backup", output=str(tmp_path / "backups"))
    backup = _only_backup(tmp_path / "backups")

    bucket = request.getfixturevalue("s3_bucket")
    call_command("restore", str(backup), yes=True)

    assert s3_objects(bucket) == ["library/ab/guide"]
    body = bucket.get_object(Bucket=S3_BUCKET, Key="library/ab/guide")["Body"].read()
    assert body == b"%PDF-1.4 from the folder"
