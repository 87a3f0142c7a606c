"""Terms in every language of the network: found inside text written without spaces, in both
Chinese scripts, in Vietnamese with or without diacritics; the check page and the API say which
languages' terms were applied and which scripts the text is in. Example texts are fictitious."""

import json

import pytest
from django.urls import reverse

from protectnet.terminology.data import language_files, read_all
from protectnet.terminology.models import Language
from protectnet.terminology.services import check_report, check_text

pytestmark = pytest.mark.django_db

CHECK = reverse("terminology:check")
API_CHECK = "/api/v1/terminology/check"
OTHER_ROWS = [row for row in read_all() if row["language"] != "en"]
CHILD_WORD = {
    "th": "เด็ก",
    "vi": "trẻ em",
    "zh": "儿童",
    "hi": "बच्चे",
    "km": "កុមារ",
    "lo": "ເດັກ",
    "my": "ကလေး",
    "fil": "bata",
}


def _found(text):
    return [(f.matched, f.language) for f in check_text(text)]


def test_every_language_of_the_network_has_a_term_file():
    assert set(language_files()) == set(Language.values)
    for language in Language.values:
        assert any(row["language"] == language for row in read_all()), language


@pytest.mark.parametrize(
    "row", OTHER_ROWS, ids=lambda r: f"{r['language']}:{r['label'].split(' (')[-1].rstrip(')')}"
)
def test_every_variant_of_every_language_is_found_in_a_sentence(row):
    # A word in the row's language puts a `near_child_terms` variant into context.
    child = CHILD_WORD[row["language"]] if row["context"] == "near_child_terms" else ""
    for variant in row["variants"].splitlines():
        text = f"Report (2031): {variant} - fictitious. {child}"
        findings = check_text(text)
        assert len(findings) == 1, (variant, findings)
        # The pipeline may leave a nominalising prefix ("การ") out of the first word.
        assert findings[0].matched and variant.endswith(findings[0].matched)
        assert (findings[0].term, findings[0].language) == (row["label"], row["language"])
        assert findings[0].severity == row["severity"]


@pytest.mark.parametrize("row", OTHER_ROWS, ids=lambda r: f"{r['language']}:{r['label'][:20]}")
def test_the_preferred_terms_of_every_language_are_not_flagged(row):
    for preferred in row["preferred"].splitlines():
        assert check_text(preferred) == [], preferred


@pytest.mark.parametrize(
    "text, matched, language",
    [
        ("พบสื่อลามกเด็กในเครื่องของผู้ต้องสงสัย", "สื่อลามกเด็ก", "th"),
        ("ตำรวจช่วยเหลือโสเภณีเด็กสองคน", "โสเภณีเด็ก", "th"),
        ("ប៉ូលិសរកឃើញរូបភាពអាសអាភាសកុមារនៅក្នុងកុំព្យូទ័រ", "រូបភាពអាសអាភាសកុមារ", "km"),
        ("ຕຳຫຼວດພົບພາບລາມົກເດັກໃນໂທລະສັບ", "ພາບລາມົກເດັກ", "lo"),
        ("ရဲက ကလေးညစ်ညမ်းရုပ်ပုံများကို တွေ့ရှိခဲ့သည်", "ကလေးညစ်ညမ်းရုပ်ပုံ", "my"),
        ("警方查获儿童色情图片", "儿童色情", "zh"),
        ("警方查獲兒童色情圖片", "兒童色情", "zh"),
        ("報道稱她是雛妓", "雛妓", "zh"),
        ("报道称她是雏妓", "雏妓", "zh"),
    ],
)
def test_terms_are_found_inside_text_written_without_spaces(text, matched, language):
    assert _found(text) == [(matched, language)]


@pytest.mark.parametrize(
    "text, matched",
    [
        ("Công an thu giữ nội dung khiêu dâm trẻ em.", "nội dung khiêu dâm trẻ em"),
        ("Cong an thu giu noi dung khieu dam tre em.", "noi dung khieu dam tre em"),
        ("CÔNG AN: NỘI DUNG KHIÊU DÂM TRẺ EM", "NỘI DUNG KHIÊU DÂM TRẺ EM"),
    ],
)
def test_vietnamese_is_found_with_or_without_diacritics_and_in_capitals(text, matched):
    assert _found(text) == [(matched, "vi")]


