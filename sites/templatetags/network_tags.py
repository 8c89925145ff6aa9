from django import template
from wagtail.models import Page

from pagecache.snapshot import cached, locale_codes
from sites.network import get_network, request_site

register = template.Library()


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context, shown_elsewhere=()):
    """The current site's menu: its home page's children marked "show in menus", but those
    the header shows already in another list (`shown_elsewhere`: objects with ``page_ids``,
    e.g. the campaigns' hubs and columns, campaigns.navigation)."""
    request = context["request"]
    site = request_site(request)
    items, home = [], None
    if site is not None:
        home_id = site.root_page_id
        page = context.get("page")
        locale_id = getattr(page, "locale_id", None)
        if locale_id is not None and getattr(page, "path", None):
            # An English page: the menu of the site's English home.
            own = get_network(request).in_locale(locale_id).site_for_path(page.path)
            if own is not None and own.site_id == site.pk:
                home_id = own.root_page_id

        def load():
            root = Page.objects.get(pk=home_id)
            return root, list(root.get_children().live().public().in_menu())

        home, items = cached(f"menu:{site.pk}:{home_id}", load)
    skip = {pk for link in shown_elsewhere for pk in link.page_ids}
    return {
        "request": request,
        "items": [item for item in items if item.pk not in skip],
        "home": home,
        "current": context.get("page"),
    }


@register.filter
def language_code(locale_id):
    """The language code of a locale id, from the cached locales (no query)."""
    return locale_codes().get(locale_id, "")


@register.simple_tag(takes_context=True)
def network_central(context):
    """The central site of the network (for "back to the central site" links)."""
    return get_network(context["request"]).central
