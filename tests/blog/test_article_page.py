"""What a reader finds around an article: where it sits, related news, its tags."""

import datetime as dt
import re

import pytest
from wagtail.models import PageViewRestriction

from blog.factories import (
    ArticlePageFactory,
    CampaignFactory,
    ColumnFactory,
    ColumnPageFactory,
    DocumentPageFactory,
)
from tests.conftest import host

pytestmark = pytest.mark.django_db


def path_of(page):
    return page.get_url_parts()[2]


def get(client, union, target, **params):
    response = client.get(path_of(target), params, HTTP_HOST=host(union))
    assert response.status_code == 200
    return response


def breadcrumb(html):
    match = re.search(r'<nav class="breadcrumb" aria-label="Đường dẫn">(.*?)</nav>', html, re.S)
    assert match, "no breadcrumb"
    return match.group(1)


def test_breadcrumb_on_article_column_and_document(client, network):
    column = network.columns["tu-phap"]
    article = ArticlePageFactory(parent=column, title="Tết Sum vầy ở Bộ Tư pháp")

    crumbs = breadcrumb(get(client, network.a, article).text)
    assert "<ol" in crumbs
    items = re.findall(r"<li[^>]*>(.*?)</li>", crumbs, re.S)
    assert [re.sub(r"<[^>]+>", "", item).strip() for item in items] == [
        "Trang chủ",
        column.title,
        "Tết Sum vầy ở Bộ Tư pháp",
    ]
    assert '<a href="/">Trang chủ</a>' in crumbs
    assert f'<a href="{path_of(column)}">{column.title}</a>' in crumbs
    assert '<li aria-current="page">Tết Sum vầy ở Bộ Tư pháp</li>' in crumbs

    column_crumbs = breadcrumb(get(client, network.a, column).text)
    assert '<a href="/">Trang chủ</a>' in column_crumbs
    assert f'<li aria-current="page">{column.title}</li>' in column_crumbs

    document = DocumentPageFactory(parent=network.central.home_page, title="Hướng dẫn Tết")
    document_crumbs = breadcrumb(get(client, network.central, document).text)
    assert '<li aria-current="page">Hướng dẫn Tết</li>' in document_crumbs


def test_related_articles(client, network):
    """Same shared column or same campaign, any active union, newest first, up to four."""
    column_a = network.columns["tu-phap"]
    article = ArticlePageFactory(parent=column_a, title="Bài đang đọc", date=dt.date(2024, 2, 1))
    assert article.campaign == network.campaign

    other_column = ColumnFactory(name="Chợ Tết Công đoàn")
    other_campaign = CampaignFactory(name="Chương trình khác")
    market_b = ColumnPageFactory(parent=network.b.home_page, column=other_column)

    def make(parent, title, day, **kwargs):
        return ArticlePageFactory(parent=parent, title=title, date=dt.date(2024, 1, day), **kwargs)

    # Same column on another union's site, in no campaign: related.
    same_column = make(network.columns["noi-vu"], "Nội vụ cùng chuyên mục", 20)
    same_column.campaign = None
    same_column.save()
    # Another column, same campaign: related.
    make(market_b, "Nội vụ cùng chương trình", 18, campaign=network.campaign)
    # The central site's article in the same column: related.
    make(network.columns["trung-uong"], "Trung ương cùng chuyên mục", 15)
    # Not related: other column and other campaign; a draft; a private article.
    make(market_b, "Nội vụ chuyện khác", 25, campaign=other_campaign)
    make(column_a, "Bản nháp cùng chuyên mục", 26, live=False)
    private = make(column_a, "Bài riêng tư cùng chuyên mục", 27)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = get(client, network.a, article)
    related = response.context["related"]
    assert [card.title for card in related] == [
        "Nội vụ cùng chuyên mục",
        "Nội vụ cùng chương trình",
        "Trung ương cùng chuyên mục",
    ]
    assert related[0].union.name == network.b.name
    html = response.text
    assert "Bài viết liên quan" in html
    assert network.b.short_name in html  # cards are labelled with their union
    assert f'href="{related[0].url}"' in html and related[0].url.startswith(
        f"http://{host(network.b)}/"
    )
    for hidden in ["Nội vụ chuyện khác", "Bản nháp", "Bài riêng tư"]:
        assert hidden not in html

    # Newest first, at most four.
    for day in range(1, 6):
        make(network.columns["noi-vu"], f"Thêm {day}", 21 + day % 5)
    related = get(client, network.a, article).context["related"]
    assert len(related) == 4
    assert [card.date for card in related] == sorted((c.date for c in related), reverse=True)
    assert article.title not in [card.title for card in related]

    # An inactive union's articles are no longer suggested.
    network.b.is_active = False
    network.b.save()
    related = get(client, network.a, article).context["related"]
    assert [card.title for card in related] == ["Trung ương cùng chuyên mục"]


