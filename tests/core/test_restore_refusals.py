"""A backup that cannot be proven whole is refused, and the refusal changes nothing: the database
(SQLite: the file, byte for byte; PostgreSQL: its full dump) and the media stay as they were."""

import base64
import io
import os
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from protectnet.network.models import Country, Organisation
from tests.core import backup_support as bs


@pytest.fixture
def site(settings, tmp_path, transactional_db):
    bs.skip_without_postgresql_client()
    settings.MEDIA_ROOT = tmp_path / "site" / "media"
    settings.BACKUP_SIGNING_KEYS = [bs.SIGNING_KEY]
    settings.BACKUP_ENCRYPTION_KEYS = []
    media = Path(settings.MEDIA_ROOT)
    (media / "library").mkdir(parents=True)
    (media / "library" / "guide.pdf").write_bytes(b"%PDF-1.4 fictitious guide")
    country = Country.objects.create(code="KH")
    Organisation.objects.create(name="Backup Test NGO", sector="ngo", country=country)
    return media


def _backup(tmp_path) -> Path:
    call_command("backup", output=str(tmp_path / "backups"))
    return bs.only_backup(tmp_path / "backups")


def _change_site_after_backup(media: Path) -> None:
    """So that a restore that went through would show."""
    Organisation.objects.create(
        name="Created after the backup", sector="ngo", country=Country.objects.get(code="KH")
    )
    (media / "library" / "later.pdf").write_bytes(b"%PDF-1.4 added after the backup")


def _assert_refused_and_unchanged(backup: Path, media: Path, match: str) -> None:
    _change_site_after_backup(media)
    database, files = bs.database_state(), bs.media_state(media)
    with pytest.raises(CommandError, match=match) as refusal:
        call_command("restore", str(backup), yes=True)
    assert "nothing was restored" in str(refusal.value)
    assert bs.database_state() == database
    assert bs.media_state(media) == files
    assert bs.leftovers_beside_database() == []
    assert Organisation.objects.filter(name="Created after the backup").exists()


def _drop_role(role):
    def tamper(backup):
        manifest = bs.read_manifest(backup)
        manifest["files"] = {n: e for n, e in manifest["files"].items() if e["role"] != role}
        bs.write_manifest(backup, manifest)

    return tamper


def _extra_file(backup):
    (backup / "notes.txt").write_text("not part of the backup")


def _media_missing(backup):
    bs.stored_file(backup, "media").unlink()


def _media_damaged(backup):
    path = bs.stored_file(backup, "media")
    path.write_bytes(path.read_bytes()[:-1] + b"x")


def _unsigned(backup):
    bs.write_manifest(backup, bs.read_manifest(backup), key=None)


def _signed_with_another_key(backup):
    bs.write_manifest(backup, bs.read_manifest(backup), key="some other fictitious key")


def _checksum_edited(backup):
    path = bs.stored_file(backup, "database")
    path.write_bytes(path.read_bytes() + b"appended")
    bs.record_checksum(backup, path, resign=False)


def _other_database_engine(backup):
    manifest = bs.read_manifest(backup)
    manifest["database"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    bs.write_manifest(backup, manifest)


@pytest.mark.parametrize(
    ("tamper", "match"),
    [
        (_drop_role("database"), "lists no database"),
        (_drop_role("media"), "lists no media archive"),
        (_extra_file, "notes.txt is in the backup folder but not in the manifest"),
        (_media_missing, "media.tar.gz is listed in the manifest but missing"),
        (_media_damaged, "media.tar.gz is damaged"),
        (_unsigned, "not signed"),
        (_signed_with_another_key, "signature does not match"),
        (_checksum_edited, "signature does not match"),
        (_other_database_engine, "this site runs"),
    ],
    ids=[
        "no-database-entry",
        "no-media-entry",
        "file-not-listed",
        "listed-file-missing",
        "checksum-mismatch",
        "unsigned",
        "wrong-signing-key",
        "checksum-edited-after-signing",
        "other-engine",
    ],
)
def test_a_backup_that_is_not_whole_is_refused(site, tmp_path, tamper, match):
    backup = _backup(tmp_path)
    tamper(backup)
    _assert_refused_and_unchanged(backup, site, match)


def test_a_backup_without_a_manifest_is_refused(site, tmp_path):
    backup = _backup(tmp_path)
    (backup / "manifest.json").unlink()
    with pytest.raises(CommandError, match="not a ProtectNet backup"):
        call_command("restore", str(backup), yes=True)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite database file")
def test_a_corrupt_sqlite_copy_is_refused_even_with_a_resigned_manifest(site, tmp_path):
    import sqlite3

    backup = _backup(tmp_path)
    path = bs.stored_file(backup, "database")
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'network_organisation'"
        ).fetchone()
    db.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size] ^= 0xFF  # the b-tree page type of the organisations table
    path.write_bytes(bytes(data))
    bs.record_checksum(backup, path)
    _assert_refused_and_unchanged(backup, site, "integrity check")


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL dump")
def test_a_truncated_postgresql_dump_is_refused_even_with_a_resigned_manifest(site, tmp_path):
    backup = _backup(tmp_path)
    path = bs.stored_file(backup, "database")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 4])
    bs.record_checksum(backup, path)
    _assert_refused_and_unchanged(backup, site, "database dump")


