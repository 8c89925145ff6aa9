import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from blog.factories import ArticlePageFactory, ColumnFactory, ColumnPageFactory
from blog.models import ArticleKind
from tests.conftest import host

pytestmark = pytest.mark.django_db


def hub_get(client, network, **params):
    response = client.get(
        network.hub.url_path.removeprefix(network.central.home_page.url_path).join(["/", ""]),
        params,
        HTTP_HOST=host(network.central),
    )
    return response


def titles(response):
    return [card.title for card in response.context["cards"]]


@pytest.fixture
def articles(network):
    def make(union, title, **kwargs):
        return ArticlePageFactory(parent=network.columns[union.slug], title=title, **kwargs)

    return make


def test_hub_gathers_articles_from_every_site_newest_first(client, network, articles):
    articles(network.a, "Tư pháp thăm hỏi đoàn viên", date=dt.date(2024, 1, 10))
    articles(network.b, "Nội vụ trao quà Tết", date=dt.date(2024, 1, 20))
    articles(network.central, "Trung ương phát động chương trình", date=dt.date(2024, 1, 15))

    response = hub_get(client, network)

    assert response.status_code == 200
    assert titles(response) == [
        "Nội vụ trao quà Tết",
        "Trung ương phát động chương trình",
        "Tư pháp thăm hỏi đoàn viên",
    ]


def test_hub_links_to_each_article_on_its_own_site_with_the_union_name(client, network, articles):
    article = articles(network.a, "Tư pháp thăm hỏi đoàn viên")
    response = hub_get(client, network)
    card = response.context["cards"][0]
    expected = f"http://{host(network.a)}/{network.columns['tu-phap'].slug}/{article.slug}/"
    assert card.url == expected
    assert card.union.name == network.a.name
    assert f'href="{expected}"' in response.text
    assert network.a.short_name in response.text
    # The link really serves the article on that host.
    assert client.get(expected, HTTP_HOST=host(network.a)).context["page"].pk == article.pk


