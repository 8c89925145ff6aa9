from django import template
from django.utils.translation import get_language

from campaigns.navigation import active_campaigns, campaign_link
from pagecache.snapshot import locale_id_for

register = template.Library()


def _locale_id(context):
    """The page's locale, or (pages without one: search, errors) the active language's."""
    locale_id = getattr(context.get("page"), "locale_id", None)
    if locale_id:
        return locale_id
    language = get_language()
    return locale_id_for(language)


@register.inclusion_tag("campaigns/includes/campaign_nav.html", takes_context=True)
def campaign_nav(context, links=None):
    """The active campaigns, in every site's header: each one's hub, and this site's column
    (`links`: active_campaign_links, when the template has them already)."""
    if links is None:
        links = active_campaigns(context["request"], _locale_id(context))
    return {"links": links, "current": context.get("page")}


@register.simple_tag(takes_context=True)
def active_campaign_links(context):
    """The active campaigns with their links (a union's home lists them with their dates)."""
    return active_campaigns(context["request"], _locale_id(context))


@register.simple_tag(takes_context=True)
def link_for_campaign(context, campaign):
    """{% link_for_campaign campaign as link %}: its hub and this site's column (or None)."""
    if not campaign:
        return None
    return campaign_link(context["request"], campaign, locale_id=_locale_id(context))
