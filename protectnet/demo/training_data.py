"""Demo content: courses, question banks and fictitious trainees (no real person)."""

ONLINE = {
    "title": "Online investigations for police",
    "summary": (
        "How offenders use technology to contact, groom and exploit children, and how to "
        "investigate it: preserving digital evidence, requesting data from service providers, "
        "identifying children subjected to sexual exploitation in child sexual abuse material "
        "(CSAM), and working with international partners."
    ),
    "learning_objectives": "\n".join(
        [
            "Explain how offenders exploit platforms, encryption and live streaming",
            "Preserve and document digital evidence lawfully",
            "Prepare a data request to an online service provider",
            "Apply a victim-centred approach when a child is identified",
        ]
    ),
    "audience_sectors": ["law_enforcement"],
    "audience_roles": "Investigators, digital forensic officers, cybercrime units",
    "duration_hours": 28,
    "modules": "\n".join(
        [
            "How offenders use technology",
            "Open-source research and digital footprints",
            "Evidence preservation and chain of custody",
            "Requests to service providers and international cooperation",
            "Victim identification and officer wellbeing",
        ]
    ),
    "languages": ["en", "km"],
    "library_links": ["/library/"],
    "attendance_threshold": 75,
    "pass_mark": 70,
}

INTERVIEWING = {
    "title": "Victim-centred interviewing of children",
    "summary": (
        "Planning and conducting interviews with children who may have been abused, in a way "
        "that protects the child and the evidence: trauma, rapport, free recall, and working "
        "with social workers and prosecutors."
    ),
    "learning_objectives": "\n".join(
        [
            "Plan an interview with the child's needs first",
            "Use open questions and avoid leading ones",
            "Coordinate with social workers and prosecutors",
        ]
    ),
    "audience_sectors": ["law_enforcement", "government", "ngo"],
    "audience_roles": "Investigators, social workers, prosecutors",
    "duration_hours": 21,
    "modules": "Child development and trauma\nThe interview plan\nPractice interviews",
    "languages": ["en", "th"],
    "library_links": [],
    "attendance_threshold": 80,
    "pass_mark": 65,
}

EDUCATORS = {
    "title": "Safeguarding children online: a course for educators and social workers",
    "summary": (
        "Recognising signs of online grooming and sexual exploitation, responding to a "
        "disclosure, and referring to the police and child-protection services."
    ),
    "learning_objectives": "Recognise warning signs\nRespond to a disclosure\nRefer safely",
    "audience_sectors": ["education", "ngo", "charity", "government"],
    "audience_roles": "Teachers, school counsellors, social workers",
    "duration_hours": 12,
    "modules": "Warning signs\nResponding to a disclosure\nReferral pathways",
    "languages": ["en"],
    "library_links": [],
    "attendance_threshold": 100,
    "pass_mark": 60,
}

# (question, kind, [(answer, correct), ...])
QUESTIONS = {
    ONLINE["title"]: [
        (
            "What should an investigator do first when a suspect's device is seized while on?",
            "single",
            [
                ("Switch it off at once", False),
                ("Isolate it from networks and document its state", True),
                ("Browse its files to find evidence quickly", False),
            ],
        ),
        (
            "Which are good practice when preserving evidence from an online platform?",
            "multiple",
            [
                ("Record the URL, date and time of capture", True),
                ("Send a preservation request to the provider", True),
                ("Ask the child to forward the messages to you", False),
                ("Compute a hash of captured files", True),
            ],
        ),
        (
            "Which term does the network use for sexualised images of children?",
            "single",
            [
                ("Child sexual abuse material (CSAM)", True),
                ("Adult content involving minors", False),
                ("Explicit imagery", False),
            ],
        ),
        (
            "Where do you send a request for subscriber data held by a provider abroad?",
            "single",
            [
                ("Through the provider's law-enforcement channel or mutual legal assistance", True),
                ("To the provider's public customer support address", False),
                ("To the suspect's employer", False),
            ],
        ),
        (
            "Which signs may indicate online grooming?",
            "multiple",
            [
                ("Moving a conversation to an encrypted app", True),
                ("Gifts of game credits or mobile top-ups", True),
                ("Requests to keep the contact secret", True),
                ("A child joining a school sports club", False),
            ],
        ),
        (
            "When a child is identified in CSAM, what comes first?",
            "single",
            [
                ("The child's safety and a referral to child-protection services", True),
                ("Publishing the image to find witnesses", False),
                ("Interviewing the child on the spot", False),
            ],
        ),
    ],
    INTERVIEWING["title"]: [
        (
            "Which question is open?",
            "single",
            [
                ("Tell me everything that happened.", True),
                ("Did he hurt you?", False),
                ("Was it on Tuesday?", False),
            ],
        ),
        (
            "Who should take part in planning the interview?",
            "multiple",
            [
                ("The investigator", True),
                ("A social worker", True),
                ("The suspect's family", False),
            ],
        ),
        (
            "How many times should a child ideally be interviewed?",
            "single",
            [("As few times as possible", True), ("Once a day", False), ("Weekly", False)],
        ),
        (
            "Which help a child to give free recall?",
            "multiple",
            [
                ("Building rapport first", True),
                ("Allowing silences", True),
                ("Suggesting possible answers", False),
            ],
        ),
    ],
    EDUCATORS["title"]: [
        (
            "A pupil discloses abuse. What do you do?",
            "single",
            [
                ("Listen, reassure, and refer following the procedure", True),
                ("Promise to keep it secret", False),
                ("Confront the person named", False),
            ],
        ),
        (
            "Which are warning signs of online grooming?",
            "multiple",
            [
                ("Secrecy about a new online friend", True),
                ("Unexplained gifts", True),
                ("Good marks in mathematics", False),
            ],
        ),
        (
            "Who receives a referral about a child at risk?",
            "single",
            [
                ("Child-protection services and, where a crime is suspected, the police", True),
                ("The child's classmates", False),
                ("Nobody until there is proof", False),
            ],
        ),
    ],
}

# Fictitious officers of the Cambodian National Police (full name in Khmer, preferred in Latin).
KH_TRAINEES = [
    ("សុខ ចាន់ថា", "Sok Chantha"),
    ("ជា វណ្ណារី", "Chea Vannary"),
    ("ហេង សុភ័ក្ត្រ", "Heng Sopheak"),
    ("លី ដារ៉ា", "Ly Dara"),
    ("ពៅ សុខលី", "Pov Sokly"),
    ("ខៀវ រតនា", "Khiev Rathana"),
    ("មាស បុប្ផា", "Meas Bopha"),
    ("ឈឹម វិសាល", "Chhim Visal"),
]
TH_TRAINEES = [
    ("สมชาย ใจดี", "Somchai Jaidee"),
    ("วันเพ็ญ ศรีสุข", "Wanphen Srisuk"),
    ("ประเสริฐ ทองคำ", "Prasert Thongkham"),
    ("มาลี รักไทย", "Malee Rakthai"),
    ("อนุชา บุญมา", "Anucha Boonma"),
    ("สุดา แก้วงาม", "Suda Kaewngam"),
]
OTHER_TRAINEES = [
    ("Nguyễn Thị Hồng Nhung", ""),
    ("Trần Văn Đức", ""),
    ("Maria Theresa Dela Cruz", ""),
    ("ສົມສັກ ພົມມະຈັນ", "Somsak Phommachan"),
    ("အောင်ကျော်မင်း", "Aung Kyaw Min"),
    ("王小梅", "Wang Xiaomei"),
    ("प्रिया शर्मा", "Priya Sharma"),
]
