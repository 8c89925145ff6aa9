"""RSS and Atom feeds: what a feed reader subscribed to a site, column, campaign or the
whole network receives."""

import datetime as dt
from urllib.parse import urlsplit

import feedparser
import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, CampaignFactory, ColumnFactory, ColumnPageFactory
from centre.services import set_union_active
from core.renditions import OG_IMAGE_SPEC
from tests.conftest import host

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]


def fetch(client, site_union, name, fmt="rss", slug=None, **params):
    kwargs = {"slug": slug} if slug is not None else None
    url = reverse(f"feeds:{name}_{fmt}", kwargs=kwargs)
    return client.get(url, params, HTTP_HOST=host(site_union))


def parse(response):
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.fixture
def article(network):
    def make(union, title, **kwargs):
        return ArticlePageFactory(parent=network.columns[union.slug], title=title, **kwargs)

    return make


@pytest.mark.parametrize("fmt", FORMATS)
def test_site_feed_lists_the_union_s_own_articles_with_links_on_its_own_host(
    client, network, article, fmt
):
    mine = article(
        network.a,
        "Tư pháp thăm hỏi đoàn viên",
        intro="Thăm hỏi 30 đoàn viên.",
        first_published_at=dt.datetime(2024, 1, 20, 9, 30, tzinfo=dt.UTC),
    )
    article(network.b, "Nội vụ trao quà Tết")

    feed = parse(fetch(client, network.a, "site", fmt))

    assert titles(feed) == ["Tư pháp thăm hỏi đoàn viên"]
    assert network.a.name in feed.feed.title
    entry = feed.entries[0]
    assert entry.link == mine.get_full_url()
    assert urlsplit(entry.link).hostname == host(network.a)
    assert entry.summary == "Thăm hỏi 30 đoàn viên."
    assert entry.author == network.a.name
    assert [tag.term for tag in entry.tags] == [network.a.name]
    # The time zone is kept: first publication time, as UTC in the parsed feed.
    assert entry.published_parsed[:6] == (2024, 1, 20, 9, 30, 0)
    # The link really serves the article.
    assert client.get(entry.link, HTTP_HOST=host(network.a)).context["page"].pk == mine.pk


@pytest.mark.parametrize("fmt", FORMATS)
def test_items_carry_the_lead_image_with_its_real_size(client, network, article, fmt):
    mine = article(network.a, "Bài có ảnh")
    feed = parse(fetch(client, network.a, "site", fmt))

    rendition = mine.lead_image.get_rendition(OG_IMAGE_SPEC)
    [enclosure] = feed.entries[0].enclosures
    assert enclosure.href == f"http://{host(network.a)}{rendition.url}"
    assert int(enclosure.length) == rendition.file.size > 0
    assert enclosure.type.startswith("image/")
    assert client.get(urlsplit(enclosure.href).path).status_code == 200


def test_article_without_publication_time_is_dated_local_midnight(client, network, article):
    article(network.a, "Bài nhập từ hệ thống cũ", date=dt.date(2024, 2, 1))

    entry = parse(fetch(client, network.a, "site")).entries[0]

    # Midnight in Hà Nội (UTC+7) is 17:00 UTC the day before.
    assert entry.published_parsed[:6] == (2024, 1, 31, 17, 0, 0)
    assert entry.published.endswith("+0700")


def test_site_feed_never_shows_another_union_s_articles(client, network, article):
    for n in range(3):
        article(network.a, f"Tư pháp {n}")
        article(network.b, f"Nội vụ {n}")
        article(network.central, f"Trung ương {n}")

    for union, prefix in [(network.a, "Tư pháp"), (network.b, "Nội vụ")]:
        feed = parse(fetch(client, union, "site"))
        assert len(feed.entries) == 3
        assert all(title.startswith(prefix) for title in titles(feed))
        assert {urlsplit(e.link).hostname for e in feed.entries} == {host(union)}


