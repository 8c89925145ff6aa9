"""From every page of every site a reader reaches the campaigns: the navigation lists each
active campaign's hub (and the site's own column for it), article and column headers link
their campaign's hub, and a union's home lists the campaigns with status and period."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from blog.factories import ArticlePageFactory, CampaignFactory, DocumentPageFactory
from tests.campaigns.conftest import make_hub
from tests.conftest import host

pytestmark = pytest.mark.django_db


def get(client, union, path="/"):
    response = client.get(path, HTTP_HOST=host(union))
    assert response.status_code == 200, path
    return response.text


def hrefs(html, css_class):
    return re.findall(rf'<a class="{css_class}" href="([^"]+)"', html)


def campaign_nav(html):
    match = re.search(r'<nav class="campaign-nav".*?</nav>', html, re.S)
    assert match, "no campaign navigation on the page"
    return match.group(0)


def site_menu(html):
    """The site's own menu ("" when it has no item)."""
    match = re.search(r'<nav class="site-nav".*?</nav>', html, re.S)
    return match.group(0) if match else ""


@pytest.fixture
def running(network):
    """The network's campaign made current, with a published hub on the central site."""
    today = timezone.localdate()
    campaign = network.campaign
    campaign.start_date, campaign.end_date = today - dt.timedelta(days=5), today + dt.timedelta(30)
    campaign.save()
    network.hub_page = make_hub(network.central.home_page, campaign)
    network.hub_url = network.hub_page.full_url
    return network


def test_every_page_type_of_a_union_site_reaches_the_campaign_hub(client, running):
    n = running
    column = n.columns["tu-phap"]
    article = ArticlePageFactory(parent=column, title="Trao quà Tết", campaign=n.campaign)
    document = DocumentPageFactory(parent=n.a.home_page)
    paths = {
        "home": "/",
        "column": column.get_url_parts()[2],
        "article": article.get_url_parts()[2],
        "document": document.get_url_parts()[2],
        "search": "/tim-kiem/?q=tet",
    }
    for name, path in paths.items():
        nav = campaign_nav(get(client, n.a, path))
        assert f'href="{n.hub_url}"' in nav, name
        assert n.campaign.name in nav, name
        assert "Đang diễn ra" in nav, name
        # …and the union's own column for the campaign.
        assert f'href="{column.get_url_parts()[2]}"' in nav, name


def test_article_and_column_headers_link_the_campaign_hub(client, running):
    n = running
    column = n.columns["tu-phap"]
    article = ArticlePageFactory(parent=column, campaign=n.campaign)
    article_html = get(client, n.a, article.get_url_parts()[2])
    assert hrefs(article_html, "article__campaign") == [n.hub_url]
    column_html = get(client, n.a, column.get_url_parts()[2])
    assert f'<a href="{n.hub_url}">{n.campaign.name}</a>' in column_html
    assert f'<a class="button button--small" href="{n.hub_url}">' in column_html


def test_an_empty_column_says_so_and_points_to_the_hub(client, running):
    html = get(client, running.a, running.columns["tu-phap"].get_url_parts()[2])
    assert "Chuyên mục chưa có bài viết" in html
    assert "đọc tin của các công đoàn trên chuyên trang chương trình" in html


def test_union_home_lists_campaigns_with_status_and_period(client, running):
    html = get(client, running.a)
    section = re.search(r'<section class="campaign-cards".*?</section>', html, re.S).group(0)
    campaign = running.campaign
    assert campaign.name in section
    assert "Đang diễn ra" in section
    assert f"{campaign.start_date:%d/%m/%Y} – {campaign.end_date:%d/%m/%Y}" in section
    assert f'href="{running.hub_url}"' in section


def test_running_campaigns_come_first_and_ended_ones_only_when_none_is_under_way(client, network):
    today = timezone.localdate()
    central_home = network.central.home_page
    ended = network.campaign  # 2024
    make_hub(central_home, ended)
    assert ended.name in campaign_nav(get(client, network.a))  # nothing else: last season's
    coming = CampaignFactory(
        name="Chợ Tết sắp tới",
        start_date=today + dt.timedelta(days=20),
        end_date=today + dt.timedelta(days=50),
    )
    now = CampaignFactory(
        name="Tháng Công nhân", start_date=today, end_date=today + dt.timedelta(days=10)
    )
    for campaign in (coming, now):
        make_hub(central_home, campaign)
    nav = campaign_nav(get(client, network.a))
    assert ended.name not in nav
    assert nav.index("Tháng Công nhân") < nav.index("Chợ Tết sắp tới")
    assert "Sắp diễn ra" in nav


def test_publishing_a_hub_shows_on_every_site_at_once(client, network, settings):
    """Union pages are page-cached; a new hub on the central site must reach them."""
    settings.PAGE_CACHE_ENABLED = True
    get(client, network.a)
    assert client.get("/", HTTP_HOST=host(network.a))["X-Cache"] == "HIT"
    hub = make_hub(network.central.home_page, network.campaign)
    response = client.get("/", HTTP_HOST=host(network.a))
    assert response["X-Cache"] != "HIT"
    assert f'href="{hub.full_url}"' in response.text
    hub.unpublish()
    assert f'href="{hub.full_url}"' not in get(client, network.a)


def test_the_menu_does_not_repeat_what_the_campaign_list_shows(client, running):
    """The hub and the site's column of a listed campaign are in the campaign list, not twice."""
    n = running
    column = n.columns["tu-phap"]
    column.show_in_menus = True
    column.save_revision().publish()
    html = get(client, n.a)
    assert column.title not in site_menu(html)
    assert f'href="{column.get_url_parts()[2]}"' in campaign_nav(html)
    assert n.hub_page.show_in_menus  # a hub is a menu page by default…
    central = get(client, n.central)
    assert n.hub_page.title not in site_menu(central)
    assert f'href="{n.hub_page.get_url_parts()[2]}"' in campaign_nav(central)  # …once: here
