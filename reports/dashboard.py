"""The centre's view of a campaign's reports: one row per union, the figures, the totals of
the accepted reports, what is missing or late. The admin table, the charts and the CSV and
XLSX exports are all built from ``build_dashboard``, so they show the same numbers."""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sites.models import Union

from .charts import bar_chart
from .figures import computed_figures
from .models import CampaignReport, ReportStatus, ReportTemplate

MISSING = "missing"
LATE = "late"
STATUS_FILTERS = [
    ("", gettext_lazy("Tất cả")),
    *ReportStatus.choices,
    (MISSING, gettext_lazy("Chưa gửi")),
    (LATE, gettext_lazy("Quá hạn")),
]


@dataclass
class Row:
    union: Union
    report: CampaignReport | None
    values: list  # one int (or None) per figure, in the template's order; None if not filed
    articles: int
    press: int = 0  # press coverage filed by the union (counted, like the articles)
    events: int = 0
    narrative: str = ""  # the union's highlights and proposals, only once filed (exports only)
    proposals: str = ""
    attachment_links: list = field(default_factory=list)  # absolute addresses, once filed

    @property
    def status(self):
        return self.report.status if self.report else None

    @property
    def status_label(self):
        return self.report.get_status_display() if self.report else _("Chưa lập")

    @property
    def is_missing(self):
        return self.status not in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


@dataclass
class Dashboard:
    campaign: object
    template: ReportTemplate
    figures: list
    rows: list
    totals: list = field(default_factory=list)  # per figure, accepted reports only
    articles_total: int = 0
    press_total: int = 0
    events_total: int = 0
    accepted_count: int = 0
    overdue: bool = False

    def is_late(self, row):
        return self.overdue and row.is_missing

    def headers(self):
        return [
            _("Công đoàn"),
            _("Trạng thái"),
            _("Ngày gửi"),
            *[f"{f.label} ({f.unit_display})" if f.unit_display else f.label for f in self.figures],
            _("Bài viết trên trang (tự động)"),
            _("Báo chí viết về (tự động)"),
            _("Sự kiện (tự động)"),
        ]

    def table(self):
        """Rows of plain cells (the same numbers as the admin table) and a totals row."""
        lines = []
        for row in self.rows:
            submitted = row.report.submitted_at if row.report else None
            status = row.status_label + (f" ({_('quá hạn')})" if self.is_late(row) else "")
            lines.append(
                [
                    row.union.name,
                    status,
                    timezone.localtime(submitted).date() if submitted else None,
                    *row.values,
                    row.articles,
                    row.press,
                    row.events,
                ]
            )
        total = [
            _("Tổng (%(n)s báo cáo đã duyệt)") % {"n": self.accepted_count},
            "",
            "",
            *self.totals,
            self.articles_total,
            self.press_total,
            self.events_total,
        ]
        return lines, total

    def export_table(self):
        """What the CSV and XLSX exports hold: the headers, the table's rows with, after the
        figures, each union's highlights, proposals, the date the centre reviewed it and the
        links to its attachments, and the totals row."""
        lines, total = self.table()
        headers = [
            *self.headers(),
            _("Kết quả nổi bật"),
            _("Đề xuất, kiến nghị"),
            _("Ngày xét"),
            _("Ảnh, tài liệu kèm theo"),
        ]
        lines = [
            [
                *line,
                row.narrative,
                row.proposals,
                timezone.localtime(row.report.reviewed_at).date()
                if row.report and row.report.reviewed_at
                else None,
                "\n".join(row.attachment_links),
            ]
            for row, line in zip(self.rows, lines, strict=True)
        ]
        return headers, lines, [*total, "", "", None, ""]

    def charts(self):
        charts = [
            bar_chart(
                _("Bài viết trên trang theo công đoàn"),
                [(r.union.short_name, r.articles) for r in self.rows],
                colour="#1e3a8a",
            )
        ]
        for index, figure in enumerate(self.figures):
            charts.append(
                bar_chart(figure.label, [(r.union.short_name, r.values[index]) for r in self.rows])
            )
        titles = [_("Bài viết trên trang theo công đoàn"), *[f.label for f in self.figures]]
        return list(zip(titles, charts, strict=True))


