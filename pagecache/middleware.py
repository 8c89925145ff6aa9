"""Serve anonymous GET/HEAD requests for public pages from the shared cache.

Sits first in MIDDLEWARE, so a hit skips everything else: security headers, static files,
sessions, CSRF and the view (a stored answer keeps the headers they added; the key holds the
scheme, so an http request is never answered with an https page nor spared its redirect).
A hit usually costs one round trip to the cache: the entry and its site's counters together,
or only the counters of an entry this process holds in memory (see pagecache.cache).

Never cached nor served from cache: requests carrying a session or messages cookie,
logged-in users, previews, methods other than GET/HEAD, the admin, documents, media and
static files, query strings with parameters other than the listing filters, and responses
that are not 200, stream, set a cookie, use the CSRF token, or say ``private``/``no-cache``/
``no-store`` (restricted pages answer with a password form, which uses the CSRF token, or a
redirect to the login page). The ``X-Cache`` header says HIT, MISS (rendered and stored) or
BYPASS (rendered, not stored).

An address with a query string is stored only if it is canonical (see pagecache: the view
vouched for every parameter) and its site has not used up its budget of such addresses
(store.take_variant). When the shared cache cannot be reached every page is rendered from the
database and answered with BYPASS (see store, "when the shared cache cannot be reached").
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

from core import cache as shared

from . import cache as store
from . import is_canonical, snapshot

# The listing filters (news hub, network feed, search) and pagination.
ALLOWED_PARAMS = frozenset(
    {"union", "campaign", "column", "kind", "tag", "from", "to", "page", "q"}
)
# Headers replayed on a hit: all but these.
DROPPED_HEADERS = frozenset({"x-cache", "date", "set-cookie"})
SKIPPED_DIRECTIVES = ("private", "no-cache", "no-store")


def _prefixes():
    prefixes = [settings.STATIC_URL, settings.MEDIA_URL]
    for name, args in (("wagtailadmin_home", ()), ("wagtaildocs_serve", (1, "x"))):
        try:
            url = reverse(name, args=args)
        except NoReverseMatch:
            continue
        prefixes.append("/" + url.strip("/").split("/")[0] + "/")
    # Health checks (core.health): never stored, and answered without a look at the cache.
    for name in ("healthz", "readyz"):
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(p for p in prefixes if p and p != "/")


def public_headers(response, *, long_lived):
    max_age = settings.PAGE_CACHE_MAX_AGE
    s_maxage = settings.PAGE_CACHE_S_MAXAGE if long_lived else max_age
    patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)


def private_headers(response):
    if "Cache-Control" in response:
        del response["Cache-Control"]
    patch_cache_control(response, private=True, no_cache=True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_prefixes = None
        # host -> the counters its pages depend on, learnt from what it stores and serves.
        self.counters_by_host = {}

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        if self.skipped_prefixes is None:
            self.skipped_prefixes = _prefixes()
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.skipped_prefixes):
            return self.get_response(request)

        if self._personal(request):
            response = self.get_response(request)
            private_headers(response)
            return self._mark(response, "BYPASS")

        if not set(request.GET).issubset(ALLOWED_PARAMS) or not shared.available():
            return self._bypass(request, self.get_response(request))
        store.check_epoch_once()

        parts = self._key_parts(request)
        key = store.entry_key(parts)
        likely = self.counters_by_host.get(parts[1], ())
        entry, recorded = store.get_entry(key, likely)
        if not set(recorded) <= set(likely):  # an entry another process stored
            self._learn(parts[1], recorded)
        if entry is not None:
            return self._mark(self._from_entry(entry), "HIT")

        site = snapshot.request_site(request)
        if site is None:
            return self._mark(self.get_response(request), "BYPASS")
        names = [store.GLOBAL, store.site_counter(site.pk), store.NETWORK]
        before = store.generations(names, with_epoch=True)

        response = self.get_response(request)
        if not self._storable(request, response):
            if self._is_personal_response(request, response):
                private_headers(response)
            return self._mark(response, "BYPASS")
        if not (
            all(before[n] is not None for n in names)  # else the cache could not be reached
            and store.epoch_is_current(before[store.EPOCH_KEY])
            and is_canonical(request)
            and (not request.GET or store.take_variant(site.pk, before))
        ):
            return self._bypass(request, response)

        self._learn(parts[1], names)
        public_headers(response, long_lived=not request.GET)
        if not self._network_dependent(request, site, response):
            names.remove(store.NETWORK)
        store.set_entry(
            key,
            {
                "status": response.status_code,
                "headers": [
                    (h, v) for h, v in response.items() if h.lower() not in DROPPED_HEADERS
                ],
                "content": response.content,
                "generations": {n: before[n] for n in names},
            },
        )
        return self._mark(response, "MISS")

    def _bypass(self, request, response):
        """Answer without storing: public headers if it could have been stored."""
        if self._storable(request, response):
            public_headers(response, long_lived=False)
        elif self._is_personal_response(request, response):
            private_headers(response)
        return self._mark(response, "BYPASS")

    def _learn(self, host, names):
        """Remember which counters this host's pages depend on (see store.get_entry)."""
        if len(self.counters_by_host) > 10_000:  # hosts are few; never let it grow unbounded
            self.counters_by_host.clear()
        known = self.counters_by_host.get(host, ())
        self.counters_by_host[host] = tuple(dict.fromkeys([*known, *names]))

    @staticmethod
    def _personal(request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return True
        user = getattr(request, "user", None)
        # Wagtail's previews run through the middleware as a "dummy" request.
        return bool(
            getattr(request, "is_dummy", False)
            or getattr(request, "is_preview", False)
            or (user and user.is_authenticated)
        )

    def _is_personal_response(self, request, response):
        return bool(
            self._personal(request)
            or response.cookies
            or "private" in response.get("Cache-Control", "")
        )

    @staticmethod
    def _key_parts(request):
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        params = sorted((k, v) for k in request.GET for v in request.GET.getlist(k))
        # [1] is the host (see counters_by_host).
        return [
            request.scheme,
            request.get_host(),
            request.path,
            language,
            "&".join(f"{k}={v}" for k, v in params),
        ]

    def _storable(self, request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and getattr(response, "page_cacheable", True)
            and not any(d in cache_control for d in SKIPPED_DIRECTIVES)
            and not self._personal(request)
        )

    @staticmethod
    def _network_dependent(request, site, response):
        """Whether the response may show content of other sites (see pagecache.cache)."""
        # The network the view loaded (sites.network.get_network); unknown means "yes".
        network = getattr(request, "network", None)
        own = next((s for s in network.sites if s.site_id == site.pk), None) if network else None
        if own is None or own.is_central:
            return True
        page = (getattr(response, "context_data", None) or {}).get("page")
        return page is not None and getattr(page, "shows_network_content", True)

    @staticmethod
    def _from_entry(entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        return response

    @staticmethod
    def _mark(response, state):
        response["X-Cache"] = state
        return response