def test_hidden_articles_never_appear(client, network, articles):
    articles(network.a, "Bài đã đăng")
    articles(network.a, "Bản nháp", live=False)
    private = articles(network.a, "Bài riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    scheduled = articles(network.a, "Bài hẹn giờ", live=False)
    scheduled.go_live_at = timezone.now() + dt.timedelta(days=3)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live

    hidden_column = ColumnPageFactory(parent=network.b.home_page, column=network.column)
    articles_under_unpublished = ArticlePageFactory(parent=hidden_column, title="Dưới trang ẩn")
    hidden_column.unpublish()
    assert articles_under_unpublished.live

    union_c_article = articles(network.b, "Bài của công đoàn ngừng hoạt động")
    network.b.is_active = False
    network.b.save()

    response = hub_get(client, network)
    assert titles(response) == ["Bài đã đăng"]
    for hidden in [
        "Bản nháp",
        "Bài riêng tư",
        "Bài hẹn giờ",
        "Dưới trang ẩn",
        union_c_article.title,
    ]:
        assert hidden not in response.text


def test_pages_outside_every_site_never_appear(client, network, articles):
    # The hub keeps to the sites' homes by leaving out the tree root's other children
    # (blog.listing.in_sites): a branch at the top of the tree that is no site's stays out.
    articles(network.a, "Bài của công đoàn")
    stray_home = Page.get_first_root_node().add_child(
        instance=ColumnPageFactory.build(title="Nhánh không thuộc trang nào", column=network.column)
    )
    ArticlePageFactory(parent=stray_home, title="Bài ngoài mọi trang")
    assert titles(hub_get(client, network)) == ["Bài của công đoàn"]


def test_filters_narrow_and_combine(client, network, articles):
    other_column = ColumnFactory(name="Chợ Tết Công đoàn")
    market = ColumnPageFactory(parent=network.a.home_page, column=other_column)
    articles(network.a, "A tin", kind=ArticleKind.NEWS, date=dt.date(2024, 1, 10))
    articles(network.a, "A câu chuyện", kind=ArticleKind.STORY, date=dt.date(2024, 2, 5))
    articles(network.b, "B tin", kind=ArticleKind.NEWS, date=dt.date(2024, 1, 25))
    ArticlePageFactory(
        parent=market,
        title="A chợ Tết",
        kind=ArticleKind.NEWS,
        date=dt.date(2024, 2, 1),
        campaign=None,
    )
    other = articles(network.b, "B ngoài chương trình", date=dt.date(2024, 1, 12))
    other.campaign = None
    other.save()

    def filtered(**params):
        return set(titles(hub_get(client, network, **params)))

    everything = {"A tin", "A câu chuyện", "B tin", "A chợ Tết", "B ngoài chương trình"}
    assert filtered() == everything
    assert filtered(union="tu-phap") == {"A tin", "A câu chuyện", "A chợ Tết"}
    assert filtered(campaign=network.campaign.slug) == {"A tin", "A câu chuyện", "B tin"}
    assert filtered(column=other_column.slug) == {"A chợ Tết"}
    assert filtered(column=network.column.slug) == everything - {"A chợ Tết"}
    assert filtered(kind="story") == {"A câu chuyện"}
    assert filtered(**{"from": "2024-01-20"}) == {"A câu chuyện", "B tin", "A chợ Tết"}
    assert filtered(to="2024-01-12") == {"A tin", "B ngoài chương trình"}
    assert filtered(**{"from": "2024-01-20", "to": "2024-02-02"}) == {"B tin", "A chợ Tết"}
    assert filtered(union="tu-phap", kind="news", **{"from": "2024-01-15"}) == {"A chợ Tết"}


def test_filters_are_kept_in_pagination_links(client, network, articles):
    for n in range(25):
        articles(network.a, f"Bài {n:02d}")
    response = hub_get(client, network, union="tu-phap", kind="news")
    assert len(response.context["cards"]) == 20
    assert "?union=tu-phap&amp;kind=news&amp;page=2" in response.text
    second = hub_get(client, network, union="tu-phap", kind="news", page=2)
    assert len(second.context["cards"]) == 5


def test_the_pages_of_the_hub_list_every_article_once_newest_first(client, network, articles):
    # Pages past the first are read through their ids (blog.listing.DeferredJoinPaginator):
    # together they hold every article once, in the order of page 1, same-day ties included.
    made = [
        articles(
            network.a if n % 2 else network.b, f"Bài {n:02d}", date=dt.date(2024, 1, n // 3 + 1)
        )
        for n in range(45)
    ]
    seen = []
    for number in (1, 2, 3):
        seen += titles(hub_get(client, network, page=number))
    expected = sorted(made, key=lambda a: (a.date, a.first_published_at, a.pk), reverse=True)
    assert seen == [a.title for a in expected]
    assert len(set(seen)) == 45


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "999999"},
        {"page": "-1"},
        {"page": "1" * 400},
        {"union": "nope"},
        {"campaign": "' OR 1=1 --"},
        {"column": "x" * 5000},
        {"kind": "<script>alert(1)</script>"},
        {"from": "garbage"},
        {"to": "2024-13-45"},
        {"from": "2024-02-10", "to": "2024-01-01"},
        {"union": ["noi-vu", "tu-phap"]},
    ],
)
def test_bad_query_strings_give_a_sane_page(client, network, articles, params):
    articles(network.a, "Bài hợp lệ")
    response = hub_get(client, network, **params)
    assert response.status_code == 200
    assert "Bài hợp lệ" in response.text
    assert "<script>alert(1)</script>" not in response.text


def test_invalid_filter_is_reported_and_ignored(client, network, articles):
    articles(network.a, "Bài của Tư pháp")
    articles(network.b, "Bài của Nội vụ")
    response = hub_get(client, network, union="nope", kind="story")
    assert "không hợp lệ" in response.text
    assert titles(response) == []  # kind=story still applies
    response = hub_get(client, network, union="nope")
    assert set(titles(response)) == {"Bài của Tư pháp", "Bài của Nội vụ"}
