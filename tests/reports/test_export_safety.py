"""The CSV and XLSX exports never hand a spreadsheet program a formula: a union's name, its
highlights or a figure's label that starts like one (= + - @, tab, carriage return) comes back
as text with a leading apostrophe, and numbers, negative ones too, stay numbers."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from centre.factories import UnionFactory
from reports import services
from reports.dashboard import spreadsheet_cell
from reports.models import CampaignReport
from sites.models import Union

from .conftest import full_values

pytestmark = pytest.mark.django_db

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]
PAYLOAD = '=HYPERLINK("http://evil.example/","x")'


def name_for(index, prefix):
    return f'{prefix}HYPERLINK("http://evil.example/","x{index}")'


def highlight_for(index, prefix):
    return f"{prefix}cmd|' /C calc'!A{index}"


@pytest.fixture
def hostile(reports):
    """One union per dangerous first character, each with a filed report whose highlights
    start with that character; the first one's figures include a negative number (as an old
    or imported report might)."""
    r = reports
    User = get_user_model()
    r.hostile = []
    for index, prefix in enumerate(PREFIXES):
        union = UnionFactory(name=f"Công đoàn tạm {index}")
        # Names are stripped when a union is created; stored data may still start with a tab.
        Union.objects.filter(pk=union.pk).update(name=name_for(index, prefix))
        union.refresh_from_db()
        approver = User.objects.create_user(f"duyet-h{index}", f"h{index}@example.vn", "x")
        approver.groups.add(union.approvers_group)
        report = services.save_draft(
            union,
            r.campaign,
            approver,
            values=full_values(),
            narrative=highlight_for(index, prefix),
            proposals=f"{prefix}1+1",
        )
        services.submit(report, approver)
        r.hostile.append((union, approver, prefix))
    first = r.hostile[0][0]
    CampaignReport.objects.filter(union=first).update(
        values={**full_values(), "bai-mang-xa-hoi": -5}
    )
    figure = r.template.figures.get(key="suat-qua")
    figure.label = "=SUM(A1:A9)"
    figure.save()
    return r


def download(client, user, campaign, fmt):
    client.force_login(user)
    url = reverse("campaign_reports:dashboard", args=[campaign.pk])
    response = client.get(url, {"format": fmt})
    assert response.status_code == 200
    return response.content


def test_csv_export_neutralises_formulas_and_keeps_numbers(client, hostile):
    r = hostile
    content = download(client, r.central, r.campaign, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content, newline="")))
    header, body = rows[0], rows[1:]
    highlights = header.index("Kết quả nổi bật")
    proposals = header.index("Đề xuất, kiến nghị")
    assert "'=SUM(A1:A9) (suất)" in header

    by_name = {row[0]: row for row in body}
    for index, prefix in enumerate(PREFIXES):
        row = by_name["'" + name_for(index, prefix)]
        assert row[highlights] == "'" + highlight_for(index, prefix)
        assert row[proposals] == f"'{prefix}1+1"

    negative = by_name["'" + name_for(0, "=")]
    assert negative[header.index("Bài trên mạng xã hội (bài)")] == "-5"  # a number, as it was
    # Any other cell starting like a formula is a number.
    for row in rows:
        for cell in row:
            if cell.startswith(tuple(PREFIXES)):
                assert int(cell) < 0


def test_xlsx_export_has_no_formula_cell_and_numbers_stay_numeric(client, hostile):
    r = hostile
    content = download(client, r.central, r.campaign, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert cells
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    for cell in cells:
        if isinstance(cell.value, str):
            assert cell.data_type == "s"
            assert not cell.value.startswith(tuple(PREFIXES)), cell.coordinate

    header = [c.value for c in sheet[1]]
    assert "'=SUM(A1:A9) (suất)" in header
    highlights = header.index("Kết quả nổi bật")
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    # A carriage return is read back as a line break when openpyxl writes with the standard
    # library's XML, and kept when it writes with lxml (installed with python-docx).
    rows = {key.replace("\r", "\n"): row for key, row in rows.items()}
    for index, prefix in enumerate(PREFIXES):
        name = ("'" + name_for(index, prefix)).replace("\r", "\n")
        assert name in rows
        value = rows[name][highlights].value.replace("\r", "\n")
        assert value == ("'" + highlight_for(index, prefix)).replace("\r", "\n")

    negative = rows["'" + name_for(0, "=")][header.index("Bài trên mạng xã hội (bài)")]
    assert negative.value == -5 and negative.data_type == "n"
    total = [c.value for c in list(sheet.iter_rows())[-1]]
    assert all(isinstance(v, int) for v in total[3:8])


def test_a_union_s_own_export_is_neutralised_too(client, hostile):
    r = hostile
    union, approver, _prefix = r.hostile[0]
    client.force_login(approver)
    response = client.get(reverse("campaign_reports:report_export", args=[r.campaign.pk, union.pk]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "'" + name_for(0, "=")
    assert rows[1][rows[0].index("Kết quả nổi bật")] == "'" + highlight_for(0, "=")


def test_the_cell_helper():
    assert spreadsheet_cell(PAYLOAD) == "'" + PAYLOAD
    assert spreadsheet_cell("\x01=1+1") == "'=1+1"  # control characters XLSX cannot hold
    assert spreadsheet_cell(-5) == -5
    assert spreadsheet_cell(None) is None
    assert spreadsheet_cell("Công đoàn Bộ Tư pháp") == "Công đoàn Bộ Tư pháp"
    assert spreadsheet_cell("a=b") == "a=b"
