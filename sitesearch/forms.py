from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.text import marked_terms, search_phrases, search_terms
from core.widgets import Select
from pagecache.snapshot import fragment_version

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, widget=forms.SearchInput)
    union = forms.ChoiceField(label=_("Công đoàn"), required=False, widget=Select)

    def __init__(self, data, *, network_sites=None, **kwargs):
        super().__init__(data, **kwargs)
        self.network_sites = {s.slug: s for s in network_sites or []}
        if network_sites:
            self.fields["union"].choices = [("", _("Tất cả công đoàn"))] + [
                (s.slug, s.name) for s in network_sites
            ]
        else:
            del self.fields["union"]
        self.fields["q"].widget.attrs.update(
            maxlength=MAX_QUERY_LENGTH, placeholder=_("Ví dụ: tet sum vay")
        )

    @property
    def query(self):
        """What the reader typed, trimmed; an over-long query is cut, not refused."""
        if not self.is_valid():
            return (self.data.get("q") or "")[:MAX_QUERY_LENGTH].strip()
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH].strip()

    @property
    def was_cut(self):
        return len((self.data.get("q") or "").strip()) > MAX_QUERY_LENGTH

    @property
    def terms(self):
        return search_terms(self.query)

    @property
    def marked_terms(self):
        """The words with the diacritics typed, or "" (core.text.marked_terms)."""
        return marked_terms(self.query)

    @property
    def phrases(self):
        """The quoted phrases of the query (core.text.search_phrases)."""
        return search_phrases(self.query)

    @property
    def union_cache_key(self):
        """What the rendered union choice shows (a row per union): the choices (the network's
        structure version, in this language) and the chosen one; None, not to be kept, for a
        value that is not a choice (so readers cannot fill the cache with made-up values)."""
        value = (self.data or {}).get("union") or ""
        if "union" not in self.fields or (value and value not in self.network_sites):
            return None
        return repr((value, fragment_version(), get_language()))

    def chosen_site(self):
        """The union picked in the filter, or None (an unknown one is reported, not fatal)."""
        if "union" not in self.fields or not self.is_valid():
            return None
        return self.network_sites.get(self.cleaned_data.get("union") or "")
