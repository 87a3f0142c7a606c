"""Reads for the terminology pages and for other apps' summaries."""

from collections import Counter
from dataclasses import dataclass, field

from protectnet.access.policy import get_visible_or_404, visible

from .models import Term
from .services import check_text, get_matcher


def term_list(*, user):
    return visible(user, Term.objects.select_related("updated_by"))


def term_get(*, user, id):
    return get_visible_or_404(user, Term.objects.select_related("updated_by"), pk=id)


@dataclass(frozen=True)
class FindingsSummary:
    """What a list of texts carries: counts per severity and per term, and the findings."""

    total: int = 0
    by_severity: dict = field(default_factory=dict)
    by_term: dict = field(default_factory=dict)
    findings: dict = field(default_factory=dict)  # key -> [Finding, ...] (keys with findings)

    @property
    def blocking(self) -> int:
        return self.by_severity.get("avoid", 0) + self.by_severity.get("use_with_care", 0)


def findings_summary(texts: dict[str, str], *, include_info: bool = False) -> FindingsSummary:
    """Check several texts at once (e.g. {"summary": ..., "extracted text": ...}, or one entry
    per resource for the secretariat's list). No query once the term list is compiled."""
    findings = {}
    severities, terms = Counter(), Counter()
    matcher = get_matcher()
    for key, text in texts.items():
        found = check_text(text or "", include_info=include_info, matcher=matcher)
        if found:
            findings[key] = found
            severities.update(f.severity for f in found)
            terms.update(f.term for f in found)
    return FindingsSummary(
        total=sum(severities.values()),
        by_severity=dict(severities),
        by_term=dict(terms.most_common()),
        findings=findings,
    )
