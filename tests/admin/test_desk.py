"""The central department's desk on its admin home: union articles new since its last visit,
per union and per campaign, and the campaign's articles per day per union; a union's users
see none of it."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blog.factories import ArticlePageFactory, ColumnPageFactory
from blog.models import ArticlePage
from centre.factories import UnionFactory
from centre.models import DeskVisit
from centre.panels import NetworkActivityPanel
from tests.users import member

pytestmark = pytest.mark.django_db


def publish(column, title, *, at, date=dt.date(2024, 1, 20)):
    page = ArticlePageFactory(parent=column, title=title, date=date)
    ArticlePage.objects.filter(pk=page.pk).update(first_published_at=at)
    return page


def panel(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def centre_user(network):
    return member(network.central.approvers_group, "tg_desk")


def test_the_desk_counts_union_articles_new_since_the_last_visit(client, network, centre_user):
    now = timezone.now()
    last_visit = now - dt.timedelta(days=2)
    DeskVisit.objects.create(user=centre_user, last_seen_at=last_visit)
    publish(network.columns["tu-phap"], "Cũ của Tư pháp", at=last_visit - dt.timedelta(hours=1))
    publish(network.columns["tu-phap"], "Mới 1", at=now - dt.timedelta(hours=5))
    publish(network.columns["tu-phap"], "Mới 2", at=now - dt.timedelta(hours=4))
    publish(network.columns["noi-vu"], "Mới 3", at=now - dt.timedelta(hours=3))
    publish(network.columns["trung-uong"], "Của trung ương", at=now - dt.timedelta(hours=3))

    client.force_login(centre_user)
    html = panel(client.get(reverse("wagtailadmin_home")).content.decode(), "activity-heading")
    assert "3 bài mới từ lần xem trước" in html  # the central site's own is not a union's
    assert timezone.localtime(last_visit).strftime("%H:%M %d/%m/%Y") in html
    tu_phap = html[html.index(network.a.name) :]
    assert tu_phap.split("</li>")[0].count("<strong>2</strong>") == 1
    assert f"{network.campaign.name}: <strong>3</strong>" in html
    assert "?union=tu-phap" in html

    # Back within the same visit: counted from the same moment, not from a minute ago.
    html = panel(client.get(reverse("wagtailadmin_home")).content.decode(), "activity-heading")
    assert "3 bài mới từ lần xem trước" in html
    # A later visit counts from this one.
    DeskVisit.objects.filter(user=centre_user).update(last_seen_at=now - dt.timedelta(hours=1))
    html = panel(client.get(reverse("wagtailadmin_home")).content.decode(), "activity-heading")
    assert "0 bài mới từ lần xem trước" in html


def test_the_activity_chart_draws_each_unions_articles_per_day(client, network, centre_user):
    at = timezone.now()
    publish(network.columns["tu-phap"], "Ngày 5", at=at, date=dt.date(2024, 1, 5))
    publish(network.columns["tu-phap"], "Ngày 5 nữa", at=at, date=dt.date(2024, 1, 5))
    publish(network.columns["noi-vu"], "Ngày 9", at=at, date=dt.date(2024, 1, 9))
    client.force_login(centre_user)
    html = panel(client.get(reverse("wagtailadmin_home")).content.decode(), "activity-heading")
    assert "<svg" in html and network.campaign.name in html
    assert f"<title>{network.a.short_name}, 05/01/2024: 2</title>" in html
    assert f"<title>{network.b.short_name}, 09/01/2024: 1</title>" in html
    assert "06/01/2024" not in html  # no article that day: no cell


def test_unions_see_no_desk_of_the_network(client, network):
    publish(network.columns["noi-vu"], "Tin riêng của Nội vụ", at=timezone.now())
    for user in (
        member(network.a.approvers_group, "ap_a_desk"),
        member(network.a.editors_group, "ed_a_desk"),
    ):
        client.force_login(user)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert 'id="activity-heading"' not in html
        assert network.b.name not in html and "Tin riêng của Nội vụ" not in html


def test_the_desk_runs_the_same_queries_for_more_unions_and_articles(network, centre_user):
    def render():
        with CaptureQueriesContext(connection) as queries:
            html = NetworkActivityPanel(centre_user).render_html({})
        return html, len(queries)

    publish(network.columns["tu-phap"], "Một", at=timezone.now())
    render()  # the first visit is recorded
    _html, small = render()
    extra = UnionFactory(slug="them-mot")
    column = ColumnPageFactory(
        parent=extra.home_page, column=network.column, campaign=network.campaign
    )
    publish(column, "Của đơn vị mới", at=timezone.now())
    for n in range(4):
        day = dt.date(2024, 1, n + 2)
        publish(network.columns["noi-vu"], f"Thêm {n}", at=timezone.now(), date=day)
    html, large = render()
    assert extra.name in html and "6 bài mới" in html
    assert large == small


def test_a_unions_editor_sees_their_articles_waiting_for_approval(client, network):
    editor = member(network.a.editors_group, "ed_a_wait")
    page = ArticlePageFactory(
        parent=network.columns["tu-phap"], title="Bài chờ duyệt của Tư pháp", live=False
    )
    page.owner = editor
    page.save()
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client.force_login(editor)
    assert "Bài chờ duyệt của Tư pháp" in client.get(reverse("wagtailadmin_home")).text
    # Their union's approvers see it to review; another union's people never.
    client.force_login(member(network.a.approvers_group, "ap_a_wait"))
    assert "Bài chờ duyệt của Tư pháp" in client.get(reverse("wagtailadmin_home")).text
    client.force_login(member(network.b.approvers_group, "ap_b_wait"))
    assert "Bài chờ duyệt của Tư pháp" not in client.get(reverse("wagtailadmin_home")).text
