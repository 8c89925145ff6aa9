"""Where a reader finds the campaigns from any page of any site: each active campaign's central
hub (chuyên trang) and the current site's own column for it.

Cached with the network snapshot (pagecache.snapshot): the hubs once for the network, the
columns once per site; the status (upcoming, running, ended) is worked out per request from
the dates. Publishing or unpublishing a hub reaches every site's cached pages
(``CampaignHubPage.linked_from_every_site``, see core.changes).
"""

from dataclasses import dataclass

from django.utils import timezone, translation

from blog.listing import visible
from blog.models import Campaign, ColumnPage, campaign_by_id, campaign_choices
from pagecache.snapshot import cached
from sites.network import get_network

from .models import CampaignHubPage, CampaignStatus, campaign_status


@dataclass(frozen=True)
class CampaignLink:
    campaign: Campaign
    status: str  # CampaignStatus
    hub_url: str | None  # the central hub of the campaign, when published
    column_url: str | None  # the current site's column for it, when there is one
    page_ids: tuple = ()  # the hub's and the column's, to mark the current page

    @property
    def status_label(self):
        return CampaignStatus(self.status).label

    @property
    def url(self):
        """Where the campaign's name links to: its hub, else this site's column."""
        return self.hub_url or self.column_url


def _hubs():
    """{(campaign id, locale id): hub page} of the published, public campaign hubs (a
    campaign's hub and its English translation share the campaign)."""
    return cached(
        "campaign-hubs",
        lambda: {
            (hub.campaign_id, hub.locale_id): hub for hub in visible(CampaignHubPage.objects.all())
        },
    )


def _site_columns(request, locale_id):
    """{campaign id: column page} of the visible column pages of the request's site in the
    language of `locale_id` (under its home in that language), the first of each."""
    own = get_network(request).by_site_id.get(request.site.pk)
    homes = (
        [path for home_locale, path, _pk in own.homes if home_locale == locale_id] if own else []
    )
    if not homes:
        return {}

    def load():
        columns = {}
        pages = visible(ColumnPage.objects.filter(path__startswith=homes[0], depth__gt=2))
        for page in pages.filter(campaign__isnull=False).order_by("path"):
            columns.setdefault(page.campaign_id, page)
        return columns

    return cached(f"campaign-columns:{request.site.pk}:{locale_id}", load)


def campaign_link(request, campaign, today=None, locale_id=None):
    """The CampaignLink of `campaign` (or of a campaign id) on the request's site, to the
    pages in the language of `locale_id` (default: the campaign's own, Vietnamese)."""
    if not isinstance(campaign, Campaign):
        campaign = campaign_by_id(campaign)
    if campaign is None:
        return None
    locale_id = locale_id or campaign.locale_id
    hub = _hubs().get((campaign.pk, locale_id))
    site = request.site
    column = _site_columns(request, locale_id).get(campaign.pk) if site is not None else None
    return CampaignLink(
        campaign=campaign,
        status=campaign_status(campaign, today),
        hub_url=hub.get_url(request) if hub else None,
        column_url=column.get_url(request) if column else None,
        page_ids=tuple(p.pk for p in (hub, column) if p is not None),
    )


RECENT = 3


def active_campaigns(request, locale_id, today=None):
    """The campaigns running now, then those coming, in the locale, each with its links; when
    none is under way, the latest ones that ended (a reader still finds last season's).

    Every page's header shows them: kept per site, locale, language and day with the snapshot
    (the links depend on the request only through its site and language)."""
    today = today or timezone.localdate()
    site = request.site
    if site is None:
        return _active_campaigns(request, locale_id, today)
    key = f"active-campaigns:{site.pk}:{locale_id}:{translation.get_language()}:{today}"
    return cached(key, lambda: _active_campaigns(request, locale_id, today))


def _active_campaigns(request, locale_id, today):
    links = [
        campaign_link(request, c, today, locale_id) for c in campaign_choices(locale_id, request)
    ]
    links = [link for link in links if link.url]
    under_way = [link for link in links if link.status != CampaignStatus.ENDED]
    if not under_way:
        return sorted(links, key=lambda link: link.campaign.start_date, reverse=True)[:RECENT]
    order = {CampaignStatus.RUNNING: 0, CampaignStatus.UPCOMING: 1}
    return sorted(under_way, key=lambda link: (order[link.status], link.campaign.start_date))
