"""The demo network's fixed data. Every person is fictitious; names are common ones of each
country, combined at random, never a real person's. Organisations marked "(fictitious)" do
not exist; public institutions appear under their generic names only.
"""

COUNTRIES = [
    ("KH", "south_east_asia"),
    ("VN", "south_east_asia"),
    ("TH", "south_east_asia"),
    ("PH", "south_east_asia"),
    ("LA", "south_east_asia"),
    ("IN", "south_asia"),
    ("HK", "east_asia"),
    ("SG", "south_east_asia"),
    ("MM", "south_east_asia"),
    ("GB", "europe"),
]

UK_AGENCY = "UK Child Protection Agency (fictitious)"
UK_COMMAND = "Child Online Protection Command (fictitious)"
KH_POLICE = "Cambodian National Police"
TH_POLICE = "Royal Thai Police"
KH_NGO = "Children First Cambodia (fictitious)"

# (country, name, acronym, sector, parent name or "")
ORGANISATIONS = [
    ("KH", KH_POLICE, "CNP", "law_enforcement", ""),
    (
        "KH",
        "Anti-Human Trafficking and Juvenile Protection Department",
        "AHTJP",
        "law_enforcement",
        KH_POLICE,
    ),
    ("KH", "Ministry of Interior", "MoI", "government", ""),
    (
        "KH",
        "Ministry of Social Affairs, Veterans and Youth Rehabilitation",
        "MoSVY",
        "government",
        "",
    ),
    ("KH", KH_NGO, "CFC", "ngo", ""),
    ("KH", "Safe Schools Cambodia (fictitious)", "SSC", "education", ""),
    ("KH", "British Embassy Phnom Penh", "BEPP", "diplomatic", ""),
    ("VN", "Criminal Police Department, Ministry of Public Security", "C02", "law_enforcement", ""),
    ("VN", "Ministry of Labour, Invalids and Social Affairs", "MOLISA", "government", ""),
    ("VN", "Hanoi Child Rights Centre (fictitious)", "HCRC", "ngo", ""),
    ("VN", "Viet Nam Teachers' Safeguarding Network (fictitious)", "VTSN", "education", ""),
    ("TH", TH_POLICE, "RTP", "law_enforcement", ""),
    (
        "TH",
        "Thailand Internet Crimes Against Children Task Force",
        "TICAC",
        "law_enforcement",
        TH_POLICE,
    ),
    ("TH", "Ministry of Social Development and Human Security", "MSDHS", "government", ""),
    ("TH", "Mekong Children's Foundation (fictitious)", "MCF", "charity", ""),
    (
        "TH",
        "Regional Child Protection Office for South-East Asia (fictitious)",
        "RCPO",
        "international",
        "",
    ),
    (
        "PH",
        "Philippine National Police Women and Children Protection Center",
        "WCPC",
        "law_enforcement",
        "",
    ),
    ("PH", "Department of Social Welfare and Development", "DSWD", "government", ""),
    ("PH", "Kalinga Children's Alliance (fictitious)", "KCA", "ngo", ""),
    ("PH", "Department of Education Child Protection Unit", "DepEd CPU", "education", ""),
    ("LA", "Anti-Human Trafficking Department, Lao Police", "AHTD", "law_enforcement", ""),
    ("LA", "Ministry of Labour and Social Welfare", "MoLSW", "government", ""),
    ("LA", "Lao Child Safety Association (fictitious)", "LCSA", "ngo", ""),
    ("IN", "State Police Anti-Human Trafficking Unit", "AHTU", "law_enforcement", ""),
    ("IN", "Ministry of Women and Child Development", "MWCD", "government", ""),
    ("IN", "Childsafe India Network (fictitious)", "CIN", "ngo", ""),
    ("IN", "National Council for School Safety (fictitious)", "NCSS", "education", ""),
    ("HK", "Hong Kong Police Force Child Abuse Investigation Unit", "CAIU", "law_enforcement", ""),
    ("HK", "Social Welfare Department", "SWD", "government", ""),
    ("HK", "Harbour Children's Trust (fictitious)", "HCT", "charity", ""),
    ("SG", "Singapore Police Force Serious Sexual Crime Branch", "SSCB", "law_enforcement", ""),
    ("SG", "Ministry of Social and Family Development", "MSF", "government", ""),
    ("SG", "Lion City Child Safety Network (fictitious)", "LCCSN", "ngo", ""),
    (
        "MM",
        "Anti-Trafficking in Persons Division, Myanmar Police Force",
        "ATIPD",
        "law_enforcement",
        "",
    ),
    ("MM", "Department of Social Welfare", "DSW", "government", ""),
    ("MM", "Yangon Children's Shelter Network (fictitious)", "YCSN", "ngo", ""),
    ("GB", UK_AGENCY, "UKCPA", "law_enforcement", ""),
    ("GB", UK_COMMAND, "COPC", "law_enforcement", UK_AGENCY),
    ("GB", "Foreign, Commonwealth and Development Office", "FCDO", "government", ""),
    ("GB", "UK Safeguarding in Schools Trust (fictitious)", "USST", "education", ""),
    ("GB", "Children's Shield UK (fictitious)", "CSUK", "charity", ""),
    ("GB", "International Child Safety Network (fictitious)", "ICSN", "international", ""),
]

