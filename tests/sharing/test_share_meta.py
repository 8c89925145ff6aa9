"""Every public page tells Facebook, Zalo and search engines what it is, with absolute URLs."""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from wagtail_factories import ImageFactory

from blog.factories import ArticlePageFactory, DocumentPageFactory
from home.models import DirectoryPage
from sites.models import SiteBranding
from tests.conftest import host

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = {}
        self.anchors = []
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.links["canonical"] = attrs["href"]
        elif tag == "a":
            self.anchors.append(attrs)


def parse(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def get(client, union, url):
    response = client.get(url, HTTP_HOST=host(union))
    assert response.status_code == 200, url
    return parse(response)


def relative(page, union):
    return page.url_path.removeprefix(union.home_page.url_path).join(["/", ""]).replace("//", "/")


@pytest.fixture
def pages(network):
    article = ArticlePageFactory(
        parent=network.columns["tu-phap"],
        title="Trao quà Tết cho đoàn viên",
        intro="Công đoàn Bộ Tư pháp trao 200 suất quà Tết.",
        lead_image=ImageFactory(description="Trao quà Tết", file__width=1600, file__height=900),
    )
    document = DocumentPageFactory(parent=network.a.home_page, summary="Hướng dẫn tổ chức Tết")
    directory = network.central.home_page.add_child(
        instance=DirectoryPage(title="Các công đoàn thành viên", intro="Danh bạ công đoàn.")
    )
    return {
        "union home": (network.a, "/"),
        "central home": (network.central, "/"),
        "hub": (network.central, relative(network.hub, network.central)),
        "column": (network.a, relative(network.columns["tu-phap"], network.a)),
        "article": (network.a, relative(article, network.a)),
        "document": (network.a, relative(document, network.a)),
        "directory": (network.central, relative(directory, network.central)),
    }


@pytest.mark.parametrize(
    "kind", ["union home", "central home", "hub", "column", "article", "document", "directory"]
)
def test_every_page_type_has_open_graph_tags_with_absolute_urls(client, network, pages, kind):
    union, url = pages[kind]
    SiteBranding.objects.filter(site=union.site).update(tagline="Vì đoàn viên")
    head = get(client, union, url)

    expected_url = f"http://{host(union)}{url}"
    assert head.html_lang == "vi"
    assert head.links["canonical"] == expected_url
    assert head.meta["og:url"] == expected_url
    assert head.meta["og:title"]
    assert head.meta["description"] == head.meta["og:description"] != ""
    assert head.meta["og:site_name"] == union.site.site_name
    assert head.meta["og:locale"] == "vi_VN"
    assert head.meta["twitter:title"] == head.meta["og:title"]
    if "og:image" in head.meta:
        assert head.meta["og:image"].startswith(f"http://{host(union)}/")
        assert int(head.meta["og:image:width"]) > 0 and int(head.meta["og:image:height"]) > 0


def test_article_shares_its_lead_image_at_1200_by_630_and_its_publication_time(
    client, network, pages
):
    union, url = pages["article"]
    head = get(client, union, url)

    assert head.meta["og:type"] == "article"
    assert "fill-1200x630" in head.meta["og:image"]
    assert head.meta["og:image:width"] == "1200"
    assert abs(int(head.meta["og:image:height"]) - 630) <= 1
    assert head.meta["og:image:alt"] == "Trao quà Tết"
    assert head.meta["twitter:card"] == "summary_large_image"
    assert head.meta["twitter:image"] == head.meta["og:image"]
    assert head.meta["article:published_time"].endswith("+07:00")


def test_a_page_without_a_picture_is_shared_with_its_sites_logo(client, network, pages):
    union, url = pages["document"]
    logo = ImageFactory(title="Logo", file__width=300, file__height=300)
    SiteBranding.objects.update_or_create(site=union.site, defaults={"logo": logo})

    head = get(client, union, url)

    assert head.meta["og:image"].startswith(f"http://{host(union)}/")
    assert logo.get_rendition("max-1200x630").url in head.meta["og:image"]
    assert head.meta["twitter:card"] == "summary"


@pytest.mark.parametrize("kind", ["article", "document"])
def test_share_links_are_well_formed_and_load_nothing_until_clicked(client, network, pages, kind):
    union, url = pages[kind]
    response = client.get(url, HTTP_HOST=host(union))
    head = parse(response)
    html = response.content.decode()
    canonical = head.links["canonical"]

    hrefs = {a.get("class", ""): a.get("href") for a in head.anchors}
    facebook = urlsplit(hrefs["share__link share__link--facebook"])
    zalo = urlsplit(hrefs["share__link share__link--zalo"])
    assert (facebook.scheme, facebook.netloc, facebook.path) == (
        "https",
        "www.facebook.com",
        "/sharer/sharer.php",
    )
    assert parse_qs(facebook.query) == {"u": [canonical]}
    assert (zalo.scheme, zalo.netloc) == ("https", "sp.zalo.me")
    assert parse_qs(zalo.query) == {"url": [canonical]}
    assert f'data-copy-url="{canonical}"' in html
    # No script or frame from Facebook or Zalo on the page itself.
    for third_party in ("connect.facebook.net", "sp.zalo.me/plugins", "<iframe"):
        assert third_party not in html


def test_footer_links_to_the_unions_own_facebook_and_zalo(client, network):
    SiteBranding.objects.update_or_create(
        site=network.a.site,
        defaults={
            "facebook_url": "https://www.facebook.com/congdoantuphap",
            "zalo_url": "https://zalo.me/congdoantuphap",
        },
    )
    SiteBranding.objects.update_or_create(
        site=network.b.site, defaults={"facebook_url": "https://www.facebook.com/congdoannoivu"}
    )

    html_a = client.get("/", HTTP_HOST=host(network.a)).content.decode()
    html_b = client.get("/", HTTP_HOST=host(network.b)).content.decode()

    assert 'href="https://www.facebook.com/congdoantuphap"' in html_a
    assert 'href="https://zalo.me/congdoantuphap"' in html_a
    assert "congdoannoivu" not in html_a
    assert 'href="https://www.facebook.com/congdoannoivu"' in html_b
    assert "congdoantuphap" not in html_b


def test_search_page_is_not_indexed_but_shares_like_a_page(client, network):
    response = client.get(reverse("search"), {"q": "tet"}, HTTP_HOST=host(network.a))
    head = parse(response)
    assert head.meta["robots"] == "noindex, follow"
    assert head.html_lang == "vi"
    assert head.links["canonical"] == f"http://{host(network.a)}{reverse('search')}"
    assert head.meta["og:url"] == head.links["canonical"]
    assert head.meta["og:title"] == "Tìm kiếm"
    assert head.meta["og:site_name"] == network.a.site.site_name