def build_dashboard(campaign, *, status="", union=None, today=None):
    """The dashboard, optionally filtered by status (a ReportStatus, "missing" or "late") and
    by union (a Union). A fixed number of queries."""
    template = ReportTemplate.objects.prefetch_related("figures").get(campaign=campaign)
    figures = list(template.figures.all())
    overdue = template.is_overdue(today)
    reports = {
        r.union_id: r
        for r in CampaignReport.objects.filter(campaign=campaign)
        .select_related("union")
        .prefetch_related("images", "documents")
    }
    unions = list(
        Union.objects.filter(is_central=False)
        .filter(Q(is_active=True) | Q(pk__in=list(reports)))
        .order_by("name")
    )
    articles = computed_figures(campaign, unions)
    rows = []
    for member in unions:
        report = reports.get(member.pk)
        filed = report is not None and report.is_filed
        rows.append(
            Row(
                union=member,
                report=report,
                values=[report.values.get(f.key) if filed else None for f in figures],
                articles=articles[member.pk].total,
                press=articles[member.pk].press,
                events=articles[member.pk].events,
                narrative=report.narrative if filed else "",
                proposals=report.proposals if filed else "",
                attachment_links=attachment_links(report) if filed else [],
            )
        )
    if union is not None:
        rows = [r for r in rows if r.union.pk == union.pk]
    if status == MISSING:
        rows = [r for r in rows if r.is_missing]
    elif status == LATE:
        rows = [r for r in rows if r.is_missing and overdue]
    elif status:
        rows = [r for r in rows if r.status == status]
    accepted = [r for r in rows if r.status == ReportStatus.ACCEPTED]
    totals = [sum(r.values[i] or 0 for r in accepted) for i in range(len(figures))]
    return Dashboard(
        campaign=campaign,
        template=template,
        figures=figures,
        rows=rows,
        totals=totals,
        articles_total=sum(r.articles for r in rows),
        press_total=sum(r.press for r in rows),
        events_total=sum(r.events for r in rows),
        accepted_count=len(accepted),
        overdue=overdue,
    )


# A spreadsheet program reads a cell starting with one of these as a formula (or, for tab and
# carriage return, may strip them and then read one): text from the unions must never run.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Control characters an XLSX file cannot hold (openpyxl refuses them): dropped from text.
UNSAFE_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def attachment_links(report):
    """Absolute addresses of a report's pictures and files (served with their collection's
    access rules: the centre's reviewers may open them)."""
    base = settings.WAGTAILADMIN_BASE_URL
    return [base + image.file.url for image in report.images.all()] + [
        base + document.url for document in report.documents.all()
    ]


def spreadsheet_cell(value, dates_as_text=True):
    """One cell of the CSV or XLSX export. Numbers stay numbers (a negative figure too); None
    is an empty cell; text starting like a formula gets a leading apostrophe, so that it is
    shown as the text it is and never computed."""
    if value is None:
        return None
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if dates_as_text else value
    text = UNSAFE_CONTROL_CHARACTERS.sub("", str(value))
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _export_lines(dashboard, dates_as_text=True):
    headers, lines, total = dashboard.export_table()
    return [
        [spreadsheet_cell(cell, dates_as_text) for cell in line]
        for line in (headers, *lines, total)
    ]


def export_csv(dashboard):
    """UTF-8 with a BOM, so spreadsheet programs read the Vietnamese text correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(_export_lines(dashboard))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_xlsx(dashboard):
    # Only the XLSX export needs openpyxl: web workers do not load it otherwise.
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Báo cáo")[:31]
    late = PatternFill("solid", fgColor="FDE2E1")
    lines = _export_lines(dashboard, dates_as_text=False)
    missing = [False, *(row.is_missing for row in dashboard.rows), False]
    for index, (line, is_missing) in enumerate(zip(lines, missing, strict=True)):
        sheet.append(line)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
            if index in (0, len(lines) - 1):
                cell.font = Font(bold=True)
            elif is_missing:
                cell.fill = late
    number_format = "#,##0"
    for column in sheet.iter_cols(min_col=4, max_col=3 + len(dashboard.figures) + 1, min_row=2):
        for cell in column:
            cell.number_format = number_format
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"  # a real date, shown the Vietnamese way
    sheet.column_dimensions["A"].width = 42
    width = len(lines[0])
    for column, size in ((width - 3, 60), (width - 2, 60), (width - 1, 12), (width, 60)):
        sheet.column_dimensions[get_column_letter(column)].width = size
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
