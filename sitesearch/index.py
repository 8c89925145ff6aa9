"""The public search's own index (sitesearch.models.SearchEntry): writing and querying.

Every live page that can be searched (it has ``folded_search_text``, see
sites.pages.BasePage) has one entry with its folded title and text, its date and its site.
Queries touch this one table, with the site as a plain id, so a search over the whole
network costs the same as a search of one union:

- PostgreSQL: ``vector @@ plainto_tsquery('simple', …)`` through a GIN index;
- SQLite (the embedded default): every word as `` word `` in the padded text.

Hits are ranked by how the query's syllables match (``match_rank``: side by side first), then
by every word in the title, then newest, among the newest ``RANKED`` pages with every word.
Draft saves do not touch the index; publishing, unpublishing, moving and deleting do
(sitesearch.signals).
"""

import datetime
import itertools

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Case, F, IntegerField, Q, Value, When
from wagtail.models import Page

from blog.listing import any_path_under, excluded_paths
from core.changes import everything_changed
from core.text import marked_text, search_text
from core.tree import SiteRoots

from .models import SearchEntry

CONFIG = "simple"  # the text is folded already: no stemming, no stop words
BATCH = 500
# A search ranks the newest this many pages that have every word (50 pages of results); the
# results page says so when there are that many (more words narrow it).
RANKED = 500


def _padded(text):
    return f" {text} " if text else " "


def _entry_date(page):
    value = getattr(page, "date", None) or getattr(page, "issue_date", None)
    if value is None and page.first_published_at:
        value = page.first_published_at.date()
    return value if isinstance(value, datetime.date) else None


def _is_searchable(page):
    return page.live and hasattr(page, "folded_search_text")


def _entry_for(page, roots):
    site = roots.site_for(page.path)
    return SearchEntry(
        page_id=page.pk,
        site_id=site.pk if site else None,
        locale_id=page.locale_id,
        path=page.path,
        title=_padded(search_text(page.title)),
        text=_padded(page.folded_search_text()),
        marked_title=_padded(marked_text(page.title)),
        marked_text=_padded(marked_text(*page.search_text_parts())),
        date=_entry_date(page),
    )


def _write(entries, using):
    """Insert or replace `entries` (and their vectors on PostgreSQL)."""
    if not entries:
        return
    ids = [entry.page_id for entry in entries]
    SearchEntry.objects.using(using).filter(page_id__in=ids).delete()
    SearchEntry.objects.using(using).bulk_create(entries)
    if connections[using].vendor == "postgresql":
        SearchEntry.objects.using(using).filter(page_id__in=ids).update(
            vector=SearchVector("text", config=CONFIG)
        )


def index_pages(pages, using="default"):
    """(Re)index these pages: live, searchable ones are written, the others removed."""
    roots = SiteRoots()
    entries, gone = [], []
    for page in pages:
        page = page.specific_deferred if type(page) is Page else page
        if _is_searchable(page):
            entries.append(_entry_for(page, roots))
        else:
            gone.append(page.pk)
    if gone:
        SearchEntry.objects.using(using).filter(page_id__in=gone).delete()
    _write(entries, using)


def index_page(page):
    index_pages([page])


def remove_page(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()


def index_branch(path):
    """Reindex the page at `path` and everything under it (after a move)."""
    pages = Page.objects.filter(path__startswith=path)
    SearchEntry.objects.filter(page__in=pages.values("pk"), page__live=False).delete()
    index_pages(pages.filter(live=True).specific())


def rebuild(pages=None):
    """Rebuild the entries of `pages` (default: every page) in batches; returns the count."""
    pages = Page.objects.all() if pages is None else pages
    SearchEntry.objects.filter(page__in=pages.values("pk"), page__live=False).delete()
    ids = list(pages.filter(live=True).order_by("path").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        index_pages(Page.objects.filter(pk__in=ids[start : start + BATCH]).specific())
    everything_changed()  # cached search pages
    return len(ids)


def assign_sites():
    """Set every entry's site again (after a site was added, moved or removed)."""
    roots = SiteRoots().roots
    for path, site in reversed(roots):  # shortest first: deeper roots win
        SearchEntry.objects.filter(page__path__startswith=path).update(site=site)
    outside = [path for path, _site in roots]
    stray = SearchEntry.objects.all()
    if outside:
        stray = stray.exclude(any_path_under(outside, field="page__path"))
    stray.update(site_id=None)


# How a hit matches the query, best first (SearchEntry annotated as ``match``).
PHRASE_IN_TITLE, PHRASE, FOLDED_PHRASE, NEAR, ALL_WORDS = range(5)


def _contains(field, words):
    return Q(**{f"{field}__contains": f" {' '.join(words)} "})


def match_rank(words, marked=()):
    """Vietnamese words are several syllables long ("đồng bào", "công đoàn"): the query's
    syllables side by side come first, in the title, then in the text; as typed, when the
    reader typed diacritics (`marked`), before the same syllables with other marks ("đóng
    bảo"); then each adjacent pair of them somewhere in the text ("near each other"), then
    pages that merely have them all."""
    if marked:
        phrase = [
            When(_contains("marked_title", marked), then=Value(PHRASE_IN_TITLE)),
            When(_contains("marked_text", marked), then=Value(PHRASE)),
            When(_contains("text", words), then=Value(FOLDED_PHRASE)),
        ]
    else:
        phrase = [
            When(_contains("title", words), then=Value(PHRASE_IN_TITLE)),
            When(_contains("text", words), then=Value(PHRASE)),
        ]
    near = []
    if len(words) > 2:
        pairs = Q()
        for first, second in itertools.pairwise(words):
            pairs &= _contains("text", [first, second])
        near = [When(pairs, then=Value(NEAR))]
    return Case(*phrase, *near, default=Value(ALL_WORDS), output_field=IntegerField())


def find(terms, site_ids, request=None, phrases=(), marked="", locale_id=None):
    """Entries (page id, date and ``match``: see match_rank) of live, public pages of the
    given sites (in the language of `locale_id`, when given) with every word of the (folded)
    `terms` and every quoted phrase as written, the newest RANKED of them:
    best match first (`marked`: the words with the diacritics typed, core.text.marked_terms),
    then every word in the title, then newest."""
    words = terms.split()
    if not words or not site_ids:
        return SearchEntry.objects.annotate(match=Value(ALL_WORDS)).none()
    entries = SearchEntry.objects.filter(site_id__in=site_ids)
    if locale_id is not None:
        entries = entries.filter(locale_id=locale_id)
    hidden = excluded_paths(request)
    if hidden:
        entries = entries.exclude(any_path_under(hidden))

    if connections[entries.db].vendor == "postgresql":
        entries = entries.filter(vector=SearchQuery(" ".join(words), config=CONFIG))
    else:
        for word in words:
            entries = entries.filter(text__contains=f" {word} ")
    for phrase in phrases:
        entries = entries.filter(_contains("text", phrase.split()))

    # Ranked among the newest RANKED pages with every word: on PostgreSQL the date index is
    # walked until that many match (or the few matches of a rare word are read from the text
    # index), so the cost follows RANKED, not how many pages of the network have the words.
    newest = entries.order_by("-date", "-page_id").values("pk")[:RANKED]
    in_title = Q()
    for word in words:
        in_title &= Q(title__contains=f" {word} ")
    title_first = Case(When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        SearchEntry.objects.filter(pk__in=newest)
        .only("page_id", "date")
        .annotate(match=match_rank(words, marked.split()))
        .order_by("match", title_first, F("date").desc(nulls_last=True), "-page_id")
    )
