from decimal import Decimal

from django import template

from core.text import group_digits

register = template.Library()


@register.filter
def vn_number(value):
    """Vietnamese thousands separator: 1234567 -> "1.234.567"."""
    try:
        number = int(Decimal(str(value)))
    except (ArithmeticError, ValueError, TypeError):
        return value
    return group_digits(number)
