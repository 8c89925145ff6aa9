"""Public search: a union's own site, or the whole network on the central site.

Both fold the query the way pages are indexed (sitesearch.index, from
sites.pages.BasePage.folded_search_text), so diacritics, case, "đ" and decomposed (NFD)
input make no difference.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from blog.listing import paginate
from blog.models import central_news_hub
from core.text import highlight
from pagecache import SEARCH_MAX_STORED_LENGTH, canonical
from pagecache.snapshot import locale_id_for
from sites.languages import site_languages, view_language_links
from sites.network import get_network, request_site, request_union
from sites.sharing import view_share_meta

from . import index
from .forms import SearchForm
from .index import PHRASE, find

PER_PAGE = 10


SUMMARY_WORDS = 35


class Hit(NamedTuple):
    page_id: int
    match: int  # sitesearch.index.match_rank


@dataclass
class SearchResult:
    title: str
    url: str
    kind: str
    summary: str
    date: object
    union: object  # sites.network.NetworkSite
    terms: str = ""  # the folded words searched for

    @property
    def title_html(self):
        """The title with the words searched for in <mark> (core.text.highlight)."""
        return highlight(self.title, self.terms)

    @property
    def summary_html(self):
        return highlight(Truncator(self.summary).words(SUMMARY_WORDS), self.terms)


def build_results(request, entries, network, terms=""):
    """Result rows for one page of hits (sitesearch.index entries): one query per page
    type, not per result. The words of `terms` are highlighted in the page's own
    (accented) title and summary."""
    ids = [entry.page_id for entry in entries]
    # live: an entry never outlives its page's publication, but readers must never see a
    # draft even if one did.
    specific = Page.objects.filter(pk__in=ids, live=True).defer_streamfields().specific().in_bulk()
    results = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        results.append(
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                kind=str(page._meta.verbose_name).capitalize(),
                summary=page.get_meta_description(),
                date=getattr(page, "date", None) or getattr(page, "issue_date", None),
                union=network.site_for_path(page.path),
                terms=terms,
            )
        )
    return results


def vouch_for_cache(request, form, results_page):
    """Which parameters the page cache may store the answer under (see pagecache): a query
    of at most SEARCH_MAX_STORED_LENGTH characters as typed that finds something, a known
    union (or all)."""
    query = request.GET.get("q")
    if (
        query
        and query == form.query
        and len(query) <= SEARCH_MAX_STORED_LENGTH
        and results_page.paginator.count
    ):
        canonical(request, "q")
    union = request.GET.get("union")
    if union is not None and "union" in form.fields and (union == "" or form.chosen_site()):
        canonical(request, "union")


def search(request):
    site = request_site(request)
    network = get_network(request)
    current = request_union(request)
    if current is None:
        raise Http404
    if not current.is_active:
        return TemplateResponse(
            request, "home/site_offline.html", {"page": site.root_page.specific}, status=503
        )

    # A site searched in a language it has no pages in (/en/search/ on a union without an
    # English edition) is searched in its own language instead.
    own_languages = site_languages(current)
    if own_languages and get_language() not in own_languages:
        with translation.override(own_languages[0]):
            url = reverse("search")
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)
    languages = view_language_links(request, current, "search")

    # The pages of the language the reader reads in (/en/tim-kiem/: English pages only),
    # each union under its name in that language.
    locale_id = locale_id_for(get_language())
    network = network.in_locale(locale_id) if locale_id else network
    current = network.by_site_id.get(current.site_id, current)
    is_network = current.is_central
    form = SearchForm(request.GET or None, network_sites=network.active if is_network else None)
    sites = network.active if is_network else [current]
    if chosen := form.chosen_site():
        sites = [chosen]

    terms = form.terms
    # Every ranked hit (at most index.RANKED) as a narrow row, in one query: the count and
    # the page are taken from them instead of counting and sorting the hits twice.
    hits = [
        Hit(*row)
        for row in find(
            terms,
            [s.site_id for s in sites],
            request,
            phrases=form.phrases,
            marked=form.marked_terms,
            locale_id=locale_id,
        ).values_list("page_id", "match")
    ]
    results_page = paginate(request, hits, per_page=PER_PAGE, cache_count=False)
    vouch_for_cache(request, form, results_page)
    entries = list(results_page)
    # Several words typed, and no page has them side by side: say so above the weaker hits.
    no_phrase = len(terms.split()) > 1 and bool(entries) and entries[0].match > PHRASE
    news_hub = central_news_hub(network)
    return TemplateResponse(
        request,
        "sitesearch/search.html",
        {
            "form": form,
            "query": form.query,
            "terms": terms,
            "is_network": is_network,
            "results_page": results_page,
            "results": build_results(request, entries, network, terms),
            "no_phrase": no_phrase,
            # As many hits as are ranked: there may be more, older ones (sitesearch.index).
            "ranked_newest": (
                index.RANKED if results_page.paginator.count >= index.RANKED else None
            ),
            "news_hub_url": news_hub.get_url(request) if news_hub else None,
            "current_site": current,
            "languages": languages,
            "share": view_share_meta(
                request,
                _("Tìm kiếm trên toàn mạng lưới") if is_network else _("Tìm kiếm"),
                _("Tìm tin bài và văn bản, gõ có dấu hay không dấu đều được."),
            ),
        },
    )
