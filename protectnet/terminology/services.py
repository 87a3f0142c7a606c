"""The terminology checker: `check_text` for every app, and the writes to the term list.

The compiled matcher is cached per process. An edit replaces it at once in this process and
bumps a version stamp in Django's cache so other processes rebuild theirs (with a shared cache
such as Redis; with the default per-process cache, other workers rebuild when they restart).
"""

import re
import threading
import time
import uuid
from dataclasses import asdict, dataclass, fields

from django.core.cache import cache
from django.db import transaction

from protectnet.access import audit
from protectnet.access.policy import require

from .languages import Named, language_names, script_names, scripts_in, scripts_of_terms
from .matching import Entry, Hit, Matcher
from .models import Language
from .patterns import context_hits
from .segmented import SegmentedMatcher

VERSION_KEY = "terminology:version"
BLOCKING = ("avoid", "use_with_care")

# Preferred wording that contains a discouraged word and must not be flagged.
SAFE_PHRASES = [
    "non-consensual",
    "non consensual",
    "nonconsensual",
    "transnational child sexual offender",
    "transnational child sex offender",
    "travelling child sex offender",
    "child sexual abuse material",
    "victims and survivors",
]


@dataclass(frozen=True)
class Finding:
    start: int  # offsets into the text as given: text[start:end] == matched
    end: int
    matched: str
    term: str
    preferred: list[str]
    reason: str
    severity: str  # "avoid" | "use_with_care" | "info", lowered one step when quoted
    quoted: bool  # inside quotation marks or a recognised title of a law or treaty
    exceptions: str = ""
    source: str = ""
    term_severity: str = ""  # the term's own severity, before any lowering
    language: str = "en"  # the language of the term list the term belongs to

    @property
    def blocking(self) -> bool:
        return self.severity in BLOCKING

    def to_dict(self) -> dict:
        return asdict(self)


_lock = threading.Lock()
_state: dict = {"matcher": None, "version": None, "checked_at": 0.0}
# How often a process asks the shared cache whether another process changed the list. With a
# database cache each ask is a query, so not on every call.
RECHECK_SECONDS = 2.0


@dataclass(frozen=True)
class CheckResult:
    """What a writer sees: the findings, and what the text was checked against."""

    findings: list[Finding]
    languages: list[Named]  # the languages whose terms were applied
    scripts: list[Named]  # the scripts found in the text


class Checker:
    """English through the phrase matcher (forms, quotations, titles of laws, context rules);
    the other languages on the words of the shared text pipeline. Immutable once built."""

    def __init__(self, english: Matcher, others: SegmentedMatcher, scripts: dict):
        self.english, self.others = english, others
        self.scripts_by_language = scripts  # {language: frozenset of scripts}

    def find(self, text: str, *, include_info: bool = False) -> list[Hit]:
        hits = self.english.find(text, include_info=include_info)
        hits += self.others.find(text, include_info=include_info)
        return _without_overlaps(hits)

    def languages_for(self, scripts: list[str]) -> list[str]:
        present, order = set(scripts), list(Language.values)
        codes = [code for code, own in self.scripts_by_language.items() if own & present]
        return sorted(codes, key=lambda c: order.index(c) if c in order else len(order))


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """In text order; of two overlapping hits (a loan word in two lists) the longer one."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def check_report(text: str, *, include_info: bool = False) -> CheckResult:
    """The findings of `text` and which languages' terms and which scripts that covered."""
    checker = get_matcher()
    scripts = scripts_in(text)
    return CheckResult(
        findings=check_text(text, include_info=include_info, matcher=checker),
        languages=language_names(checker.languages_for(scripts)),
        scripts=script_names(scripts),
    )


def check_text(text: str, *, include_info: bool = False, matcher=None) -> list[Finding]:
    """Every discouraged term in `text`, in order. Informational notes only with include_info.

    `matcher`: pass `get_matcher()` once when checking many texts in a row."""
    if not text:
        return []
    hits = (matcher or get_matcher()).find(text, include_info=include_info)
    return [
        Finding(
            start=h.start,
            end=h.end,
            matched=text[h.start : h.end],
            term=h.entry.key,
            preferred=list(h.entry.preferred),
            reason=h.entry.reason,
            severity=h.severity,
            quoted=h.quoted,
            exceptions=h.entry.exceptions,
            source=h.entry.source,
            term_severity=h.entry.severity,
            language=h.entry.language,
        )
        for h in hits
    ]


def check_fields(values: dict[str, str], *, include_info: bool = False) -> dict[str, list]:
    """{field: findings} for the fields that carry any."""
    result, matcher = {}, get_matcher()
    for name, value in values.items():
        text = value if isinstance(value, str) else ""
        findings = check_text(text, include_info=include_info, matcher=matcher)
        if findings:
            result[name] = findings
    return result


# -- the cached matcher ------------------------------------------------------------------------
def get_matcher() -> Checker:
    matcher, local_version = _state["matcher"], _state["version"]
    now = time.monotonic()
    if matcher is not None and now - _state["checked_at"] < RECHECK_SECONDS:
        return matcher
    _state["checked_at"] = now
    version = cache.get(VERSION_KEY)
    if matcher is not None and (version is None or version == local_version):
        if version is None:
            # The cache was cleared or restarted: adopt ours rather than rebuild everywhere.
            cache.add(VERSION_KEY, local_version, timeout=None)
        return matcher
    with _lock:
        new_version = version or uuid.uuid4().hex
        matcher = build_matcher()
        _state.update(matcher=matcher, version=new_version)
        cache.add(VERSION_KEY, new_version, timeout=None)
        return matcher


