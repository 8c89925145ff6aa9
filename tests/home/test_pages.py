"""Every public page type renders for a reader: Vietnamese, one <h1>, the right content."""

import datetime as dt
import re

import pytest

from blog.factories import ArticlePageFactory, DocumentPageFactory
from tests.conftest import host

pytestmark = pytest.mark.django_db


def get(client, union, page=None):
    path = "/" if page is None else page.get_url_parts()[2]
    response = client.get(path, HTTP_HOST=host(union))
    assert response.status_code == 200, path
    return response


def assert_basic_html(response):
    html = response.text
    assert '<html lang="vi">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert "<main" in html and "<nav" in html and "<footer" in html


def test_every_page_type_renders(client, network):
    article = ArticlePageFactory(
        parent=network.columns["tu-phap"],
        title="Tết Sum vầy ở Bộ Tư pháp",
        date=dt.date(2024, 2, 5),
    )
    document = DocumentPageFactory(parent=network.central.home_page, number="25/HD-CĐVC")
    pages = [
        (network.central, None),
        (network.a, None),
        (network.central, network.hub),
        (network.a, network.columns["tu-phap"]),
        (network.a, article),
        (network.central, document),
    ]
    for union, page in pages:
        assert_basic_html(get(client, union, page))

    article_html = get(client, network.a, article).text
    assert "05/02/2024" in article_html
    assert "Thứ" in article_html  # Vietnamese weekday
    assert network.a.name in article_html
    assert "25/HD-CĐVC" in get(client, network.central, document).text


def test_union_home_shows_its_own_articles_columns_and_a_link_to_the_centre(client, network):
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Tin của Tư pháp")
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Tin của Nội vụ")
    html = get(client, network.a).text
    assert "Tin của Tư pháp" in html
    assert "Tin của Nội vụ" not in html
    assert network.columns["tu-phap"].title in html
    assert f'href="http://{host(network.central)}/"' in html


def test_central_home_shows_the_network_campaigns_and_directory(client, network):
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Tin của Tư pháp")
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Tin của Nội vụ")
    network.b.is_active = False
    network.b.save()
    response = get(client, network.central)
    html = response.text
    assert "Tin của Tư pháp" in html
    assert "Tin của Nội vụ" not in html  # inactive union
    assert network.campaign.name in html
    directory = [site.name for site in response.context["directory"]]
    assert directory == [network.a.name]
    assert f'href="http://{host(network.a)}/"' in html


def test_site_name_and_branding_come_from_each_site(client, network):
    branding = network.a.site.sitebranding
    branding.primary_colour = "#123456"
    branding.tagline = "Khẩu hiệu riêng của Tư pháp"
    branding.save()
    html_a = get(client, network.a).text
    html_b = get(client, network.b).text
    assert "--brand: #123456" in html_a and "Khẩu hiệu riêng của Tư pháp" in html_a
    assert "#123456" not in html_b and "Khẩu hiệu riêng của Tư pháp" not in html_b
    assert network.b.name in html_b


def test_new_article_takes_its_column_campaign(network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"])
    assert article.campaign == network.campaign
