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
        f'viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH}px">',
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
