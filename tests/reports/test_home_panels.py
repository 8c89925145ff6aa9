"""The admin home shows where result reports stand: to the centre, what waits for it and who is
missing; to a union's approvers and editors, their own report only."""

import datetime as dt

import pytest
from django.utils import timezone

from reports import services
from tests.reports.conftest import full_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_under_way(reports):
    r = reports
    r.template.deadline = timezone.localdate() + dt.timedelta(days=10)
    r.template.save()
    report_a = services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values())
    services.submit(report_a, r.approver_a)
    report_b = services.save_draft(r.n.b, r.campaign, r.approver_b, values=full_values(2))
    report_b = services.submit(report_b, r.approver_b)
    services.return_with_comment(report_b, r.central, "Thiếu ảnh phiên chợ Nội vụ.")
    return r


def home(client, user):
    client.force_login(user)
    return client.get("/admin/").content.decode()


def test_the_centre_sees_reports_waiting_and_unions_missing(client, round_under_way):
    r = round_under_way
    html = home(client, r.central)
    panel = html[html.index('id="reports-desk-heading"') :]
    assert r.campaign.name in panel
    assert f"{r.n.a.name}</a> — gửi lúc" in panel  # A's report waits for review
    assert "1 công đoàn chưa gửi." in panel  # B was returned: not filed
    assert "/admin/bao-cao-ket-qua/" in panel


def test_a_unions_approver_sees_its_own_report_and_the_centres_comment(client, round_under_way):
    r = round_under_way
    html = home(client, r.approver_b)
    panel = html[html.index('id="reports-own-heading"') :]
    assert "Trả lại" in panel and "Thiếu ảnh phiên chợ Nội vụ." in panel
    assert "Bổ sung và gửi lại" in panel
    assert r.n.a.name not in panel and "reports-desk-heading" not in html
    html_a = home(client, r.approver_a)
    assert "Thiếu ảnh phiên chợ Nội vụ." not in html_a  # never another union's comment
    assert "Đã gửi" in html_a[html_a.index('id="reports-own-heading"') :]


def test_a_unions_editor_sees_the_status_without_a_link_to_the_form(client, round_under_way):
    r = round_under_way
    html = home(client, r.editor_a)
    panel = html[html.index('id="reports-own-heading"') :]
    panel = panel[: panel.index("</section>")]
    assert r.campaign.name in panel and "Hạn gửi" in panel
    assert "/admin/bao-cao-ket-qua/" not in panel


def test_an_old_settled_round_leaves_the_home_quiet(client, reports):
    r = reports  # deadline 15/03/2024, nothing waiting
    html = home(client, r.central)
    panel = html[html.index('id="reports-desk-heading"') :]
    panel = panel[: panel.index("</section>")]
    assert "Không có đợt báo cáo nào đang mở" in panel and r.campaign.name not in panel
    assert "reports-own-heading" not in home(client, r.approver_a)
