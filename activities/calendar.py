"""iCalendar feeds (RFC 5545) of events, for phones' and desktops' calendars: one event, a
site's events, a campaign's events across the network. Written with the `icalendar` library."""

from datetime import timedelta

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vGeo

from blog.listing import in_sites, visible
from blog.models import Campaign
from blog.seo import answering_site
from sites.network import get_network

from .models import EventPage

# A feed lists what is to come and what ended in the last few months, at most this many.
FEED_PAST_DAYS = 120
FEED_LIMIT = 500


def build_calendar(request, events, name):
    network = get_network(request)
    calendar = Calendar()
    calendar.add("prodid", "-//Cong doan Vien chuc Viet Nam//Lich su kien//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    host = request.get_host().split(":")[0]
    for page in events:
        site = network.site_for_path(page.path)
        event = Event()
        event.add("uid", f"su-kien-{page.pk}@{host}")
        event.add(
            "dtstamp", page.last_published_at or page.latest_revision_created_at or timezone.now()
        )
        event.add("dtstart", page.start)
        event.add("dtend", page.end)
        event.add("summary", page.title)
        event.add("location", ", ".join(part for part in (page.place, page.address) if part))
        if page.latitude is not None and page.longitude is not None:
            event.add("geo", vGeo((float(page.latitude), float(page.longitude))))
        description = [page.intro] if page.intro else []
        if site:
            description.append(_("Đơn vị tổ chức: %(union)s") % {"union": site.name})
        if description:
            event.add("description", "\n".join(description))
        event.add("categories", [str(page.get_kind_display())])
        url = page.get_full_url(request)
        if url:
            event.add("url", url)
        if site:
            event.add("organizer", f"{site.root_url}/", parameters={"cn": site.name})
        calendar.add_component(event)
    return calendar


def calendar_response(request, events, name, filename):
    body = build_calendar(request, events, name).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _feed_events(queryset):
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    return list(
        visible(queryset)
        .filter(end__gte=since)
        .defer_streamfields()
        .order_by("start", "pk")[:FEED_LIMIT]
    )


def site_calendar(request):
    """The events of the site answering this host."""
    _network, own, _site = answering_site(request)
    events = _feed_events(in_sites(EventPage.objects.all(), [own]))
    return calendar_response(
        request, events, _("Lịch sự kiện – %(name)s") % {"name": own.name}, "su-kien.ics"
    )


def campaign_calendar(request, slug):
    """A campaign's events: the union's own on its host, every active union's centrally."""
    network, own, site = answering_site(request)
    campaign = Campaign.objects.filter(slug=slug, locale_id=site.root_page.locale_id).first()
    if campaign is None:
        raise Http404
    sites = network.active if own.is_central else [own]
    events = _feed_events(in_sites(EventPage.objects.filter(campaign=campaign), sites))
    name = _("Lịch sự kiện – %(campaign)s") % {"campaign": campaign.name}
    return calendar_response(request, events, name, f"{campaign.slug}.ics")
