"""A per-request picture of the whole network: every union's site, in one query.

Listings that gather pages from several sites use it to label each page with its union
and to keep out inactive unions, without one query per page or per site.
"""

import copy
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from core.tree import TREE_STEP
from pagecache.snapshot import cached, locale_codes
from pagecache.snapshot import request_site as snapshot_request_site

from .models import Department, Union

ENGLISH = "en"  # the language whose names the models keep in *_en fields


@dataclass(frozen=True)
class NetworkSite:
    union_id: int
    site_id: int
    name: str
    short_name: str
    slug: str
    is_central: bool
    is_active: bool
    root_path: str  # the home page's tree path (treebeard), for prefix matching
    root_url: str
    root_page_id: int
    # The home page in every language: (locale id, tree path, page id), the site's own home
    # first. Translations (English editions) are the home's siblings under the tree root.
    homes: tuple = ()
    home_key: str = ""  # the home page's translation key (shared by its translations)
    # The union's names on English pages (Union.name_en), "" when the centre gave none.
    name_en: str = ""
    short_name_en: str = ""
    # The tree paths of every child of the tree root (each site's home in every language and
    # any other page there), the same for every site: blog.listing.in_sites writes "under
    # these sites' homes" as "under none of the others" when those are fewer.
    top_level_paths: tuple = field(default=(), compare=False, repr=False)
    # The language prefix of the homes this view of the network is rooted at ("/en" in
    # Network.in_locale for English pages, "" for the network's own language).
    path_prefix: str = ""

    @property
    def home_url(self):
        """The address of the site's home page in the language of this view."""
        return f"{self.root_url}{self.path_prefix}/"


@dataclass(frozen=True)
class NetworkDepartment:
    """A central department, as an article's source (see Network.source_of)."""

    department_id: int
    name: str
    short_name: str
    slug: str
    name_en: str = ""  # its names on English pages, "" when none was given
    short_name_en: str = ""


class Network:
    def __init__(self, sites, departments=()):
        # Central site first, then unions by name.
        self.sites = sorted(sites, key=lambda s: (not s.is_central, s.name.lower()))
        self.departments = sorted(departments, key=lambda d: d.name.lower())

    @cached_property
    def departments_by_id(self):
        return {d.department_id: d for d in self.departments}

    @cached_property
    def departments_by_slug(self):
        return {d.slug: d for d in self.departments}

    def source_of(self, page, site=None):
        """Who an article comes from: its department (central articles a department
        supplied), otherwise the union whose site holds it (`site`, if the caller has it)."""
        department = self.departments_by_id.get(getattr(page, "department_id", None))
        return department or site or self.site_for_path(page.path)

    @cached_property
    def central(self):
        return next((s for s in self.sites if s.is_central), None)

    @cached_property
    def active(self):
        return [s for s in self.sites if s.is_active]

    @cached_property
    def unions(self):
        """Active subordinate unions (the directory)."""
        return [s for s in self.active if not s.is_central]

    @cached_property
    def by_site_id(self):
        return {s.site_id: s for s in self.sites}

    @cached_property
    def by_slug(self):
        return {s.slug: s for s in self.sites}

    def site_is_offline(self, home_page_id):
        """Whether the site with this home page (in any language) belongs to a deactivated
        union."""
        return any(
            not s.is_active
            and any(pk == home_page_id for _, _, pk in s.homes or [(0, "", s.root_page_id)])
            for s in self.sites
        )

    @cached_property
    def _site_by_home_path(self):
        by_path = {}
        for site in self.sites:
            for _, path, _ in site.homes or [(0, site.root_path, 0)]:
                by_path.setdefault(path, site)
        return by_path

    def site_for_path(self, path):
        """The network site whose home page, in any language, is an ancestor of (or is) the
        page at `path`: the deepest of them, found among the path's few ancestors rather than
        among every site (listings ask once per card)."""
        by_path = self._site_by_home_path
        for end in range(len(path) - len(path) % TREE_STEP, 0, -TREE_STEP):
            site = by_path.get(path[:end])
            if site is not None:
                return site
        return None

    def in_locale(self, locale_id):
        """The network as pages in that language see it: each site rooted at its home in that
        language (listings then gather only that language's pages); sites without one are left
        out; on English pages, each union under its English names where it has them. The
        network itself when every site's home is in that language."""
        if all(not s.homes or s.homes[0][0] == locale_id for s in self.sites):
            return self
        memo = self.__dict__.setdefault("_in_locale", {})
        if locale_id not in memo:
            code = locale_codes().get(locale_id)
            english = code == ENGLISH
            with translation.override(code):
                prefix = reverse("wagtail_serve", args=[""]).rstrip("/")
            sites = []
            for site in self.sites:
                home = next((h for h in site.homes if h[0] == locale_id), None)
                if home is None:
                    continue
                names = {}
                if english:
                    names = {
                        "name": site.name_en or site.name,
                        "short_name": site.short_name_en or site.short_name,
                    }
                sites.append(
                    replace(
                        site,
                        root_path=home[1],
                        root_page_id=home[2],
                        path_prefix=prefix,
                        **names,
                    )
                )
            departments = self.departments
            if english:
                departments = [
                    replace(
                        d,
                        name=d.name_en or d.name,
                        short_name=d.short_name_en or d.short_name,
                    )
                    for d in departments
                ]
            memo[locale_id] = Network(sites, departments)
        return memo[locale_id]


