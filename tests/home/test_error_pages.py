"""Error pages speak Vietnamese and carry the branding of the site the reader is on."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.observability import server_error
from tests.conftest import host

pytestmark = pytest.mark.django_db


def test_a_union_404_shows_that_union_and_a_way_home(client, network):
    branding = network.a.site.sitebranding
    branding.tagline = "Khẩu hiệu riêng của Tư pháp"
    branding.primary_colour = "#123456"
    branding.save()

    response = client.get("/khong-co-trang-nay/", HTTP_HOST=host(network.a))

    assert response.status_code == 404
    html = response.text
    assert "Không tìm thấy trang" in html
    assert network.a.name in html
    assert "Khẩu hiệu riêng của Tư pháp" in html and "--brand: #123456" in html
    assert '<a class="button" href="/">Về trang chủ</a>' in html
    assert network.b.name not in html


def test_the_central_404_shows_the_central_site(client, network):
    response = client.get("/khong-co-trang-nay/", HTTP_HOST=host(network.central))
    assert response.status_code == 404
    assert network.central.name in response.text
    assert network.a.name not in response.text


def test_the_500_page_is_vietnamese_and_needs_no_database():
    request = RequestFactory().get("/", HTTP_HOST="any.example.test")
    request.request_id = "b5f0c2d4e6a8"
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Hệ thống đang gặp sự cố" in html
    assert 'href="/"' in html
    assert "b5f0c2d4e6a8" in html  # the id to quote when reporting it
    assert len(queries) == 0
