"""The network's shared words in English, kept once by the centre and used on every English
page: campaigns' and columns' names (their English translations), unions' names and slogans,
the report figures' labels; English dates and numbers; search in the page's language; and a
translation that neither creates shared content nor touches another union's tree."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from blog.factories import ArticlePageFactory
from blog.models import Campaign, Column
from campaigns.models import CampaignHubPage
from centre.services import set_english_names
from reports.models import ReportFigure
from sites.models import SiteBranding
from tests.conftest import host
from tests.i18n.test_english_pages import translate
from tests.reports.conftest import make_template

pytestmark = pytest.mark.django_db

EN_CAMPAIGN = "Tet Reunion 2024"
EN_COLUMN = "Sharing Spring"


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def shared_words(network, english):
    """The centre's English words: the campaign and the column translated, union A named."""
    campaign = network.campaign.copy_for_translation(english)
    campaign.name, campaign.slogan = EN_CAMPAIGN, "No member spends Tet in want"
    campaign.save()
    column = network.column.copy_for_translation(english)
    column.name = EN_COLUMN
    column.save()
    set_english_names(network.a, "Ministry of Justice Trade Union", "MOJ Union")
    SiteBranding.objects.update_or_create(
        site=network.a.site, defaults={"tagline": "Đồng hành", "tagline_en": "Side by side"}
    )
    return {"campaign": campaign, "column": column}


@pytest.fixture
def english_pages(network, english, shared_words):
    article = ArticlePageFactory(
        parent=network.columns["tu-phap"],
        title="Trao quà Tết",
        date=dt.date(2024, 1, 12),
        campaign=network.campaign,
    )
    central_home = translate(network.central.home_page, english, "Vietnam Civil Servants' Union")
    hub = translate(network.hub, english, "Network news")
    home = translate(network.a.home_page, english, "Ministry of Justice Trade Union")
    column = translate(network.columns["tu-phap"], english, "Sharing Spring")
    translated = translate(article, english, "Tet gifts for members")
    return {
        "article": article,
        "english_article": translated,
        "central_home": central_home,
        "hub": hub,
        "home": home,
        "column": column,
    }


def url(page):
    return page.get_url_parts()[2]


def test_english_pages_name_the_campaign_and_the_union_in_english(client, network, english_pages):
    english = english_pages["english_article"]
    # The page points at the Vietnamese campaign: one campaign whatever the language.
    assert english.campaign_id == network.campaign.pk
    html = client.get(url(english), HTTP_HOST=host(network.a)).text
    assert EN_CAMPAIGN in html and network.campaign.name not in html
    assert "Ministry of Justice Trade Union" in html and "Side by side" in html
    assert network.a.name not in html and "Đồng hành" not in html
    assert "12 Jan 2024" in client.get(url(english_pages["column"]), HTTP_HOST=host(network.a)).text

    vietnamese = client.get(url(english_pages["article"]), HTTP_HOST=host(network.a)).text
    assert network.campaign.name in vietnamese and EN_CAMPAIGN not in vietnamese
    assert network.a.name in vietnamese and "Đồng hành" in vietnamese
    assert "Ministry of Justice Trade Union" not in vietnamese


def test_the_english_hub_filters_by_the_shared_campaign_in_english_words(
    client, network, english_pages
):
    hub = url(english_pages["hub"])
    page = client.get(hub, HTTP_HOST=host(network.central)).text
    assert f">{EN_CAMPAIGN}</option>" in page and f">{EN_COLUMN}</option>" in page
    assert network.campaign.name not in page
    filtered = client.get(
        hub,
        {"campaign": network.campaign.slug, "union": "tu-phap"},
        HTTP_HOST=host(network.central),
    ).text
    assert "Tet gifts for members" in filtered and "MOJ Union" in filtered
    assert "Trao quà Tết" not in filtered


