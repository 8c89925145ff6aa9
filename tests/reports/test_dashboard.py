"""The centre's dashboard: totals are the sum of accepted reports; CSV and XLSX hold the same
numbers as the table; filters; missing and late reports; the reminders command."""

import csv
import datetime as dt
import io
import re

import openpyxl
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from centre.factories import UnionFactory
from centre.services import set_union_active
from reports import services
from reports.dashboard import build_dashboard
from reports.models import ReportStatus

from .conftest import full_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(reports):
    """A accepted, B accepted, C submitted, D returned, E draft, F nothing, G inactive."""
    r = reports
    User = type(r.approver_a)
    extra = {}
    for key in "cdefg":
        union = UnionFactory(name=f"Công đoàn Thử nghiệm {key.upper()}")
        user = User.objects.create_user(f"duyet-{key}", f"duyet-{key}@example.vn", "x")
        user.groups.add(union.approvers_group)
        extra[key] = (union, user)

    def file(union, user, base, submit=True):
        report = services.save_draft(union, r.campaign, user, values=full_values(base))
        return services.submit(report, user) if submit else report

    services.accept(file(r.n.a, r.approver_a, 1), r.central)
    services.accept(file(r.n.b, r.approver_b, 2), r.central)
    file(*extra["c"], 4)
    services.return_with_comment(file(*extra["d"], 8), r.central, "Thiếu số liệu.")
    file(*extra["e"], 16, submit=False)
    set_union_active(extra["g"][0], False)
    r.extra = {k: u for k, (u, _user) in extra.items()}
    return r


def test_totals_are_the_sum_of_accepted_reports(client, filed):
    r = filed
    board = build_dashboard(r.campaign)
    assert board.totals == [t for _f, t in services.accepted_totals(r.campaign)]
    assert board.totals == [v * 3 for v in full_values().values()]
    assert board.accepted_count == 2
    by_union = {row.union.pk: row for row in board.rows}
    assert r.extra["g"].pk not in by_union  # inactive, nothing filed
    assert by_union[r.extra["e"].pk].values == [None] * 4  # drafts stay with the union
    assert by_union[r.extra["c"].pk].values == list(full_values(4).values())
    assert {row.union.pk for row in board.rows if row.is_missing} == {r.extra[k].pk for k in "def"}

    client.force_login(r.central)
    page = client.get(reverse("campaign_reports:dashboard", args=[r.campaign.pk]))
    assert page.status_code == 200
    assert "120.000.000" in page.text  # 40 + 80 million, accepted only
    assert page.text.count('class="is-missing is-late"') == 3  # the 2024 deadline is past
    assert (
        page.text.count('<svg xmlns="http://www.w3.org/2000/svg" class="report-chart"') == 1 + 4
        and '<script src="http' not in page.text
    )


