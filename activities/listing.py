"""Events and press coverage as the campaign hub and a union's home list them.

Both lists are cached under the network snapshot (any publish bumps it, see
``pagecache.snapshot``) and a ten-minute time bucket, since an event moves from "upcoming"
to "past" without anyone saving anything; the page cache keeps a page at most as long. A
page showing them runs no query for them once the lists are cached, three when they are not.
"""

import time
from dataclasses import dataclass

from django.utils import timezone

from blog.listing import in_sites, visible
from pagecache.snapshot import cached

from .models import EventPage, PressMentionPage, map_url, same_day

UPCOMING_COUNT = 6
PAST_COUNT = 3
PRESS_COUNT = 6
BUCKET_SECONDS = 600
EVENT_FIELDS = (
    "id", "title", "url_path", "path", "depth", "locale_id", "start", "end", "kind", "place",
    "address", "latitude", "longitude",
)  # fmt: skip


@dataclass(frozen=True)
class EventItem:
    title: str
    url: str
    start: object  # aware datetime
    end: object
    kind: str
    place: str
    address: str
    map_url: str
    union: str  # the organising union's name

    @property
    def ongoing(self):
        return self.start <= timezone.now() <= self.end

    @property
    def same_day(self):
        return same_day(self.start, self.end)


@dataclass(frozen=True)
class PressItem:
    headline: str
    outlet: str
    date: object
    link: str
    union: str


@dataclass(frozen=True)
class Activities:
    upcoming: list
    past: list
    press: list

    def __bool__(self):
        return bool(self.upcoming or self.past or self.press)


def _bucket():
    return int(time.time() // BUCKET_SECONDS)


def _event_items(pages, network):
    items = []
    for page in pages:
        site = network.site_for_path(page.path)
        items.append(
            EventItem(
                title=page.title,
                url=page.get_url() or "",
                start=page.start,
                end=page.end,
                kind=page.get_kind_display(),
                place=page.place,
                address=page.address,
                map_url=map_url(page.latitude, page.longitude, page.place, page.address),
                union=site.name if site else "",
            )
        )
    return items


def _press_items(pages, network):
    items = []
    for page in pages:
        site = network.site_for_path(page.path)
        items.append(
            PressItem(
                headline=page.title,
                outlet=page.outlet,
                date=page.date,
                link=page.link,
                union=site.name if site else "",
            )
        )
    return items


def _load(events, press, network):
    now = timezone.now()
    events = visible(events).only(*EVENT_FIELDS)
    upcoming = events.filter(end__gte=now).order_by("start", "pk")[:UPCOMING_COUNT]
    past = events.filter(end__lt=now).order_by("-start", "-pk")[:PAST_COUNT]
    press = (
        visible(press)
        .only("id", "title", "path", "outlet", "date", "link")
        .order_by("-date", "-pk")[:PRESS_COUNT]
    )
    return Activities(
        upcoming=_event_items(upcoming, network),
        past=_event_items(past, network),
        press=_press_items(press, network),
    )


def campaign_activities(campaign, network, request=None):
    """The campaign's events (upcoming and recent) and press coverage, every active union's."""
    if campaign is None:
        return Activities([], [], [])
    sites = network.active

    def load():
        return _load(
            in_sites(EventPage.objects.filter(campaign=campaign), sites),
            in_sites(PressMentionPage.objects.filter(campaign=campaign), sites),
            network,
        )

    return cached(f"campaign-activities:{campaign.pk}:{_bucket()}", load, request)


def site_activities(site, network, request=None):
    """One site's events (upcoming and recent) and press coverage, every campaign's."""
    if site is None:
        return Activities([], [], [])

    def load():
        return _load(
            in_sites(EventPage.objects.all(), [site]),
            in_sites(PressMentionPage.objects.all(), [site]),
            network,
        )

    return cached(f"site-activities:{site.site_id}:{_bucket()}", load, request)
