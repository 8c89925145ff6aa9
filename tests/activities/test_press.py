"""Press coverage: listed on the union's home and the campaign hub, counted in the union's
result report and the centre's dashboard like its own articles."""

import pytest
from wagtail.models import PageViewRestriction

from activities.factories import EventPageFactory, PressMentionPageFactory
from reports.dashboard import build_dashboard
from reports.figures import computed_figures
from tests.campaigns.conftest import make_hub
from tests.conftest import host
from tests.reports.conftest import make_template

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def coverage(network):
    column = network.columns["tu-phap"]
    return [
        publish(
            PressMentionPageFactory(
                parent=column,
                title="Công đoàn Bộ Tư pháp trao 500 suất quà Tết",
                outlet="Báo Lao Động",
                link="https://laodong.example/trao-qua.html",
            )
        ),
        publish(PressMentionPageFactory(parent=column, outlet="Báo Pháp luật")),
        publish(PressMentionPageFactory(parent=network.columns["noi-vu"], title="Nội vụ lên báo")),
    ]


def test_union_home_lists_its_press_coverage_linking_to_the_outlet(client, network, coverage):
    html = client.get("/", HTTP_HOST=host(network.a)).content.decode()
    section = html.split('id="press-heading"', 1)[1].split("</section>", 1)[0]
    assert "Công đoàn Bộ Tư pháp trao 500 suất quà Tết" in section
    assert 'href="https://laodong.example/trao-qua.html"' in section
    assert "Báo Lao Động" in section and "Báo Pháp luật" in section
    assert "Nội vụ lên báo" not in section


def test_campaign_hub_lists_every_unions_press_coverage(client, network, coverage):
    hub = make_hub(network.central.home_page, network.campaign)
    html = client.get(hub.url, HTTP_HOST=host(network.central)).content.decode()
    section = html.split('id="press-heading"', 1)[1].split("</section>", 1)[0]
    assert "Nội vụ lên báo" in section and "trao 500 suất quà Tết" in section
    assert network.b.name in section


def test_press_coverage_and_events_are_counted_in_the_report(network, coverage):
    publish(EventPageFactory(parent=network.columns["tu-phap"]))
    draft = PressMentionPageFactory(parent=network.columns["tu-phap"], live=False)
    private = publish(PressMentionPageFactory(parent=network.columns["tu-phap"]))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    figures = computed_figures(network.campaign, [network.a, network.b])
    assert figures[network.a.pk].press == 2  # not the draft, not the private one
    assert figures[network.b.pk].press == 1
    assert figures[network.a.pk].events == 1 and figures[network.b.pk].events == 0
    assert draft.pk  # (a draft exists and is not counted)

    make_template(network.campaign)
    board = build_dashboard(network.campaign)
    rows = {row.union.pk: row for row in board.rows}
    assert rows[network.a.pk].press == 2 and board.press_total == 3
    headers, lines, _total = board.export_table()
    column = headers.index("Báo chí viết về (tự động)")
    assert [line[column] for line in lines] == [rows[u.pk].press for u in (network.b, network.a)]


def test_the_report_screen_shows_the_counted_press_coverage(client, network, coverage):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    make_template(network.campaign)
    user = get_user_model().objects.create_user("duyet_bao", password="x")
    user.groups.add(network.a.approvers_group)
    client.force_login(user)
    url = reverse("campaign_reports:report", args=[network.campaign.pk, network.a.pk])
    html = client.get(url).content.decode()
    assert "Bài báo chí viết về công đoàn trong chương trình: <strong>2</strong>" in html
