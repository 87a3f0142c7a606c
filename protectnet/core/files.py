"""Stored files through Django's storage API, in named areas of one store.

The store is STORAGES["default"]: a folder under MEDIA_ROOT (one machine, or a folder every app
server mounts) or an S3-compatible bucket (MEDIA_STORAGE=s3, django-storages). Each app keeps
its files in an area ("library/", "staging/") and stores names relative to it, so the same rows
work on either store. Nothing here decides who may read a file: views ask the access policy
first, then hand the file out with `download`.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import storages
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header


def store():
    return storages["default"]


def served_by_store() -> bool:
    """True when the store hands out signed, short-lived addresses (an object store)."""
    return settings.MEDIA_STORAGE == "s3"


def all_names(folder: str = "") -> Iterator[str]:
    """Every stored name in the store, at any depth (for backups of an object store)."""
    s = store()
    try:
        folders, names = s.listdir(folder)
    except FileNotFoundError:  # a folder store before its first file
        return
    base = f"{folder}/" if folder else ""
    for name in names:
        yield base + name
    for sub in folders:
        yield from all_names(base + sub)


def put(name: str, content: BinaryIO) -> None:
    """Write `content` under exactly `name`, replacing what is there (a restore does this; the
    store never overwrites on an ordinary save)."""
    s = store()
    if s.exists(name):
        s.delete(name)
    saved = s.save(name, File(content))
    if saved != name:  # another writer took the name between the two calls
        s.delete(saved)
        raise FileExistsError(f"{name} was written by someone else during the restore")


@dataclass(frozen=True)
class Area:
    prefix: str  # "library", "staging"

    def _full(self, name: str) -> str:
        return f"{self.prefix}/{name}"

    def save(self, name: str, data: bytes) -> str:
        saved = store().save(self._full(name), ContentFile(data))
        return saved.removeprefix(f"{self.prefix}/")

    def open(self, name: str):
        return store().open(self._full(name), "rb")

    def read(self, name: str) -> bytes:
        with self.open(name) as handle:
            return handle.read()

    def delete(self, name: str) -> None:
        store().delete(self._full(name))

    def exists(self, name: str) -> bool:
        return store().exists(self._full(name))

    def files(self) -> list[tuple[str, datetime]]:
        """Every (name, modified time) in the area, two levels deep ("ab/abcdef...")."""
        s = store()
        try:
            folders, _files = s.listdir(self.prefix)
        except FileNotFoundError:  # a folder store before its first file
            return []
        found = []
        for folder in folders:
            for name in s.listdir(self._full(folder))[1]:
                relative = f"{folder}/{name}"
                found.append((relative, s.get_modified_time(self._full(relative))))
        return found

    def signed_url(self, name: str, *, filename: str, content_type: str) -> str:
        """An address the object store answers for MEDIA_URL_SECONDS, as an attachment."""
        return store().url(
            self._full(name),
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
            expire=settings.MEDIA_URL_SECONDS,
        )


def download(area: Area, name: str, *, filename: str, content_type: str) -> HttpResponse:
    """The file as an attachment, after the caller has checked the policy and audited the read.

    From a folder the bytes stream through this response. From an object store the answer is a
    redirect to an address signed for MEDIA_URL_SECONDS: the bucket stays private, a copied
    link stops working within a minute, and the app server does not carry the bytes."""
    if served_by_store():
        response = HttpResponseRedirect(
            area.signed_url(name, filename=filename, content_type=content_type)
        )
    else:
        response = FileResponse(
            area.open(name), as_attachment=True, filename=filename, content_type=content_type
        )
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
