"""Scheduled work runs: a page scheduled in the past goes live, an expired one goes offline,
and the daily reminders reach the approvers of unions that have not reported."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage
from tests.reports.conftest import make_template
from tests.users import member

pytestmark = pytest.mark.django_db


def run_once(*extra):
    call_command("run_scheduler", "--once", *extra)


def test_a_page_scheduled_in_the_past_goes_live_when_the_runner_runs(network):
    page = ArticlePageFactory(parent=network.columns["tu-phap"], title="Hẹn giờ", live=False)
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save()
    page.refresh_from_db()
    assert not page.live
    run_once("--no-reminders")
    page.refresh_from_db()
    assert page.live


def test_a_page_past_its_expiry_goes_offline(network):
    page = ArticlePageFactory(parent=network.columns["tu-phap"], title="Hết hạn")
    ArticlePage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    run_once("--no-reminders")
    page.refresh_from_db()
    assert not page.live and page.expired


def test_the_daily_run_reminds_the_unions_that_have_not_reported(network):
    make_template(network.campaign, deadline=timezone.localdate() + dt.timedelta(days=2))
    member(network.a.approvers_group, "duyet_nhac_a")
    member(network.b.approvers_group, "duyet_nhac_b")
    mail.outbox.clear()
    run_once()
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {"duyet_nhac_a@example.vn", "duyet_nhac_b@example.vn"}
    assert all(network.campaign.name in message.subject for message in mail.outbox)


def test_no_reminder_for_a_round_long_over(network):
    make_template(network.campaign, deadline=timezone.localdate() - dt.timedelta(days=90))
    member(network.a.approvers_group, "duyet_cu")
    mail.outbox.clear()
    run_once()
    assert mail.outbox == []