def load_network():
    unions = Union.objects.select_related("site__root_page").only(
        "id",
        "name",
        "short_name",
        "name_en",
        "short_name_en",
        "slug",
        "is_central",
        "is_active",
        "site__id",
        "site__hostname",
        "site__port",
        "site__root_page_id",
        "site__root_page__path",
        "site__root_page__translation_key",
        "site__root_page__locale_id",
    )
    homes = {}
    top_level = Page.objects.filter(depth=2).values_list(
        "translation_key", "locale_id", "path", "pk"
    )
    for key, locale_id, path, pk in top_level:
        homes.setdefault(key, []).append((locale_id, path, pk))
    top_level_paths = tuple(sorted(path for _key, _locale, path, _pk in top_level))
    return Network(
        [
            NetworkSite(
                union_id=u.id,
                site_id=u.site.id,
                name=u.name,
                short_name=u.short_name,
                name_en=u.name_en,
                short_name_en=u.short_name_en,
                slug=u.slug,
                is_central=u.is_central,
                is_active=u.is_active,
                root_path=u.site.root_page.path,
                root_url=u.site.root_url,
                root_page_id=u.site.root_page_id,
                home_key=str(u.site.root_page.translation_key),
                top_level_paths=top_level_paths,
                homes=tuple(
                    sorted(
                        homes.get(u.site.root_page.translation_key, []),
                        key=lambda home, own=u.site.root_page_id: home[2] != own,
                    )
                ),
            )
            for u in unions
        ],
        [
            NetworkDepartment(
                department_id=d.id,
                name=d.name,
                short_name=d.short_name,
                slug=d.slug,
                name_en=d.name_en,
                short_name_en=d.short_name_en,
            )
            for d in Department.objects.only(
                "id", "name", "short_name", "slug", "name_en", "short_name_en"
            )
        ],
    )


def get_network(request=None):
    """The network for this request: loaded (from the snapshot) at the first call and kept as
    ``request.network``; the page cache reads that to know whether the view used it."""
    if request is None:
        return load_network()
    network = getattr(request, "network", None)
    if network is None:
        network = request.network = cached("network", load_network)
    return network


def request_site(request):
    """The Wagtail site answering the request (None only in a network with no site at all),
    looked up at most once per request: see pagecache.snapshot.request_site."""
    return snapshot_request_site(request)


def _localized_home(root_page, language):
    """Wagtail's home page for `language` (Page.localized: the site's root page or its live
    translation in that language), specific, without its body (StreamFields are read from
    the database when the home page itself is shown)."""
    with translation.override(language):
        home = root_page.localized
    cls = home.specific_class
    if cls is None:
        return home
    return cls.objects.defer_streamfields().filter(pk=home.pk).first() or home


def route(request, path):
    """Wagtail's route for the request (Page.route_for_request), with the site and its home
    page in the active language from the network snapshot, so that routing starts at the
    page's own lookup (sites.pages.BasePage.route) instead of three queries (the site, the
    locale, the home's specific row). Kept where Wagtail looks for it."""
    site = request_site(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    language = translation.get_language()
    home = cached(
        f"home-page:{site.root_page_id}:{language}",
        lambda: _localized_home(site.root_page, language),
    )
    home = copy.copy(home)  # shared by every request of the process: see request_site
    try:
        result = home.route(request, [part for part in path.split("/") if part])
    except Http404:
        result = None
    request._wagtail_route_for_request = result


def request_union(request):
    """The network's entry (NetworkSite) for the site answering the request, or None."""
    site = request_site(request)
    return get_network(request).by_site_id.get(site.pk) if site is not None else None


class SiteContextMiddleware:
    """Where a request is, for templates: ``request.site`` (Wagtail's site for the host,
    looked up on first use, once: request_site); ``request.network`` once get_network has
    loaded it; the union through request_union. A response that never needs the site (an
    admin screen, a media file) costs no lookup. A page is routed from the snapshot before
    Wagtail's view runs (route)."""

    def __init__(self, get_response):
        from wagtail.views import serve  # (needs the models loaded)

        self.get_response = get_response
        self.wagtail_serve = serve

    def __call__(self, request):
        request.site = SimpleLazyObject(lambda: request_site(request))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.wagtail_serve:  # a page: routed from the snapshot (route)
            route(request, view_kwargs.get("path", view_args[0] if view_args else ""))
