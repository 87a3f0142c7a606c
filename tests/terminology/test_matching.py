"""The matcher on the shipped list: true positives, forms, offsets, context, quotations."""

import pytest

from protectnet.terminology.data import read_csv
from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db

NEAR_CHILD = "The girl, aged 14, was exploited:"


def _one(text, **kw):
    findings = check_text(text, **kw)
    assert len(findings) == 1, findings
    return findings[0]


def _assert_offsets(text, findings):
    for f in findings:
        assert text[f.start : f.end] == f.matched


@pytest.mark.parametrize("row", read_csv(), ids=lambda r: r["label"])
def test_every_term_of_the_shipped_list_is_found_by_each_of_its_variants(row):
    include_info = row["severity"] == "info"
    for variant in row["variants"].splitlines():
        prefix = NEAR_CHILD + " " if row["context"] == "near_child_terms" else "Report: "
        text = f"{prefix}{variant} was noted."
        findings = check_text(text, include_info=include_info)
        _assert_offsets(text, findings)
        found = [f for f in findings if f.matched.lower() == variant.lower()]
        labels = {f.term for f in findings}
        # A variant may belong to a longer phrase of another entry; it must still be reported.
        assert found or labels, f"{variant!r} not found"
        assert any(f.start >= len(prefix) for f in findings)


@pytest.mark.parametrize(
    "text, matched, term",
    [
        (
            "Two sex tourists were arrested near the school children.",
            "sex tourists",
            "child sex tourist",
        ),
        ("Police rescued three child prostitutes.", "child prostitutes", "child prostitute"),
        (
            "Known paedophiles were monitored.",
            "paedophiles",
            "paedophile (as generic label for offenders)",
        ),
        ("She was sextorted online.", "sextorted", "sextortion"),
        ("They seized child-pornography.", "child-pornography", "child pornography"),
        ("They seized CHILD PORNOGRAPHY.", "CHILD PORNOGRAPHY", "child pornography"),
        ("They seized child\npornography.", "child\npornography", "child pornography"),
        ("They seized child  \r\n  pornography.", "child  \r\n  pornography", "child pornography"),
        ("They seized child pornog-\nraphy.", "child pornog-\nraphy", "child pornography"),
        ("They seized child-\npornography.", "child-\npornography", "child pornography"),
        ("They seized child\u00adpornography.", "child\u00adpornography", "child pornography"),
        (
            "A child-pornography offender's phone.",
            "child-pornography offender's",
            "child pornography",
        ),
        ("The child brides of the village.", "child brides", "child bride"),
        ("Cybersex dens exploiting children.", "Cybersex dens", "cybersex (of children)"),
    ],
)
def test_inflected_plural_hyphenated_and_line_broken_forms_are_found(text, matched, term):
    f = _one(text)
    assert (f.matched, f.term) == (matched, term)
    assert text[f.start : f.end] == f.matched


@pytest.mark.parametrize(
    "text",
    [
        "Child sexual abuse material (CSAM) was seized.",
        "The transnational child sexual offender was convicted.",
        "A travelling child sex offender (TCSO) was arrested.",
        "Sexual exploitation of children in travel and tourism (SECTT) is the preferred term.",
        "The child was exploited in prostitution; commercial sexual exploitation of children.",
        "Non-consensual intimate image sharing harmed the child.",
        "Live online child sexual abuse was streamed.",
        "The child victim of sexual exploitation was supported.",
        "The CP unit (Child Protection Unit) met.",  # bare abbreviation never flagged
        "Sexual extortion of children rose last year.",
        "Child/young person displaying harmful sexual behaviour (HSB).",
    ],
)
def test_the_preferred_terms_themselves_are_not_flagged(text):
    assert check_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Our clients and customers liked the new ministry website.",
        "John is a runner; he was recruited by the marketing team.",
        "The survey found that consensual decisions were made by the board.",
        "Her boyfriend works in transport. The young women's football team won.",
        "Sexting among adults is studied by the university's media department.",
    ],
)
def test_near_child_words_are_quiet_far_from_any_child_or_abuse_word(text):
    assert check_text(text) == []


def test_near_child_words_are_flagged_within_twelve_words_of_a_child_word():
    text = "The clients paid the hotel owner for access to the girl."
    f = _one(text)
    assert f.matched == "clients" and f.severity == "use_with_care"


def test_near_child_words_beyond_the_window_are_quiet():
    filler = " ".join(["word"] * 20)
    assert check_text(f"The clients paid. {filler} The girl went home.") == []


