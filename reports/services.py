"""Domain actions on result reports. Views, the management command and the demo loader call
these; each checks who acts, validates the state change, records a ``ReportEvent`` and runs in
one transaction.

    (none) ──save_draft──▶ draft ──submit──▶ submitted ──accept──▶ accepted
                                              │  ▲                   │
                               return_with_comment  resubmit   return_with_comment
                                              ▼  │                   │
                                            returned ◀───────────────┘
"""

from collections import OrderedDict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import add_years
from core.text import group_digits
from sites.models import Union

from .models import CampaignReport, ReportEvent, ReportFigure, ReportStatus, ReportTemplate
from .notifications import notify_report_event
from .permissions import can_file, can_review
from .signals import report_reviewed

Action = ReportEvent.Action


def get_template(campaign):
    try:
        return ReportTemplate.objects.prefetch_related("figures").get(campaign=campaign)
    except ReportTemplate.DoesNotExist:
        raise ValidationError(_("Chương trình này chưa có mẫu báo cáo kết quả.")) from None


def clean_values(template, values, *, require_all):
    """Validated {figure key: int}; blank figures are dropped. Raises ValidationError keyed
    by figure key with every problem at once."""
    cleaned, errors = {}, {}
    figures = {f.key: f for f in template.figures.all()}
    for key in values:
        if key not in figures:
            errors[key] = _("Chỉ tiêu “%(key)s” không có trong mẫu báo cáo.") % {"key": key}
    for key, figure in figures.items():
        value = values.get(key)
        if value is None or value == "":
            if require_all and figure.required:
                errors[key] = _("Nhập số liệu “%(label)s”.") % {"label": figure.label}
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors[key] = _("“%(label)s” phải là số nguyên.") % {"label": figure.label}
        elif value < 0:
            errors[key] = _("“%(label)s” không được âm.") % {"label": figure.label}
        elif value > figure.max_value:
            errors[key] = _("“%(label)s” quá lớn (tối đa %(max)s).") % {
                "label": figure.label,
                "max": group_digits(figure.max_value),
            }
        else:
            cleaned[key] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_attachments(union, images, documents):
    for obj in [*images, *documents]:
        if obj.collection_id != union.collection_id:
            raise ValidationError(
                _("“%(title)s” không thuộc thư mục ảnh, tài liệu của %(union)s.")
                % {"title": obj.title, "union": union.name}
            )


def _require_filer(user, union):
    if not can_file(user, union):
        raise PermissionDenied(_("Chỉ người duyệt bài của công đoàn được lập báo cáo này."))


def _require_reviewer(user):
    if not can_review(user):
        raise PermissionDenied(_("Chỉ Ban Tuyên giáo - Nữ công được xét báo cáo."))


def _locked(report):
    return (
        CampaignReport.objects.select_for_update()
        .select_related("union", "campaign")
        .get(pk=report.pk)
    )


def _move(report, user, action, to_status, *, comment="", changes=None, allowed_from):
    if report.status not in allowed_from:
        raise ValidationError(
            _("Không thể “%(action)s” báo cáo đang ở trạng thái “%(status)s”.")
            % {"action": Action(action).label, "status": report.get_status_display()}
        )
    event = ReportEvent.objects.create(
        report=report,
        user=user,
        action=action,
        from_status=report.status,
        to_status=to_status,
        comment=comment,
        changes=changes or {},
    )
    report.status = to_status
    return event


def save_draft(
    union, campaign, user, *, values, narrative="", proposals="", images=None, documents=None
):
    """Create or update the union's report. A draft stays a draft; a returned report stays
    returned (with the centre's comment) until it is resubmitted. Blank figures are allowed
    until submission."""
    _require_filer(user, union)
    template = get_template(campaign)
    cleaned = clean_values(template, values, require_all=False)
    images, documents = list(images or []), list(documents or [])
    _check_attachments(union, images, documents)
    with transaction.atomic():
        report, created = CampaignReport.objects.get_or_create(union=union, campaign=campaign)
        report = _locked(report)
        if not report.is_editable:
            raise ValidationError(
                _("Báo cáo đã gửi, không sửa được (trạng thái “%(status)s”).")
                % {"status": report.get_status_display()}
            )
        changes = _diff(report, cleaned, narrative, proposals)
        old_images = set(report.images.values_list("pk", flat=True))
        old_documents = set(report.documents.values_list("pk", flat=True))
        if {i.pk for i in images} != old_images or {d.pk for d in documents} != old_documents:
            changes["attachments"] = [
                len(old_images) + len(old_documents),
                len(images) + len(documents),
            ]
        report.values, report.narrative, report.proposals = cleaned, narrative, proposals
        _move(
            report,
            user,
            Action.CREATED if created else Action.SAVED,
            report.status,
            changes=changes,
            allowed_from=(ReportStatus.DRAFT, ReportStatus.RETURNED),
        )
        report.save()
        report.images.set(images)
        report.documents.set(documents)
    return report


