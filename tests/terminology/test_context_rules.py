"""Context rules (an age next to 'prostitute', 'sex with' a child of a given age, 'CP' for child
sexual abuse material) and quotations that end in 's'. All examples are fictitious."""

import pytest

from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db


def _flagged(text):
    return [(f.matched, f.severity, f.quoted) for f in check_text(text)]


@pytest.mark.parametrize(
    "quoted",
    [
        "'child sex tourists'",
        "\u2018child sex tourists\u2019",
        '"child sex tourists"',
        "\u201cchild sex tourists\u201d",
    ],
)
def test_a_quoted_term_ending_in_s_is_reported_as_quoted_with_a_lower_severity(quoted):
    text = f"The press called them {quoted} at the time."
    assert _flagged(text) == [("child sex tourists", "use_with_care", True)]


def test_the_possessive_form_is_still_found_outside_quotation_marks():
    text = "The child sex tourists' victims were supported."
    assert _flagged(text) == [("child sex tourists'", "avoid", False)]


@pytest.mark.parametrize(
    "text, matched",
    [
        ("Police found two 15-year-old prostitutes in the bar.", "15-year-old prostitutes"),
        ("She was a 14 year old prostitute, the report said.", "14 year old prostitute"),
        ("They were prostitutes aged 15 and 16.", "prostitutes aged 15"),
        ("Girls aged 13 in prostitution were moved.", "aged 13 in prostitution"),
        ("Two 16-year-old sex workers were rescued.", "16-year-old sex workers"),
        ("Sex workers under 18 were found.", "Sex workers under 18"),
    ],
)
def test_an_age_next_to_prostitute_is_flagged_with_the_preferred_wording(text, matched):
    (finding,) = check_text(text)
    assert (finding.matched, finding.severity) == (matched, "avoid")
    assert "child subjected to sexual exploitation" in finding.preferred
    assert text[finding.start : finding.end] == finding.matched


@pytest.mark.parametrize(
    "text",
    [
        "Adult sex workers' organisations were consulted on the 2024 law.",
        "She has worked with sex workers for 15 years.",
        "Prostitution laws were reviewed in 2019.",
    ],
)
def test_adult_sex_work_without_an_age_is_not_flagged(text):
    assert check_text(text) == []


@pytest.mark.parametrize(
    "text, matched",
    [
        ("The suspect had sex with a 13-year-old in 2021.", "had sex with a 13-year-old"),
        ("He admitted having sex with a 15 year old.", "having sex with a 15 year old"),
        ("Charged for sex with a girl of 14.", "sex with a girl of 14"),
        ("He had sex with a girl aged 12.", "had sex with a girl aged 12"),
    ],
)
def test_sex_with_a_child_of_a_given_age_is_flagged_as_abuse(text, matched):
    (finding,) = check_text(text)
    assert (finding.matched, finding.severity) == (matched, "avoid")
    assert any("abuse" in p or "rape" in p for p in finding.preferred)


def test_sex_with_an_adult_woman_is_not_flagged():
    assert check_text("The couple had sex with a condom, the clinic noted.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Police seized CP images on two laptops.",
        "He was convicted of downloading CP from a forum.",
        "The suspect shared CP videos.",
        "Possessing CP is an offence.",
        "A collection of CP was found.",
        "The forum traded CP, that is child pornography, for money.",
    ],
)
def test_cp_for_child_sexual_abuse_material_is_flagged_in_context(text):
    findings = [f for f in check_text(text) if f.matched == "CP"]
    assert len(findings) == 1
    assert findings[0].severity == "avoid"
    assert "child sexual abuse material (CSAM)" in findings[0].preferred


@pytest.mark.parametrize(
    "text",
    [
        "The CP unit (Child Protection Unit) met.",
        "Contact the CP officer of your district.",
        "Each school must adopt a CP policy.",
        "Child Protection (CP) is everyone's business; the CP committee meets monthly.",
        "Training on CP case management was held.",
        "The CP team received the files and images from the hospital.",
        "Child Protection (CP) staff reviewed how to report child sexual abuse material.",
        "cp images are not flagged in lower case.",
    ],
)
def test_cp_meaning_child_protection_stays_clean(text):
    assert [f for f in check_text(text) if f.matched.upper() == "CP"] == []
