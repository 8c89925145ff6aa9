"""The demo's English edition: the central home, the news hub, the directory, the three
campaign hubs, the guidance document, and three articles each from two unions (with their
union's English home and columns), made as translations of the Vietnamese pages
(Page.copy_for_translation: same tree shape, under each site's English home) and published.
"""

from wagtail.models import Locale
from wagtail.rich_text import RichText

from blog.models import ArticlePage, Campaign, Column, DocumentPage, NewsHubPage
from campaigns.models import CampaignHubPage
from centre.services import set_english_names
from core.text import slugify_vi
from home.models import DirectoryPage
from reports.models import ReportFigure
from sites.models import SiteBranding

from . import content
from .campaigns import ten_year_review
from .organisation import create_organisation_page

# The network's shared words in English, kept by the centre: the unions' names (the union
# form), their slogans (each site's branding), the campaigns and columns (their English
# translations: blog.models.taxonomy) and the report's figures (the report template).
UNION_NAMES = {
    "trung-uong": ("Vietnam Civil Servants' Trade Union", "VCSTU"),
    "tu-phap": ("Trade Union of the Ministry of Justice", "MOJ Union"),
    "noi-vu": ("Trade Union of the Ministry of Home Affairs", "MOHA Union"),
    "ngoai-giao": ("Trade Union of the Ministry of Foreign Affairs", "MOFA Union"),
    "khoa-hoc-cong-nghe": ("Trade Union of the Ministry of Science and Technology", "MOST Union"),
    "thong-tan-xa": ("Trade Union of the Vietnam News Agency", "VNA Union"),
    "vien-han-lam-khxh": (
        "Trade Union of the Vietnam Academy of Social Sciences",
        "VASS Union",
    ),
}
TAGLINES = {
    "trung-uong": "Representing, protecting and caring for the members of Vietnam's public service",
    "tu-phap": "Beside the members of the justice sector everywhere in the country",
    "noi-vu": "Together – Sharing – Growing",
}
CAMPAIGN_WORDS = {
    "tet-sum-vay-10-nam": {
        "name": "Ten years of the “Tet Reunion” programme",
        "slogan": "Ten years of bringing members home for Tet",
        "description": "A look back at ten years (2014–2024) of the unions' Tet care for members.",
    },
    "cho-tet-cong-doan-2024": {
        "name": "Union Tet Market 2024",
        "slogan": "Tet shopping at members' prices",
        "description": "Online and on the unions' own market days, with free stalls for members "
        "in hardship.",
    },
    "tet-sum-vay-xuan-chia-se": {
        "name": "“Tet Reunion – Sharing Spring”",
        "slogan": "No member spends Tet in want",
        "description": "The unions' care for members at the Lunar New Year of the Dragon 2024.",
    },
}
COLUMN_WORDS = {
    "dau-an-10-nam": (
        "Ten years of Tet Reunion",
        "Figures, stories and lessons from ten years of the “Tet Reunion” programme.",
    ),
    "cho-tet-cong-doan": (
        "Union Tet Market",
        "Online shopping at members' prices, market days, free stalls, legal and health advice.",
    ),
    "xuan-chia-se": (
        "Sharing Spring",
        "Visits, gifts and Tet greetings; members' stories and the unions' good practice.",
    ),
    "tin-hoat-dong": (
        "Union news",
        "What the unions do: conferences, plans, meetings and emulation movements.",
    ),
    "dien-dan-doan-vien": (
        "Members' forum",
        "Members and workers share their views, proposals and everyday stories.",
    ),
}

FIGURE_WORDS = {
    "doan-vien-duoc-tham": ("Members and workers visited", "people"),
    "suat-qua": ("Tet gifts given", "gifts"),
    "gia-tri-qua": ("Total value of gifts", ""),
    "gian-hang-0-dong": ("Goods taken at the free stalls", "visits"),
    "tu-van-phap-luat": ("Legal advice sessions", "sessions"),
    "tu-van-suc-khoe": ("Health advice sessions", "sessions"),
    "tin-bai-bao-chi": ("Press stories", "stories"),
    "bai-mang-xa-hoi": ("Social media posts (Facebook, Zalo)", "posts"),
}

