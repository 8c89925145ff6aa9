"""The campaign hub's look back over the years: a timeline (year, title, figure, picture) and
figures across years drawn as a chart, with every picture's renditions in the hub's one query."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.campaigns import ten_year_review
from tests.campaigns.conftest import central_image, make_hub
from tests.conftest import host

pytestmark = pytest.mark.django_db

REVIEW = {
    "timeline": [
        (2014, "Chương trình ra đời", "12.500 đoàn viên", "Phát động."),
        (2019, "Phiên chợ 0 đồng đầu tiên", "35 gian hàng", ""),
        (2024, "Mười năm Tết Sum vầy", "Hơn 48.000 đoàn viên", "Tổng kết."),
    ],
    "figures": [("Suất quà", "suất", [(2024, 4800), (2014, 1250), (2019, 3100)])],
}


def hub_html(client, network, hub):
    response = client.get(hub.get_url_parts()[2], HTTP_HOST=host(network.central))
    assert response.status_code == 200
    return response.text


def test_the_timeline_and_the_figures_across_years_show_on_the_hub(client, network):
    hub = make_hub(network.central.home_page, network.campaign, review=ten_year_review(REVIEW))
    html = hub_html(client, network, hub)
    assert '<section class="campaign-review"' in html, "no look back on the hub"
    section = html[html.index('<section class="campaign-review"') :]
    years = re.findall(r'<time datetime="(\d{4})">', section)
    assert years == ["2014", "2019", "2024"]
    assert "Phiên chợ 0 đồng đầu tiên" in html and "35 gian hàng" in html
    # The chart: one bar per year, in year order, and the total.
    chart = re.search(r"<svg.*?</svg>", html[html.index("figure-years") :], re.S).group(0)
    assert re.findall(r">(\d{4})</text>", chart) == ["2014", "2019", "2024"]
    assert "<title>Suất quà</title>" in chart
    assert "tổng cộng 9.150" in html


def test_timeline_pictures_cost_no_query_each(client, network, settings):
    settings.PAGE_CACHE_ENABLED = False  # count the hub's own queries

    def review_with(count):
        images = [central_image(network.central, f"Ảnh {n}") for n in range(count)]
        data = ten_year_review(REVIEW)
        entries = data[0][1]["entries"]
        for entry, image in zip(entries, images, strict=False):
            entry["image"] = image
        return data

    counts = []
    for count in (1, 3):
        hub = make_hub(network.central.home_page, network.campaign, review=review_with(count))
        hub_html(client, network, hub)  # first view makes the renditions
        cache.clear()  # Wagtail keeps renditions in the cache too: count the database's
        with CaptureQueriesContext(connection) as queries:
            html = hub_html(client, network, hub)
        assert html.count('class="timeline__image"') == count
        counts.append(len(queries))
        hub.delete()
    assert counts[0] == counts[1], counts
