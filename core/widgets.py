"""Form widgets: for public pages, and the admin's date pickers."""

from django import forms
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput


class Select(forms.Select):
    """Django's <select> with the same markup, rendered in Python rather than with one
    template include per option: the public filters list every union of the network."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            html = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], flatatt(option["attrs"]), option["label"])
                    for option in options
                ),
            )
            if group_name:
                html = format_html('<optgroup label="{}">{}</optgroup>', group_name, html)
            groups.append(html)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            format_html_join("", "{}", ((group,) for group in groups)),
        )


class TypedDateInput(AdminDateInput):
    """Wagtail's date picker, keeping what the editor typed. The picker replaces a date it
    cannot read (say 2027-01-15 while the admin writes 15/01/2027) with today when the field
    loses focus, without a word; here the typed text stays and the server reads it (ISO dates
    too: cms/formats) or says it is not a date."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class TypedDateTimeInput(AdminDateTimeInput):
    """The date-and-time picker, keeping what the editor typed (see TypedDateInput)."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def register_admin_date_widgets():
    """Every date and date-time field of the admin's model forms uses the widgets above."""
    register_form_field_override(models.DateField, override={"widget": TypedDateInput})
    register_form_field_override(models.DateTimeField, override={"widget": TypedDateTimeInput})
