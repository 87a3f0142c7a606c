"""The lists of every language beyond English: a realistic sentence with one of their phrases is
flagged with the preferred term of that language, a law's wording quoted in quotation marks or a
title is reported as quoted, and the words of each language put the `near_child_terms` rows into
context. Example texts are fictitious."""

import pytest

from protectnet.terminology.data import read_all
from protectnet.terminology.services import check_text

pytestmark = pytest.mark.django_db


def _only(text):
    findings = check_text(text)
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize(
    "language, text, matched, preferred",
    [
        ("th", "ตำรวจยึดคลิปโป๊เด็กจากโทรศัพท์ของผู้ต้องหา", "คลิปโป๊เด็ก", "สื่อการล่วงละเมิดทางเพศเด็ก"),
        ("th", "ครูมีเพศสัมพันธ์กับเด็กนักเรียน", "มีเพศสัมพันธ์กับเด็ก", "ล่วงละเมิดทางเพศเด็ก"),
        (
            "vi",
            "Bị cáo bị truy tố vì mua dâm trẻ em tại khách sạn.",
            "mua dâm trẻ em",
            "bóc lột tình dục trẻ em",
        ),
        ("vi", "Bao chi goi em la co dau nhi.", "co dau nhi", "trẻ em bị tảo hôn"),
        ("zh", "网上出现大量儿童色情直播", "儿童色情直播", "直播儿童性虐待 / 直播兒童性虐待"),
        (
            "zh",
            "他與未成年人發生性關係後被捕",
            "與未成年人發生性關係",
            "对儿童的性侵害 / 對兒童的性侵害",
        ),
        (
            "hi",
            "आरोपी के फोन से बच्चों के अश्लील वीडियो मिले",
            "बच्चों के अश्लील वीडियो",
            "बाल यौन शोषण सामग्री",
        ),
        ("hi", "गाँव में एक बाल वधू को बचाया गया", "बाल वधू", "बाल विवाह की शिकार बच्ची"),
        ("km", "ប៉ូលិសចាប់ខ្លួនជនល្មោភកាមលើកុមារម្នាក់", "ជនល្មោភកាមលើកុមារ", "ជនល្មើសផ្លូវភេទលើកុមារ"),
        ("lo", "ຕຳຫຼວດພົບໜັງໂປ້ເດັກໃນໂທລະສັບ", "ໜັງໂປ້ເດັກ", "ເອກະສານການລ່ວງລະເມີດທາງເພດເດັກ"),
        (
            "my",
            "ရဲက ကလေးအောကားများကို ဖမ်းဆီးရမိခဲ့သည်",
            "ကလေးအောကား",
            "ကလေးသူငယ်အပေါ် လိင်ပိုင်းဆိုင်ရာ အလွဲသုံးစားပြုမှု ပစ္စည်း",
        ),
        (
            "fil",
            "Nahuli ang mga suspek sa live show ng bata sa Pampanga.",
            "live show ng bata",
            "livestreaming ng sekswal na pang-aabuso sa bata",
        ),
        (
            "fil",
            "Nakipagtalik sa menor de edad ang suspek.",
            "Nakipagtalik sa menor de edad",
            "sekswal na inabuso ang bata",
        ),
    ],
)
def test_a_sentence_with_a_new_phrase_is_flagged_with_the_preferred_term(
    language, text, matched, preferred
):
    finding = _only(text)
    assert (finding.matched, finding.language, finding.quoted) == (matched, language, False)
    assert finding.blocking
    assert finding.preferred[0] == preferred
    assert finding.preferred[-1].isascii()  # the English term comes last


