from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from core.widgets import Select
from pagecache.snapshot import fragment_version

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class NewsHubFilterForm(forms.Form):
    """The hub's filters, read from the query string. Invalid values are reported and ignored."""

    union = forms.ChoiceField(label=_("Công đoàn"), required=False, widget=Select)
    department = forms.ChoiceField(label=_("Ban cung cấp tin"), required=False, widget=Select)
    campaign = forms.ChoiceField(label=_("Chương trình"), required=False, widget=Select)
    column = forms.ChoiceField(label=_("Chuyên mục"), required=False, widget=Select)
    kind = forms.ChoiceField(label=_("Thể loại"), required=False, widget=Select)
    tag = forms.CharField(label=_("Từ khóa"), required=False, strip=True)

    def __init__(self, data, *, network, campaigns, columns, kinds):
        super().__init__(data)
        self.network = network
        self.campaign_ids = {c.slug: c.id for c in campaigns}
        self.column_ids = {c.slug: c.id for c in columns}
        everything = [("", _("Tất cả"))]
        self.fields["union"].choices = everything + [(s.slug, s.name) for s in network.active]
        if network.departments:
            self.fields["department"].choices = everything + [
                (d.slug, d.name) for d in network.departments
            ]
        else:  # a network without departments shows no such filter
            del self.fields["department"]
        self.fields["campaign"].choices = everything + [(c.slug, c.name) for c in campaigns]
        self.fields["column"].choices = everything + [(c.slug, c.name) for c in columns]
        self.fields["kind"].choices = everything + list(kinds)
        # "from" is a Python keyword, so these two are added by name.
        self.fields["from"] = forms.DateField(
            label=_("Từ ngày"),
            required=False,
            input_formats=DATE_INPUT_FORMATS,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.fields["to"] = forms.DateField(
            label=_("Đến ngày"),
            required=False,
            input_formats=DATE_INPUT_FORMATS,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", _("“Đến ngày” phải sau “Từ ngày”; bỏ qua khoảng thời gian."))
            cleaned.pop("from")
        return cleaned

    @property
    def cache_key(self):
        """Everything the rendered fields show: the query string, the choices (the network's
        structure version) and the language; see templates/blog/news_hub_page.html."""
        lists = getattr(self.data, "lists", None)  # a QueryDict; a plain dict in some callers
        items = lists() if lists else ((key, [value]) for key, value in self.data.items())
        data = sorted((key, tuple(values)) for key, values in items)
        return repr((data, fragment_version(), get_language()))

    def canonical_fields(self):
        """The filters given once with a canonical value, which the page cache may store
        (see pagecache): empty ("all"), a known choice, an existing tag's slug, a date
        written YYYY-MM-DD."""

        self.is_valid()
        fields = []
        for name in self.fields:
            raw = self.data.get(name)
            if raw is None or name in self.errors:
                continue
            value = self.cleaned_data.get(name)
            if raw == "":
                fields.append(name)
            elif name in ("from", "to"):
                if value is not None and raw == value.isoformat():
                    fields.append(name)
            elif name == "tag":
                if raw == value and Tag.objects.filter(slug=raw).exists():
                    fields.append(name)
            elif raw == value:  # a choice
                fields.append(name)
        return fields

    def valid_filters(self):
        """The filters that passed validation (all of them when the form is valid)."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v and k not in self.errors}

    @property
    def active_count(self):
        return len(self.valid_filters())