def test_a_campaign_hub_in_english_shows_english_words_and_figures(
    client, network, english, shared_words
):
    template = make_template(network.campaign)
    figure = ReportFigure.objects.filter(template=template).first()
    figure.label_en, figure.unit_label_en = "Members visited", "people"
    figure.save()
    hub = CampaignHubPage(title="Tết Sum vầy 2024", slug="tet-sum-vay", campaign=network.campaign)
    network.central.home_page.add_child(instance=hub)
    hub.save_revision().publish()
    translate(network.central.home_page, english, "Vietnam Civil Servants' Union")
    english_hub = translate(hub, english, "Tet Reunion 2024")
    assert english_hub.campaign_id == network.campaign.pk

    html = client.get(url(english_hub), HTTP_HOST=host(network.central)).text
    assert "No member spends Tet in want" in html
    assert "Articles published" in html
    vietnamese = client.get(url(hub), HTTP_HOST=host(network.central)).text
    assert "Bài viết đã đăng" in vietnamese and "No member spends" not in vietnamese
    # The figure's English words where the centre gave them (the report's label otherwise).
    assert figure.label_in("en") == "Members visited" and figure.label_in("vi") == figure.label
    assert figure.unit_label_in("en") == "people"


def test_translating_an_article_makes_no_campaign_or_column_translation(network, english):
    """The shared campaign and column stay the centre's: an editor sending an article for
    translation neither creates their English versions nor overwrites them."""
    article = ArticlePageFactory(parent=network.columns["tu-phap"], campaign=network.campaign)
    translate_object(network.a.home_page, [english])
    translate_object(network.columns["tu-phap"], [english])
    translate_object(article, [english])
    assert not Campaign.objects.filter(locale=english).exists()
    assert not Column.objects.filter(locale=english).exists()
    translated = article.get_translation(english)
    assert translated.campaign_id == network.campaign.pk
    assert translated.get_parent().specific.column_id == network.column.pk


def test_translating_one_union_creates_nothing_in_another_unions_tree(network, english):
    before_b = Page.objects.descendant_of(network.b.home_page, inclusive=True).count()
    article = ArticlePageFactory(parent=network.columns["tu-phap"])
    translate_object(network.a.home_page, [english])
    translate_object(network.columns["tu-phap"], [english])
    translate_object(article, [english])
    assert Page.objects.descendant_of(network.b.home_page, inclusive=True).count() == before_b
    b_key = network.b.home_page.translation_key
    assert not Page.objects.filter(translation_key=b_key, locale=english).exists()
    assert not Page.objects.filter(alias_of__isnull=False).exists()
    # The union's own English tree: its home (a sibling of its root) and the column.
    english_home = network.a.home_page.get_translation(english)
    assert english_home.depth == network.a.home_page.depth
    assert not english_home.live  # a draft until the union publishes it


def test_search_on_english_pages_searches_english_pages_only(client, network, english_pages):
    english_search = client.get(
        "/en/search/", {"q": "tet gifts"}, HTTP_HOST=host(network.central)
    ).text
    results = english_search[english_search.index('class="search-results"') :]
    assert f'href="{english_pages["english_article"].full_url}"' in results
    assert f'href="{english_pages["article"].full_url}"' not in results
    assert "MOJ Union" in results or "Ministry of Justice Trade Union" in results
    vietnamese = client.get("/tim-kiem/", {"q": "trao qua"}, HTTP_HOST=host(network.central)).text
    assert f'href="{english_pages["article"].full_url}"' in vietnamese
    nothing = client.get("/tim-kiem/", {"q": "tet gifts"}, HTTP_HOST=host(network.central)).text
    assert f'href="{english_pages["english_article"].full_url}"' not in nothing


def test_english_numbers_and_vietnamese_numbers(settings):
    from django.utils import translation

    from sites.templatetags.humanize_vi import vn_number

    with translation.override("en"):
        assert vn_number(1234567) == "1,234,567"
    with translation.override("vi"):
        assert vn_number(1234567) == "1.234.567"


def test_an_english_listing_with_nothing_translated_says_so(client, network, english):
    translate(network.central.home_page, english, "Vietnam Civil Servants' Union")
    hub = translate(network.hub, english, "Network news")
    html = client.get(url(hub), HTTP_HOST=host(network.central)).text
    assert 'class="card"' not in html
    assert "No articles have been translated into English yet." in html


