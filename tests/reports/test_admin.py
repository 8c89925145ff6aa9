"""The report screens: filing and reviewing through the admin, validation, isolation."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from reports import services
from reports.models import CampaignReport, ReportEvent, ReportStatus

from .conftest import full_values

pytestmark = pytest.mark.django_db


def report_url(r, union, name="report"):
    return reverse(f"campaign_reports:{name}", args=[r.campaign.pk, union.pk])


def form_data(values, action="save", **extra):
    data = {f"fig_{k}": v for k, v in values.items()}
    data.update(narrative="Thăm 100 đoàn viên.", proposals="Tăng mức quà.", action=action)
    data.update(extra)
    return data


def test_approver_files_centre_returns_union_resubmits_centre_accepts(client, reports):
    r = reports
    url = report_url(r, r.n.a)
    client.force_login(r.approver_a)
    page = client.get(url)
    assert page.status_code == 200 and "Đoàn viên được thăm hỏi" in page.text
    values = {**full_values(), "gia-tri-qua": "40.000.000"}  # Vietnamese digit grouping
    assert client.post(url, form_data(values)).status_code == 302
    report = CampaignReport.objects.get()
    assert report.status == ReportStatus.DRAFT
    assert report.values["gia-tri-qua"] == 40_000_000
    assert client.post(url, form_data(values, action="submit")).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    client.force_login(r.central)
    page = client.get(url)
    assert "40.000.000" in page.text and "Duyệt báo cáo" in page.text
    review = report_url(r, r.n.a, "review")
    client.post(review, {"decision": "return", "comment": ""})  # a comment is required
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    client.post(review, {"decision": "return", "comment": "Thiếu ảnh hoạt động."})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    # The centre cannot edit the union's figures.
    assert client.post(url, form_data(full_values(9))).status_code == 403
    report.refresh_from_db()
    assert report.values["suat-qua"] == 80

    client.force_login(r.approver_a)
    page = client.get(url)
    assert "Thiếu ảnh hoạt động." in page.text and "Gửi lại báo cáo" in page.text
    client.post(url, form_data(full_values(2), action="submit"))
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.values["suat-qua"] == 160

    client.force_login(r.central)
    client.post(review, {"decision": "accept", "comment": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    assert [e.action for e in report.events.all()] == [
        "created",
        "saved",
        "submitted",
        "returned",
        "saved",
        "resubmitted",
        "accepted",
    ]
    assert "Lịch sử" in client.get(url).text


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("suat-qua", "-5", "không được âm"),
        ("suat-qua", "mười", "Nhập một số nguyên"),
        ("suat-qua", "12abc", "Nhập một số nguyên"),
        ("suat-qua", "1.5", "Nhập một số nguyên"),
        ("gia-tri-qua", str(10**12 + 1), "quá lớn"),
        ("doan-vien-duoc-tham", "9" * 40, "quá lớn"),
        ("doan-vien-duoc-tham", "", "bắt buộc"),
    ],
)
def test_bad_figures_give_form_errors_and_save_nothing(client, reports, field, value, message):
    r = reports
    client.force_login(r.approver_a)
    values = {**full_values(), field: value}
    for action in ("save", "submit"):
        if value == "" and action == "save":
            continue  # a draft may leave figures blank
        response = client.post(report_url(r, r.n.a), form_data(values, action=action))
        assert response.status_code == 200
        assert message in response.text
        assert "chưa được lưu" in response.text
    assert not CampaignReport.objects.exists() and not ReportEvent.objects.exists()


def test_other_unions_files_cannot_be_attached(client, reports):
    r = reports
    other = get_image_model().objects.create(
        title="Ảnh của Nội vụ", file=get_test_image_file(), collection=r.n.b.collection
    )
    client.force_login(r.approver_a)
    page = client.get(report_url(r, r.n.a))
    assert "Ảnh của Nội vụ" not in page.text
    response = client.post(report_url(r, r.n.a), form_data(full_values(), images=[other.pk]))
    assert response.status_code == 200
    assert not CampaignReport.objects.exists()


def test_union_a_can_never_reach_union_bs_report(client, reports):
    r = reports
    b = services.submit(
        services.save_draft(
            r.n.b, r.campaign, r.approver_b, values=full_values(), narrative="Bí mật B"
        ),
        r.approver_b,
    )
    services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values(5))
    b_url = report_url(r, r.n.b)
    for user in (r.approver_a, r.editor_a):
        client.force_login(user)
        assert client.get(b_url).status_code == 404
        assert client.post(b_url, form_data(full_values(9), action="submit")).status_code == 404
        assert client.get(report_url(r, r.n.b, "report_export")).status_code == 404
        assert (
            client.post(report_url(r, r.n.b, "review"), {"decision": "accept"}).status_code == 403
        )
        dashboard = reverse("campaign_reports:dashboard", args=[r.campaign.pk])
        assert client.get(dashboard).status_code == 403
        assert client.get(dashboard, {"format": "csv"}).status_code == 403
        index = client.get(reverse("campaign_reports:index"))
        assert b_url not in index.text and "Bí mật B" not in index.text
    b.refresh_from_db()
    assert b.status == ReportStatus.SUBMITTED and b.values == full_values()

    # Union A's approver lists and exports only their own report.
    client.force_login(r.approver_a)
    index = client.get(reverse("campaign_reports:index"))
    assert index.status_code == 200 and report_url(r, r.n.a) in index.text
    export = client.get(report_url(r, r.n.a, "report_export"))
    assert export.status_code == 200
    text = export.content.decode("utf-8-sig")
    assert r.n.a.name in text and r.n.b.name not in text and "500" in text

    # Editors see no report at all, not even their own union's, and no menu item.
    client.force_login(r.editor_a)
    assert client.get(reverse("campaign_reports:index")).status_code == 403
    assert client.get(report_url(r, r.n.a)).status_code == 404
    menu_link = reverse("campaign_reports:index")  # the sidebar menu is JSON in the page
    assert menu_link not in client.get("/admin/").text
    client.force_login(r.approver_a)
    assert menu_link in client.get("/admin/").text


def test_centre_sees_every_report_but_not_drafts_figures(client, reports):
    r = reports
    services.save_draft(r.n.a, r.campaign, r.approver_a, values={"suat-qua": 777})
    services.submit(
        services.save_draft(r.n.b, r.campaign, r.approver_b, values=full_values(3)), r.approver_b
    )
    client.force_login(r.central)
    index = client.get(reverse("campaign_reports:index"))
    assert reverse("campaign_reports:dashboard", args=[r.campaign.pk]) in index.text
    dashboard = client.get(reverse("campaign_reports:dashboard", args=[r.campaign.pk]))
    assert report_url(r, r.n.a) in dashboard.text and report_url(r, r.n.b) in dashboard.text
    assert "777" not in dashboard.text and "240" in dashboard.text
    assert "777" not in client.get(report_url(r, r.n.a)).text
    assert client.get(report_url(r, r.n.b)).status_code == 200


def test_history_names_the_figures_and_the_form_shows_grouped_amounts(client, reports):
    r = reports
    url = report_url(r, r.n.a)
    client.force_login(r.approver_a)
    client.post(url, form_data(full_values()))
    client.post(url, form_data({**full_values(), "suat-qua": 95}))

    page = client.get(url)
    history = page.context["history"]
    assert [event.action for event, _ in history] == ["created", "saved"]
    assert history[1][1] == [("Suất quà", 80, 95)]
    html = page.text
    assert "Suất quà: 80 → 95" in html
    assert "suat-qua: " not in html  # labels, not the figure codes
    assert 'value="40.000.000"' in html  # the saved amount, grouped as it is read
    # Re-saving the form as shown keeps the same amount.
    client.post(url, form_data({**full_values(), "suat-qua": 95, "gia-tri-qua": "40.000.000"}))
    assert CampaignReport.objects.get().values["gia-tri-qua"] == 40_000_000


def test_admin_never_asks_gravatar_for_avatars(client, reports):
    client.force_login(reports.approver_a)
    page = client.get(report_url(reports, reports.n.a))
    assert page.status_code == 200
    assert "gravatar.com" not in page.text
