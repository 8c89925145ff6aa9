"""A per-request picture of the whole network: every union's site, in one query.

Listings that gather pages from several sites use it to label each page with its union
and to keep out inactive unions, without one query per page or per site.
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from core.tree import deepest_root
from pagecache.snapshot import cached

from .models import Department, Union


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


@dataclass(frozen=True)
class NetworkDepartment:
    """A central department, as an article's source (see Network.source_of)."""

    department_id: int
    name: str
    short_name: str
    slug: str


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

    def source_of(self, page):
        """Who an article comes from: its department (central articles a department
        supplied), otherwise the union whose site holds it."""
        department = self.departments_by_id.get(getattr(page, "department_id", None))
        return department or self.site_for_path(page.path)

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
        """Whether the site with this home page belongs to a deactivated union."""
        return any(s.root_page_id == home_page_id and not s.is_active for s in self.sites)

    def site_for_path(self, path):
        """The network site whose home page is an ancestor of (or is) the page at `path`."""
        return deepest_root(path, self.sites)


def load_network():
    unions = Union.objects.select_related("site__root_page").only(
        "id",
        "name",
        "short_name",
        "slug",
        "is_central",
        "is_active",
        "site__id",
        "site__hostname",
        "site__port",
        "site__root_page_id",
        "site__root_page__path",
    )
    return Network(
        [
            NetworkSite(
                union_id=u.id,
                site_id=u.site.id,
                name=u.name,
                short_name=u.short_name,
                slug=u.slug,
                is_central=u.is_central,
                is_active=u.is_active,
                root_path=u.site.root_page.path,
                root_url=u.site.root_url,
                root_page_id=u.site.root_page_id,
            )
            for u in unions
        ],
        [
            NetworkDepartment(department_id=d.id, name=d.name, short_name=d.short_name, slug=d.slug)
            for d in Department.objects.only("id", "name", "short_name", "slug")
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
    """The Wagtail site answering the request (None only in a network with no site at all):
    Wagtail's lookup, made at most once per request and kept on it."""
    return Site.find_for_request(request)


def request_union(request):
    """The network's entry (NetworkSite) for the site answering the request, or None."""
    site = request_site(request)
    return get_network(request).by_site_id.get(site.pk) if site is not None else None


class SiteContextMiddleware:
    """Where a request is, for templates: ``request.site`` (Wagtail's site for the host,
    looked up on first use, once: request_site); ``request.network`` once get_network has
    loaded it; the union through request_union. A response that never needs the site (an
    admin screen, a media file) costs no lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.site = SimpleLazyObject(lambda: request_site(request))
        return self.get_response(request)
