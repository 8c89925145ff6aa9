"""English pages for readers: `/en/…` serves the English tree; the language switcher links to
the same page in the other language (or to that language's home); hreflang alternates name
the exact translations only; English listings gather English pages only, Vietnamese listings
never show an English one."""

import re

import pytest
from wagtail.models import Locale

from blog.factories import ArticlePageFactory
from blog.models import NewsHubPage
from tests.conftest import host

pytestmark = pytest.mark.django_db

VI_TITLE = "Trao quà Tết cho đoàn viên"
EN_TITLE = "Tet gifts for union members"


def translate(page, english, title=None, parents=False):
    translated = page.specific.copy_for_translation(english, copy_parents=parents)
    if title:
        translated.title = title
    translated.save_revision().publish()
    return translated.specific


@pytest.fixture
def english_edition(network):
    english = Locale.objects.get(language_code="en")
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title=VI_TITLE)
    central_home = translate(network.central.home_page, english, "Vietnam Civil Servants' Union")
    hub = translate(network.hub, english, "Network news")
    home = translate(network.a.home_page, english, "Trade Union of the Ministry of Justice")
    column = translate(network.columns["tu-phap"], english, "Activities")
    translated = translate(article, english, EN_TITLE)
    return {
        "article": article,
        "english_article": translated,
        "hub": hub,
        "central_home": central_home,
        "home": home,
        "column": column,
    }


def path(page):
    return page.get_url_parts()[2]


def links(html):
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S)
    return (
        dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switch.group(0))) if switch else {}
    )


def test_the_english_page_serves_under_en_with_a_switcher_back(client, network, english_edition):
    english = english_edition["english_article"]
    response = client.get(path(english), HTTP_HOST=host(network.a))
    assert response.status_code == 200
    assert path(english).startswith("/en/")
    assert '<html lang="en">' in response.text
    assert EN_TITLE in response.text
    article = english_edition["article"]
    assert links(response.text) == {path(article): "vi"}

    vietnamese = client.get(path(article), HTTP_HOST=host(network.a))
    assert links(vietnamese.text) == {path(english): "en"}
    hreflangs = re.findall(
        r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', vietnamese.text
    )
    assert dict(hreflangs) == {
        "vi": f"http://{host(network.a)}{path(article)}",
        "x-default": f"http://{host(network.a)}{path(article)}",
        "en": f"http://{host(network.a)}{path(english)}",
    }
    assert 'property="og:locale" content="vi_VN"' in vietnamese.text
    assert (
        'property="og:locale" content="en_GB"' in response.text
        or 'content="en_US"' in response.text
    )


def test_a_page_without_translation_links_to_the_english_home(client, network, english_edition):
    # Union B has no English edition: its pages offer the central site's English home.
    response = client.get("/", HTTP_HOST=host(network.b))
    central_home = english_edition["central_home"]
    assert list(links(response.text).values()) == ["en"]
    assert central_home.get_url() in next(iter(links(response.text)))
    assert 'hreflang="en"' not in re.sub(
        r'<nav class="language-switch".*?</nav>', "", response.text, flags=re.S
    )


def test_no_switcher_where_there_is_no_other_language(client, network):
    response = client.get("/", HTTP_HOST=host(network.a))
    assert 'class="language-switch"' not in response.text
    assert "hreflang" not in response.text


def test_english_listings_hold_english_pages_only(client, network, english_edition):
    english_hub = english_edition["hub"]
    response = client.get(path(english_hub), HTTP_HOST=host(network.central))
    assert response.status_code == 200
    assert EN_TITLE in response.text
    assert VI_TITLE not in response.text

    vietnamese_hub = client.get(path(network.hub), HTTP_HOST=host(network.central))
    assert VI_TITLE in vietnamese_hub.text
    assert EN_TITLE not in vietnamese_hub.text

    union_home = client.get("/en/", HTTP_HOST=host(network.a))
    assert union_home.context["page"].pk == english_edition["home"].pk
    assert EN_TITLE in union_home.text and VI_TITLE not in union_home.text
    assert NewsHubPage.objects.filter(locale__language_code="en").count() == 1


