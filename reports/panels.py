"""Admin home panels about result reports: the centre sees what waits for its review and who
is late; a union's approvers and editors see their own report's status, deadline and the
centre's last comment. A fixed number of queries; a union sees only its own reports."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from sites.permissions import user_unions

from .models import CampaignReport, ReportStatus, ReportTemplate
from .permissions import can_review, filing_unions
from .services import reporting_unions

# A round whose deadline passed longer ago is history, unless a report of it still waits.
RECENT_DAYS = 120


@dataclass
class OwnReport:
    union: object
    template: object
    report: object  # CampaignReport or None
    url: str | None  # only for those who may open it (the union's approvers)

    @property
    def status_label(self):
        return self.report.get_status_display() if self.report else _("Chưa lập")

    @property
    def late(self):
        done = self.report and self.report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)
        return not done and self.template.is_overdue()


@dataclass
class CampaignDesk:
    template: object
    waiting: list  # submitted reports
    missing: int  # active unions with nothing submitted or accepted
    dashboard_url: str


def current_templates(still_open, today=None):
    """Report templates of rounds under way (deadline not long past) or with a report in
    `still_open` (a Q on the campaign's reports: waiting for the centre, or for the union)."""
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=RECENT_DAYS)
    ids = ReportTemplate.objects.filter(Q(deadline__gte=since) | still_open).values("pk")
    return list(
        ReportTemplate.objects.filter(pk__in=ids).select_related("campaign").order_by("deadline")
    )


class ReportsPanel(Component):
    name = "result_reports"
    order = 60
    template_name = "reports/admin/home_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        if can_review(self.user):
            return {
                "is_centre": True,
                "centre": self.centre_desk(),
                "index_url": reverse("campaign_reports:index"),
            }
        return {"own": self.own_reports()}

    def centre_desk(self):
        templates = current_templates(Q(campaign__reports__status=ReportStatus.SUBMITTED))
        if not templates:
            return []
        campaign_ids = [t.campaign_id for t in templates]
        waiting = CampaignReport.objects.filter(
            campaign_id__in=campaign_ids, status=ReportStatus.SUBMITTED
        ).select_related("union")
        by_campaign = {}
        for report in waiting.order_by("submitted_at"):
            by_campaign.setdefault(report.campaign_id, []).append(report)
        unions = reporting_unions()
        filed = dict(
            CampaignReport.objects.filter(
                campaign_id__in=campaign_ids,
                status__in=(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED),
                union__in=unions,
            )
            .order_by()
            .values_list("campaign_id")
            .annotate(n=Count("pk"))
        )
        total = unions.count()
        return [
            CampaignDesk(
                template=t,
                waiting=by_campaign.get(t.campaign_id, []),
                missing=total - filed.get(t.campaign_id, 0),
                dashboard_url=reverse("campaign_reports:dashboard", args=(t.campaign_id,)),
            )
            for t in templates
        ]

    def own_reports(self):
        unions = [u for u in user_unions(self.user) if not u.is_central and u.is_active]
        if not unions:
            return []
        templates = current_templates(
            Q(
                campaign__reports__union__in=unions,
                campaign__reports__status__in=(ReportStatus.DRAFT, ReportStatus.RETURNED),
            )
        )
        may_file = {u.pk for u in filing_unions(self.user)}
        reports = {
            (r.union_id, r.campaign_id): r
            for r in CampaignReport.objects.filter(
                Q(union__in=unions), campaign_id__in=[t.campaign_id for t in templates]
            )
        }
        return [
            OwnReport(
                union=union,
                template=t,
                report=reports.get((union.pk, t.campaign_id)),
                url=reverse("campaign_reports:report", args=(t.campaign_id, union.pk))
                if union.pk in may_file
                else None,
            )
            for union in unions
            for t in templates
        ]
