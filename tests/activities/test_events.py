"""Events: listed upcoming and past on the union's home and the campaign hub, on the
iCalendar feeds (parsed back with `icalendar`), with a map link and no third-party script."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from activities.factories import EventPageFactory, local
from activities.models import EventPage
from centre.services import set_union_active
from tests.campaigns.conftest import make_hub
from tests.conftest import host

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page


def events_of(response):
    calendar = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def events(network):
    now = timezone.now().replace(second=0, microsecond=0)  # calendars keep whole seconds
    column = network.columns["tu-phap"]
    soon = publish(
        EventPageFactory(
            parent=column,
            title="Chợ Tết Công đoàn Tư pháp",
            start=now + dt.timedelta(days=3),
            end=now + dt.timedelta(days=3, hours=5),
            latitude="21.024500",
            longitude="105.841200",
        )
    )
    done = publish(
        EventPageFactory(
            parent=column,
            title="Tư vấn pháp luật cho đoàn viên",
            kind="legal",
            start=now - dt.timedelta(days=10),
            end=now - dt.timedelta(days=10) + dt.timedelta(hours=3),
        )
    )
    draft = EventPageFactory(parent=column, title="Bản nháp chưa đăng", live=False)
    other = publish(
        EventPageFactory(
            parent=network.columns["noi-vu"],
            title="Trao quà Tết Công đoàn Nội vụ",
            kind="gifts",
            start=now + dt.timedelta(days=5),
            end=now + dt.timedelta(days=5, hours=2),
        )
    )
    return soon, done, draft, other


def test_an_event_takes_its_columns_campaign_and_shows_time_place_and_map(client, network, events):
    soon = events[0]
    assert soon.campaign_id == network.campaign.pk
    response = client.get(soon.url, HTTP_HOST=host(network.a))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nhà văn hóa Lao động" in html and "14 Trần Bình Trọng" in html
    assert "https://www.openstreetmap.org/?mlat=21.024500&amp;mlon=105.841200" in html
    assert '<script src="http' not in html  # no third-party map script
    assert network.a.name in html  # the organising union
    start = timezone.localtime(soon.start)
    assert start.strftime("%H:%M") in html and start.strftime("%d/%m/%Y") in html


def test_the_map_link_searches_the_address_without_coordinates(events):
    done = events[1]
    assert done.map_url.startswith("https://www.openstreetmap.org/search?query=")
    assert "Tr%E1%BA%A7n+B%C3%ACnh+Tr%E1%BB%8Dng" in done.map_url


def test_union_home_lists_its_upcoming_and_past_events_only(client, network, events):
    html = client.get("/", HTTP_HOST=host(network.a)).content.decode()
    upcoming, past = html.split("Đã diễn ra", 1)
    assert "Chợ Tết Công đoàn Tư pháp" in upcoming
    assert "Tư vấn pháp luật cho đoàn viên" in past
    assert "Bản nháp chưa đăng" not in html
    assert "Trao quà Tết Công đoàn Nội vụ" not in html  # another union's
    assert reverse("calendar:site") in html


def test_campaign_hub_lists_every_unions_events_with_the_organiser(client, network, events):
    hub = make_hub(network.central.home_page, network.campaign)
    html = client.get(hub.url, HTTP_HOST=host(network.central)).content.decode()
    section = html.split('id="events-heading"', 1)[1].split("</section>", 1)[0]
    assert "Chợ Tết Công đoàn Tư pháp" in section and "Trao quà Tết Công đoàn Nội vụ" in section
    assert network.b.name in section
    assert section.index("Chợ Tết Công đoàn Tư pháp") < section.index("Trao quà Tết")  # by date
    assert "Tư vấn pháp luật cho đoàn viên" in section.split("Đã diễn ra", 1)[1]
    assert "Bản nháp chưa đăng" not in section


def test_a_newly_published_event_shows_on_the_cached_home_at_once(client, network, events):
    client.get("/", HTTP_HOST=host(network.a))  # cached, with the events list
    publish(
        EventPageFactory(parent=network.columns["tu-phap"], title="Giao lưu văn nghệ mừng Xuân")
    )
    html = client.get("/", HTTP_HOST=host(network.a)).content.decode()
    assert "Giao lưu văn nghệ mừng Xuân" in html


def test_the_site_calendar_parses_back_with_the_sites_events(client, network, events):
    response = client.get(reverse("calendar:site"), HTTP_HOST=host(network.a))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    found = events_of(response)
    assert set(found) == {"Chợ Tết Công đoàn Tư pháp", "Tư vấn pháp luật cho đoàn viên"}
    soon = found["Chợ Tết Công đoàn Tư pháp"]
    assert soon["dtstart"].dt == events[0].start
    assert soon["dtend"].dt == events[0].end
    assert "Nhà văn hóa Lao động" in str(soon["location"])
    assert soon["geo"].latitude == pytest.approx(21.0245)
    assert str(soon["url"]).endswith(events[0].url)
    assert network.a.name in str(soon["description"])
    assert len({str(e["uid"]) for e in found.values()}) == 2


def test_the_campaign_calendar_gathers_the_network_centrally(client, network, events):
    url = reverse("calendar:campaign", kwargs={"slug": network.campaign.slug})
    central = events_of(client.get(url, HTTP_HOST=host(network.central)))
    assert {"Chợ Tết Công đoàn Tư pháp", "Trao quà Tết Công đoàn Nội vụ"} <= set(central)
    own = events_of(client.get(url, HTTP_HOST=host(network.b)))
    assert set(own) == {"Trao quà Tết Công đoàn Nội vụ"}
    missing = reverse("calendar:campaign", kwargs={"slug": "khong-co"})
    assert client.get(missing, HTTP_HOST=host(network.central)).status_code == 404
    set_union_active(network.b, False)  # an offline union's calendar goes too
    assert client.get(url, HTTP_HOST=host(network.b)).status_code == 404
    central = events_of(client.get(url, HTTP_HOST=host(network.central)))
    assert "Trao quà Tết Công đoàn Nội vụ" not in central


def test_one_event_as_a_calendar_file(client, network, events):
    soon = events[0]
    response = client.get(soon.url + "lich/", HTTP_HOST=host(network.a))
    assert response.status_code == 200
    assert set(events_of(response)) == {"Chợ Tết Công đoàn Tư pháp"}


def test_an_event_ending_before_it_starts_is_refused(network):
    from django.core.exceptions import ValidationError

    page = EventPage(
        title="Sai giờ",
        start=local(2025, 1, 10, 9),
        end=local(2025, 1, 10, 8),
        place="Hội trường",
        latitude="21.0",
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end" in error.value.message_dict and "longitude" in error.value.message_dict
