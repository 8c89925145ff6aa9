"""E-mails on a report's way: who receives each, and that another union's people never do."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from reports import services
from tests.reports.conftest import full_values

pytestmark = pytest.mark.django_db


def addresses():
    return sorted(address for message in mail.outbox for address in message.to)


def file_report(r, django_capture_on_commit_callbacks):
    report = services.save_draft(r.n.a, r.campaign, r.approver_a, values=full_values())
    with django_capture_on_commit_callbacks(execute=True):
        return services.submit(report, r.approver_a)


def test_a_submitted_report_is_announced_to_the_centres_reviewers_only(
    reports, django_capture_on_commit_callbacks
):
    r = reports
    mail.outbox.clear()
    file_report(r, django_capture_on_commit_callbacks)
    # The central department and the network administrators review; nobody of either union.
    assert addresses() == ["quantri@example.vn", "trung-uong@example.vn"]
    message = mail.outbox[0]
    assert r.n.a.short_name in message.subject and r.campaign.name in message.subject
    link = reverse("campaign_reports:report", args=(r.campaign.pk, r.n.a.pk))
    assert f"http://testserver{link}" in message.body
    assert all(len(m.to) == 1 for m in mail.outbox)  # nobody sees the others' addresses


def test_a_returned_report_goes_to_that_unions_approvers_with_the_comment(
    reports, django_capture_on_commit_callbacks
):
    r = reports
    report = file_report(r, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.return_with_comment(report, r.central, "Bổ sung ảnh phiên chợ Tết.")
    assert addresses() == ["duyet-a@example.vn"]  # not B's approver, not A's editor
    assert "Bổ sung ảnh phiên chợ Tết." in mail.outbox[0].body
    assert "trả lại" in mail.outbox[0].subject


def test_an_accepted_report_goes_to_that_union_approvers_and_editors(
    reports, django_capture_on_commit_callbacks
):
    r = reports
    report = file_report(r, django_capture_on_commit_callbacks)
    inactive = get_user_model().objects.create_user("nghi", "nghi@example.vn", "x")
    inactive.groups.add(r.n.a.editors_group)
    inactive.is_active = False
    inactive.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(report, r.central, "Tốt.")
    assert addresses() == ["bientap-a@example.vn", "duyet-a@example.vn"]
    assert "tiếp nhận" in mail.outbox[0].subject and "Tốt." in mail.outbox[0].body


def test_a_refused_action_sends_nothing(reports, django_capture_on_commit_callbacks):
    r = reports
    report = services.save_draft(r.n.a, r.campaign, r.approver_a, values={})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        services.submit(report, r.approver_a)  # required figures missing
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        services.submit(report, r.approver_b)  # another union's approver
    assert mail.outbox == []
