"""The public search's own index (sitesearch.models.SearchEntry): writing and querying.

Every live page that can be searched (it has ``folded_search_text``, see
sites.pages.BasePage) has one entry with its folded title and text, its date and its site.
Queries touch this one table, with the site as a plain id, so a search over the whole
network costs the same as a search of one union:

- PostgreSQL: ``vector @@ plainto_tsquery('simple', …)`` through a GIN index;
- SQLite (the embedded default): every word as `` word `` in the padded text.

Pages with every word in their title come first, then the newest. Draft saves do not touch
the index; publishing, unpublishing, moving and deleting do (sitesearch.signals).
"""

import datetime

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Case, F, IntegerField, Q, Value, When
from wagtail.models import Page

from blog.listing import any_path_under, excluded_paths
from core.changes import everything_changed
from core.text import search_text
from core.tree import SiteRoots

from .models import SearchEntry

CONFIG = "simple"  # the text is folded already: no stemming, no stop words
BATCH = 500


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
        path=page.path,
        title=_padded(search_text(page.title)),
        text=_padded(page.folded_search_text()),
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
    sites = SiteRoots().sites
    for site in reversed(sites):  # shortest first: deeper roots win
        SearchEntry.objects.filter(page__path__startswith=site.root_page.path).update(site=site)
    outside = [site.root_page.path for site in sites]
    stray = SearchEntry.objects.all()
    if outside:
        stray = stray.exclude(any_path_under(outside, field="page__path"))
    stray.update(site_id=None)


def find(terms, site_ids, request=None):
    """Entries (page id and date only) of live, public pages of the given sites with every
    word of the (folded) `terms`: those with every word in the title first, then newest."""
    words = terms.split()
    if not words or not site_ids:
        return SearchEntry.objects.none()
    entries = SearchEntry.objects.filter(site_id__in=site_ids)
    hidden = excluded_paths(request)
    if hidden:
        entries = entries.exclude(any_path_under(hidden))

    if connections[entries.db].vendor == "postgresql":
        entries = entries.filter(vector=SearchQuery(" ".join(words), config=CONFIG))
    else:
        for word in words:
            entries = entries.filter(text__contains=f" {word} ")

    in_title = Q()
    for word in words:
        in_title &= Q(title__contains=f" {word} ")
    title_first = Case(When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField())
    return entries.only("page_id", "date").order_by(
        title_first, F("date").desc(nulls_last=True), "-page_id"
    )
