"""E-mails the network sends on its own (Wagtail's workflow e-mails cover approvals)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from sites.network import get_network
from sites.permissions import user_unions


def notify_takedown(page, by, reason=""):
    """Tell a union's approvers when someone outside the union unpublished one of its pages."""
    site = get_network().site_for_path(page.path)
    if site is None or any(u.pk == site.union_id for u in user_unions(by)):
        return 0
    recipients = list(
        get_user_model()
        .objects.filter(groups__union_as_approvers__pk=site.union_id, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return 0
    who = by.get_full_name() or by.get_username()
    subject = _("[%(union)s] Trang “%(title)s” đã bị gỡ xuất bản") % {
        "union": site.short_name,
        "title": page.title,
    }
    body = _(
        "%(who)s đã gỡ xuất bản trang “%(title)s” của %(union)s.\n\n"
        "%(reason)s"
        "Trang vẫn được giữ nguyên trong hệ thống, chỉ không còn hiển thị với bạn đọc. "
        "Xem lịch sử và xuất bản lại (nếu phù hợp) tại:\n%(url)s\n"
    ) % {
        "who": who,
        "title": page.title,
        "union": site.name,
        "reason": _("Lý do: %(reason)s\n\n") % {"reason": reason} if reason else "",
        "url": settings.WAGTAILADMIN_BASE_URL
        + reverse("wagtailadmin_pages:history", args=(page.pk,)),
    }
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
