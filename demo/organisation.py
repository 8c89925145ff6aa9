"""The centre's page about the organisation (Giới thiệu), in Vietnamese and in English.

Only what the guidance document itself names is stated as fact (the Standing Committee, its
Vice-President who signed it, the departments it gives tasks to); the e-mail addresses are
the demo's own (example.vn)."""

from wagtail.rich_text import RichText

from home.models import OrganisationPage

VIETNAMESE = {
    "title": "Giới thiệu Công đoàn Viên chức Việt Nam",
    "slug": "gioi-thieu",
    "intro": "Chức năng, nhiệm vụ, cơ cấu tổ chức và các công đoàn trực thuộc.",
    "sections": [
        (
            "Chức năng, nhiệm vụ",
            "<p>Công đoàn Viên chức Việt Nam là công đoàn ngành trung ương trực thuộc Tổng Liên "
            "đoàn Lao động Việt Nam, đại diện, bảo vệ quyền, lợi ích hợp pháp, chính đáng và "
            "chăm lo đời sống của đoàn viên, người lao động khối viên chức.</p>"
            "<p>Công đoàn hướng dẫn, chỉ đạo các công đoàn trực thuộc ở các bộ, ngành, cơ quan "
            "trung ương tổ chức phong trào thi đua, hoạt động chăm lo và công tác tuyên "
            "truyền.</p>",
        ),
    ],
    "leadership": (
        "Ban Thường vụ",
        [("Thái Hoài Nam", "Phó Chủ tịch", "Ký Hướng dẫn số 25/HD-CĐVC về truyền thông dịp Tết.")],
    ),
    "structure": (
        "Các ban chuyên môn",
        [
            (
                "Ban Tuyên giáo - Nữ công",
                "Chủ trì công tác truyền thông của toàn mạng; tiếp nhận tin bài, báo cáo kết quả "
                "của các công đoàn trực thuộc.",
                "bantuyengiao@cdvc.example.vn",
            ),
            (
                "Ban Chính sách - Pháp luật - Quan hệ lao động",
                "Cung cấp thông tin về chính sách, pháp luật; phối hợp tư vấn pháp luật cho đoàn "
                "viên.",
                "banchinhsach@cdvc.example.vn",
            ),
            (
                "Văn phòng",
                "Tổng hợp, hành chính, đối ngoại và quản trị hệ thống thông tin của mạng.",
                "vanphong@cdvc.example.vn",
            ),
        ],
    ),
}
ENGLISH = {
    "title": "About the Vietnam Civil Servants' Trade Union",
    "slug": "about-us",
    "intro": "Its role and duties, its structure and its member unions.",
    "sections": [
        (
            "Role and duties",
            "<p>The Vietnam Civil Servants' Trade Union is a national sectoral union of the "
            "Vietnam General Confederation of Labour. It represents and protects the rights and "
            "interests of the members and workers of the public service and looks after their "
            "lives.</p><p>It guides the unions of the ministries, agencies and central bodies in "
            "their emulation movements, their care for members and their communication.</p>",
        ),
    ],
    "leadership": (
        "Standing Committee",
        [
            (
                "Thái Hoài Nam",
                "Vice-President",
                "Signed Guidance No. 25/HD-CĐVC on Tet communication.",
            )
        ],
    ),
    "structure": (
        "Departments",
        [
            (
                "Department of Communication and Women's Affairs",
                "Leads the network's communication; receives the member unions' news and results "
                "reports.",
                "bantuyengiao@cdvc.example.vn",
            ),
            (
                "Department of Policy, Law and Labour Relations",
                "Provides information on policy and law; helps organise legal advice for members.",
                "banchinhsach@cdvc.example.vn",
            ),
            (
                "Office",
                "Administration, external relations and the network's information systems.",
                "vanphong@cdvc.example.vn",
            ),
        ],
    ),
}


def _body(text):
    heading, people = text["leadership"]
    structure_heading, units = text["structure"]
    return [
        *[("section", {"heading": h, "text": RichText(html)}) for h, html in text["sections"]],
        (
            "leadership",
            {
                "heading": heading,
                "people": [{"name": n, "role": r, "duties": d} for n, r, d in people],
            },
        ),
        (
            "structure",
            {
                "heading": structure_heading,
                "units": [{"name": n, "duties": d, "phone": "", "email": e} for n, d, e in units],
            },
        ),
    ]


def create_organisation_page(central, english=None):
    """The Vietnamese page under the central home and, with `english` (a Locale), its
    English translation under the English home; both published."""
    page = central.home_page.add_child(
        instance=OrganisationPage(
            title=VIETNAMESE["title"],
            slug=VIETNAMESE["slug"],
            intro=VIETNAMESE["intro"],
            body=_body(VIETNAMESE),
        )
    )
    page.save_revision().publish()
    if english is not None:
        translated = page.copy_for_translation(english)
        translated.title, translated.slug = ENGLISH["title"], ENGLISH["slug"]
        translated.intro, translated.body = ENGLISH["intro"], _body(ENGLISH)
        translated.save_revision().publish()
    return page
