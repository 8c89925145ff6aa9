"""Report lifecycle through the services: states, history, permissions, totals, missing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from centre.factories import UnionFactory
from centre.services import set_union_active
from reports import services
from reports.models import CampaignReport, ReportEvent, ReportStatus

from .conftest import full_values

pytestmark = pytest.mark.django_db
A = ReportEvent.Action


def test_full_lifecycle_keeps_history(reports):
    r = reports
    report = services.save_draft(
        r.n.a, r.campaign, r.approver_a, values={"suat-qua": 10}, narrative="Bản nháp"
    )
    assert report.status == ReportStatus.DRAFT
    with pytest.raises(ValidationError) as error:  # required figures missing
        services.submit(report, r.approver_a)
    assert "doan-vien-duoc-tham" in error.value.message_dict
    assert CampaignReport.objects.get().status == ReportStatus.DRAFT

    report = services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values())
    report = services.submit(report, r.approver_a)
    assert report.status == ReportStatus.SUBMITTED and report.submitted_at
    with pytest.raises(ValidationError):  # a submitted report cannot be edited
        services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values(2))

    with pytest.raises(ValidationError) as error:
        services.return_with_comment(report, r.central, "  ")
    assert "comment" in error.value.message_dict
    report = services.return_with_comment(report, r.central, "Bổ sung số suất quà.")
    assert report.status == ReportStatus.RETURNED
    assert report.central_comment == "Bổ sung số suất quà."
    assert report.reviewed_by == r.central

    report = services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values(2))
    assert report.status == ReportStatus.RETURNED  # stays returned until resubmitted
    with pytest.raises(ValidationError):
        services.submit(report, r.approver_a)  # returned reports are resubmitted
    report = services.resubmit(report, r.approver_a)
    assert report.status == ReportStatus.SUBMITTED
    report = services.accept(report, r.central)
    assert report.status == ReportStatus.ACCEPTED
    with pytest.raises(ValidationError):
        services.accept(report, r.central)

    events = list(report.events.values_list("action", "from_status", "to_status", "user__username"))
    assert events == [
        (A.CREATED, "draft", "draft", "duyet-a"),
        (A.SAVED, "draft", "draft", "duyet-a"),
        (A.SUBMITTED, "draft", "submitted", "duyet-a"),
        (A.RETURNED, "submitted", "returned", "trung-uong"),
        (A.SAVED, "returned", "returned", "duyet-a"),
        (A.RESUBMITTED, "returned", "submitted", "duyet-a"),
        (A.ACCEPTED, "submitted", "accepted", "trung-uong"),
    ]
    second_save = report.events.filter(action=A.SAVED).first()
    assert second_save.changes["suat-qua"] == [10, 80]
    assert second_save.changes["narrative"] == ["Bản nháp", ""]
    assert report.events.get(action=A.RETURNED).comment == "Bổ sung số suất quà."


def test_only_the_unions_approvers_file_and_only_the_centre_reviews(reports):
    r = reports
    for user in (r.approver_b, r.editor_a, r.central):
        with pytest.raises(PermissionDenied):
            services.save_draft(r.n.a, r.campaign, user, values=full_values())
    assert not CampaignReport.objects.exists()
    report = services.submit(
        services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values()), r.approver_a
    )
    for user in (r.approver_a, r.approver_b, r.editor_a):
        with pytest.raises(PermissionDenied):
            services.accept(report, user)
    services.accept(report, r.network_admin)  # network administrators review too
    assert CampaignReport.objects.get().status == ReportStatus.ACCEPTED


def test_invalid_values_are_refused_with_nothing_saved(reports):
    r = reports
    for values in (
        {"suat-qua": -1},
        {"suat-qua": "12"},
        {"suat-qua": 1.5},
        {"suat-qua": True},
        {"gia-tri-qua": 10**12 + 1},
        {"doan-vien-duoc-tham": 10**9 + 1},
        {"khong-co": 3},
    ):
        with pytest.raises(ValidationError):
            services.save_draft(r.n.a, r.campaign, r.approver_a, values=values)
    assert not CampaignReport.objects.exists() and not ReportEvent.objects.exists()


def test_attachments_only_from_the_unions_collection(reports):
    r = reports
    Image = get_image_model()
    own = Image.objects.create(
        title="Ảnh A", file=get_test_image_file(), collection=r.n.a.collection
    )
    other = Image.objects.create(
        title="Ảnh B", file=get_test_image_file(), collection=r.n.b.collection
    )
    with pytest.raises(ValidationError):
        services.save_draft(r.n.a, r.campaign, r.approver_a, values={}, images=[own, other])
    assert not CampaignReport.objects.exists()
    report = services.save_draft(r.n.a, r.campaign, r.approver_a, values={}, images=[own])
    assert list(report.images.all()) == [own]


def test_accepted_totals_and_missing_reports(reports):
    r = reports
    union_c = UnionFactory()
    c_approver = type(r.approver_a).objects.create_user("duyet-c")
    c_approver.groups.add(union_c.approvers_group)
    inactive = UnionFactory()
    set_union_active(inactive, False)

    a = services.submit(
        services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values(1)), r.approver_a
    )
    b = services.submit(
        services.save_draft(r.n.b, r.campaign, r.approver_b, values=full_values(3)), r.approver_b
    )
    services.save_draft(union_c, r.campaign, c_approver, values=full_values(7))  # draft only
    assert services.missing_reports(r.campaign) == [union_c]
    assert [t for _f, t in services.accepted_totals(r.campaign)] == [0, 0, 0, 0]

    services.accept(a, r.central)
    services.accept(b, r.central)
    totals = {f.key: t for f, t in services.accepted_totals(r.campaign)}
    assert totals == {k: v * 4 for k, v in full_values(1).items()}  # 1x + 3x
    services.return_with_comment(b, r.central, "Số liệu chưa khớp.")
    totals = {f.key: t for f, t in services.accepted_totals(r.campaign)}
    assert totals == full_values(1)
    assert services.missing_reports(r.campaign) == sorted([r.n.b, union_c], key=lambda u: u.name)
