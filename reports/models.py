"""Result reports (báo cáo kết quả): each union reports a campaign's figures to the centre.

The centre defines, per campaign, a ``ReportTemplate`` with its ``ReportFigure`` list; each
union files one ``CampaignReport`` per campaign, through ``reports.services`` only, and every
change is kept as a ``ReportEvent``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from blog.models import default_locale

COUNT_MAX = 10**9  # people, packages, visits…
VND_MAX = 10**12  # one union's amount in đồng


class FigureUnit(models.TextChoices):
    COUNT = "count", _("Số lượng (người, suất, lượt…)")
    VND = "vnd", _("Số tiền (đồng)")


class ReportTemplate(ClusterableModel):
    """What a campaign's report asks for, and by when (one per campaign)."""

    campaign = models.OneToOneField(
        "blog.Campaign",
        verbose_name=_("chương trình truyền thông"),
        on_delete=models.CASCADE,
        limit_choices_to=default_locale,
        related_name="report_template",
    )
    deadline = models.DateField(_("hạn nộp báo cáo"))
    instructions = models.TextField(
        _("hướng dẫn"), blank=True, help_text=_("Hiện ở đầu mẫu báo cáo của các công đoàn.")
    )

    panels = [
        FieldRowPanel([FieldPanel("campaign"), FieldPanel("deadline")]),
        FieldPanel("instructions"),
        InlinePanel("figures", heading=_("Các chỉ tiêu"), label=_("chỉ tiêu"), min_num=1),
    ]

    class Meta:
        verbose_name = _("mẫu báo cáo kết quả")
        verbose_name_plural = _("mẫu báo cáo kết quả")
        ordering = ["-deadline"]

    def __str__(self):
        return str(_("Mẫu báo cáo: %(campaign)s") % {"campaign": self.campaign})

    def is_overdue(self, today=None):
        return (today or timezone.localdate()) > self.deadline


class ReportFigure(Orderable):
    """One figure a union reports, e.g. "Số đoàn viên được thăm hỏi" (người)."""

    template = ParentalKey(ReportTemplate, on_delete=models.CASCADE, related_name="figures")
    key = models.SlugField(
        _("mã"),
        max_length=50,
        help_text=_("Mã không dấu, ví dụ “so-suat-qua”; không đổi sau khi đã có báo cáo."),
    )
    label = models.CharField(_("tên chỉ tiêu"), max_length=200)
    unit = models.CharField(
        _("loại"), max_length=10, choices=FigureUnit.choices, default=FigureUnit.COUNT
    )
    unit_label = models.CharField(
        _("đơn vị tính"),
        max_length=30,
        blank=True,
        help_text=_("Ví dụ: người, suất, lượt, bài. Để trống với số tiền (đồng)."),
    )
    required = models.BooleanField(_("bắt buộc"), default=True)
    help_text = models.CharField(_("ghi chú"), max_length=255, blank=True)
    # The figure's words on the campaign hub's English pages (edited here, once, by the centre).
    label_en = models.CharField(
        _("tên chỉ tiêu bằng tiếng Anh"),
        max_length=200,
        blank=True,
        help_text=_("Hiện trên chuyên trang tiếng Anh; để trống thì dùng tên tiếng Việt."),
    )
    unit_label_en = models.CharField(
        _("đơn vị tính bằng tiếng Anh"),
        max_length=30,
        blank=True,
        help_text=_("Ví dụ: people, gifts, visits."),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("key")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("unit_label"), FieldPanel("required")]),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("label_en"), FieldPanel("unit_label_en")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="unique_figure_key")
        ]

    def __str__(self):
        return self.label

    @property
    def max_value(self):
        return VND_MAX if self.unit == FigureUnit.VND else COUNT_MAX

    @property
    def unit_display(self):
        return "đồng" if self.unit == FigureUnit.VND else self.unit_label

    def label_in(self, language):
        """The figure's name in `language` (its English one where given), else Vietnamese."""
        return (language == "en" and self.label_en) or self.label

    def unit_label_in(self, language):
        if language == "en" and self.unit == FigureUnit.VND:
            return "VND"
        return (language == "en" and self.unit_label_en) or self.unit_display


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    ACCEPTED = "accepted", _("Đã duyệt")
    RETURNED = "returned", _("Trả lại để bổ sung")