def test_hindi_inflected_forms_and_filipino_are_found():
    assert _found("पुलिस ने दो बाल वेश्याएं बचाईं") == [("बाल वेश्याएं", "hi")]
    assert _found("Nahuli ang may-ari ng pornograpiya ng bata.") == [
        ("pornograpiya ng bata", "fil")
    ]


def test_words_across_a_full_stop_or_comma_are_not_one_phrase():
    assert check_text("Trường mại dâm. Trẻ em được bảo vệ.") == []


def test_quoted_terms_in_other_languages_are_quoted_with_a_lower_severity():
    (finding,) = check_text("该法律使用「儿童色情」一词。")
    assert (finding.matched, finding.quoted, finding.severity) == (
        "儿童色情",
        True,
        "use_with_care",
    )
    (finding,) = check_text('กฎหมายใช้คำว่า "สื่อลามกอนาจารเด็ก" อยู่')
    assert finding.quoted and finding.severity == "use_with_care"


def test_offsets_are_exact_in_mixed_scripts_with_zero_width_spaces():
    text = "ប្រទេស\u200bកម្ពុជា: អាស\u200bអាភាស\u200bកុមារ; 兒童色情; child porn; 👧🏽 โสเภณีเด็ก"
    findings = check_text(text)
    assert [f.language for f in findings] == ["km", "zh", "en", "th"]
    for f in findings:
        assert text[f.start : f.end] == f.matched


def test_the_report_names_the_languages_applied_and_the_scripts_found():
    result = check_report("พบสื่อลามกเด็ก; the child pornography case")
    assert [n.name for n in result.scripts] == ["Thai", "Latin"]
    languages = [n.name for n in result.languages]
    assert languages[0] == "English" and "Thai" in languages
    assert "Chinese" not in languages and "Khmer" not in languages


def test_the_check_page_says_which_languages_were_checked(world, login):
    html = login(world.kh_member).post(CHECK, {"text": "พบสื่อลามกเด็กในเครื่อง"}).content.decode()
    assert "Checked against the terms in Thai (scripts found in the text: Thai)." in html
    assert '<mark class="terminology-avoid">สื่อลามกเด็ก</mark>' in html
    assert "สื่อการล่วงละเมิดทางเพศเด็ก" in html


@pytest.mark.parametrize(
    "text, expected",
    [
        ("?!... ;;; ---", "The text has no letters or digits to check."),
        (("Báo cáo 兒童色情 ខ្មែរ ພາສາລາວ မြန်မာ हिन्दी ไทย. " * 300)[:10_000], "Checked against"),
    ],
)
def test_bad_input_on_the_check_page_gets_a_clear_answer(world, login, text, expected):
    response = login(world.kh_member).post(CHECK, {"text": text})
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_a_null_character_is_refused_with_a_clear_message(world, login, api):
    response = login(world.kh_member).post(CHECK, {"text": "a\x00b child porn"})
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    body = json.dumps({"text": "a\x00b"})
    answer = api(world.kh_member).post(API_CHECK, data=body, content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["msg"] == "Null characters are not allowed."


def test_the_api_lists_languages_and_scripts(world, api):
    client = api(world.kh_member)
    body = {"text": "警方查獲兒童色情 and child porn"}
    answer = client.post(API_CHECK, data=json.dumps(body), content_type="application/json").json()
    assert [(f["matched"], f["language"]) for f in answer["findings"]] == [
        ("兒童色情", "zh"),
        ("child porn", "en"),
    ]
    assert {"code": "zh", "name": "Chinese"} in answer["languages_checked"]
    assert answer["scripts_found"] == [
        {"code": "han", "name": "Chinese characters"},
        {"code": "latin", "name": "Latin"},
    ]


@pytest.mark.parametrize("text", ["!!!", "a" * 10_000, "ខ្មែរ 中文 ไทย " * 500, "\u200b\u200b"])
def test_bad_input_on_the_api_gets_an_answer_never_a_500(world, api, text):
    client = api(world.kh_member)
    response = client.post(
        API_CHECK, data=json.dumps({"text": text}), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["count"] == 0