# Names in native script with their Latin form (preferred name); combined names below.
NATIVE_NAMES = {
    "KH": [
        ("សុខ ដារា", "Sok Dara"),
        ("ចាន់ សុភា", "Chan Sophea"),
        ("ហេង សុវណ្ណ", "Heng Sovann"),
        ("កែវ ច័ន្ទថា", "Keo Chantha"),
    ],
    "TH": [
        ("ประภาพร มีสุข", "Praphaphon Meesuk"),
        ("สุดารัตน์ ศรีสุข", "Sudarat Srisuk"),
        ("วิชัย บุญมา", "Wichai Boonma"),
    ],
    "LA": [("ສົມພອນ ແກ້ວມະນີ", "Somphone Keomany"), ("ບຸນມີ ພົມມະຈັນ", "Bounmy Phommachanh")],
    "MM": [("အောင်ကျော်", "Aung Kyaw"), ("မြင့်မြင့်ထွေး", "Myint Myint Htwe"), ("ဇော်မင်း", "Zaw Min")],
    "HK": [("陳嘉欣", "Chan Ka-yan"), ("李志明", "Lee Chi-ming"), ("黃美玲", "Wong Mei-ling")],
    "IN": [("अनन्या अय्यर", "Ananya Iyer"), ("विक्रम नायर", "Vikram Nair")],
}

# (family names, given names, family name first?)
NAME_PARTS = {
    "KH": (
        ["Sok", "Chan", "Heng", "Keo", "Lim", "Meas", "Chea", "Ouk", "Phan", "Seng"],
        [
            "Dara",
            "Sophea",
            "Vanna",
            "Sreymom",
            "Visal",
            "Bopha",
            "Rithy",
            "Channary",
            "Pisey",
            "Sovann",
        ],
        True,
    ),
    "VN": (
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"],
        [
            "Thị Lan",
            "Văn Minh",
            "Thu Hà",
            "Quốc Bảo",
            "Ngọc Anh",
            "Đức Thắng",
            "Thanh Hương",
            "Hữu Phước",
        ],
        True,
    ),
    "TH": (
        ["Srisuk", "Boonma", "Wongsakul", "Chaiyaporn", "Saetang", "Kaewkla", "Thongdee"],
        ["Somchai", "Sudarat", "Wichai", "Nattaya", "Kittipong", "Pimchanok", "Anan", "Siriporn"],
        False,
    ),
    "PH": (
        ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva", "Dela Cruz"],
        [
            "Maria Cristina",
            "Jose Miguel",
            "Ana Liza",
            "Ramon",
            "Joy",
            "Mark Anthony",
            "Rowena",
            "Paolo",
        ],
        False,
    ),
    "LA": (
        ["Keomany", "Phommachanh", "Sisouk", "Vongsa", "Inthavong", "Souvannavong"],
        ["Somphone", "Bounmy", "Khamla", "Vanida", "Phonesavanh", "Souksavanh", "Noy"],
        False,
    ),
    "IN": (
        ["Sharma", "Verma", "Iyer", "Nair", "Das", "Reddy", "Gupta", "Menon", "Singh"],
        ["Priya", "Rahul", "Ananya", "Vikram", "Lakshmi", "Arjun", "Kavita", "Suresh"],
        False,
    ),
    "HK": (
        ["Chan", "Lee", "Wong", "Cheung", "Lau", "Ho", "Leung", "Tsang"],
        ["Ka-yan", "Chi-ming", "Mei-ling", "Wai-kit", "Siu-fong", "Ho-yin", "Hoi-ying"],
        True,
    ),
    "SG": (
        ["Tan", "Lim", "Ng", "Goh", "Rahman", "Kumar", "Pillai", "Teo"],
        ["Wei Ling", "Jun Hao", "Aisyah", "Hui Min", "Rajesh", "Farah", "Kai Xiang", "Meena"],
        True,
    ),
    "MM": (
        ["Aung", "Kyaw", "Htwe", "Min", "Thein", "Naing", "Oo", "Win"],
        ["Myint", "Zaw", "Thandar", "Hla", "Nyein", "Su", "Ko", "Moe"],
        False,
    ),
    "GB": (
        [
            "Hughes",
            "Whitfield",
            "Marsden",
            "Okafor",
            "Patel",
            "Campbell",
            "Fletcher",
            "Reid",
            "Hale",
            "Bennett",
        ],
        [
            "Eleanor",
            "David",
            "Helen",
            "Samuel",
            "Priya",
            "Fiona",
            "James",
            "Grace",
            "Owen",
            "Rachel",
        ],
        False,
    ),
}