def _diff(report, values, narrative, proposals):
    changes = OrderedDict()
    for key in sorted(set(report.values) | set(values)):
        if report.values.get(key) != values.get(key):
            changes[key] = [report.values.get(key), values.get(key)]
    if report.narrative != narrative:
        changes["narrative"] = [report.narrative, narrative]
    if report.proposals != proposals:
        changes["proposals"] = [report.proposals, proposals]
    return dict(changes)


def _submit(report, user, action, allowed_from):
    _require_filer(user, report.union)
    with transaction.atomic():
        report = _locked(report)
        template = get_template(report.campaign)
        clean_values(template, report.values, require_all=True)
        _move(report, user, action, ReportStatus.SUBMITTED, allowed_from=allowed_from)
        report.submitted_at = timezone.now()
        report.save()
        notify_report_event(report, action)
    return report


def submit(report, user):
    """Draft → submitted: every required figure must be filled in."""
    return _submit(report, user, Action.SUBMITTED, (ReportStatus.DRAFT,))


def resubmit(report, user):
    """Returned → submitted, after the union has answered the centre's comment."""
    return _submit(report, user, Action.RESUBMITTED, (ReportStatus.RETURNED,))


def _announce_review(report):
    # Sent inside the transaction; receivers that act outside the database (the page
    # cache) also act again with transaction.on_commit.
    report_reviewed.send(sender=CampaignReport, report=report)


def accept(report, user, comment=""):
    """Submitted → accepted: the figures count in the network totals from now on."""
    _require_reviewer(user)
    with transaction.atomic():
        report = _locked(report)
        _move(
            report,
            user,
            Action.ACCEPTED,
            ReportStatus.ACCEPTED,
            comment=comment.strip(),
            allowed_from=(ReportStatus.SUBMITTED,),
        )
        report.reviewed_at, report.reviewed_by = timezone.now(), user
        if comment.strip():
            report.central_comment = comment.strip()
        report.save()
        _announce_review(report)
        notify_report_event(report, Action.ACCEPTED, comment.strip())
    return report


def return_with_comment(report, user, comment):
    """Submitted (or accepted) → returned, with the centre's comment (required)."""
    _require_reviewer(user)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Nhập ý kiến để công đoàn biết cần bổ sung gì.")})
    with transaction.atomic():
        report = _locked(report)
        _move(
            report,
            user,
            Action.RETURNED,
            ReportStatus.RETURNED,
            comment=comment,
            allowed_from=(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED),
        )
        report.reviewed_at, report.reviewed_by = timezone.now(), user
        report.central_comment = comment
        report.save()
        _announce_review(report)
        notify_report_event(report, Action.RETURNED, comment)
    return report


def copy_report_template(old_campaign, new_campaign, *, years=1, deadline=None):
    """Give `new_campaign` the report template of `old_campaign`: same instructions and figures
    (keys, labels, units, order), deadline `deadline` (default: `years` later). Nothing happens
    if the old campaign has no template or the new one already has one. Returns the new
    template or None."""
    old = ReportTemplate.objects.filter(campaign=old_campaign).prefetch_related("figures").first()
    if old is None or ReportTemplate.objects.filter(campaign=new_campaign).exists():
        return None
    deadline = deadline or add_years(old.deadline, years)
    with transaction.atomic():
        new = ReportTemplate.objects.create(
            campaign=new_campaign, deadline=deadline, instructions=old.instructions
        )
        ReportFigure.objects.bulk_create(
            ReportFigure(
                template=new,
                sort_order=figure.sort_order,
                key=figure.key,
                label=figure.label,
                unit=figure.unit,
                unit_label=figure.unit_label,
                required=figure.required,
                help_text=figure.help_text,
            )
            for figure in old.figures.all()
        )
    return new


def reporting_unions():
    """The unions that report to the centre: active subordinate unions."""
    return Union.objects.filter(is_active=True, is_central=False).order_by("name")


def accepted_totals(campaign):
    """[(ReportFigure, total)] in the template's order, summed over ACCEPTED reports only.
    Empty if the campaign has no report template. Three queries."""
    template = ReportTemplate.objects.filter(campaign=campaign).prefetch_related("figures").first()
    if template is None:
        return []
    figures = list(template.figures.all())
    totals = dict.fromkeys((f.key for f in figures), 0)
    for values in CampaignReport.objects.filter(
        campaign=campaign, status=ReportStatus.ACCEPTED
    ).values_list("values", flat=True):
        for key, value in (values or {}).items():
            if key in totals and isinstance(value, int):
                totals[key] += value
    return [(figure, totals[figure.key]) for figure in figures]


def missing_reports(campaign):
    """Active subordinate unions with no submitted or accepted report for the campaign."""
    filed = CampaignReport.objects.filter(
        campaign=campaign, status__in=(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)
    ).values("union_id")
    return list(reporting_unions().exclude(pk__in=filed))