@pytest.mark.parametrize(
    "language, text, term",
    [
        ("th", 'ประมวลกฎหมายอาญา มาตรา 287/1 ใช้คำว่า "สื่อลามกอนาจารเด็ก"', "(child pornography)"),
        (
            "vi",
            "Điều 329 Bộ luật Hình sự quy định tội “mua dâm người dưới 18 tuổi”.",
            "(buying sex",
        ),
        (
            "vi",
            "Điều 145 quy định tội “giao cấu với người dưới 16 tuổi”.",
            "(had sex with a child)",
        ),
        ("zh", "根據《防止兒童色情物品條例》第2條", "(child pornography)"),
        ("zh", "2015年以前刑法第360条规定了「嫖宿幼女」罪。", "(sex with a child"),
        ("hi", 'अदालत ने कहा कि कानून में "चाइल्ड पोर्नोग्राफी" की जगह नया शब्द लिखा जाए', "(child porn"),
        ("km", 'ច្បាប់ប្រើពាក្យ "អាសអាភាសកុមារ" នៅឡើយ', "(child pornography)"),
        ("lo", 'ກົດໝາຍໃຊ້ຄຳວ່າ "ພາບລາມົກເດັກ" ຢູ່', "(child pornography)"),
        ("my", 'ဥပဒေတွင် "ကလေးသူငယ်ပြည့်တန်ဆာ" ဟူသော စကားလုံးကို သုံးသည်', "(child prostitute)"),
        (
            "fil",
            'Ginagamit pa ng RA 9775 ang salitang "pornograpiya ng bata".',
            "(child pornography)",
        ),
        ("fil", 'Kinasuhan siya ng "cybersex ng mga bata" sa ilalim ng RA 10175.', "(cybersex"),
    ],
)
def test_a_quoted_law_term_is_reported_as_quoted_with_a_lower_severity(language, text, term):
    finding = _only(text)
    assert (finding.language, finding.quoted) == (language, True)
    assert term in finding.term
    assert (
        finding.severity in ("use_with_care", "info") and finding.severity != finding.term_severity
    )


@pytest.mark.parametrize(
    "in_context, out_of_context",
    [
        ("ลูกค้าจ่ายเงินเพื่อพาเด็กๆ ออกไปจากร้าน", "ร้านนี้มีลูกค้าเยอะทุกวัน"),
        (
            "Hai bên tự nguyện, theo lời khai của kẻ xâm hại trẻ em.",
            "Hai bên tự nguyện ký hợp đồng.",
        ),
        ("他是嫖客，女孩只有14岁", "警方在酒店抓获一名嫖客"),
        ("पुलिस ने कहा कि ग्राहक नाबालिग लड़की को होटल ले गया", "दुकान पर ग्राहक बहुत थे"),
        ("ភ្ញៀវទិញផ្លូវភេទបានបង់ប្រាក់ឱ្យមេខ្យល់ ដើម្បីជួបកុមារ", "ភ្ញៀវទិញផ្លូវភេទ"),
        ("ລູກຄ້າໄດ້ຈ່າຍເງິນເພື່ອພົບເດັກ", "ຮ້ານນີ້ມີລູກຄ້າຫຼາຍ"),
        ("ဖောက်သည်က ကလေးကို ဟိုတယ်သို့ ခေါ်သွားသည်", "ဖောက်သည်များ ဆိုင်သို့လာကြသည်"),
        ("Ang batang babae ay kusang-loob daw na sumama.", "Kusang-loob siyang nag-donate."),
    ],
)
def test_near_child_rows_apply_only_near_a_word_about_children(in_context, out_of_context):
    finding = _only(in_context)
    assert finding.term.endswith(("(client, of an exploited child)", "about abuse of a child)"))
    assert finding.severity == "use_with_care"
    assert check_text(out_of_context) == []


def test_every_language_has_a_list_beyond_a_handful_of_rows():
    counts = {}
    for row in read_all():
        counts[row["language"]] = counts.get(row["language"], 0) + 1
    assert all(count >= 12 for count in counts.values()), counts


def test_every_row_cites_a_source_and_says_whether_its_wording_was_published():
    for row in read_all():
        if row["language"] == "en":
            continue
        guidance, _, wording = row["source"].rpartition("; ")
        assert guidance and "native speaker must review" in wording, row["label"]
        assert row["preferred"].splitlines()[-1].isascii(), row["label"]  # the English term
