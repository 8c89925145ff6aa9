"""Proposals for the central home's Tiêu điểm: a union's approver proposes one of its
published articles with a line of why; the central department accepts it (the article goes
first in Tiêu điểm, the home page is republished by the service) or declines it, in one action.
The proposer and the union's approvers hear back by e-mail."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from blog.listing import visible
from blog.models import ArticlePage
from sites.models import Union

from .models import (
    CentralHomePage,
    FeaturedArticle,
    FeatureProposal,
    ProposalStatus,
)

MAX_FEATURED = 6


def central_home():
    union = Union.objects.filter(is_central=True).select_related("site").first()
    if union is None:
        return None
    return CentralHomePage.objects.filter(pk=union.site.root_page_id).first()


def owning_union(article):
    """The active subordinate union whose site holds the article, or None."""
    for union in Union.objects.filter(is_central=False, is_active=True).select_related(
        "site__root_page"
    ):
        if article.path.startswith(union.site.root_page.path):
            return union
    return None


def can_propose(user, article):
    union = owning_union(article)
    if union is None or not (user.is_active and union.approvers_group_id):
        return False
    return user.groups.filter(pk=union.approvers_group_id).exists()


def can_decide(user):
    """Who may change the central home's Tiêu điểm: those who may publish the central home."""
    home = central_home()
    return bool(home and user.is_active and home.permissions_for_user(user).can_publish())


def propose(article, user, reason):
    reason = (reason or "").strip()
    if not can_propose(user, article):
        raise PermissionDenied(_("Chỉ người duyệt bài của công đoàn được đề xuất bài của mình."))
    if not reason:
        raise ValidationError({"reason": _("Viết một dòng vì sao bài nên lên Tiêu điểm.")})
    if not visible(ArticlePage.objects.filter(pk=article.pk)).exists():
        raise ValidationError(_("Chỉ đề xuất được bài đã đăng công khai."))
    if FeaturedArticle.objects.filter(article=article).exists():
        raise ValidationError(_("Bài này đang ở Tiêu điểm."))
    if FeatureProposal.objects.filter(article=article, status=ProposalStatus.PENDING).exists():
        raise ValidationError(_("Bài này đã được đề xuất và đang chờ Ban xem xét."))
    return FeatureProposal.objects.create(
        article=article, union=owning_union(article), reason=reason, proposed_by=user
    )


def decide(proposal, user, accept, answer=""):
    """Accept (the article goes first in Tiêu điểm) or decline a pending proposal."""
    if not can_decide(user):
        raise PermissionDenied(_("Chỉ Ban Tuyên giáo - Nữ công chọn bài Tiêu điểm."))
    with transaction.atomic():
        proposal = FeatureProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposalStatus.PENDING:
            raise ValidationError(_("Đề xuất này đã được xem xét."))
        proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.DECLINED
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.answer = (answer or "").strip()[:300]
        proposal.save()
        if accept:
            feature_article(proposal.article, user)
        transaction.on_commit(lambda: notify_decision(proposal), robust=True)
    return proposal


def _with_featured(page, article):
    """`page`'s Tiêu điểm with `article` first (the oldest dropped beyond six)."""
    kept = [f.article_id for f in page.featured_articles.all() if f.article_id != article.pk]
    page.featured_articles = [
        FeaturedArticle(article_id=pk, sort_order=order)
        for order, pk in enumerate([article.pk, *kept][:MAX_FEATURED])
    ]
    return page


def feature_article(article, user):
    """Put `article` first in the central home's Tiêu điểm and publish that, without touching
    the home's other fields. A draft of the home in progress keeps its changes (and gets the
    article too): the live version is published, then the draft saved again on top."""
    home = central_home()
    if home is None:
        raise ValidationError(_("Mạng chưa có trang trung tâm."))
    draft = home.get_latest_revision_as_object() if home.has_unpublished_changes else None
    live = _with_featured(home.specific, article)
    live.save_revision(user=user, log_action=True).publish(user=user)
    if draft is not None:
        _with_featured(draft, article).save_revision(user=user, log_action=True)


def notify_decision(proposal):
    """E-mail the proposer and the union's approvers (active, with an address)."""
    people = get_user_model().objects.filter(is_active=True).exclude(email="")
    addresses = set(
        people.filter(groups__pk=proposal.union.approvers_group_id).values_list("email", flat=True)
    )
    if proposal.proposed_by_id:
        addresses |= set(people.filter(pk=proposal.proposed_by_id).values_list("email", flat=True))
    if not addresses:
        return
    values = {
        "title": proposal.article.title,
        "answer": proposal.answer,
        "url": settings.WAGTAILADMIN_BASE_URL
        + reverse("wagtailadmin_pages:edit", args=(proposal.article_id,)),
    }
    if proposal.status == ProposalStatus.ACCEPTED:
        subject = _("[Tiêu điểm] Bài “%(title)s” đã lên Tiêu điểm trang trung tâm") % values
        body = _("Ban Tuyên giáo - Nữ công đã đưa bài “%(title)s” lên Tiêu điểm.\n")
    else:
        subject = _("[Tiêu điểm] Đề xuất bài “%(title)s” chưa được chọn") % values
        body = _("Ban Tuyên giáo - Nữ công chưa chọn bài “%(title)s” cho Tiêu điểm.\n")
    if proposal.answer:
        body += _("Ý kiến: %(answer)s\n")
    body += "\n%(url)s\n"
    send_mass_mail(
        [
            (subject, body % values, settings.DEFAULT_FROM_EMAIL, [address])
            for address in sorted(addresses)
        ],
        fail_silently=True,
    )


def unions_recent_proposals(unions, days=90):
    """The proposals of `unions` (a union's own people) made in the last `days`, newest first."""
    since = timezone.now() - dt.timedelta(days=days)
    return list(
        FeatureProposal.objects.filter(union__in=unions, proposed_at__gte=since)
        .select_related("article", "union")
        .order_by("-proposed_at", "-pk")
    )


def pending_proposals():
    return list(
        FeatureProposal.objects.filter(status=ProposalStatus.PENDING)
        .select_related("article", "union")
        .order_by("proposed_at")
    )
