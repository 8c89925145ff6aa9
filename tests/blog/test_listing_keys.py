"""Listings sort and split articles by copies kept on the article's own row (its first
publication time, its site's home page): they must follow publishing, moving and the
migration that filled them in."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from wagtail.actions.move_page import MovePageAction

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from tests.conftest import host

pytestmark = pytest.mark.django_db

DAY = dt.date(2024, 1, 20)


def home_titles(client, union):
    response = client.get("/", HTTP_HOST=host(union))
    assert response.status_code == 200
    return [card.title for card in response.context["latest"]]


def hub_titles(client, network, **params):
    path = network.hub.url_path.removeprefix(network.central.home_page.url_path)
    response = client.get(f"/{path}", params, HTTP_HOST=host(network.central))
    assert response.status_code == 200
    return [card.title for card in response.context["cards"]]


def draft(network, union, title):
    page = ArticlePageFactory(parent=network.columns[union.slug], title=title, date=DAY, live=False)
    page.first_published_at = None
    page.save()
    return page


def test_articles_of_one_day_list_by_when_they_were_first_published(client, network):
    written_first = draft(network, network.a, "Viết trước, đăng sau")
    written_next = draft(network, network.a, "Viết sau, đăng trước")
    written_next.save_revision().publish()
    written_first.save_revision().publish()

    written_first.refresh_from_db()
    assert written_first.published_at == written_first.first_published_at is not None
    expected = ["Viết trước, đăng sau", "Viết sau, đăng trước"]
    assert home_titles(client, network.a)[:2] == expected
    assert hub_titles(client, network)[:2] == expected

    # Publishing again (an edit) does not move it up: it keeps its first publication time.
    written_next.refresh_from_db()
    written_next.title = "Viết sau, đăng trước, sửa lại"
    written_next.save_revision().publish()
    assert home_titles(client, network.a)[:2] == ["Viết trước, đăng sau", written_next.title]


def test_an_article_moved_to_another_union_is_listed_there(client, network):
    article = ArticlePageFactory(parent=network.columns[network.a.slug], title="Bài chuyển nhà")
    assert "Bài chuyển nhà" in home_titles(client, network.a)

    MovePageAction(article, network.columns[network.b.slug], pos="last-child").execute(
        skip_permission_checks=True
    )

    assert "Bài chuyển nhà" not in home_titles(client, network.a)
    assert "Bài chuyển nhà" in home_titles(client, network.b)
    assert hub_titles(client, network, union=network.b.slug) == ["Bài chuyển nhà"]
    assert hub_titles(client, network, union=network.a.slug) == []


def test_the_migration_fills_the_keys_of_existing_articles(client, network):
    ArticlePageFactory(parent=network.columns[network.a.slug], title="Bài cũ", date=DAY)
    ArticlePageFactory(parent=network.columns[network.b.slug], title="Bài cũ hơn", date=DAY)
    ArticlePage.objects.update(published_at=None, home_path="")  # as before the migration

    migration = importlib.import_module("blog.migrations.0009_article_listing_keys")
    migration.fill_listing_keys(apps, None)

    assert home_titles(client, network.a) == ["Bài cũ"]
    assert home_titles(client, network.b) == ["Bài cũ hơn"]
    for article in ArticlePage.objects.all():
        assert article.published_at == article.first_published_at
        assert article.home_path == article.path[:8]
