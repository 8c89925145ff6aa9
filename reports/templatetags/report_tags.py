from django import template

from ..charts import number

register = template.Library()


@register.filter
def vnd_number(value):
    """1500000 → "1.500.000"; None or "" → "—"."""
    if value is None or value == "":
        return "—"
    try:
        return number(int(value))
    except (TypeError, ValueError):
        return value
