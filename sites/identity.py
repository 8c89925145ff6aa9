"""Who a page speaks for, in the page's language: the site's name and slogan and its home
page, for the header, the footer, the title and the sharing tags.

On an English page the union's English name (Union.name_en) and slogan (SiteBranding.tagline_en)
are used where the centre and the union gave them, and the brand links to the English home.
Everything comes from the network snapshot: no query once the snapshot is warm.
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Page

from pagecache.snapshot import cached, locale_codes, locale_id_for

from .models import SiteBranding
from .network import ENGLISH, get_network, request_site


@dataclass(frozen=True)
class SiteIdentity:
    name: str
    tagline: str
    home: object  # the site's home page in the page's language (a Page), or None
    menu: tuple  # the home's children shown in menus (includes/site_nav.html)
    # (both with `site_url`: their address on this site)


def _home(request, site, page):
    """(locale id, the site's home page id) in the page's language, or, for views that are no
    page (search, errors), in the language of the request (/en/…)."""
    locale_id = getattr(page, "locale_id", None)
    network = get_network(request)
    if locale_id is not None and getattr(page, "path", None):
        own = network.in_locale(locale_id).site_for_path(page.path)
        if own is not None and own.site_id == site.pk:
            return locale_id, own.root_page_id
        return locale_id, site.root_page_id
    locale_id = locale_id_for(get_language())
    own = network.in_locale(locale_id).by_site_id.get(site.pk) if locale_id else None
    if own is not None:
        return locale_id, own.root_page_id
    return None, site.root_page_id


def site_identity(request, page=None):
    """The SiteIdentity of the request's site as `page` (or a view without page) shows it."""
    site = request_site(request)
    if site is None:
        return SiteIdentity(name="", tagline="", home=None, menu=())
    locale_id, home_id = _home(request, site, page)

    def load():
        home = Page.objects.get(pk=home_id)
        menu = tuple(home.get_children().live().public().in_menu())
        # Their addresses on this site (the key's), worked out once per change: the header
        # links them on every page.
        for item in (home, *menu):
            item.site_url = item.get_url(request)
        return home, menu

    home, menu = cached(f"site-menu:{site.pk}:{home_id}", load, request)
    branding = SiteBranding.for_site(site)
    locale_id = locale_id or home.locale_id
    network = get_network(request).in_locale(locale_id)
    own = network.by_site_id.get(site.pk)
    english = locale_codes().get(locale_id) == ENGLISH
    return SiteIdentity(
        name=own.name if own is not None else site.site_name,
        tagline=(english and branding.tagline_en) or branding.tagline,
        home=home,
        menu=menu,
    )
