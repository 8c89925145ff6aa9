"""Feed discovery: ``{% feed_links %}`` puts the page's RSS and Atom links in <head>."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from wagtail.models import Page

from blog.feeds import feed_namespace, filter_query
from blog.models import ArticlePage, ColumnPage, NewsHubPage, column_choices, column_of_path
from core import tree
from sites.network import get_network

register = template.Library()

FORMATS = (("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom"))


def _feed_links(own, name, title, kwargs=None, query="", namespace="feeds"):
    """RSS and Atom rows for one feed, on the host of the page's own site."""
    rows = []
    for suffix, mime_type, label in FORMATS:
        url = own.root_url + reverse(f"{namespace}:{name}_{suffix}", kwargs=kwargs)
        if query:
            url = f"{url}?{query}"
        rows.append((mime_type, f"{title} ({label})", url))
    return rows


def _column_slug(page):
    if isinstance(page, ColumnPage):
        return column_of_path(page.path)
    # An article's column: its parent column page's shared column.
    return column_of_path(tree.parent_path(page.path))


@register.simple_tag(takes_context=True)
def feed_links(context):
    """<link rel="alternate"> tags for the feeds that match the page being shown."""
    request, page = context.get("request"), context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return ""
    network = get_network(request)
    namespace = feed_namespace(page.locale_id)
    if namespace != "feeds":
        # An English page announces the English feeds (blog/feeds.py, /en/feeds/…).
        network = network.in_locale(page.locale_id)
    own = network.site_for_path(page.path)
    if own is None or not own.is_active:
        return ""

    def _links(*args, **kwargs):
        return _feed_links(*args, namespace=namespace, **kwargs)

    site_title = _("Tin bài – %(name)s") % {"name": own.name}
    network_title = _("Tin các công đoàn – %(name)s") % {"name": own.name}
    rows = []
    if isinstance(page, NewsHubPage):
        form = context.get("filter_form")
        query = filter_query(form) if form is not None else ""
        rows += _links(own, "network", network_title, query=query)
    elif isinstance(page, ColumnPage | ArticlePage):
        column = _column_slug(page)
        if column:
            slug, name = column
            if namespace != "feeds":  # the column's name in the page's language
                words = {c.slug: c.name for c in column_choices(page.locale_id, request)}
                name = words.get(slug, name)
            title = _("%(column)s – %(name)s") % {"column": name, "name": own.name}
            if isinstance(page, ColumnPage):
                rows += _links(own, "column", title, {"slug": slug})
                rows += _links(own, "site", site_title)
            else:
                rows += _links(own, "site", site_title)
                rows += _links(own, "column", title, {"slug": slug})
        else:
            rows += _links(own, "site", site_title)
    else:
        # A campaign hub (campaigns app) announces its campaign's feed first.
        campaign = getattr(page, "feed_campaign", None)
        if campaign is not None:
            title = (
                _("%(campaign)s – toàn mạng %(name)s")
                if own.is_central
                else _("%(campaign)s – %(name)s")
            )
            rows += _links(
                own,
                "campaign",
                title % {"campaign": campaign.name, "name": own.name},
                {"slug": campaign.slug},
            )
        rows += _links(own, "site", site_title)
        if own.is_central and page.path == own.root_path:  # the central home page
            rows += _links(own, "network", network_title)
    return format_html_join(
        "\n    ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        rows,
    )
