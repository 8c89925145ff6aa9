"""Demo events, press coverage and the Chợ Tết hub's market and partners (all invented).

The campaigns' events took place in January and February 2024; a few standing activities
(legal and health consultations) are dated from the day the demo is loaded, so every site has
something coming up."""

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model

from activities.models import EventPage, PressMentionPage
from campaigns.models import CampaignPartner

from . import content
from .images import logo_image


def _at(value):
    return timezone.make_aware(dt.datetime.fromisoformat(value))


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def create_demo_activities(unions, column_pages, hubs, log=print):
    """Events and press coverage on the unions' sites; the market and partners on the hub.

    `unions`: {slug: Union}; `column_pages`: {union slug: {column key: ColumnPage}};
    `hubs`: {campaign slug: CampaignHubPage}."""
    events = 0
    for data in content.EVENTS:
        column = column_pages[data["site"]][data["column"]]
        if "days_from_now" in data:
            day = timezone.localdate() + dt.timedelta(days=data["days_from_now"])
            start = timezone.make_aware(dt.datetime.combine(day, dt.time(*data["time"])))
        else:
            start = _at(data["start"])
        _publish(
            column,
            EventPage(
                title=data["title"],
                start=start,
                end=start + dt.timedelta(hours=data["hours"]),
                kind=data["kind"],
                place=data["place"],
                address=data["address"],
                latitude=data.get("latitude"),
                longitude=data.get("longitude"),
                partners=data.get("partners", ""),
                intro=data["intro"],
            ),
        )
        events += 1
    for data in content.PRESS:
        _publish(
            column_pages[data["site"]][data["column"]],
            PressMentionPage(
                title=data["title"],
                outlet=data["outlet"],
                date=dt.date.fromisoformat(data["date"]),
                link=data["link"],
                intro=data.get("intro", ""),
            ),
        )
    market = content.MARKET
    hub = hubs[market["campaign"]]
    hub.market_name, hub.market_url, hub.market_intro = (
        market["name"],
        market["url"],
        market["intro"],
    )
    central = unions["central"]
    images = get_image_model()
    for order, partner in enumerate(market["partners"]):
        logo = images.objects.create(
            title=f"Biểu trưng {partner['name']}",
            description=f"Biểu trưng {partner['name']}",
            collection=central.collection,
            file=ImageFile(
                io.BytesIO(logo_image(partner["initials"], partner["colour"], motif=order)),
                name=f"doi-tac-{order + 1}.png",
            ),
        )
        CampaignPartner.objects.create(
            page=hub,
            sort_order=order,
            name=partner["name"],
            description=partner["description"],
            url=partner["url"],
            logo=logo,
        )
    hub.save_revision(log_action=False).publish(log_action=False)
    log(f"  {events} sự kiện, {len(content.PRESS)} bài báo chí viết về các công đoàn")
