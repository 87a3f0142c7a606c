"""Demo library: about 60 fictitious resources in English, Khmer, Thai and Vietnamese.

Every marking is represented; files are real small PDF, DOCX, XLSX, PPTX and text documents built
here so extraction and search work on them. A few use discouraged terms on purpose, so the
terminology checker has something to flag (and they say why the term should not be used).
Idempotent: resources are keyed by title; seeded so every run builds the same library.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from protectnet.access.markings import Marking
from protectnet.demo import samples
from protectnet.library import services, uploads
from protectnet.library.extraction import count_findings, extract_file
from protectnet.library.models import Language, Resource, ResourceType, Topic
from protectnet.library.search import index
from protectnet.network.models import Country, Organisation, Person

# (theme, topic slug, type, {language: (title, paragraphs)})
THEMES = [
    (
        "online-investigations",
        ResourceType.GUIDE,
        {
            "en": (
                "Guide to online investigations of child sexual exploitation",
                [
                    "This guide explains how investigators preserve digital evidence from chat "
                    "platforms and how to request subscriber data from service providers.",
                    "It covers undercover online identities, the wellbeing of officers "
                    "and cooperation with international partners.",
                ],
            ),
            "km": (
                "មគ្គុទ្ទេសក៍ការស៊ើបអង្កេតតាមអ៊ីនធឺណិត",
                [
                    "មគ្គុទ្ទេសក៍នេះពន្យល់ពីការរក្សាភស្តុតាងឌីជីថល និងកិច្ចសហប្រតិបត្តិការអន្តរជាតិ។",
                    "ការការពារកុមារតាមអ៊ីនធឺណិតគឺជាការទទួលខុសត្រូវរួម។",
                ],
            ),
            "th": (
                "คู่มือการสืบสวนคดีออนไลน์",
                [
                    "คู่มือนี้อธิบายการเก็บรักษาพยานหลักฐานดิจิทัลและการขอข้อมูลจากผู้ให้บริการ",
                    "การคุ้มครองเด็กออนไลน์ต้องอาศัยความร่วมมือระหว่างประเทศ",
                ],
            ),
            "vi": (
                "Hướng dẫn điều tra trực tuyến",
                [
                    "Tài liệu hướng dẫn cách bảo quản chứng cứ điện tử và yêu cầu dữ liệu từ nhà "
                    "cung cấp dịch vụ.",
                    "Bảo vệ trẻ em trên môi trường mạng cần hợp tác quốc tế.",
                ],
            ),
        },
    ),
    (
        "victim-support",
        ResourceType.REPORT,
        {
            "en": (
                "Report on support services for children subjected to sexual exploitation",
                [
                    "The report maps shelters, counselling and legal aid available to children "
                    "subjected to sexual exploitation in five countries of the region.",
                    "Older documents call these children 'child prostitutes'; the network uses "
                    "'child subjected to sexual exploitation' because a child cannot consent.",
                ],
            ),
            "km": (
                "របាយការណ៍ស្តីពីសេវាគាំទ្រជនរងគ្រោះ",
                [
                    "របាយការណ៍នេះពិពណ៌នាអំពីសេវាផ្តល់ប្រឹក្សា និងជំនួយផ្លូវច្បាប់សម្រាប់ជនរងគ្រោះ។",
                ],
            ),
            "th": (
                "รายงานบริการช่วยเหลือผู้เสียหาย",
                [
                    "รายงานฉบับนี้สำรวจบ้านพักฉุกเฉิน การให้คำปรึกษา และความช่วยเหลือทางกฎหมายสำหรับผู้เสียหาย",
                ],
            ),
            "vi": (
                "Báo cáo về dịch vụ hỗ trợ nạn nhân",
                [
                    "Báo cáo mô tả nhà tạm lánh, tư vấn tâm lý và trợ giúp pháp lý cho nạn nhân.",
                ],
            ),
        },
    ),
    (
        "travelling-offenders",
        ResourceType.CASE_STUDY,
        {
            "en": (
                "Case study: a transnational child sex offender identified through cooperation",
                [
                    "A fictitious case in which two police forces shared travel records and "
                    "identified a transnational child sex offender before he arrived.",
                    "The press at the time used the term 'sex tourist', which hides the crime; the "
                    "network says 'transnational child sex offender'.",
                ],
            ),
            "km": (
                "ករណីសិក្សា៖ កិច្ចសហប្រតិបត្តិការឆ្លងដែន",
                [
                    "ករណីប្រឌិតមួយអំពីការចែករំលែកព័ត៌មានរវាងប៉ូលីសពីរប្រទេស។",
                ],
            ),
            "th": (
                "กรณีศึกษา: ความร่วมมือข้ามพรมแดน",
                [
                    "กรณีสมมติที่ตำรวจสองประเทศแลกเปลี่ยนข้อมูลการเดินทางของผู้กระทำผิด",
                ],
            ),
            "vi": (
                "Nghiên cứu điển hình: hợp tác xuyên biên giới",
                [
                    "Một vụ việc giả định trong đó cảnh sát hai nước trao đổi thông tin đi lại.",
                ],
            ),
        },
    ),
    (
        "digital-evidence",
        ResourceType.TRAINING,
        {
            "en": (
                "Training material: handling child sexual abuse material (CSAM) as evidence",
                [
                    "Procedures to hash, categorise and store child sexual abuse material (CSAM) "
                    "without re-victimising the children depicted.",
                    "Some national laws still say 'child pornography'; quote the law, but describe "
                    "the material as child sexual abuse material.",
                ],
            ),
            "km": (
                "ឯកសារបណ្តុះបណ្តាល៖ ភស្តុតាងឌីជីថល",
                [
                    "នីតិវិធីសម្រាប់រក្សាទុកភស្តុតាងឌីជីថលដោយសុវត្ថិភាព។",
                ],
            ),
            "th": (
                "เอกสารฝึกอบรม: พยานหลักฐานดิจิทัล",
                [
                    "ขั้นตอนการจัดเก็บพยานหลักฐานดิจิทัลอย่างปลอดภัยโดยไม่ทำร้ายเด็กซ้ำ",
                ],
            ),
            "vi": (
                "Tài liệu đào tạo: chứng cứ điện tử",
                [
                    "Quy trình lưu trữ chứng cứ điện tử an toàn, không gây tổn thương cho trẻ.",
                ],
            ),
        },
    ),
    (
        "prevention",
        ResourceType.PRESENTATION,
        {
            "en": (
                "Prevention in schools: keeping children safe online",
                [
                    "Slides for teachers on grooming signs, reporting channels and talking with "
                    "children about online safety.",
                ],
            ),
            "km": ("ការបង្ការនៅសាលារៀន", ["ការអប់រំកុមារអំពីសុវត្ថិភាពតាមអ៊ីនធឺណិត។"]),
            "th": ("การป้องกันในโรงเรียน", ["การสอนเด็กเรื่องความปลอดภัยบนอินเทอร์เน็ต"]),
            "vi": ("Phòng ngừa trong trường học", ["Giáo dục trẻ em về an toàn trên mạng."]),
        },
    ),
    (
        "legislation",
        ResourceType.POLICY,
        {
            "en": (
                "Model policy on child-friendly justice",
                [
                    "A model policy on interviewing children once, by trained staff, in a "
                    "child-friendly room, with their support person present.",
                ],
            ),
            "km": ("គោលនយោបាយយុត្តិធម៌សម្រាប់កុមារ", ["ការសម្ភាសន៍កុមារតែម្តងដោយបុគ្គលិកដែលបានបណ្តុះបណ្តាល។"]),
            "th": (
                "นโยบายกระบวนการยุติธรรมที่เป็นมิตรกับเด็ก",
                ["การสัมภาษณ์เด็กเพียงครั้งเดียวโดยเจ้าหน้าที่ที่ผ่านการอบรม"],
            ),
            "vi": (
                "Chính sách tư pháp thân thiện với trẻ em",
                ["Trẻ em chỉ được phỏng vấn một lần bởi cán bộ đã qua đào tạo."],
            ),
        },
    ),
    (
        "cooperation",
        ResourceType.LINK,
        {
            "en": ("Directory of international cooperation channels", []),
            "km": ("បណ្តាញកិច្ចសហប្រតិបត្តិការអន្តរជាតិ", []),
            "th": ("ช่องทางความร่วมมือระหว่างประเทศ", []),
            "vi": ("Kênh hợp tác quốc tế", []),
        },
    ),
]
# Marking, and whether an AMBER item is listed as restricted, by position in the cycle.
MARKING_CYCLE = [
    (Marking.CLEAR, False),
    (Marking.GREEN, False),
    (Marking.GREEN, False),
    (Marking.AMBER, True),
    (Marking.AMBER, False),
    (Marking.AMBER_STRICT, False),
    (Marking.RED, False),
    (Marking.CLEAR, False),
    (Marking.GREEN, False),
]
FILE_BUILDERS = [("pdf", samples.pdf), ("docx", samples.docx), ("txt", samples.txt)]
EDITIONS = ["", " (2024 edition)"]


class _Upload:
    """What check_upload reads: a name, a size and the bytes."""

    def __init__(self, name: str, data: bytes):
        self.name, self.size, self._data = name, len(data), data

    def read(self, n=-1):
        return self._data


def _user(email: str):
    return get_user_model().objects.filter(email=email).first()


def _file_for(rng, lang: str, title: str, paragraphs: list[str], n: int):
    # Khmer shaping does not survive PDF text extraction well: Khmer goes into DOCX or text.
    builders = FILE_BUILDERS if lang != "km" else FILE_BUILDERS[1:]
    kind, build = builders[n % len(builders)]
    if n % 11 == 5 and lang == "en":
        return _Upload(
            "figures.xlsx",
            samples.xlsx(
                "Figures",
                [
                    ["Country", "Cases"],
                    *[[c, str(rng.randint(5, 90))] for c in ("Cambodia", "Thailand", "Viet Nam")],
                ],
            ),
        )
    if n % 13 == 7 and lang == "en":
        return _Upload("slides.pptx", samples.pptx(title, paragraphs))
    return _Upload(f"resource-{n}.{kind}", build(title, paragraphs))


def load() -> None:
    rng = random.Random(2026)
    orgs = list(Organisation.objects.select_related("country").order_by("id"))
    if not orgs:
        return
    admin = (
        _user("admin@protectnet.test") or get_user_model().objects.filter(is_superuser=True).first()
    )
    named = [
        p
        for p in Person.objects.filter(
            user__email__in=[
                "le.kh@protectnet.test",
                "le.th@protectnet.test",
                "admin@protectnet.test",
            ]
        )
    ]
    shared_pool = orgs[:]
    languages = {lang.code: lang for lang in Language.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    countries = list(Country.objects.all())
    today = timezone.localdate()
    n = 0
    for edition in EDITIONS:
        for slug, rtype, variants in THEMES:
            for lang, (title, paragraphs) in variants.items():
                n += 1
                full_title = f"{title}{edition}"
                if Resource.objects.filter(title=full_title).exists():
                    continue
                marking, listed = MARKING_CYCLE[n % len(MARKING_CYCLE)]
                owner = orgs[n % len(orgs)]
                data = services.ResourceData(
                    title=full_title,
                    summary=" ".join(paragraphs[:1]),
                    resource_type=rtype,
                    owner_organisation=owner,
                    marking=marking,
                    languages=[languages[lang]] if lang in languages else [],
                    countries=rng.sample(countries, k=min(2, len(countries))),
                    topics=[topics[slug]] if slug in topics else [],
                    shared_with=rng.sample(shared_pool, k=min(2, len(shared_pool)))
                    if marking == Marking.AMBER
                    else [],
                    named_people=named if marking == Marking.RED else [],
                    listed_when_restricted=listed,
                    published_on=today - timedelta(days=rng.randint(10, 1500)),
                    review_date=today + timedelta(days=rng.randint(30, 700)),
                )
                if marking == Marking.RED and not data.named_people:
                    data.marking = Marking.AMBER_STRICT
                _create(admin, data, lang, paragraphs, rtype, rng, n)


def _create(actor, data, lang, paragraphs, rtype, rng, n) -> None:
    """Trusted demo code: builds through the service's steps without the per-user gates."""
    link = ""
    files = []
    if rtype == ResourceType.LINK:
        link = f"https://example.org/protectnet-demo/cooperation/{n}"
    else:
        files = [uploads.check_upload(_file_for(rng, lang, data.title, paragraphs, n))]
    services._normalise_marking(actor, data)
    resource = Resource(created_by=actor)
    services._apply(resource, data)
    resource.summary_findings = count_findings(data.summary)
    resource.full_clean()
    resource.save()
    services._set_relations(resource, data)
    version, _ = services._add_version(actor, resource, files, link, "")
    index.refresh_resource(resource.pk)
    for file in version.files.select_related("version"):
        extract_file(file)