def test_english_feeds_and_sitemaps_hold_english_pages_only(client, network, english_edition):
    english = english_edition["english_article"]
    article = english_edition["article"]
    central, union_a, union_b = host(network.central), host(network.a), host(network.b)

    for host_name, url in [
        (central, "/en/feeds/toan-mang/rss.xml"),
        (union_a, "/en/feeds/rss.xml"),
    ]:
        feed = client.get(url, HTTP_HOST=host_name)
        assert feed.status_code == 200, url
        assert EN_TITLE in feed.text and VI_TITLE not in feed.text, url
    for host_name, url in [(central, "/feeds/toan-mang/rss.xml"), (union_a, "/feeds/rss.xml")]:
        feed = client.get(url, HTTP_HOST=host_name)
        assert VI_TITLE in feed.text and EN_TITLE not in feed.text, url
    # A union without an English edition has no English feed or sitemap.
    assert client.get("/en/feeds/rss.xml", HTTP_HOST=union_b).status_code == 404
    assert client.get("/sitemap-en.xml", HTTP_HOST=union_b).status_code == 404
    assert client.get("/sitemap-xx.xml", HTTP_HOST=union_a).status_code == 404

    english_map = client.get("/sitemap-en.xml", HTTP_HOST=union_a)
    assert english_map.status_code == 200
    assert f"http://{union_a}{path(english)}<" in english_map.text
    assert f"http://{union_a}{path(article)}<" not in english_map.text
    vietnamese_map = client.get("/sitemap.xml", HTTP_HOST=union_a)
    assert f"http://{union_a}{path(article)}<" in vietnamese_map.text
    assert "/en/" not in vietnamese_map.text
    index = client.get("/sitemap.xml", HTTP_HOST=central)
    assert f"http://{union_a}/sitemap-en.xml" in index.text
    assert f"http://{central}/sitemap-en.xml" in index.text
    assert f"http://{union_b}/sitemap-en.xml" not in index.text

    # The English page announces the English feeds.
    page = client.get(path(english), HTTP_HOST=union_a)
    feeds = re.findall(
        r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"', page.text
    )
    assert feeds and all("/en/feeds/" in url for url in feeds)


def test_a_page_in_one_language_has_no_hreflang(client, network, english_edition):
    response = client.get("/", HTTP_HOST=host(network.b))
    assert "hreflang" not in re.sub(
        r'<nav class="language-switch".*?</nav>', "", response.text, flags=re.S
    )


def test_an_english_article_shows_english_menus_and_related_articles(
    client, network, english_edition
):
    english = english_edition["english_article"]
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài liên quan tiếng Việt")
    response = client.get(path(english), HTTP_HOST=host(network.a))
    text = response.text
    assert "Bài liên quan tiếng Việt" not in text
    menu = re.search(r'<details class="nav-disclosure".*?</details>', text, re.S).group(0)
    # The union's English column, under the campaign's entry of the menu (its own title
    # when it belongs to no campaign under way).
    assert f'href="{path(english_edition["column"])}"' in menu
    assert f'href="{path(network.columns["tu-phap"])}"' not in menu
    assert network.columns["tu-phap"].title not in menu


def test_english_pages_speak_english_around_the_content(client, network, english_edition):
    english = client.get("/en/", HTTP_HOST=host(network.a))
    assert "Skip to main content" in english.text and "Latest news" in english.text
    assert "Bỏ qua, đến nội dung chính" not in english.text
    vietnamese = client.get("/", HTTP_HOST=host(network.a))
    assert "Bỏ qua, đến nội dung chính" in vietnamese.text and "Tin mới" in vietnamese.text
    assert "Skip to main content" not in vietnamese.text


def test_the_english_catalog_is_compiled_from_its_source():
    import polib
    from django.conf import settings

    folder = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES"

    def entries(catalog):
        return {
            (e.msgctxt, e.msgid): e.msgstr or tuple(sorted(e.msgstr_plural.items()))
            for e in catalog
            if e.msgid
        }

    source = entries(polib.pofile(str(folder / "django.po")))
    compiled = entries(polib.mofile(str(folder / "django.mo")))
    assert source == compiled
    assert all(source.values())


