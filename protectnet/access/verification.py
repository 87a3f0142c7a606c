"""Verify the audit log: every sealed entry, its link, its personal fields, and the heads kept
outside the database. Lists every problem, not only the first."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .audit import (
    ERASURE_ACTION,
    GENESIS,
    entry_digest,
    heads_file_path,
    personal_digest,
    seal,
    sealed_head,
)
from .models import AuditEntry


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str


@dataclass
class Report:
    problems: list[ChainProblem] = field(default_factory=list)
    verified: int = 0
    unsealed: int = 0
    head: tuple[int, str] = (0, GENESIS)


class _Checker:
    def __init__(self, *, heads: Iterator[tuple[int, str]] | None, expect_head):
        self.problems: dict[int, str] = {}
        self.heads, self.pending = heads, next(heads, None) if heads else None
        self.expect_head, self.expect_seen = expect_head, False
        self.expected_prev, self.expected_seq, self.count = GENESIS, 1, 0
        self.erased: dict[int, int] = {}  # entry id -> seq
        self.erasures_named: set[int] = set()

    def flag(self, seq: int, reason: str) -> None:
        self.problems.setdefault(seq, reason)

    def entry(self, entry: AuditEntry) -> None:
        gap = entry.seq != self.expected_seq
        for seq in range(self.expected_seq, entry.seq):
            self.flag(seq, "missing: the entry was removed")
        if not gap and entry.prev_hash != self.expected_prev:
            self.flag(entry.seq, "previous hash does not match the entry before it")
        intact = entry_digest(entry) == entry.hash
        if not intact:
            self.flag(entry.seq, "contents were altered after it was sealed")
        if entry.erased:
            self.erased[entry.pk] = entry.seq
        elif personal_digest(entry) != entry.personal_digest:
            self.flag(entry.seq, "personal fields (actor, IP, object) were altered")
        if intact and entry.action == ERASURE_ACTION:
            self.erasures_named.update(int(i) for i in entry.data.get("entries", []))
        self._against_heads(entry)
        if self.expect_head and entry.seq == self.expect_head[0]:
            self.expect_seen = True
            if entry.hash != self.expect_head[1]:
                self.flag(entry.seq, "does not match the head given with --expect-head")
        self.expected_prev, self.expected_seq = entry.hash, entry.seq + 1
        self.count += 1

    def _against_heads(self, entry: AuditEntry) -> None:
        while self.pending and self.pending[0] <= entry.seq:
            seq, digest = self.pending
            if seq == entry.seq and digest != entry.hash:
                self.flag(seq, "does not match the head recorded in the heads file")
            self.pending = next(self.heads, None)

    def finish(self, head_seq: int) -> None:
        last_known = head_seq
        if self.pending:
            last_known = max(last_known, *(seq for seq, _ in [self.pending, *self.heads]))
        for seq in range(self.expected_seq, last_known + 1):
            self.flag(seq, "missing: the newest entries were removed (see the heads file)")
        if self.expect_head and not self.expect_seen:
            self.flag(self.expect_head[0], "the head given with --expect-head is not in the log")
        for entry_id, seq in self.erased.items():
            if entry_id not in self.erasures_named:
                self.flag(seq, "personal fields erased without an erasure entry naming it")


def _read_heads(path: Path) -> Iterator[tuple[int, str]]:
    with path.open() as lines:
        for line in lines:
            parts = line.split()
            if len(parts) >= 2 and parts[0].isdigit():
                yield int(parts[0]), parts[1]


def verify_log(
    *,
    seal_first: bool = True,
    use_heads_file: bool = True,
    expect_head: tuple[int, str] | None = None,
    batch_size: int = 2000,
) -> Report:
    """Seal what is pending (unless told not to), then check every sealed entry."""
    if seal_first:
        seal()
    path = heads_file_path()
    has_file = use_heads_file and path.exists() and path.stat().st_size > 0
    checker = _Checker(heads=_read_heads(path) if has_file else None, expect_head=expect_head)
    sealed = AuditEntry.objects.filter(seq__isnull=False).order_by("seq")
    for entry in sealed.iterator(chunk_size=batch_size):
        checker.entry(entry)
    head = sealed_head()
    checker.finish(head[0])
    if use_heads_file and not has_file and checker.count:
        checker.flag(0, f"the heads file ({path.name}) is missing or empty")
    problems = [ChainProblem(seq, reason) for seq, reason in sorted(checker.problems.items())]
    unsealed = AuditEntry.objects.filter(seq__isnull=True).count()
    return Report(problems=problems, verified=checker.count, unsealed=unsealed, head=head)