@pytest.fixture
def organisation(network, english, shared_words):
    from demo.organisation import create_organisation_page

    translate(network.central.home_page, english, "Vietnam Civil Servants' Union")
    page = create_organisation_page(network.central, english)
    return page, page.get_translation(english)


def test_the_organisation_page_in_both_languages(client, network, organisation):
    vietnamese, english = organisation
    html = client.get(url(vietnamese), HTTP_HOST=host(network.central)).text
    assert "Cơ cấu" in html or "Các ban chuyên môn" in html
    assert network.a.name in html and network.b.name in html
    en_html = client.get(url(english), HTTP_HOST=host(network.central)).text
    assert "Departments" in en_html and "Standing Committee" in en_html
    # Union A under its English name, union B (no English name) under its own.
    assert "Ministry of Justice Trade Union" in en_html and network.b.name in en_html
    assert "Member unions" in en_html and "Contact" in en_html
    # Each language's page links to the other.
    assert f'href="{url(vietnamese)}" hreflang="vi"' in en_html


def test_the_organisation_page_costs_the_same_with_more_unions(client, network, organisation):
    from centre.factories import UnionFactory

    _vietnamese, english = organisation
    page_url = url(english)
    client.get(page_url, HTTP_HOST=host(network.central))
    with CaptureQueriesContext(connection) as few:
        client.get(page_url, HTTP_HOST=host(network.central))
    for slug in ("ngoai-giao", "khoa-hoc"):
        UnionFactory(name=f"Công đoàn {slug}", short_name=slug, slug=slug)
    client.get(page_url, HTTP_HOST=host(network.central))
    with CaptureQueriesContext(connection) as more:
        response = client.get(page_url, HTTP_HOST=host(network.central))
    assert "Công đoàn ngoai-giao" in response.text
    assert len(more.captured_queries) == len(few.captured_queries)


def test_departments_and_unions_are_named_in_english_where_the_centre_gave_names(
    client, network, english_pages
):
    from centre.services import provision_department

    provision_department(
        name="Ban Chính sách - Pháp luật",
        short_name="Ban CS-PL",
        slug="chinh-sach",
        name_en="Department of Policy and Law",
        short_name_en="Policy Dept.",
    )
    hub = client.get(url(english_pages["hub"]), HTTP_HOST=host(network.central)).text
    assert "Department of Policy and Law" in hub and "Ban Chính sách - Pháp luật" not in hub
    vietnamese = client.get(url(network.hub), HTTP_HOST=host(network.central)).text
    assert "Ban Chính sách - Pháp luật" in vietnamese


def test_the_centre_edits_a_unions_english_names_in_the_admin(client, network):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    admin = get_user_model().objects.create_superuser("qt-ten", "qt@example.vn", "x")
    client.force_login(admin)
    edit = reverse("union_admin:edit", args=[network.b.pk])
    form = client.get(edit).text
    assert 'name="name_en"' in form and 'name="short_name_en"' in form
    response = client.post(
        edit,
        {
            "name": network.b.name,
            "short_name": network.b.short_name,
            "name_en": "Ministry of Home Affairs Trade Union",
            "short_name_en": "MOHA Union",
            "hostname": network.b.site.hostname,
            "port": network.b.site.port,
        },
    )
    assert response.status_code == 302
    network.b.refresh_from_db()
    assert (network.b.name_en, network.b.short_name_en) == (
        "Ministry of Home Affairs Trade Union",
        "MOHA Union",
    )


def test_an_english_article_announces_its_column_feed_in_english(client, network, english_pages):
    html = client.get(url(english_pages["english_article"]), HTTP_HOST=host(network.a)).text
    titles = re.findall(r'<link rel="alternate" type="application/rss\+xml" title="([^"]+)"', html)
    assert any(title.startswith(f"{EN_COLUMN} – ") for title in titles), titles
    assert not any(network.column.name in title for title in titles), titles
