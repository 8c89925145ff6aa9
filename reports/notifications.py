"""E-mails on a result report's way: submitted (to the centre's reviewers), returned with the
centre's comment (to that union's approvers), accepted (to that union's approvers and editors).
Sent once the change is committed, to active accounts with an address, never to another
union's people."""

import threading
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import ReportEvent

Action = ReportEvent.Action
_quiet = threading.local()


@contextmanager
def notifications_off():
    """No report e-mail for what happens inside (the demo loader replays a finished round)."""
    _quiet.on = True
    try:
        yield
    finally:
        _quiet.on = False


def reviewers():
    """Active accounts that review reports (the central department, network administrators):
    the permission given to one of their groups or to them."""
    permission = Permission.objects.filter(
        content_type__app_label="reports", codename="review_report"
    ).first()
    if permission is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(
        Q(groups__permissions=permission) | Q(user_permissions=permission), is_active=True
    )


def union_people(union, *, editors=False):
    groups = [union.approvers_group_id] + ([union.editors_group_id] if editors else [])
    return get_user_model().objects.filter(groups__pk__in=[g for g in groups if g], is_active=True)


def recipients(report, action):
    if action in (Action.SUBMITTED, Action.RESUBMITTED):
        users = reviewers()
    elif action == Action.RETURNED:
        users = union_people(report.union)
    elif action == Action.ACCEPTED:
        users = union_people(report.union, editors=True)
    else:
        return []
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def message(report, action, comment=""):
    """(subject, body) of the e-mail for `action` on `report`."""
    values = {
        "union": report.union.name,
        "short": report.union.short_name,
        "campaign": report.campaign.name,
        "comment": comment,
        "url": settings.WAGTAILADMIN_BASE_URL
        + reverse("campaign_reports:report", args=(report.campaign_id, report.union_id)),
    }
    if action in (Action.SUBMITTED, Action.RESUBMITTED):
        subject = _("[Báo cáo] %(short)s đã gửi báo cáo “%(campaign)s”") % values
        body = _(
            "%(union)s đã gửi báo cáo kết quả chương trình “%(campaign)s” và chờ Ban xem "
            "xét.\n\nXem, duyệt hoặc trả lại báo cáo tại:\n%(url)s\n"
        )
    elif action == Action.RETURNED:
        subject = _("[Báo cáo] Báo cáo “%(campaign)s” được trả lại để bổ sung") % values
        body = _(
            "Báo cáo kết quả chương trình “%(campaign)s” của %(union)s được trả lại với ý "
            "kiến:\n\n%(comment)s\n\nBổ sung và gửi lại tại:\n%(url)s\n"
        )
    else:
        subject = _("[Báo cáo] Báo cáo “%(campaign)s” đã được tiếp nhận") % values
        body = _(
            "Báo cáo kết quả chương trình “%(campaign)s” của %(union)s đã được tiếp nhận; "
            "số liệu được cộng vào tổng hợp toàn mạng.\n%(comment_line)s\nXem báo cáo tại:\n"
            "%(url)s\n"
        )
        values["comment_line"] = _("Ý kiến: %(comment)s\n") % values if comment else ""
    return subject, body % values


def notify_report_event(report, action, comment=""):
    """Send the e-mail for `action` once the transaction commits (nothing if it rolls back).
    One message per recipient: nobody sees the others' addresses."""
    if getattr(_quiet, "on", False):
        return

    def send():
        addresses = recipients(report, action)
        if not addresses:
            return
        subject, body = message(report, action, comment)
        send_mass_mail(
            [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses],
            fail_silently=True,
        )

    transaction.on_commit(send, robust=True)
