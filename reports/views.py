"""Result reports in the admin ("Báo cáo kết quả").

Union approvers see and file their own union's reports; the central department sees every
report, accepts or returns it, and reads the dashboard and its exports. Anybody else, and
any URL naming another union's report, gets 403 or 404 with nothing changed.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sites.admin_isolation import permission_denied
from sites.models import Union

from . import services
from .consolidated import consolidated_docx
from .dashboard import STATUS_FILTERS, build_dashboard, export_csv, export_xlsx
from .figures import computed_figures
from .forms import ReportForm, ReviewForm
from .models import CampaignReport, ReportStatus, ReportTemplate
from .permissions import can_file, can_review, can_see_reports, filing_unions


def _template_or_404(campaign_id):
    return get_object_or_404(
        ReportTemplate.objects.select_related("campaign").prefetch_related("figures"),
        campaign_id=campaign_id,
    )


def index(request):
    if not can_see_reports(request.user):
        return permission_denied(request)
    templates = list(ReportTemplate.objects.select_related("campaign").order_by("-deadline"))
    context = {"templates": templates, "is_reviewer": can_review(request.user)}
    if context["is_reviewer"]:
        counts = {
            row["campaign_id"]: row
            for row in CampaignReport.objects.values("campaign_id").annotate(
                accepted=Count("pk", filter=Q(status=ReportStatus.ACCEPTED)),
                waiting=Count("pk", filter=Q(status=ReportStatus.SUBMITTED)),
                filed=Count(
                    "pk", filter=Q(status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED])
                ),
            )
        }
        expected = services.reporting_unions().count()
        context["campaigns"] = [
            (
                t,
                counts.get(t.campaign_id, {}),
                expected - counts.get(t.campaign_id, {}).get("filed", 0),
            )
            for t in templates
        ]
    unions = filing_unions(request.user)
    reports = {
        (r.union_id, r.campaign_id): r for r in CampaignReport.objects.filter(union__in=unions)
    }
    context["own"] = [
        (t, union, reports.get((union.pk, t.campaign_id))) for t in templates for union in unions
    ]
    return TemplateResponse(request, "reports/admin/index.html", context)


def dashboard(request, campaign_id):
    if not can_review(request.user):
        return permission_denied(request)
    template = _template_or_404(campaign_id)
    status = request.GET.get("status", "")
    if status not in dict(STATUS_FILTERS):
        status = ""
    union = Union.objects.filter(is_central=False, slug=request.GET.get("union") or "").first()
    board = build_dashboard(template.campaign, status=status, union=union)
    if request.GET.get("format") in ("csv", "xlsx"):
        return _export(board, request.GET["format"])
    if request.GET.get("format") == "docx":
        # The whole round, whatever the filters: the document goes to the Standing Committee.
        document = consolidated_docx(build_dashboard(template.campaign))
        response = HttpResponse(
            document,
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        name = f"bao-cao-tong-hop-{slugify(template.campaign.slug) or template.campaign.pk}"
        response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
        return response
    lines, total = board.table()
    return TemplateResponse(
        request,
        "reports/admin/dashboard.html",
        {
            "board": board,
            "template": template,
            "table": list(zip(board.rows, lines, strict=True)),
            "total": total,
            "status": status,
            "status_filters": STATUS_FILTERS,
            "union": union,
            "unions": Union.objects.filter(is_central=False).order_by("name"),
            "query": request.GET.urlencode(),
            "missing": services.missing_reports(template.campaign),
        },
    )


def _export(board, fmt):
    name = f"bao-cao-{slugify(board.campaign.slug) or board.campaign.pk}"
    if fmt == "csv":
        response = HttpResponse(export_csv(board), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = HttpResponse(
            export_xlsx(board),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def _report_context(template, union):
    """The report of this union for this campaign, or 404 for anybody who may not see it."""
    report = (
        CampaignReport.objects.filter(campaign=template.campaign, union=union)
        .prefetch_related("images", "documents", "events__user")
        .first()
    )
    return report


def report(request, campaign_id, union_id):
    template = _template_or_404(campaign_id)
    union = get_object_or_404(Union, pk=union_id, is_central=False)
    filer, reviewer = can_file(request.user, union), can_review(request.user)
    if not (filer or reviewer):
        raise Http404
    report = _report_context(template, union)
    editable = filer and (report is None or report.is_editable)
    form = None
    if editable:
        action = request.POST.get("action", "save")
        submitting = request.method == "POST" and action == "submit"
        form = ReportForm(
            request.POST or None,
            template=template,
            union=union,
            submitting=submitting,
            initial=ReportForm.initial_for(report),
        )
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():  # a refused submission keeps no draft either
                    report = services.save_draft(
                        union, template.campaign, request.user, **form.service_arguments()
                    )
                    if submitting and report.status == ReportStatus.RETURNED:
                        services.resubmit(report, request.user)
                    elif submitting:
                        services.submit(report, request.user)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request, _("Đã gửi báo cáo.") if submitting else _("Đã lưu bản nháp.")
                )
                return redirect("campaign_reports:report", template.campaign_id, union.pk)
        if request.method == "POST":
            messages.error(request, _("Báo cáo chưa được lưu: xem các lỗi bên dưới."))
    elif request.method == "POST":
        return permission_denied(request)
    return TemplateResponse(
        request,
        "reports/admin/report.html",
        {
            "template": template,
            "campaign": template.campaign,
            "union": union,
            "report": report,
            "form": form,
            "figures": [
                (f, report.values.get(f.key) if report else None) for f in template.figures.all()
            ],
            "computed": computed_figures(template.campaign, [union])[union.pk],
            "history": _history(report, template),
            "is_filer": filer,
            "is_reviewer": reviewer,
            "review_form": ReviewForm() if reviewer and report and report.is_filed else None,
            "overdue": template.is_overdue(),
        },
    )


def _history(report, template):
    if report is None:
        return []
    labels = {f.key: f.label for f in template.figures.all()}
    return [(event, event.change_lines(labels)) for event in report.events.all()]


@require_POST
def review(request, campaign_id, union_id):
    if not can_review(request.user):
        return permission_denied(request)
    template = _template_or_404(campaign_id)
    report = get_object_or_404(CampaignReport, campaign=template.campaign, union_id=union_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("campaign_reports:report", campaign_id, union_id)
    try:
        if form.cleaned_data["decision"] == "accept":
            services.accept(report, request.user, form.cleaned_data["comment"])
            messages.success(request, _("Đã duyệt báo cáo của %(u)s.") % {"u": report.union})
        else:
            services.return_with_comment(report, request.user, form.cleaned_data["comment"])
            messages.success(request, _("Đã trả lại báo cáo của %(u)s.") % {"u": report.union})
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("campaign_reports:report", campaign_id, union_id)


def report_export(request, campaign_id, union_id):
    """One union's report as CSV (figures typed and computed), for its approvers and the centre."""
    template = _template_or_404(campaign_id)
    union = get_object_or_404(Union, pk=union_id, is_central=False)
    if not (can_file(request.user, union) or can_review(request.user)):
        raise Http404
    board = build_dashboard(template.campaign, union=union)
    if not can_review(request.user):
        # The union sees its own figures whatever the status.
        report = board.rows[0].report if board.rows else None
        if report is not None:
            board.rows[0].values = [report.values.get(f.key) for f in board.figures]
            board.rows[0].narrative, board.rows[0].proposals = report.narrative, report.proposals
    return _export(board, "csv")