def test_tags_link_to_the_central_hub_filtered_by_tag(client, network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài có từ khóa")
    article.tags.add("Tết Sum vầy")
    article.save()
    other = ArticlePageFactory(parent=network.columns["noi-vu"], title="Bài cùng từ khóa")
    other.tags.add("Tết Sum vầy")
    other.save()
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Bài không có từ khóa")

    response = get(client, network.a, article)
    tag_url = dict(response.context["tag_links"])[article.tags.get()]
    hub_url = f"http://{host(network.central)}{path_of(network.hub)}"
    assert tag_url.startswith(f"{hub_url}?tag=")
    assert f'<a href="{tag_url}" rel="tag">Tết Sum vầy</a>' in response.text

    hub = client.get(tag_url, HTTP_HOST=host(network.central))
    assert hub.status_code == 200
    titles = {card.title for card in hub.context["cards"]}
    assert titles == {"Bài có từ khóa", "Bài cùng từ khóa"}


def test_unknown_tag_gives_no_results_not_an_error(client, network):
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài bất kỳ")
    for value in ["khong-co", "x" * 5000, "' OR 1=1 --"]:
        response = client.get(path_of(network.hub), {"tag": value}, HTTP_HOST=host(network.central))
        assert response.status_code == 200
        assert response.context["cards"] == []
        assert "Không có bài viết phù hợp." in response.text


def test_tag_filter_is_kept_in_pagination_links(client, network):
    for n in range(25):
        article = ArticlePageFactory(parent=network.columns["tu-phap"], title=f"Bài {n:02d}")
        article.tags.add("chợ tết")
        article.save()
    ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài không gắn từ khóa")
    slug = article.tags.get().slug
    response = client.get(path_of(network.hub), {"tag": slug}, HTTP_HOST=host(network.central))
    assert len(response.context["cards"]) == 20
    next_link = re.search(r'<a rel="next" href="([^"]+)"', response.text).group(1)
    assert "tag=" in next_link and "page=2" in next_link
    second = client.get(
        path_of(network.hub) + next_link.replace("&amp;", "&"), HTTP_HOST=host(network.central)
    )
    assert len(second.context["cards"]) == 5
    assert "Bài không gắn từ khóa" not in second.text


@pytest.fixture
def long_column(network):
    column = network.columns["tu-phap"]
    for n in range(45):
        ArticlePageFactory(parent=column, title=f"Bài số {n:02d}", date=dt.date(2024, 1, 1))
    return column


def test_column_pagination_is_accessible(client, network, long_column):
    html = get(client, network.a, long_column, page=2).text
    nav = re.search(r'<nav class="pagination" aria-label="Phân trang">(.*?)</nav>', html, re.S)
    assert nav
    nav = nav.group(1)
    assert '<a rel="prev" href="?page=1">' in nav
    assert '<a rel="next" href="?page=3">' in nav
    assert re.search(r'href="\?page=2" aria-current="page"', nav)
    assert nav.count('aria-current="page"') == 1


@pytest.mark.parametrize(
    ("page", "expected"),
    [("abc", 1), ("99999", 3), ("-1", 3), ("0", 3), ("1" * 400, 3), ("", 1), ("2.5", 1)],
)
def test_column_odd_page_numbers_give_a_sane_page(client, network, long_column, page, expected):
    response = get(client, network.a, long_column, page=page)
    assert response.context["articles"].number == expected
    assert len(response.context["cards"]) == (5 if expected == 3 else 20)
    assert f'href="?page={expected}" aria-current="page"' in response.text
