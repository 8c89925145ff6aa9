import pytest

from tests.conftest import host

pytestmark = pytest.mark.django_db


def test_each_union_hostname_serves_its_own_home_page(client, network):
    for union in (network.central, network.a, network.b):
        response = client.get("/", HTTP_HOST=host(union))
        assert response.status_code == 200
        assert response.context["page"].pk == union.home_page.pk
        assert f'<h1 class="hero__title">{union.name}</h1>' in response.text


def test_union_pages_are_not_served_on_another_union_host(client, network):
    column_b = network.columns["noi-vu"]
    path = "/" + column_b.slug + "/"
    assert client.get(path, HTTP_HOST=host(network.b)).status_code == 200
    assert client.get(path, HTTP_HOST=host(network.a)).status_code == 404


def test_unknown_host_gets_the_central_site_never_a_union(client, network):
    response = client.get("/", HTTP_HOST="nobody.example.test")
    assert response.status_code == 200
    assert response.context["page"].pk == network.central.home_page.pk


def test_port_does_not_change_which_site_answers(client, network):
    response = client.get("/", HTTP_HOST=f"{host(network.a)}:8080")
    assert response.context["page"].pk == network.a.home_page.pk


def test_pages_under_an_unpublished_page_are_not_served(client, network):
    from blog.factories import ArticlePageFactory

    column = network.columns["tu-phap"]
    article = ArticlePageFactory(parent=column, title="Bài trong chuyên mục")
    path = article.get_url_parts()[2]
    assert client.get(path, HTTP_HOST=host(network.a)).status_code == 200
    column.unpublish()
    response = client.get(path, HTTP_HOST=host(network.a))
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text
    assert network.a.name in response.text  # branded with the union's own site


def test_every_kind_of_page_is_found_by_its_address_and_moves_with_its_slug(
    client, network, settings
):
    """Routing reads the structural pages (homes, columns, hubs) from the snapshot and tries a
    column's first page type (articles) before the others: each is served, and a slug
    changed in the admin moves the address at once (sites.pages.BasePage.route)."""
    from activities.factories import EventPageFactory
    from blog.factories import ArticlePageFactory

    settings.PAGE_CACHE_ENABLED = False  # the pages themselves, each time
    column = network.columns["tu-phap"]
    article = ArticlePageFactory(parent=column, title="Bài trong chuyên mục")
    event = EventPageFactory(parent=column, title="Phiên chợ trong chuyên mục")
    at_home = EventPageFactory(parent=network.a.home_page, title="Phiên chợ ở trang chủ")
    for page in (column, article, event, at_home):
        response = client.get(page.get_url_parts()[2], HTTP_HOST=host(network.a))
        assert response.status_code == 200
        assert response.context["page"].pk == page.pk
        assert type(response.context["page"]) is type(page.specific)
    # An article's breadcrumbs and column link come from the route.
    response = client.get(article.get_url_parts()[2], HTTP_HOST=host(network.a))
    assert [p.pk for p in response.context["breadcrumbs"]] == [network.a.home_page.pk, column.pk]
    assert f">{column.title}</a>" in response.text

    old_column_path, old_article_path = column.get_url_parts()[2], article.get_url_parts()[2]
    column.slug = "chuyen-muc-moi"
    column.save_revision().publish()
    for page, old in ((column, old_column_path), (article, old_article_path)):
        page.refresh_from_db()
        new = page.get_url_parts()[2]
        assert "chuyen-muc-moi" in new
        assert client.get(new, HTTP_HOST=host(network.a)).status_code == 200
        assert client.get(old, HTTP_HOST=host(network.a)).status_code == 404
    # Another union's page is not found through this union's address.
    other = network.columns["noi-vu"].get_url_parts()[2]
    assert client.get(other, HTTP_HOST=host(network.a)).status_code == 404


def test_every_page_is_linked_under_the_sites_wagtail_would_choose(client, network, rf):
    """BasePage finds the sites a page is under from a dict of their roots' url_paths:
    the same sites, in the same order, as Wagtail's test against each site's root."""
    from wagtail.models import Page

    from blog.factories import ArticlePageFactory

    ArticlePageFactory(parent=network.columns["noi-vu"], title="Bài của Nội vụ")
    request = rf.get("/", HTTP_HOST=host(network.central))
    pages = [page.specific for page in Page.objects.filter(depth__gt=1)]
    assert len(pages) > 6
    for page in pages:
        ours = page._get_relevant_site_root_paths(request)
        assert ours, page
        assert ours == Page._get_relevant_site_root_paths(page, request)


def test_a_routed_page_is_kept_in_the_process_not_in_the_shared_cache(client, network, settings):
    """Structural pages are read once per snapshot version by each process; they are not
    written to Redis, where every version would leave one per page until it expires."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pagecache import snapshot

    settings.PAGE_CACHE_ENABLED = False
    column = network.columns["tu-phap"]
    path = column.get_url_parts()[2]
    assert client.get(path, HTTP_HOST=host(network.a)).status_code == 200
    with CaptureQueriesContext(connection) as again:
        response = client.get(path, HTTP_HOST=host(network.a))
    assert response.context["page"].pk == column.pk
    reads_it = f'"blog_columnpage"."page_ptr_id" = {column.pk}'
    assert not any(reads_it in q["sql"] for q in again.captured_queries)
    assert cache.get(f"network-snapshot:{snapshot.version()}:route-page:{column.pk}") is None