def warm() -> None:
    """Build the matcher now (one query), e.g. before measuring a page's query count."""
    get_matcher()


def invalidate() -> None:
    """Forget the compiled list here and tell other processes to rebuild theirs."""
    _state.update(matcher=None, version=None, checked_at=0.0)
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def build_matcher() -> Checker:
    from .data import read_all
    from .models import Term

    rows = list(
        Term.objects.filter(active=True).values(
            "label",
            "variants",
            "preferred",
            "reason",
            "exceptions",
            "source",
            "severity",
            "context",
            "language",
        )
    )
    if not rows and not Term.objects.exists():
        # A database without the list (a flushed test database): the shipped lists apply.
        rows = read_all()
    entries = [_entry(row) for row in rows]
    english = [e for e in entries if e.language == "en"]
    others = [e for e in entries if e.language != "en"]
    by_language: dict[str, list[str]] = {"en": ["English"]}  # the context rules are English
    for entry in entries:
        by_language.setdefault(entry.language, []).extend(entry.variants)
    return Checker(
        Matcher(
            english, safe_phrases=SAFE_PHRASES + _safe_from_preferred(english), rules=context_hits
        ),
        SegmentedMatcher(others, safe_phrases=_preferred_phrases(others)),
        scripts_of_terms(by_language),
    )


def _lines(value: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in value.splitlines() if line.strip())


def _entry(row: dict) -> Entry:
    return Entry(
        key=row["label"],
        variants=_lines(row["variants"]),
        preferred=_lines(row["preferred"]),
        reason=row["reason"],
        exceptions=row.get("exceptions", ""),
        severity=row["severity"],
        context=row["context"],
        source=row.get("source", ""),
        language=row.get("language", "en"),
    )


def _preferred_phrases(entries: list[Entry]) -> list[str]:
    """Preferred terms, each script's form of them ("儿童性虐待材料 / 兒童性虐待材料"), without
    notes in parentheses: never flagged, even where they contain a discouraged phrase."""
    phrases = []
    for entry in entries:
        for preferred in entry.preferred:
            plain = re.sub(r"\([^)]*\)", " ", preferred)
            phrases += [p.strip() for p in plain.split(" / ") if p.strip()]
    return phrases


def _safe_from_preferred(entries: list[Entry]) -> list[str]:
    """Preferred terms as written, without their parenthesised notes or acronyms. A phrase that
    an admin also lists as a variant stays flagged: the explicit list wins."""
    variants = {v.lower() for entry in entries for v in entry.variants}
    phrases = []
    for entry in entries:
        for preferred in entry.preferred:
            plain = re.sub(r"\([^)]*\)", " ", preferred).split(":")[-1].strip()
            if (
                plain
                and "/" not in plain
                and len(plain.split()) >= 2
                and plain.lower() not in variants
            ):
                phrases.append(plain)
    return phrases


# -- writes ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TermInput:
    """A term of the terminology list: the page's form and the Django admin both produce one."""

    label: str
    variants: str
    preferred: str
    reason: str
    severity: str
    exceptions: str = ""
    source: str = ""
    context: str = "always"
    active: bool = True
    language: str = "en"

    @classmethod
    def of(cls, term) -> "TermInput":
        """The term as it is now (the base a partial change starts from)."""
        return cls(**{name: getattr(term, name) for name in TERM_FIELDS})


TERM_FIELDS = tuple(f.name for f in fields(TermInput))


def term_create(*, actor, data: TermInput, request=None):
    from .models import Term

    require(actor, "terminology.term.manage")
    with transaction.atomic():
        term = Term(**asdict(data), updated_by=actor)
        term.full_clean()
        term.save()
        audit.record(
            "terminology.term.create",
            actor=actor,
            obj=term,
            request=request,
            data={"label": term.label, "severity": term.severity},
        )
        _invalidate_on_commit()
    return term


def term_update(*, actor, term, data: TermInput, request=None):
    require(actor, "terminology.term.manage", term)
    values = asdict(data)
    changed = [k for k in TERM_FIELDS if getattr(term, k) != values[k]]
    if not changed:
        return term
    with transaction.atomic():
        before = {k: getattr(term, k) for k in changed}
        for k in changed:
            setattr(term, k, values[k])
        term.updated_by = actor
        term.full_clean()
        term.save(update_fields=[*changed, "updated_by", "updated_at"])
        audit.record(
            "terminology.term.update",
            actor=actor,
            obj=term,
            request=request,
            data={"changed": changed, "before": {k: str(v)[:500] for k, v in before.items()}},
        )
        _invalidate_on_commit()
    return term


def _invalidate_on_commit() -> None:
    # Now, so this request sees the edit; and after commit, so a process that rebuilt from the
    # not-yet-committed state in between rebuilds again.
    invalidate()
    transaction.on_commit(invalidate)