def _archive(members: list[tarfile.TarInfo]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for member in members:
            if member.isfile():
                member.size = len(b"fictitious")
                tar.addfile(member, io.BytesIO(b"fictitious"))
            else:
                tar.addfile(member)
    return buffer.getvalue()


def _member(name, kind=tarfile.REGTYPE, linkname=""):
    member = tarfile.TarInfo(name)
    member.type, member.linkname = kind, linkname
    return member


@pytest.mark.parametrize(
    "evil",
    [
        _member("media/../../escaped.txt"),
        _member("/tmp/escaped.txt"),  # noqa: S108 - an absolute path inside a hostile archive
        _member("media/library/link", tarfile.SYMTYPE, "../../../escaped.txt"),
        _member("media/library/hard", tarfile.LNKTYPE, "../escaped.txt"),
    ],
    ids=["dot-dot", "absolute", "symlink-outside", "hardlink-outside"],
)
def test_a_media_archive_leading_outside_is_refused(site, tmp_path, evil):
    backup = _backup(tmp_path)
    path = bs.stored_file(backup, "media")
    path.write_bytes(_archive([_member("media/library/ok.pdf"), evil]))
    bs.record_checksum(backup, path)
    _assert_refused_and_unchanged(backup, site, "media archive")
    assert not (tmp_path / "escaped.txt").exists()
    assert not list(tmp_path.rglob("escaped.txt"))


def test_a_media_archive_that_is_not_a_tar_file_is_refused(site, tmp_path):
    backup = _backup(tmp_path)
    path = bs.stored_file(backup, "media")
    path.write_bytes(b"\x1f\x8b not really gzip")
    bs.record_checksum(backup, path)
    _assert_refused_and_unchanged(backup, site, "not a readable tar")


def _key() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def test_a_wrong_encryption_key_is_refused_before_anything_is_replaced(site, tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEYS = [_key()]
    backup = _backup(tmp_path)
    settings.BACKUP_ENCRYPTION_KEYS = [_key()]
    _assert_refused_and_unchanged(backup, site, "encrypted with another key")


def test_an_encrypted_backup_without_a_key_is_refused(site, tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEYS = [_key()]
    backup = _backup(tmp_path)
    settings.BACKUP_ENCRYPTION_KEYS = []
    _assert_refused_and_unchanged(backup, site, "set BACKUP_ENCRYPTION_KEY")


def test_an_altered_encrypted_file_is_refused_even_with_a_resigned_manifest(
    site, tmp_path, settings
):
    settings.BACKUP_ENCRYPTION_KEYS = [_key()]
    backup = _backup(tmp_path)
    path = bs.stored_file(backup, "database")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    bs.record_checksum(backup, path)
    _assert_refused_and_unchanged(backup, site, "does not decrypt")


def test_an_encrypted_file_cut_at_a_chunk_boundary_is_refused(site, tmp_path, settings):
    settings.BACKUP_ENCRYPTION_KEYS = [_key()]
    settings.BACKUP_CHUNK_BYTES = 1024
    backup = _backup(tmp_path)
    path = bs.stored_file(backup, "database")
    header, record = 36, 1024 + 16
    data = path.read_bytes()
    assert len(data) > header + 2 * record
    path.write_bytes(data[: header + 2 * record])
    bs.record_checksum(backup, path)
    _assert_refused_and_unchanged(backup, site, "does not decrypt")


def test_a_database_of_something_else_is_refused(site, tmp_path):
    """A dump that reads back whole but is no ProtectNet database: on PostgreSQL the restore
    transaction has already dropped and recreated the tables when the final check fails, so
    this proves it is rolled back as a whole."""
    backup = _backup(tmp_path)
    path = bs.stored_file(backup, "database")
    path.unlink()
    if connection.vendor == "sqlite":
        import sqlite3

        other = sqlite3.connect(path)
        other.execute("CREATE TABLE notes (body TEXT)")
        other.commit()
        other.close()
    else:
        bs.pg_dump_to(path, "--format=custom", "--exclude-table=django_migrations")
    bs.record_checksum(backup, path)
    _assert_refused_and_unchanged(backup, site, "holds no ProtectNet database")
