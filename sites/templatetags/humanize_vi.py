from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def vn_number(value):
    """Digits grouped the way the page's language writes them: 1234567 -> "1.234.567" in
    Vietnamese, "1,234,567" in English (cms/formats)."""
    try:
        number = int(Decimal(str(value)))
    except (ArithmeticError, ValueError, TypeError):
        return value
    return number_format(number, force_grouping=True)
