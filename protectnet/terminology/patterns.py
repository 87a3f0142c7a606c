"""Context rules: wordings that a fixed list of phrases cannot catch, because the discouraged
part depends on its neighbours. An age turns "prostitutes" or "sex with" into the abuse of a
child; "CP" means child sexual abuse material only next to words about images or offences, and
child protection everywhere else. Each rule returns (start, end, Entry), like the term list.
"""

import re

from .matching import Entry

LUXEMBOURG = "Luxembourg Guidelines (IWG/ECPAT 2016)"

AGE_NEXT_TO_PROSTITUTE = Entry(
    key="age next to 'prostitute' or 'sex worker'",
    variants=(),
    preferred=(
        "child subjected to sexual exploitation",
        "child exploited in prostitution",
        "sexual exploitation of children in prostitution",
    ),
    reason=(
        "A person under 18 is a child: 'prostitute' or 'sex worker' next to a child's age "
        "implies a choice the child did not have and hides the exploitation."
    ),
    exceptions="",
    severity="avoid",
    context="always",
    source=f"{LUXEMBOURG} (section on exploitation of children in prostitution)",
)
SEX_WITH_A_CHILD_OF_AN_AGE = Entry(
    key="'sex with' a child of a given age",
    variants=(),
    preferred=("sexually abused a child", "raped a child", "child sexual abuse"),
    reason=(
        "'Had sex with' a 13-year-old presents the abuse of a child as a mutual act; say what "
        "it was: sexual abuse or rape of a child."
    ),
    exceptions="Statutory offence names, when quoted.",
    severity="avoid",
    context="always",
    source=f"{LUXEMBOURG} (sections on child sexual abuse and on consent)",
)
CP_FOR_CSAM = Entry(
    key="CP (for child sexual abuse material)",
    variants=(),
    preferred=("child sexual abuse material (CSAM)",),
    reason=(
        "'CP' is police and offender shorthand for 'child pornography'. It is flagged only next "
        "to words about images or offences; 'CP' for child protection is never flagged."
    ),
    exceptions="Quoting a charge, a file name or a witness statement.",
    severity="avoid",
    context="always",
    source=f"{LUXEMBOURG} sec. F.4; INTERPOL 'Appropriate terminology' page",
)

_YEARS_OLD = r"\d{1,2}[\s\-\u2010\u2011]*years?[\s\-\u2010\u2011]*olds?"
_AGE = rf"(?:{_YEARS_OLD}|aged\s+\d{{1,2}}|under[\s\-]*(?:1[0-7]|18|age)|minors?|underage)"
_AGE_AFTER = rf"(?:,?\s+(?:aged|of)\s+\d{{1,2}}|\s+under[\s\-]*(?:1[0-7]|18)|,?\s+{_YEARS_OLD})"
_PROSTITUTE = r"(?:prostitut(?:es?|ion|ed)|sex[\s\-]+work(?:ers?)?)"
_LINK = r"(?:(?:girls?|boys?|children|in|into|for|the)\s+){0,2}"
AGE_PROSTITUTE = re.compile(
    rf"(?<!\w){_AGE}\s+{_LINK}{_PROSTITUTE}(?!\w)|(?<!\w){_PROSTITUTE}{_AGE_AFTER}(?!\w)",
    re.IGNORECASE,
)
_CHILD_NOUN = r"(?:girl|boy|child|pupil|student|minor)s?"
SEX_WITH_AGE = re.compile(
    r"(?<!\w)(?:(?:had|have|has|having)\s+)?sex\s+with\s+(?:(?:a|an|the|two|three)\s+)?"
    rf"(?:{_YEARS_OLD}(?:\s+{_CHILD_NOUN})?|{_CHILD_NOUN},?\s+(?:of|aged)\s+\d{{1,2}})(?!\w)",
    re.IGNORECASE,
)

# "CP" is matched in capitals only: lower-case "cp" is too often something else.
_CP = r"(?<![\w\-])(?-i:CP)(?![\w\-])"
_CSAM_AFTER = re.compile(
    _CP + r"(?=\s+(?:images?|videos?|files?|collections?|materials?|content|pics?|pictures?"
    r"|photos?|clips?|movies?)\b)",
    re.IGNORECASE,
)
_OFFENCE_BEFORE = re.compile(
    r"\b(?:download\w*|shar(?:e|es|ed|ing)|possess\w*|distribut\w*|trad(?:e|es|ed|ing)"
    r"|collect\w*|view(?:s|ed|ing)?|sell\w*|sold|produc\w*|upload\w*|stor(?:e|ed|ing))"
    r"\s+(?:(?:of|the|some|more|any)\s+)?(" + _CP + ")",
    re.IGNORECASE,
)
_CP_ALONE = re.compile(_CP)
_PORNOGRAPHY = re.compile(r"\bporn\w*", re.IGNORECASE)
# "CP unit", "CP officer": these nouns make "CP" child protection, whatever surrounds it.
_PROTECTION_AFTER = re.compile(
    r"\s+(?:unit|units|officers?|policy|policies|committees?|cases?|teams?|staff|system|services?"
    r"|network|workers?|focal|coordinators?|training|plans?|act|law|desk|section|department"
    r"|programmes?|programs?|standards?|protocols?|concerns?|referrals?|assessments?)\b",
    re.IGNORECASE,
)
_DEFINED_AS_PROTECTION = re.compile(
    r"child\s+protection\s*\(\s*CP\s*\)|\bCP\s*\(\s*child\s+protection", re.IGNORECASE
)
PORN_WINDOW = 80  # characters either side of "CP" in which "pornography" makes it CSAM


def context_hits(norm: str) -> list[tuple[int, int, Entry]]:
    """Every hit of the context rules in the (normalised) text."""
    hits = [(m.start(), m.end(), AGE_NEXT_TO_PROSTITUTE) for m in AGE_PROSTITUTE.finditer(norm)]
    hits += [(m.start(), m.end(), SEX_WITH_A_CHILD_OF_AN_AGE) for m in SEX_WITH_AGE.finditer(norm)]
    hits += [(start, start + 2, CP_FOR_CSAM) for start in _cp_for_csam(norm)]
    return hits


def _cp_for_csam(norm: str) -> list[int]:
    """Where "CP" stands for child sexual abuse material. A text that spells out "Child
    Protection (CP)" uses it for child protection throughout."""
    if "CP" not in norm or _DEFINED_AS_PROTECTION.search(norm):
        return []
    starts = {m.start() for m in _CSAM_AFTER.finditer(norm)}
    starts |= {m.start(1) for m in _OFFENCE_BEFORE.finditer(norm)}
    for m in _CP_ALONE.finditer(norm):
        window = norm[max(0, m.start() - PORN_WINDOW) : m.end() + PORN_WINDOW]
        if _PORNOGRAPHY.search(window):
            starts.add(m.start())
    return sorted(s for s in starts if not _PROTECTION_AFTER.match(norm, s + 2))