def test_english_addresses_route_per_host_and_never_show_vietnamese_pages_as_english(
    client, network, english_edition
):
    """`/en/` on each host serves that site's English home; on a site with no English
    version of the page the reader is sent to the Vietnamese page's own address."""
    central = client.get("/en/", HTTP_HOST=host(network.central))
    assert central.context["page"].pk == english_edition["central_home"].pk
    union = client.get("/en/", HTTP_HOST=host(network.a))
    assert union.context["page"].pk == english_edition["home"].pk
    assert '<html lang="en">' in union.text

    home = client.get("/en/", HTTP_HOST=host(network.b))
    assert home.status_code == 302 and home["Location"] == path(network.b.home_page)
    column = network.columns["noi-vu"]
    response = client.get(f"/en{path(column)}", HTTP_HOST=host(network.b))
    assert response.status_code == 302 and response["Location"] == path(column)
    assert client.get(path(column), HTTP_HOST=host(network.b)).status_code == 200


def test_the_english_directory_links_to_the_unions_english_homes(client, network, english_edition):
    from home.models import DirectoryPage

    directory = DirectoryPage(title="Các công đoàn thành viên", slug="cac-cong-doan")
    network.central.home_page.add_child(instance=directory)
    directory.save_revision().publish()
    english = translate(directory, Locale.objects.get(language_code="en"), "Member unions")

    html = client.get(path(english), HTTP_HOST=host(network.central)).text
    union_links = re.findall(r'class="union-directory__name"><a href="([^"]+)"', html)
    assert union_links == [f"http://{host(network.a)}/en/"]
    footer_link = client.get("/en/", HTTP_HOST=host(network.a)).text
    assert f'href="http://{host(network.central)}/en/"' in footer_link

    vietnamese = client.get(path(directory), HTTP_HOST=host(network.central)).text
    vietnamese_links = re.findall(r'class="union-directory__name"><a href="([^"]+)"', vietnamese)
    assert f"http://{host(network.a)}/" in vietnamese_links
    assert all("/en/" not in link for link in vietnamese_links)


def test_the_search_offers_the_same_search_in_the_other_language(client, network, english_edition):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        english_search = reverse("search")
    vietnamese_search = reverse("search")
    response = client.get(vietnamese_search, {"q": "tet"}, HTTP_HOST=host(network.a))
    assert links(response.text) == {f"{english_search}?q=tet": "en"}
    english = client.get(english_search, {"q": "tet"}, HTTP_HOST=host(network.a))
    assert links(english.text) == {f"{vietnamese_search}?q=tet": "vi"}
    assert '<html lang="en">' in english.text

    # Union B has no English pages: its English search is its Vietnamese one.
    moved = client.get(english_search, {"q": "tet"}, HTTP_HOST=host(network.b))
    assert moved.status_code == 302 and moved["Location"] == f"{vietnamese_search}?q=tet"
    assert (
        'class="language-switch"'
        not in client.get(vietnamese_search, {"q": "tet"}, HTTP_HOST=host(network.b)).text
    )


def test_every_page_type_is_named_in_english():
    from django.utils import translation
    from wagtail.models import get_page_models

    with translation.override("en"):
        names = {m.__name__: str(m._meta.verbose_name) for m in get_page_models()}
    assert all(name.isascii() for name in names.values()), names


def test_an_english_page_shows_no_caption_stored_in_vietnamese_with_the_image(
    client, network, english_edition
):
    article = english_edition["article"]
    image = article.lead_image
    image.caption = "Chú thích lưu cùng ảnh"
    image.save()
    english = client.get(path(english_edition["english_article"]), HTTP_HOST=host(network.a))
    assert "Chú thích lưu cùng ảnh" not in english.text
    vietnamese = client.get(path(article), HTTP_HOST=host(network.a))
    assert "Chú thích lưu cùng ảnh" in vietnamese.text


def test_an_english_article_has_its_breadcrumb_from_the_english_home(
    client, network, english_edition
):
    html = client.get(path(english_edition["english_article"]), HTTP_HOST=host(network.a)).text
    trail = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S)
    assert trail is not None
    crumbs = re.findall(r'<a href="([^"]+)"', trail.group(0))
    assert path(english_edition["home"]) in crumbs[0]
    assert path(english_edition["column"]) in crumbs[-1]