def test_exports_hold_the_same_numbers_as_the_table(client, filed):
    r = filed
    board = build_dashboard(r.campaign)
    headers, lines, total = board.export_table()
    expected = [headers, *lines, total]
    table_lines, table_total = board.table()
    width = len(board.headers())
    assert headers[:width] == board.headers() and total[:width] == table_total
    assert [line[:width] for line in lines] == table_lines

    client.force_login(r.central)
    url = reverse("campaign_reports:dashboard", args=[r.campaign.pk])
    response = client.get(url, {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    def text(cell):
        if cell is None:
            return ""
        return cell.strftime("%d/%m/%Y") if isinstance(cell, dt.date) else str(cell)

    assert rows == [[text(c) for c in line] for line in expected]
    header = rows[0]
    submitted = rows[1 + [row.union.pk for row in board.rows].index(r.n.a.pk)]
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", submitted[header.index("Ngày gửi")])
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", submitted[header.index("Ngày xét")])

    response = client.get(url, {"format": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]

    def excel(cell):
        if cell in ("", None):
            return None
        if isinstance(cell, dt.date):  # a real date cell, read back as a datetime
            return dt.datetime.combine(cell, dt.time())
        return cell

    assert cells == [[excel(c) for c in line] for line in expected]
    dates = [c for row in sheet.iter_rows(min_row=2) for c in row if c.is_date]
    assert dates and all(c.number_format == "DD/MM/YYYY" for c in dates)
    total_row = cells[-1]
    assert total_row[3:7] == [v * 3 for v in full_values().values()]


def test_filters(client, filed):
    r = filed
    client.force_login(r.central)
    url = reverse("campaign_reports:dashboard", args=[r.campaign.pk])

    def unions(**params):
        board = build_dashboard(r.campaign, **params)
        return {row.union.pk for row in board.rows}

    assert unions(status=ReportStatus.ACCEPTED) == {r.n.a.pk, r.n.b.pk}
    assert unions(status=ReportStatus.RETURNED) == {r.extra["d"].pk}
    assert unions(status="missing") == {r.extra[k].pk for k in "def"}
    assert unions(status="late", today=dt.date(2024, 3, 1)) == set()
    assert unions(union=r.n.b) == {r.n.b.pk}
    page = client.get(url, {"status": "accepted", "union": r.n.b.slug})

    def link(union):
        return reverse("campaign_reports:report", args=[r.campaign.pk, union.pk])

    assert link(r.n.b) in page.text
    assert link(r.n.a) not in page.text and link(r.extra["c"]) not in page.text
    for params in (
        {"status": "<x>"},
        {"union": "khong-co"},
        {"format": "pdf"},
        {"status": ["a", "b"]},
    ):
        assert client.get(url, params).status_code == 200
    assert client.get(reverse("campaign_reports:dashboard", args=[99999])).status_code == 404


def test_reminders_list_exactly_the_missing_unions(filed):
    r = filed
    out = io.StringIO()
    call_command("report_reminders", "--campaign", r.campaign.slug, stdout=out)
    listed = {line.split("\t")[0].strip() for line in out.getvalue().splitlines() if "\t" in line}
    assert listed == {r.extra[k].slug for k in "def"}
    assert not mail.outbox

    call_command("report_reminders", "--campaign", r.campaign.slug, "--send-email", stdout=out)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "duyet-d@example.vn",
        "duyet-e@example.vn",
        "duyet-f@example.vn",
    ]
    assert all(r.campaign.name in m.subject for m in mail.outbox)


def test_reminders_for_an_unknown_campaign(reports):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("report_reminders", "--campaign", "khong-co")


def test_bar_chart_is_plain_escaped_svg():
    from reports.charts import bar_chart

    svg = bar_chart("Số <b>suất</b>", [("<script>x</script>", 1_500_000), ("Trống", None)])
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert "1.500.000" in svg and "—" in svg


def test_exports_link_each_reports_pictures_and_files(client, filed):
    r = filed
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    report = r.n.a.campaign_reports.get(campaign=r.campaign)
    image = get_image_model().objects.create(
        title="Phiên chợ", description="Phiên chợ", file=get_test_image_file(),
        collection=r.n.a.collection,
    )  # fmt: skip
    document = get_document_model().objects.create(
        title="Danh sách", file=SimpleUploadedFile("danh-sach.pdf", b"%PDF-1.4"),
        collection=r.n.a.collection,
    )  # fmt: skip
    report.images.add(image)
    report.documents.add(document)
    board = build_dashboard(r.campaign)
    headers, lines, _total = board.export_table()
    row = lines[[x.union.pk for x in board.rows].index(r.n.a.pk)]
    links = row[headers.index("Ảnh, tài liệu kèm theo")].split("\n")
    assert links == [f"http://testserver{image.file.url}", f"http://testserver{document.url}"]
    client.force_login(r.central)
    assert client.get(document.url).status_code == 200  # the centre may open what it is sent


def test_the_consolidated_report_reads_back_with_totals_figures_highlights_and_proposals(
    client, filed
):
    import docx

    r = filed
    r.n.a.campaign_reports.update(
        narrative="Tổ chức ba phiên chợ 0 đồng.", proposals="Tăng kinh phí chăm lo Tết."
    )
    client.force_login(r.central)
    url = reverse("campaign_reports:dashboard", args=[r.campaign.pk])
    response = client.get(url, {"format": "docx", "status": "draft"})  # filters are ignored
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = ["\n".join(c.text for row in t.rows for c in row.cells) for t in document.tables]
    assert "BÁO CÁO TỔNG HỢP KẾT QUẢ" in text and r.campaign.name in text
    assert "Kính gửi: Ban Thường vụ" in text
    assert "2 báo cáo đã được tiếp nhận, 1 đang chờ xem xét, 1 được trả lại" in text
    total = 3 * full_values()["suat-qua"]  # A (1×) and B (2×) accepted
    assert f"Suất quà: {total}" in text or f"Suất quà: {total:,}".replace(",", ".") in text
    grid = tables[1]
    assert r.n.a.name in grid and r.n.b.name in grid and r.extra["f"].name in grid
    highlights, proposals = text.split("IV. Kết quả nổi bật", 1)[1].split("V. Đề xuất", 1)
    assert f"{r.n.a.name}: Tổ chức ba phiên chợ 0 đồng." in highlights
    assert f"{r.n.a.name}: Tăng kinh phí chăm lo Tết." in proposals
    assert "(Ký, ghi rõ họ tên)" in tables[-1]
    union_user = type(r.approver_a).objects.get(pk=r.approver_a.pk)
    client.force_login(union_user)
    assert client.get(url, {"format": "docx"}).status_code == 403