LANGUAGES = {
    "KH": ["km", "en"],
    "VN": ["vi", "en"],
    "TH": ["th", "en"],
    "PH": ["fil", "en"],
    "LA": ["lo", "en"],
    "IN": ["hi", "en"],
    "HK": ["zh", "en"],
    "SG": ["en", "zh"],
    "MM": ["my", "en"],
    "GB": ["en"],
}
EXTRA_LANGUAGES = {"IN": ["ta", "bn", "ml"], "SG": ["ms", "ta"], "HK": ["yue"], "GB": ["fr", "km"]}

EXPERTISE = {
    "law_enforcement": [
        "online investigations",
        "victim identification",
        "digital forensics",
        "travel notifications",
        "child sexual abuse material (CSAM) triage",
        "offender management",
        "trauma-informed interviewing",
    ],
    "government": ["child protection policy", "legal reform", "case management", "social work"],
    "ngo": ["community outreach", "victim support", "hotline operations", "child safeguarding"],
    "charity": ["victim support", "child safeguarding", "fundraising for shelters"],
    "education": ["school safeguarding", "online safety education", "teacher training"],
    "international": ["regional coordination", "child protection policy", "research"],
    "diplomatic": ["regional coordination", "programme funding"],
}

JOB_TITLES = {
    "law_enforcement": [
        "Police Major",
        "Detective Inspector",
        "Police Captain",
        "Investigator",
        "Analyst",
        "Police Lieutenant Colonel",
    ],
    "government": [
        "Deputy Director",
        "Child Protection Officer",
        "Policy Adviser",
        "Head of Social Services",
    ],
    "ngo": ["Programme Manager", "Case Worker", "Director", "Outreach Coordinator"],
    "charity": ["Director", "Safeguarding Lead", "Programme Officer"],
    "education": ["Safeguarding Lead", "Teacher Trainer", "Head of Student Welfare"],
    "international": ["Regional Adviser", "Programme Specialist"],
    "diplomatic": ["Second Secretary", "Programme Manager"],
}

DISCIPLINE_FOR_SECTOR = {
    "law_enforcement": "law_enforcement",
    "government": "social_work",
    "ngo": "ngo",
    "charity": "charity",
    "education": "education",
    "international": "ngo",
    "diplomatic": "justice",
}

# Demo accounts: email -> (role label, organisation or "", person name, preferred name).
# Development-only passwords and TOTP keys (hex), never used outside DEBUG.
ACCOUNTS = [
    ("admin@protectnet.test", "network admin", UK_AGENCY, "Helen Marsden", "Helen"),
    ("focal.kh@protectnet.test", "focal point (Cambodia)", KH_POLICE, "ចាន់ វិសាល", "Chan Visal"),
    ("member.kh@protectnet.test", "member", KH_NGO, "Meas Bopha", "Bopha"),
    ("le.kh@protectnet.test", "law-enforcement vetted", KH_POLICE, "Ouk Rithy", "Rithy"),
    (
        "le.th@protectnet.test",
        "law-enforcement vetted",
        TH_POLICE,
        "Kittipong Saetang",
        "Kittipong",
    ),
    ("le.uk@protectnet.test", "law-enforcement vetted", UK_AGENCY, "Samuel Okafor", "Sam"),
    ("trainer@protectnet.test", "trainer", UK_AGENCY, "Fiona Campbell", "Fiona"),
    ("guest@protectnet.test", "guest", "", "Nguyễn Thu Hà", "Hà"),
]
DEMO_PASSWORD = "protectnet-demo-2026"  # noqa: S105 - development-only demo password
TOTP_KEYS = {
    "admin@protectnet.test": "3132333435363738393031323334353637383930",
    "le.kh@protectnet.test": "4b484b484b484b484b484b484b484b484b484b48",
    "le.th@protectnet.test": "5448544854485448544854485448544854485448",
    "le.uk@protectnet.test": "554b554b554b554b554b554b554b554b554b554b",
}
PEOPLE_PER_COUNTRY = 15
