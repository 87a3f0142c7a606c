"""Backups: a consistent copy of the database plus var/media, and a way back that refuses what it
cannot prove whole.

A backup folder (0700) holds the database (SQLite online-backup copy or `pg_dump` custom format),
a gzipped tar of the media, and `manifest.json`: each file's role, size and SHA-256, signed with
HMAC-SHA256 (`BACKUP_SIGNING_KEY`). With `BACKUP_ENCRYPTION_KEY` the two files are encrypted in
chunks (stream.py). Restore checks everything into a staging area first (restore.py) and only
then swaps the verified copies in.
"""

from .create import backup_create
from .errors import BackupError
from .restore import backup_restore

__all__ = ["BackupError", "backup_create", "backup_restore"]