class CampaignReport(models.Model):
    """One union's result report for one campaign."""

    union = models.ForeignKey(
        "sites.Union",
        verbose_name=_("công đoàn"),
        on_delete=models.CASCADE,
        related_name="campaign_reports",
    )
    campaign = models.ForeignKey(
        "blog.Campaign",
        verbose_name=_("chương trình truyền thông"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        db_index=True,
    )
    values = models.JSONField(_("số liệu"), default=dict, blank=True)
    narrative = models.TextField(_("kết quả nổi bật"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    central_comment = models.TextField(_("ý kiến của Ban Tuyên giáo - Nữ công"), blank=True)
    images = models.ManyToManyField(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh kèm theo"),
        blank=True,
        related_name="+",
    )
    documents = models.ManyToManyField(
        "wagtaildocs.Document", verbose_name=_("tệp kèm theo"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("ngày xét"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xét"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("báo cáo kết quả")
        verbose_name_plural = _("báo cáo kết quả")
        ordering = ["campaign", "union__name"]
        constraints = [
            models.UniqueConstraint(fields=["union", "campaign"], name="one_report_per_union")
        ]
        permissions = [
            ("file_report", _("Lập và gửi báo cáo kết quả của công đoàn mình")),
            ("review_report", _("Xem và duyệt báo cáo kết quả của mọi công đoàn")),
        ]

    def __str__(self):
        return f"{self.union} – {self.campaign}"

    @property
    def is_filed(self):
        """The centre has it (submitted, accepted, or returned after submission)."""
        return self.status != ReportStatus.DRAFT

    @property
    def is_editable(self):
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportEvent(models.Model):
    """One change to a report: who, when, what."""

    class Action(models.TextChoices):
        CREATED = "created", _("Tạo báo cáo")
        SAVED = "saved", _("Lưu nháp")
        SUBMITTED = "submitted", _("Gửi báo cáo")
        ACCEPTED = "accepted", _("Duyệt")
        RETURNED = "returned", _("Trả lại")
        RESUBMITTED = "resubmitted", _("Gửi lại")

    report = models.ForeignKey(CampaignReport, on_delete=models.CASCADE, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    timestamp = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    action = models.CharField(_("thao tác"), max_length=12, choices=Action.choices)
    from_status = models.CharField(_("từ"), max_length=10, blank=True)
    to_status = models.CharField(_("sang"), max_length=10)
    comment = models.TextField(_("ý kiến"), blank=True)
    changes = models.JSONField(
        _("thay đổi"), default=dict, blank=True, help_text=_("{trường: [cũ, mới]}")
    )

    class Meta:
        verbose_name = _("lịch sử báo cáo")
        verbose_name_plural = _("lịch sử báo cáo")
        ordering = ["timestamp", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.timestamp:%d/%m/%Y %H:%M})"

    @property
    def from_status_display(self):
        return ReportStatus(self.from_status).label if self.from_status else ""

    @property
    def to_status_display(self):
        return ReportStatus(self.to_status).label

    TEXT_LABELS = {
        "narrative": _("Kết quả nổi bật"),
        "proposals": _("Đề xuất, kiến nghị"),
        "attachments": _("Số tệp kèm theo"),
    }

    def change_lines(self, labels):
        """[(label, old, new)] for the history table; `labels` maps figure keys to labels.
        A figure removed from the template since keeps its key as the label."""
        return [
            (labels.get(key) or self.TEXT_LABELS.get(key) or key, old, new)
            for key, (old, new) in self.changes.items()
        ]