CENTRAL_HOME = {
    "title": "Vietnam Civil Servants' Trade Union",
    "intro": "Representing, protecting and caring for the members of Vietnam's public service.",
}
HUB = {
    "title": "Network news",
    "intro": "Stories from every union of the network, newest first, in English.",
}
DIRECTORY = {
    "title": "Member unions",
    "intro": "The unions of the Vietnam Civil Servants' Trade Union that publish on the network.",
}
CAMPAIGN_HUBS = {
    "tet-sum-vay-10-nam": {
        "title": "Ten years of the “Tet Reunion” programme",
        "intro": "Since 2014 the network's unions have brought members home for Tet, given gifts "
        "to those in need and built homes with the Union Shelter fund. A look back at ten years.",
    },
    "cho-tet-cong-doan-2024": {
        "title": "Union Tet Market 2024",
        "intro": "Tet shopping at members' prices, online and at the unions' own market days, "
        "with free stalls for members in hardship.",
    },
    "tet-sum-vay-xuan-chia-se": {
        "title": "“Tet Reunion – Sharing Spring” programme",
        "intro": "The Lunar New Year of the Dragon 2024: every union makes sure that no member "
        "spends Tet in want.",
    },
}
# What the campaign hubs show besides their introduction: the online market, the partners'
# offers (by the partner's name) and the printable materials (by kind).
HUB_DETAILS = {
    "cho-tet-cong-doan-2024": {
        "market_name": "Union Tet Market online",
        "market_intro": "Members sign in with their membership number to buy Vietnamese goods "
        "at members' prices, delivered to their office.",
    },
}
PARTNER_WORDS = {
    "Công ty Thực phẩm Sao Việt": "Tet hampers, sweets and dry food at 20% off for members.",
    "Hợp tác xã Nông sản Đồng Xanh": "Rice and clean vegetables from cooperatives, delivered "
    "the same day in Hà Nội.",
    "Siêu thị Bình An": "Free shopping vouchers for members in hardship at 12 shops.",
    "Công ty May mặc Hồng Hà": "Warm clothes and children's wear at factory prices during the "
    "market.",
    "Nhãn hàng Sữa Mộc Châu Xanh": "Milk and dairy products given with every member's order.",
}
MATERIAL_WORDS = {
    ("tet-sum-vay-10-nam", "poster"): "Poster “Ten years of Tet Reunion – the union's care "
    "in full”",
    ("tet-sum-vay-10-nam", "banner"): "Banner for the ten-year review of the “Tet Reunion” "
    "programme",
    ("cho-tet-cong-doan-2024", "poster"): "Poster “Easy shopping – a full Tet for members”",
    ("cho-tet-cong-doan-2024", "banner"): "Banner of the Union Tet Market 2024",
    ("tet-sum-vay-xuan-chia-se", "poster"): "Poster “Sharing Spring – a caring Tet”",
    ("tet-sum-vay-xuan-chia-se", "banner"): "Banner of the “Tet Reunion – Sharing Spring” "
    "programme",
}
MATERIAL_KIND_WORDS = {
    "poster": "A3 portrait, printed with a QR code to the campaign page.",
    "banner": "3:1, for the hall or the agency's gate.",
    "appendix": "",
}
APPENDIX_TITLE = "Guidance 25/HD-CĐVC and its appendix of campaign materials"
# The ten-year hub's look back (demo/content.py TEN_YEAR_REVIEW) in English.
TEN_YEAR_REVIEW = {
    "timeline": [
        (2014, "The “Tet Reunion” programme begins", "12,500 members cared for",
         "The Vietnam Civil Servants' Trade Union launches Tet care for members in hardship."),
        (2016, "Tet buses take members home", "1,200 bus and train tickets",
         "The unions pay the fares of members working far from home."),
        (2018, "The first free market", "35 stalls",
         "Free stalls let members choose the Tet gifts that suit their families."),
        (2020, "A safe Tet in the pandemic", "Gifts delivered home",
         "Tet gifts reach members in quarantine or on pandemic duty."),
        (2022, "Union Shelter", "27 homes",
         "New and repaired homes for members in especially hard circumstances."),
        (2024, "Ten years of “Tet Reunion”", "Over 48,000 members cared for",
         "A ten-year review, its lessons, and the launch of the online Union Tet Market."),
    ],
    "figures": [
        ("Members cared for at Tet", "people", content.TEN_YEAR_REVIEW["figures"][0][2]),
    ],
}  # fmt: skip
GUIDANCE = {
    "title": "Guidance on communicating the unions' care for members at the Lunar New Year of "
    "the Dragon 2024",
    "issuer": "Standing Committee of the Vietnam Civil Servants' Trade Union",
    "summary": "Following the Vietnam General Confederation of Labour, the Standing Committee "
    "asks its unions to report on the unions' work in 2023 and on their care for members "
    "at Tet 2024, and to share their stories on the network.",
}
UNIONS = {
    "tu-phap": {
        "title": "Trade Union of the Ministry of Justice",
        "intro": "News from the union of the Ministry of Justice and its agencies.",
        "columns": {
            "dau-an-10-nam": "Ten years of Tet Reunion",
            "cho-tet-cong-doan": "Union Tet Market",
        },
    },
    "noi-vu": {
        "title": "Trade Union of the Ministry of Home Affairs",
        "intro": "News from the union of the Ministry of Home Affairs and its agencies.",
        "columns": {
            "dau-an-10-nam": "Ten years of Tet Reunion",
            "cho-tet-cong-doan": "Union Tet Market",
        },
    },
}
# Vietnamese title -> the English article.
ARTICLES = {
    "Mười năm Tết Sum vầy ở ngành Tư pháp qua những con số": {
        "title": "Ten years of Tet Reunion at the Ministry of Justice, in figures",
        "intro": "Since 2014 the Ministry's unions have given more than 9,600 Tet gifts and "
        "helped thousands of members travel home for the holiday.",
        "paragraphs": [
            "Over ten years the Ministry's union and its local unions spent about 7.4 billion "
            "dong on Tet care, most of it for members in hardship and for staff of the civil "
            "judgment enforcement offices in remote provinces.",
            "More than 2,100 members had their bus or train tickets home paid, and 38 had their "
            "houses repaired or rebuilt with the Union Shelter fund and their colleagues' gifts.",
        ],
    },
    "Quỹ Tết tự nguyện của Cục Trợ giúp pháp lý bền bỉ mười năm": {
        "title": "The Legal Aid Department's voluntary Tet fund turns ten",
        "intro": "A small sum each month from every member means that, at the year's end, "
        "nobody in the department spends Tet in want.",
        "paragraphs": [
            "The fund began in 2015: each member gives 20,000 to 50,000 dong a month, and the "
            "union's committee publishes every receipt and payment on the staff notice board.",
            "This year it helped 17 colleagues facing long illness or disaster with one to three "
            "million dong each, on top of the union's own Tet gift.",
        ],
    },
    "Công đoàn Bộ Tư pháp tọa đàm tổng kết 10 năm Tết Sum vầy": {
        "title": "Ministry of Justice union reviews ten years of Tet Reunion",
        "intro": "Representatives of 42 local unions looked back on ten years and proposed new "
        "ways of working for the Tets to come.",
        "paragraphs": [
            "The review, held at the Ministry on 26 January, found that the programme has bound "
            "members closely to their union, above all in enforcement offices far from home.",
            "It drew three lessons: put the member at the centre, raise resources openly, and "
            "tell the stories so that good practice spreads.",
        ],
    },
    "Tết Sum vầy mười năm: từ phong trào đến nếp sinh hoạt của cơ quan": {
        "title": "Ten years of Tet Reunion: from a campaign to a habit",
        "intro": "For many union officers at the Ministry of Home Affairs, the programme's "
        "greatest gift is that caring for colleagues has become second nature.",
        "paragraphs": [
            "What began as a gift-giving campaign now shapes the whole year: lists of members "
            "in hardship are kept up to date, and visits no longer wait for Tet.",
            "Local unions share what works, and the best ideas travel from one agency to the next.",
        ],
    },
    "Những chuyến xe Tết của bác bảo vệ Trung tâm Lưu trữ quốc gia": {
        "title": "The Tet journeys of the National Archives' night guard",
        "intro": "For ten years Mr Hoang Van Loc was on the list for a ticket home at Tet. This "
        "year, for the first time, he asked to give his place to someone else.",
        "paragraphs": [
            "Mr Loc has guarded the archives for twenty years, far from his family in Nghe An; "
            "the union's ticket was, he says, what made Tet possible.",
            "Now that his children work in the city, he asked the union to give his ticket to a "
            "young colleague going home for the first time.",
        ],
    },
    "Dấu ấn mười năm chăm lo Tết của Công đoàn Bộ Nội vụ": {
        "title": "Ten years of Tet care at the Ministry of Home Affairs union",
        "intro": "The review sent to the Vietnam Civil Servants' Trade Union records nearly 5,900 "
        "gifts and 47 ways of caring for members taken up across the Ministry in 2014–2024.",
        "paragraphs": [
            "Gifts, tickets home and visits to sick members were the heart of the programme; "
            "free Tet stalls and legal advice corners were added along the way.",
            "The union will keep the lists of members in hardship up to date all year round.",
        ],
    },
}


