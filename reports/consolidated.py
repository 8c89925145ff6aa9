"""The consolidated report for the Standing Committee (DOCX, with python-docx): per campaign,
how the reporting went, the network's totals from accepted reports, each union's figures, its
highlights and its proposals, in the layout of an administrative report, ready to sign."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from sites.models import Union

from .charts import number
from .models import ReportStatus

FONT = "Times New Roman"


def _text(value):
    if value is None:
        return "—"
    return number(value) if isinstance(value, int) else str(value)


def consolidated_docx(board, today=None):
    """The document's bytes for a dashboard built without filters (reports.dashboard)."""
    # Only this export needs python-docx: web workers do not load it otherwise.
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    today = today or timezone.localdate()
    central = Union.objects.filter(is_central=True).first()
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)

    heading = document.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    left.text = f"{(central.name if central else '').upper()}\n{_('BAN TUYÊN GIÁO - NỮ CÔNG')}"
    right.text = _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                run.bold = True
    dated = document.add_paragraph(
        _("…………, ngày %(d)02d tháng %(m)02d năm %(y)d")
        % {"d": today.day, "m": today.month, "y": today.year}
    )
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(_("BÁO CÁO TỔNG HỢP KẾT QUẢ") + "\n" + board.campaign.name)
    run.bold = True
    run.font.size = Pt(14)
    addressee = document.add_paragraph(
        _("Kính gửi: Ban Thường vụ %(central)s") % {"central": central.name if central else ""}
    )
    addressee.alignment = WD_ALIGN_PARAGRAPH.CENTER

    rows = board.rows
    counts = {status: sum(1 for r in rows if r.status == status) for status in ReportStatus}
    missing = sum(1 for r in rows if r.report is None)
    document.add_heading(_("I. Tình hình báo cáo"), level=2)
    document.add_paragraph(
        _(
            "%(total)d công đoàn trực thuộc; %(accepted)d báo cáo đã được tiếp nhận, "
            "%(submitted)d đang chờ xem xét, %(returned)d được trả lại để bổ sung, "
            "%(draft)d đang soạn, %(missing)d chưa lập. Hạn gửi: %(deadline)s."
        )
        % {
            "total": len(rows),
            "accepted": counts[ReportStatus.ACCEPTED],
            "submitted": counts[ReportStatus.SUBMITTED],
            "returned": counts[ReportStatus.RETURNED],
            "draft": counts[ReportStatus.DRAFT],
            "missing": missing,
            "deadline": board.template.deadline.strftime("%d/%m/%Y"),
        }
    )

    document.add_heading(_("II. Kết quả chung (các báo cáo đã tiếp nhận)"), level=2)
    for figure, total in zip(board.figures, board.totals, strict=True):
        unit = f" {figure.unit_display}" if figure.unit_display else ""
        document.add_paragraph(f"{figure.label}: {_text(total)}{unit}", style="List Bullet")
    document.add_paragraph(
        _(
            "Trên các trang thông tin của công đoàn (hệ thống tự đếm): %(articles)s bài viết, "
            "%(press)s bài báo chí viết về, %(events)s sự kiện."
        )
        % {
            "articles": _text(board.articles_total),
            "press": _text(board.press_total),
            "events": _text(board.events_total),
        },
        style="List Bullet",
    )

    document.add_heading(_("III. Kết quả theo đơn vị"), level=2)
    headers = board.headers()
    lines, total = board.table()
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = str(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for line in [*lines, total]:
        cells = table.add_row().cells
        for cell, value in zip(cells, line, strict=True):
            cell.text = value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else _text(value)

    sections = (
        (_("IV. Kết quả nổi bật của các đơn vị"), "narrative", _("Chưa đơn vị nào nêu.")),
        (_("V. Đề xuất, kiến nghị"), "proposals", _("Không có đề xuất, kiến nghị.")),
    )
    for heading_text, attribute, empty in sections:
        document.add_heading(heading_text, level=2)
        written = [row for row in rows if getattr(row, attribute)]
        for row in written:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{row.union.name}: ").bold = True
            paragraph.add_run(getattr(row, attribute))
        if not written:
            document.add_paragraph(empty)

    signature = document.add_table(rows=1, cols=2)
    recipients, signer = signature.rows[0].cells
    recipients.text = _("Nơi nhận:\n- Ban Thường vụ (để báo cáo);\n- Lưu: VT, TG-NC.")
    signer.text = _("TM. BAN TUYÊN GIÁO - NỮ CÔNG\nTRƯỞNG BAN\n\n\n(Ký, ghi rõ họ tên)")
    for paragraph in signer.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
