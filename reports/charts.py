"""Bar charts drawn on the server as inline SVG: no script, no external file."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import group_digits

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 110
BAR_HEIGHT = 18
GAP = 8


def number(value):
    """Vietnamese digit grouping: 1500000 → "1.500.000"."""
    if value is None:
        return "—"
    return group_digits(value)


def bar_chart(title, rows, colour="#a61b1b"):
    """A horizontal bar chart of [(label, value or None)] as an <svg> element."""
    rows = list(rows)
    top = max([v for _label, v in rows if v is not None] + [0])
    bar_space = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = GAP + len(rows) * (BAR_HEIGHT + GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%">',  # max-width: .report-chart (CSS)
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        text_y = y + BAR_HEIGHT - 5
        short = label if len(label) <= 30 else label[:29] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y}" text-anchor="end" font-size="12" '
            f'fill="currentColor">{escape(short)}</text>'
        )
        width = round(bar_space * value / top) if value and top else 0
        if width:
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
                f'fill="{escape(colour)}"><title>{escape(label)}: {number(value)}</title></rect>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + width + 6}" y="{text_y}" font-size="12" '
            f'fill="currentColor">{number(value)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def activity_chart(title, days, rows, colour="#a61b1b"):
    """Articles per day per union as a grid: one row per (label, {date: count}), one column per
    day of `days`; a cell's shade grows with its count, its tooltip names both."""
    days = list(days)
    rows = list(rows)
    top = max([n for _label, counts in rows for n in counts.values()] + [1])
    cell = max(2.0, (WIDTH - LABEL_WIDTH - 10) / max(len(days), 1))
    width = LABEL_WIDTH + round(cell * len(days)) + 10
    row_height = BAR_HEIGHT + 2
    axis = 16
    height = axis + len(rows) * row_height + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart activity-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%">',
        f"<title>{escape(title)}</title>",
    ]
    # Day labels: the first of the period, then every 7th day.
    for index, day in enumerate(days):
        if index % 7 == 0:
            x = LABEL_WIDTH + index * cell
            parts.append(
                f'<text x="{x:.1f}" y="11" font-size="10" fill="currentColor">{day:%d/%m}</text>'
            )
    for row_index, (label, counts) in enumerate(rows):
        y = axis + row_index * row_height
        short = label if len(label) <= 30 else label[:29] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 5}" text-anchor="end" '
            f'font-size="12" fill="currentColor">{escape(short)}</text>'
        )
        for index, day in enumerate(days):
            count = counts.get(day, 0)
            if not count:
                continue
            opacity = 0.25 + 0.75 * count / top
            parts.append(
                f'<rect x="{LABEL_WIDTH + index * cell:.1f}" y="{y}" width="{cell - 1:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{escape(colour)}" fill-opacity="{opacity:.2f}">'
                f"<title>{escape(label)}, {day:%d/%m/%Y}: {number(count)}</title></rect>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
