from django import template

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
    items = []
    if site is not None:
        root = site.root_page
        items = cached(
            f"menu:{site.pk}", lambda: list(root.get_children().live().public().in_menu())
        )
    skip = {pk for link in shown_elsewhere for pk in link.page_ids}
    return {
        "request": request,
        "items": [item for item in items if item.pk not in skip],
        "home": site.root_page if site else None,
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
