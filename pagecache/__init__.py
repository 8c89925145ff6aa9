"""The page cache: anonymous GET/HEAD of public pages, answered from the shared cache.

See pagecache.middleware (what is cached and when), pagecache.cache (the entries and their
invalidation, and what happens when the shared cache cannot be reached) and pagecache.signals
(the events that invalidate).

What may be stored (bounded cache)
----------------------------------

Anyone can make up addresses, so only *canonical* ones are stored; the others are answered
as usual (200, or 404 where they were) with ``X-Cache: BYPASS`` and leave nothing behind:

- an address without a query string;
- an address whose every query parameter the view vouched for with `canonical`, each given
  once: a listing filter naming something that exists (``union``: an active union;
  ``campaign``, ``column``, ``kind``: one of the choices; ``tag``: an existing tag's slug;
  ``from``/``to``: a date written ``YYYY-MM-DD``; an empty value: "all"), ``page``: the
  number of a page the listing has, written as the page links write it (a missing, malformed
  or too large number is answered with the first or last page, not stored);
- search (``q``): only a query of at most SEARCH_MAX_STORED_LENGTH characters, as typed
  (no surrounding spaces), that finds something; other searches are answered every time from
  the search index (which is what the cache would have spared).

On top of that, each site stores at most PAGE_CACHE_MAX_VARIANTS addresses with a query
string while its counters are unchanged and within PAGE_CACHE_TIMEOUT (pagecache.cache
.take_variant): canonical combinations of filters and pages cannot fill the cache either.
Listing counts are cached (pagecache.snapshot) only for filters chosen from fixed lists, not for
tags, dates or search words (blog.listing.paginate).
"""

SEARCH_MAX_STORED_LENGTH = 64


def canonical(request, *names):
    """The view vouches that these query parameters of `request` hold canonical values."""
    request._page_cache_canonical = getattr(request, "_page_cache_canonical", set()) | set(names)


def is_canonical(request):
    """Whether every query parameter was vouched for, and given once."""
    accepted = getattr(request, "_page_cache_canonical", ())
    return all(name in accepted and len(request.GET.getlist(name)) == 1 for name in request.GET)
