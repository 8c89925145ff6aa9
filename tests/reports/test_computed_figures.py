"""Computed figures equal a direct count of each union's live, public articles in the campaign."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, CampaignFactory, ColumnFactory, ColumnPageFactory
from blog.models import ArticlePage
from centre.factories import UnionFactory
from reports.figures import computed_figures

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def direct_count(union, campaign):
    """The same thing counted the plain way, page by page."""
    count = 0
    for page in ArticlePage.objects.descendant_of(union.home_page).filter(campaign=campaign):
        if (
            page.live
            and not page.get_view_restrictions().exists()
            and all(a.live for a in page.get_ancestors() if a.depth > 1)
        ):
            count += 1
    return count


def test_counts_live_public_articles_per_column_and_kind(network):
    n = network
    other_campaign = CampaignFactory()
    second_column = ColumnPageFactory(
        parent=n.a.home_page, column=ColumnFactory(name="Chợ Tết"), campaign=n.campaign
    )
    for kind in ("news", "news", "story"):
        publish(ArticlePageFactory(parent=n.columns["tu-phap"], kind=kind))
    publish(ArticlePageFactory(parent=second_column, kind="visit"))
    ArticlePageFactory(parent=n.columns["tu-phap"], live=False)  # draft
    private = publish(ArticlePageFactory(parent=n.columns["tu-phap"]))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    publish(ArticlePageFactory(parent=n.columns["tu-phap"], campaign=other_campaign))
    publish(ArticlePageFactory(parent=n.columns["noi-vu"]))  # another union
    hidden_column = ColumnPageFactory(parent=n.a.home_page, column=n.column, campaign=n.campaign)
    publish(ArticlePageFactory(parent=hidden_column))
    hidden_column.unpublish()  # an article under an unpublished column is not visible

    figures = computed_figures(n.campaign, [n.a, n.b])
    assert figures[n.a.pk].total == direct_count(n.a, n.campaign) == 4
    assert figures[n.b.pk].total == direct_count(n.b, n.campaign) == 1
    assert figures[n.a.pk].by_column == {"Chợ Tết": 1, "Xuân chia sẻ": 3}
    assert figures[n.a.pk].by_kind == {"Tin tức": 2, "Câu chuyện": 1, "Thăm hỏi, tặng quà": 1}
    assert sum(figures[n.a.pk].by_kind.values()) == figures[n.a.pk].total


def test_constant_number_of_queries(network):
    n = network
    publish(ArticlePageFactory(parent=n.columns["tu-phap"]))

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            computed_figures(n.campaign)
        return len(ctx.captured_queries)

    before = queries()
    for i in range(3):
        union = UnionFactory()
        column = ColumnPageFactory(parent=union.home_page, column=n.column, campaign=n.campaign)
        for _ in range(i + 1):
            publish(ArticlePageFactory(parent=column))
    assert queries() == before <= 10  # see computed_figures