def test_feeds_keep_out_drafts_private_and_unpublished_branches(client, network, article):
    article(network.a, "Bài đã đăng")
    article(network.a, "Bản nháp", live=False)
    private = article(network.a, "Bài riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_column = ColumnPageFactory(
        parent=network.a.home_page, column=network.column, campaign=network.campaign
    )
    ArticlePageFactory(parent=hidden_column, title="Dưới chuyên mục đã gỡ")
    hidden_column.unpublish()

    for name, slug in [("site", None), ("column", network.column.slug)]:
        assert titles(parse(fetch(client, network.a, name, slug=slug))) == ["Bài đã đăng"]
    feed = parse(fetch(client, network.a, "campaign", slug=network.campaign.slug))
    assert titles(feed) == ["Bài đã đăng"]
    assert titles(parse(fetch(client, network.central, "network"))) == ["Bài đã đăng"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_column_feed_is_scoped_to_the_site_s_column(client, network, article, fmt):
    other_column = ColumnPageFactory(parent=network.a.home_page, column=ColumnFactory())
    article(network.a, "Trong chuyên mục Xuân chia sẻ")
    ArticlePageFactory(parent=other_column, title="Ở chuyên mục khác")
    article(network.b, "Xuân chia sẻ của Nội vụ")

    feed = parse(fetch(client, network.a, "column", fmt, slug=network.column.slug))

    assert titles(feed) == ["Trong chuyên mục Xuân chia sẻ"]
    assert network.column.name in feed.feed.title
    assert network.a.name in feed.feed.title
    assert feed.feed.link == network.columns["tu-phap"].get_full_url()


@pytest.mark.parametrize("fmt", FORMATS)
def test_campaign_feed_is_the_union_s_on_its_host_and_the_network_s_centrally(
    client, network, article, fmt
):
    other = CampaignFactory(name="Chợ Tết Công đoàn 2024")
    article(network.a, "Tư pháp: Tết Sum vầy")
    article(network.b, "Nội vụ: Tết Sum vầy")
    article(network.a, "Tư pháp: Chợ Tết", campaign=other)

    on_union = parse(fetch(client, network.a, "campaign", fmt, slug=network.campaign.slug))
    assert titles(on_union) == ["Tư pháp: Tết Sum vầy"]

    central = parse(fetch(client, network.central, "campaign", fmt, slug=network.campaign.slug))
    assert sorted(titles(central)) == ["Nội vụ: Tết Sum vầy", "Tư pháp: Tết Sum vầy"]
    assert network.campaign.name in central.feed.title
    by_title = {e.title: urlsplit(e.link).hostname for e in central.entries}
    assert by_title == {
        "Tư pháp: Tết Sum vầy": host(network.a),
        "Nội vụ: Tết Sum vầy": host(network.b),
    }

    set_union_active(network.b, False)
    central = parse(fetch(client, network.central, "campaign", fmt, slug=network.campaign.slug))
    assert titles(central) == ["Tư pháp: Tết Sum vầy"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_network_feed_gathers_every_active_union_with_links_on_their_hosts(
    client, network, article, fmt
):
    article(network.a, "Tư pháp", date=dt.date(2024, 1, 10))
    article(network.b, "Nội vụ", date=dt.date(2024, 1, 20))
    article(network.central, "Trung ương", date=dt.date(2024, 1, 15))

    feed = parse(fetch(client, network.central, "network", fmt))

    assert titles(feed) == ["Nội vụ", "Trung ương", "Tư pháp"]
    assert [urlsplit(e.link).hostname for e in feed.entries] == [
        host(network.b),
        host(network.central),
        host(network.a),
    ]
    assert [e.author for e in feed.entries] == [
        network.b.name,
        network.central.name,
        network.a.name,
    ]
    assert feed.feed.link == network.hub.get_full_url()

    set_union_active(network.b, False)
    assert titles(parse(fetch(client, network.central, "network", fmt))) == [
        "Trung ương",
        "Tư pháp",
    ]


def test_network_feed_applies_the_hub_s_filters(client, network, article):
    other = CampaignFactory(name="Chợ Tết Công đoàn 2024")
    article(network.a, "Tư pháp: Tết Sum vầy")
    article(network.a, "Tư pháp: Chợ Tết", campaign=other)
    article(network.b, "Nội vụ: Tết Sum vầy")

    by_union = parse(fetch(client, network.central, "network", union=network.a.slug))
    assert sorted(titles(by_union)) == ["Tư pháp: Chợ Tết", "Tư pháp: Tết Sum vầy"]
    assert network.a.name in by_union.feed.title

    by_both = parse(
        fetch(client, network.central, "network", union=network.a.slug, campaign=other.slug)
    )
    assert titles(by_both) == ["Tư pháp: Chợ Tết"]
    assert by_both.feed.link == (
        f"{network.hub.get_full_url()}?union={network.a.slug}&campaign={other.slug}"
    )


def test_network_feed_ignores_invalid_filters(client, network, article):
    article(network.a, "Tư pháp")
    article(network.b, "Nội vụ")

    odd = parse(
        fetch(
            client,
            network.central,
            "network",
            union="khong-co",
            campaign="<script>",
            kind="x" * 5000,
            **{"from": "31/02/2024", "to": "hôm qua", "page": "-1"},
        )
    )
    assert sorted(titles(odd)) == ["Nội vụ", "Tư pháp"]
    assert "khong-co" not in odd.feed.link

    # A valid filter still applies next to an invalid one.
    half = parse(fetch(client, network.central, "network", union=network.b.slug, kind="?"))
    assert titles(half) == ["Nội vụ"]


def test_network_feed_exists_only_on_the_central_host(client, network):
    for fmt in FORMATS:
        assert fetch(client, network.central, "network", fmt).status_code == 200
        assert fetch(client, network.a, "network", fmt).status_code == 404


@pytest.mark.parametrize("name", ["column", "campaign"], ids=["unknown column", "unknown campaign"])
def test_unknown_slugs_are_404(client, network, name):
    for union in (network.central, network.a):
        for fmt in FORMATS:
            assert fetch(client, union, name, fmt, slug="khong-ton-tai").status_code == 404


def test_column_without_a_page_on_this_site_is_404(client, network):
    lonely = ColumnFactory(name="Chỉ có ở trung ương")
    ColumnPageFactory(parent=network.central.home_page, column=lonely)
    assert fetch(client, network.central, "column", slug=lonely.slug).status_code == 200
    assert fetch(client, network.a, "column", slug=lonely.slug).status_code == 404


def test_inactive_union_s_feeds_are_gone(client, network, article):
    article(network.b, "Nội vụ")
    set_union_active(network.b, False)
    assert fetch(client, network.b, "site").status_code == 404
    assert fetch(client, network.b, "column", slug=network.column.slug).status_code == 404


@pytest.mark.parametrize("name", ["site", "network"])
def test_odd_query_strings_give_a_sane_feed(client, network, article, name):
    article(network.a, "Tư pháp")
    url = reverse(f"feeds:{name}_rss") + "?%ff%fe=%00&page=abc&union[]=1&&=&from"
    feed = parse(
        client.get(url, HTTP_HOST=host(network.central if name == "network" else network.a))
    )
    assert titles(feed) == ["Tư pháp"]


def test_feed_keeps_the_twenty_newest(client, network, article):
    for day in range(1, 26):
        article(network.a, f"Ngày {day}", date=dt.date(2024, 1, day))
    feed = parse(fetch(client, network.a, "site"))
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Ngày 25"
    assert feed.entries[-1].title == "Ngày 6"


def test_an_article_published_after_its_date_keeps_its_date_in_the_feed(client, network, article):
    """An English translation (or an article entered later) is published days after the date
    it shows: feed readers get that date, not the publication time."""
    article(
        network.a,
        "Bài dịch đăng sau",
        date=dt.date(2024, 2, 22),
        first_published_at=dt.datetime(2026, 12, 2, 6, 14, tzinfo=dt.UTC),
    )
    entry = parse(fetch(client, network.a, "site")).entries[0]
    assert entry.published_parsed[:6] == (2024, 2, 21, 17, 0, 0)