def _translate(page, english, *, children=None, **fields):
    """The page's English translation, with `fields` set (and `children` called on it to put
    its inline items into English), published."""
    translated = page.specific.copy_for_translation(english)
    for name, value in fields.items():
        setattr(translated, name, value)
    if children is not None:
        children(translated)
    if page.depth > 2:  # an English address below the English home (/en/network-news/)
        translated.slug = slugify_vi(fields["title"])[:80].strip("-")
    translated.save_revision().publish()
    return translated.specific


def _hub_items_in_english(page, campaign_slug):
    for partner in page.partners.all():
        partner.description = PARTNER_WORDS.get(partner.name, partner.description)
        partner.save()
    for material in page.materials.all():
        if material.kind == "appendix":
            material.title = APPENDIX_TITLE
        else:
            material.title = MATERIAL_WORDS.get((campaign_slug, material.kind), material.title)
        material.description = MATERIAL_KIND_WORDS.get(material.kind, material.description)
        material.save()


def _body(paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def translate_shared_words(english, unions):
    """The centre's English words: unions' names and slogans, campaigns, columns, figures."""
    for union in unions.values():
        set_english_names(union, *UNION_NAMES.get(union.slug, ("", "")))
        if union.slug in TAGLINES:
            SiteBranding.objects.filter(site=union.site).update(tagline_en=TAGLINES[union.slug])
    for campaign in Campaign.objects.filter(locale=Locale.get_default(), slug__in=CAMPAIGN_WORDS):
        translated = campaign.copy_for_translation(english)
        for name, value in CAMPAIGN_WORDS[campaign.slug].items():
            setattr(translated, name, value)
        translated.save()
    for column in Column.objects.filter(locale=Locale.get_default(), slug__in=COLUMN_WORDS):
        translated = column.copy_for_translation(english)
        translated.name, translated.description = COLUMN_WORDS[column.slug]
        translated.save()
    for figure in ReportFigure.objects.filter(key__in=FIGURE_WORDS):
        figure.label_en, figure.unit_label_en = FIGURE_WORDS[figure.key]
        figure.save(update_fields=["label_en", "unit_label_en"])


def create_english_edition(central, unions, guidance_page, log=print):
    """English pages of the central site and of two unions (`unions`: by slug), after the
    shared words (translate_shared_words)."""
    english = Locale.objects.get(language_code="en")
    translate_shared_words(english, unions)
    home = central.home_page
    _translate(home, english, **CENTRAL_HOME)
    for hub in NewsHubPage.objects.child_of(home):
        _translate(hub, english, **HUB)
    for directory in DirectoryPage.objects.child_of(home):
        _translate(directory, english, **DIRECTORY)
    for hub in CampaignHubPage.objects.child_of(home).select_related("campaign"):
        text = CAMPAIGN_HUBS.get(hub.campaign.slug)
        if text:
            _translate(
                hub,
                english,
                **text,
                **HUB_DETAILS.get(hub.campaign.slug, {}),
                review=(
                    ten_year_review(TEN_YEAR_REVIEW, heading="Ten years of “Tet Reunion”")
                    if hub.review
                    else []
                ),
                children=lambda page, slug=hub.campaign.slug: _hub_items_in_english(page, slug),
            )
    _translate(guidance_page, english, **GUIDANCE)
    create_organisation_page(central, english)

    articles = 0
    for slug, text in UNIONS.items():
        union = unions[slug]
        _translate(union.home_page, english, title=text["title"], intro=text["intro"])
        columns = {}
        for article in ArticlePage.objects.descendant_of(union.home_page).filter(
            title__in=ARTICLES
        ):
            column = article.get_parent().specific
            if column.pk not in columns:
                title = text["columns"].get(column.column.slug, column.title)
                intro = COLUMN_WORDS.get(column.column.slug, ("", ""))[1]
                columns[column.pk] = _translate(column, english, title=title, intro=intro)
            english_text = ARTICLES[article.title]
            _translate(
                article,
                english,
                title=english_text["title"],
                intro=english_text["intro"],
                body=_body(english_text["paragraphs"]),
            )
            articles += 1
    documents = DocumentPage.objects.filter(locale=english).count()
    log(f"  Bản tiếng Anh: trang trung tâm, {articles} bài của 2 công đoàn, {documents} văn bản")
    return articles
