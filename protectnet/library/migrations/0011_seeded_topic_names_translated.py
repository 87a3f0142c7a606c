"""The topics every library starts with, named in every language of the site.

Domain terms follow docs/glossary.csv (victims, transnational child sex offenders, policy,
justice, education) and the catalogues' wording (online investigations, digital forensics).
Drafted by the project (machine-assisted), NOT YET REVIEWED by native speakers, like the
catalogues: a reviewer changes them in the admin (Library > Topics), where each language has its
own field.

Only a topic still bearing its seeded English name is filled, and only in the languages it has
no name in yet: a name an admin has chosen is theirs to keep.
"""

from django.db import migrations

# slug -> language -> name; "en" is the seeded name the topic must still have.
NAMES = {
    "online-investigations": {
        "en": "Online investigations",
        "km": "ការស៊ើបអង្កេតតាមអនឡាញ",
        "vi": "Điều tra trực tuyến",
        "th": "การสืบสวนทางออนไลน์",
        "lo": "ການສືບສວນທາງອອນລາຍ",
        "my": "အွန်လိုင်း စုံစမ်းစစ်ဆေးမှုများ",
        "fil": "Online na imbestigasyon",
        "hi": "ऑनलाइन जाँच",
        "zh_hant": "網上調查",
    },
    "victim-identification": {
        "en": "Victim identification",
        "km": "ការកំណត់អត្តសញ្ញាណជនរងគ្រោះ",
        "vi": "Xác định danh tính nạn nhân",
        "th": "การระบุตัวผู้เสียหาย",
        "lo": "ການລະບຸຕົວຜູ້ເຄາະຮ້າຍ",
        "my": "ထိခိုက်နစ်နာသူ ဖော်ထုတ်သတ်မှတ်ခြင်း",
        "fil": "Pagtukoy sa mga biktima",
        "hi": "पीड़ितों की पहचान",
        "zh_hant": "識別受害人",
    },
    "prevention": {
        "en": "Prevention",
        "km": "ការបង្ការ",
        "vi": "Phòng ngừa",
        "th": "การป้องกัน",
        "lo": "ການປ້ອງກັນ",
        "my": "ကာကွယ်တားဆီးရေး",
        "fil": "Pag-iwas",
        "hi": "रोकथाम",
        "zh_hant": "預防",
    },
    "legislation": {
        "en": "Legislation and policy",
        "km": "ច្បាប់ និងគោលនយោបាយ",
        "vi": "Pháp luật và chính sách",
        "th": "กฎหมายและนโยบาย",
        "lo": "ກົດໝາຍ ແລະ ນະໂຍບາຍ",
        "my": "ဥပဒေနှင့် မူဝါဒ",
        "fil": "Batas at patakaran",
        "hi": "क़ानून और नीति",
        "zh_hant": "法例及政策",
    },
    "victim-support": {
        "en": "Victim support and care",
        "km": "ការគាំទ្រ និងការថែទាំជនរងគ្រោះ",
        "vi": "Hỗ trợ và chăm sóc nạn nhân",
        "th": "การช่วยเหลือและดูแลผู้เสียหาย",
        "lo": "ການຊ່ວຍເຫຼືອ ແລະ ການເບິ່ງແຍງຜູ້ເຄາະຮ້າຍ",
        "my": "ထိခိုက်နစ်နာသူများအား ကူညီပံ့ပိုးခြင်းနှင့် စောင့်ရှောက်ခြင်း",
        "fil": "Suporta at pangangalaga sa mga biktima",
        "hi": "पीड़ितों की सहायता और देखभाल",
        "zh_hant": "受害人支援及照顧",
    },
    "child-friendly-justice": {
        "en": "Child-friendly justice",
        # As Cambodia's "child-friendly schools" (សាលារៀនកុមារមេត្រី).
        "km": "យុត្តិធម៌កុមារមេត្រី",
        "vi": "Tư pháp thân thiện với trẻ em",
        "th": "กระบวนการยุติธรรมที่เป็นมิตรกับเด็ก",
        "lo": "ຍຸຕິທຳທີ່ເປັນມິດກັບເດັກ",
        "my": "ကလေးသူငယ်များအတွက် သင့်လျော်သော တရားစီရင်ရေး",
        "fil": "Hustisyang makabata",
        "hi": "बाल-अनुकूल न्याय",
        "zh_hant": "兒童友善司法",
    },
    "digital-evidence": {
        "en": "Digital evidence",
        "km": "ភស្តុតាងឌីជីថល",
        "vi": "Chứng cứ điện tử",
        "th": "พยานหลักฐานดิจิทัล",
        "lo": "ຫຼັກຖານດິຈິຕອນ",
        "my": "ဒစ်ဂျစ်တယ် သက်သေအထောက်အထား",
        "fil": "Digital na ebidensya",
        "hi": "डिजिटल साक्ष्य",
        "zh_hant": "數碼證據",
    },
    # The glossary's "transnational child sex offender"; Filipino keeps the English term, as
    # Philippine police and justice documents do.
    "travelling-offenders": {
        "en": "Transnational child sex offenders",
        "km": "ជនល្មើសផ្លូវភេទលើកុមារឆ្លងដែន",
        "vi": "Người phạm tội tình dục trẻ em xuyên quốc gia",
        "th": "ผู้กระทำความผิดทางเพศต่อเด็กที่เดินทางข้ามชาติ",
        "lo": "ຜູ້ກະທຳຜິດທາງເພດຕໍ່ເດັກຂ້າມຊາດ",
        "my": "နိုင်ငံဖြတ်ကျော် ကလေးသူငယ်အပေါ် လိင်ပိုင်းဆိုင်ရာ ပြစ်မှုကျူးလွန်သူများ",
        "fil": "Mga transnational child sex offender",
        "hi": "अंतरराष्ट्रीय बाल यौन अपराधी",
        "zh_hant": "跨國兒童性罪犯",
    },
    "education": {
        "en": "Education and awareness",
        "km": "ការអប់រំ និងការលើកកម្ពស់ការយល់ដឹង",
        "vi": "Giáo dục và nâng cao nhận thức",
        "th": "การศึกษาและการสร้างความตระหนักรู้",
        "lo": "ການສຶກສາ ແລະ ການສ້າງຄວາມຮັບຮູ້",
        "my": "ပညာရေးနှင့် အသိပညာပေးခြင်း",
        "fil": "Edukasyon at kamalayan",
        "hi": "शिक्षा और जागरूकता",
        "zh_hant": "教育及提高意識",
    },
    "cooperation": {
        "en": "International cooperation",
        "km": "កិច្ចសហប្រតិបត្តិការអន្តរជាតិ",
        "vi": "Hợp tác quốc tế",
        "th": "ความร่วมมือระหว่างประเทศ",
        "lo": "ການຮ່ວມມືສາກົນ",
        "my": "နိုင်ငံတကာ ပူးပေါင်းဆောင်ရွက်မှု",
        "fil": "Pandaigdigang pakikipagtulungan",
        "hi": "अंतरराष्ट्रीय सहयोग",
        "zh_hant": "國際合作",
    },
}


def fill(apps, schema_editor):
    Topic = apps.get_model("library", "Topic")
    for slug, names in NAMES.items():
        topic = Topic.objects.filter(slug=slug, name_en=names["en"]).first()
        if topic is None:
            continue
        empty = [lang for lang in names if lang != "en" and not getattr(topic, f"name_{lang}")]
        for lang in empty:
            setattr(topic, f"name_{lang}", names[lang])
        topic.save(update_fields=[f"name_{lang}" for lang in empty])


def empty(apps, schema_editor):
    """Back: only the names written here go, so the English originals stay."""
    Topic = apps.get_model("library", "Topic")
    for slug, names in NAMES.items():
        for lang, name in names.items():
            if lang != "en":
                Topic.objects.filter(slug=slug, **{f"name_{lang}": name}).update(
                    **{f"name_{lang}": None}
                )


class Migration(migrations.Migration):
    dependencies = [("library", "0010_topic_names_in_several_languages")]

    operations = [migrations.RunPython(fill, empty)]
