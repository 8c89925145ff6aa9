from django import template

from pagecache.snapshot import locale_codes
from sites.identity import site_identity
from sites.network import get_network

register = template.Library()


@register.inclusion_tag("includes/site_nav.html", takes_context=True)
def site_nav(context, shown_elsewhere=()):
    """The current site's menu in the page's language: its home page's children marked "show
    in menus", but those the header shows already in another list (`shown_elsewhere`: objects
    with ``page_ids``, e.g. the campaigns' hubs and columns, campaigns.navigation)."""
    request = context["request"]
    identity = context.get("identity") or site_identity(request, context.get("page"))
    skip = {pk for link in shown_elsewhere for pk in link.page_ids}
    return {
        "request": request,
        "items": [item for item in identity.menu if item.pk not in skip],
        "home": identity.home,
        "current": context.get("page"),
    }


@register.simple_tag(takes_context=True)
def page_identity(context):
    """{% page_identity as identity %}: the site's name, slogan and home in the page's
    language (sites.identity); the page's own when its get_context made it already."""
    return context.get("identity") or site_identity(context["request"], context.get("page"))


@register.filter
def language_code(locale_id):
    """The language code of a locale id, from the cached locales (no query)."""
    return locale_codes().get(locale_id, "")


@register.simple_tag(takes_context=True)
def network_central(context):
    """The central site of the network as the page's language names it (for "back to the
    central site" links)."""
    network = get_network(context["request"])
    locale_id = getattr(context.get("page"), "locale_id", None)
    central = network.in_locale(locale_id).central if locale_id else None
    return central or network.central
