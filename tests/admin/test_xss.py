"""Stored XSS: script and event-handler payloads stay inert on public pages, in the admin
listings and in the news hub."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from centre.factories import UnionFactory
from tests.conftest import host
from tests.forms import article_form

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"
ONERROR = '<img src=x onerror="alert(1)">'


def assert_inert(html):
    assert SCRIPT not in html
    assert ONERROR not in html


def test_payloads_in_titles_intros_and_union_names_are_escaped(client, admin_client, network):
    evil_union = UnionFactory(name=f"Công đoàn {SCRIPT}", short_name=f"CĐ {ONERROR}", slug="evil")
    from blog.factories import ColumnPageFactory

    column = ColumnPageFactory(
        parent=evil_union.home_page, column=network.column, title=f"Chuyên mục {ONERROR}"
    )
    article = ArticlePageFactory(parent=column, title=f"Tin {SCRIPT}", intro=f"Mở đầu {ONERROR}")
    pages = [
        (evil_union, "/"),
        (evil_union, column.get_url_parts()[2]),
        (evil_union, article.get_url_parts()[2]),
        (network.central, "/"),
        (network.central, network.hub.get_url_parts()[2]),
    ]
    for union, path in pages:
        response = client.get(path, HTTP_HOST=host(union))
        assert response.status_code == 200, path
        assert_inert(response.text)
        assert "&lt;script&gt;" in response.text, path

    for url in [
        f"/admin/pages/{column.pk}/",
        f"/admin/pages/{evil_union.home_page.pk}/",
        "/admin/unions/",
        "/admin/pages/search/?q=Tin",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert SCRIPT not in response.text, url
        assert ONERROR not in response.text, url


def test_rich_text_from_the_editor_is_sanitised(client, network):
    editor = get_user_model().objects.create_user("ed", password="x")
    editor.groups.add(network.a.approvers_group)
    client.force_login(editor)
    column = network.columns["tu-phap"]
    body = streamfield(
        [("paragraph", rich_text(f'<p>Xin chào {SCRIPT}<a href="javascript:alert(1)">x</a></p>'))]
    )
    data = article_form("Bài có mã độc", body=body, **{"action-publish": "publish"})
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("blog", "articlepage", column.pk)), data
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(title="Bài có mã độc")
    client.logout()
    html = client.get(article.get_url_parts()[2], HTTP_HOST=host(network.a)).text
    assert "Xin chào" in html
    assert "<script>alert" not in html
    assert "javascript:alert" not in html
