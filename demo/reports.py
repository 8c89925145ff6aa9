"""Demo result reports for a finished campaign: most unions accepted, one returned with the
centre's comment, one still a draft, one missing. Built through ``reports.services``."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.images import get_image_model

from reports import services
from reports.models import CampaignReport, ReportEvent, ReportFigure, ReportTemplate
from reports.notifications import notifications_off

FIGURES = [
    ("doan-vien-duoc-tham", "Đoàn viên, người lao động được thăm hỏi", "count", "người", True),
    ("suat-qua", "Suất quà Tết trao tặng", "count", "suất", True),
    ("gia-tri-qua", "Tổng giá trị quà", "vnd", "", True),
    ("gian-hang-0-dong", "Lượt nhận hàng tại gian hàng 0 đồng", "count", "lượt", True),
    ("tu-van-phap-luat", "Lượt tư vấn pháp luật", "count", "lượt", False),
    ("tu-van-suc-khoe", "Lượt tư vấn sức khỏe", "count", "lượt", False),
    ("tin-bai-bao-chi", "Tin, bài trên báo chí", "count", "bài", True),
    ("bai-mang-xa-hoi", "Bài đăng trên mạng xã hội (Facebook, Zalo)", "count", "bài", True),
]
DEADLINE = dt.date(2024, 3, 15)
# Per union (in the demo's order): outcome and a scale for its figures.
PLAN = ["accepted", "accepted", "accepted", "returned", "draft", None]
SCALES = [1.0, 1.6, 0.7, 1.2, 0.5, 0]


def _values(scale):
    base = {
        "doan-vien-duoc-tham": 420,
        "suat-qua": 350,
        "gia-tri-qua": 280_000_000,
        "gian-hang-0-dong": 610,
        "tu-van-phap-luat": 95,
        "tu-van-suc-khoe": 140,
        "tin-bai-bao-chi": 12,
        "bai-mang-xa-hoi": 48,
    }
    return {k: int(round(v * scale, -3 if k == "gia-tri-qua" else 0)) for k, v in base.items()}


def _at(day, hour):
    return timezone.make_aware(dt.datetime(2024, 3, day, hour, 0))


def create_demo_reports(campaign, unions, log=print):
    """A report template for ``campaign`` and reports from the subordinate ``unions``."""
    template = ReportTemplate.objects.create(
        campaign=campaign,
        deadline=DEADLINE,
        instructions=(
            "Các công đoàn trực thuộc báo cáo kết quả chăm lo Tết Giáp Thìn 2024 và công tác "
            "truyền thông theo Hướng dẫn số 25/HD-CĐVC, gửi Ban Thường vụ Công đoàn Viên chức "
            "Việt Nam (qua Ban Tuyên giáo - Nữ công) trước ngày 15/3/2024."
        ),
    )
    ReportFigure.objects.bulk_create(
        ReportFigure(
            template=template,
            sort_order=i,
            key=key,
            label=label,
            unit=unit,
            unit_label=unit_label,
            required=required,
        )
        for i, (key, label, unit, unit_label, required) in enumerate(FIGURES)
    )
    User = get_user_model()
    central_union = next(u for u in unions if u.is_central)
    reviewer = User.objects.filter(groups=central_union.approvers_group).first()
    members = [u for u in unions if not u.is_central]
    counts = {}
    for index, union in enumerate(members):
        outcome = PLAN[index] if index < len(PLAN) else "accepted"
        if outcome is None:
            continue
        approver = User.objects.filter(groups=union.approvers_group).first()
        photo = get_image_model().objects.filter(collection=union.collection).last()
        report = services.save_draft(
            union,
            campaign,
            approver,
            values=_values(SCALES[index] if index < len(SCALES) else 1),
            narrative=(
                f"{union.name} tổ chức thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn, "
                "phối hợp tổ chức phiên chợ Tết với gian hàng 0 đồng, tư vấn pháp luật và sức "
                "khỏe; mở chuyên mục “Xuân chia sẻ” trên trang thông tin và chia sẻ đều đặn "
                "lên Facebook, Zalo."
            ),
            proposals=(
                "Đề nghị Công đoàn Viên chức Việt Nam tiếp tục hỗ trợ kinh phí cho đoàn viên "
                "có hoàn cảnh đặc biệt khó khăn và nhân rộng mô hình gian hàng 0 đồng."
            ),
            images=[photo] if photo else [],
        )
        if outcome != "draft":
            with notifications_off():  # a round that ended in 2024: nobody to tell today
                report = services.submit(report, approver)
                if outcome == "accepted":
                    services.accept(report, reviewer)
                else:
                    services.return_with_comment(
                        report,
                        reviewer,
                        "Đề nghị bổ sung số lượt tư vấn pháp luật, tư vấn sức khỏe và ảnh hoạt "
                        "động tại phiên chợ Tết.",
                    )
        counts[outcome] = counts.get(outcome, 0) + 1
        # Date the story as it happened in March 2024, not today.
        events = list(ReportEvent.objects.filter(report=report).order_by("pk"))
        for step, event in enumerate(events):
            event.timestamp = _at(4 + index, 8 + step)
        ReportEvent.objects.bulk_update(events, ["timestamp"])
        stamps = {e.action: e.timestamp for e in events}
        CampaignReport.objects.filter(pk=report.pk).update(
            submitted_at=stamps.get(ReportEvent.Action.SUBMITTED),
            reviewed_at=stamps.get(ReportEvent.Action.ACCEPTED)
            or stamps.get(ReportEvent.Action.RETURNED),
        )
    log(
        f"  Báo cáo kết quả “{campaign.name}”: {counts.get('accepted', 0)} đã duyệt, "
        f"{counts.get('returned', 0)} trả lại, {counts.get('draft', 0)} đang soạn, "
        f"{len(members) - sum(counts.values())} chưa lập"
    )
    return template
