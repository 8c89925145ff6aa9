"""Every union has the campaign columns: a new union (or one reactivated) gets a column page for
each column of every campaign under way and for each standing column; a campaign or column the
centre adds reaches every active union's site (none on inactive ones), through one service."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.factories import CampaignFactory, ColumnFactory
from blog.models import ColumnPage
from campaigns.services import ensure_campaign_columns
from centre.factories import UnionFactory
from centre.services import set_union_active
from tests.conftest import host
from tests.users import member

pytestmark = pytest.mark.django_db


def under_way(name, **kwargs):
    today = timezone.localdate()
    return CampaignFactory(
        name=name, start_date=today - dt.timedelta(days=3), end_date=today + dt.timedelta(30),
        **kwargs,
    )  # fmt: skip


def columns_of(union):
    pages = ColumnPage.objects.child_of(union.home_page)
    return {(p.column.name, p.campaign.name if p.campaign else None, p.live) for p in pages}


def test_a_new_union_gets_the_columns_of_campaigns_under_way_and_standing_ones(client, network):
    campaign = under_way("Chợ Tết Công đoàn 2027")
    market, fair = ColumnFactory(name="Chợ Tết Công đoàn"), ColumnFactory(name="Phiên chợ")
    campaign.columns.add(market, fair)
    standing = ColumnFactory(name="Tin hoạt động")
    # network.column belongs to the network's 2024 campaign, which has ended: not given.
    union = UnionFactory(name="Công đoàn Bộ Y tế", short_name="CĐ Y tế", slug="y-te")

    assert columns_of(union) == {
        ("Chợ Tết Công đoàn", campaign.name, True),
        ("Phiên chợ", campaign.name, True),
        (standing.name, None, True),
    }
    response = client.get("/", HTTP_HOST=host(union))
    assert "Chưa có chuyên mục" not in response.text
    assert "Phiên chợ" in response.text
    column = ColumnPage.objects.child_of(union.home_page).get(column=market)
    page = client.get(column.get_url_parts()[2], HTTP_HOST=host(union))
    assert page.status_code == 200
    assert "Chuyên mục chưa có bài viết" in page.text
    # Run again: nothing doubles.
    assert ensure_campaign_columns(unions=[union], standing=True) == []


def test_a_campaign_the_centre_adds_reaches_every_active_union_only(client, network):
    column = ColumnFactory(name="Tháng Công nhân")
    resting = UnionFactory(name="Công đoàn Bộ Xây dựng", short_name="CĐ Xây dựng", slug="xd")
    set_union_active(resting, False)
    client.force_login(member(network.central.approvers_group, "trungtam"))
    today = timezone.localdate()
    response = client.post(
        reverse("wagtailsnippets_blog_campaign:add") + "?locale=vi",
        {
            "name": "Tháng Công nhân 2027",
            "slug": "",
            "start_date": (today + dt.timedelta(days=10)).isoformat(),
            "end_date": (today + dt.timedelta(days=40)).isoformat(),
            "slogan": "",
            "description": "",
            "hashtag": "",
            "columns": [column.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    for union in (network.central, network.a, network.b):
        assert ("Tháng Công nhân", "Tháng Công nhân 2027", True) in columns_of(union)
    assert ("Tháng Công nhân", "Tháng Công nhân 2027", True) not in columns_of(resting)

    set_union_active(resting, True)  # back online: it gets the campaign's column too
    assert ("Tháng Công nhân", "Tháng Công nhân 2027", True) in columns_of(resting)


def test_a_standing_column_the_centre_adds_reaches_every_active_union(client, network):
    client.force_login(member(network.central.approvers_group, "trungtam"))
    response = client.post(
        reverse("wagtailsnippets_blog_column:add") + "?locale=vi",
        {"name": "Diễn đàn đoàn viên", "slug": "", "description": "Ý kiến", "sort_order": 5},
    )
    assert response.status_code == 302, response.context["form"].errors
    for union in (network.central, network.a, network.b):
        assert ("Diễn đàn đoàn viên", None, True) in columns_of(union)


def test_an_ended_campaign_gives_no_columns(network):
    ended = CampaignFactory(name="Tết 2020")
    ended.columns.add(ColumnFactory(name="Xuân 2020"))
    assert ensure_campaign_columns(campaigns=[ended]) == []
