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
