"""Small date helpers shared by the apps."""


def add_years(date, years=1):
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)