def test_an_age_counts_as_a_child_word():
    assert _one("Her older boyfriend met the 14-year-old after school.").term.startswith("older")


@pytest.mark.parametrize(
    "prefix",
    [
        "ព្រះរាជាណាចក្រកម្ពុជា ",  # Khmer
        "ประเทศไทย การคุ้มครองเด็ก ",  # Thai
        "Bảo vệ trẻ em khỏi bị xâm hại tình dục. ",  # Vietnamese
        "👧🏽 emoji and combining e\u0301 ",
    ],
)
def test_offsets_are_exact_after_non_ascii_text(prefix):
    text = prefix + "He was called a sex tourist by the child's family.\nchild pornog-\nraphy"
    findings = check_text(text)
    assert [f.matched for f in findings] == ["sex tourist", "child pornog-\nraphy"]
    _assert_offsets(text, findings)
    assert findings[0].start == len(prefix) + len("He was called a ")


def test_findings_are_in_text_order_and_the_longest_overlapping_phrase_wins():
    text = "A child sex tourist; webcam child sex tourism; sex tourism generally."
    findings = check_text(text)
    assert [f.term for f in findings] == [
        "child sex tourist",
        "webcam child sex tourism",
        "sex tourism (generic, in child-protection text)",
    ]
    assert [f.matched for f in findings] == [
        "child sex tourist",
        "webcam child sex tourism",
        "sex tourism",
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The charge was "possession of child pornography" under the old law.',
        "The charge was “possession of child pornography” under the old law.",
        "The charge was «possession of child pornography» under the old law.",
        "The charge was 'possession of child pornography' under the old law.",
        "The Anti-Child Pornography Act of 2009 applies.",
        "the Optional Protocol to the Convention on the Rights of the Child on the sale of "
        "children, child prostitution and child pornography",
    ],
)
def test_quotations_and_law_titles_lower_the_severity_but_still_report(text):
    findings = check_text(text)
    assert findings, "a quoted term must be reported, not hidden"
    for f in findings:
        assert f.quoted is True
        assert f.severity in ("use_with_care", "info")
    assert any(f.term == "child pornography" and f.severity == "use_with_care" for f in findings)


def test_unquoted_use_keeps_its_severity():
    f = _one("We found child pornography on the laptop.")
    assert (f.severity, f.quoted) == ("avoid", False)


def test_the_apostrophe_of_a_possessive_is_not_a_quotation():
    f = _one("The child's 'friend' was a paedophile.")
    assert f.quoted is False and f.severity == "use_with_care"


def test_info_terms_only_when_asked():
    text = "Victims and survivors; the victim spoke."
    assert check_text(text) == []
    findings = check_text(text, include_info=True)
    assert [f.matched for f in findings] == ["victim"]  # "victims and survivors" is preferred
    assert findings[0].severity == "info"


def test_exceptions_are_given_to_the_writer_separately_from_the_reason():
    f = _one("child pornography")
    assert "EXCEPTION" not in f.reason
    assert "quoting or naming a law" in f.exceptions
    assert f.preferred[0] == "child sexual abuse material (CSAM)"


def test_to_dict_is_plain_data():
    d = _one("a sex tourist near the child").to_dict()
    assert d["matched"] == "sex tourist" and d["preferred"] and isinstance(d["start"], int)


def test_empty_and_harmless_texts():
    assert check_text("") == []
    assert check_text("Cooperation between police and ministries improved.") == []
    assert check_text("Essex tourists and sextants") == []


def test_a_near_child_phrase_that_does_not_apply_does_not_hide_an_overlapping_one():
    text = "He was in a relationship with a pupil."
    assert [f.term for f in check_text(text)] == ["sex with a child / underage sex"]


def test_a_fifty_page_text_is_checked_without_any_query(django_assert_num_queries):
    from protectnet.terminology.services import warm

    warm()
    page = "Police and ministries shared guidance on online safety and child protection. " * 40
    text = (page + "A sex tourist was arrested. ") * 50
    with django_assert_num_queries(0):
        findings = check_text(text)
    assert len(findings) == 50 and {f.matched for f in findings} == {"sex tourist"}
    assert all(text[f.start : f.end] == f.matched for f in findings)


def test_a_capitalised_common_word_inside_a_sentence_is_taken_for_a_name():
    assert check_text("Police interviewed John, the child's uncle.") == []
    assert [f.matched for f in check_text("The john paid to abuse the girl.")] == ["john"]
    assert [f.matched for f in check_text("Clients paid to abuse the girl.")] == ["Clients"]
