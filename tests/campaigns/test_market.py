"""The Chợ Tết hub shows the online market's link and the partner businesses, as content the
centre edits on the hub."""

import pytest

from campaigns.models import CampaignPartner
from tests.campaigns.conftest import central_image, make_hub
from tests.conftest import host

pytestmark = pytest.mark.django_db


def test_hub_shows_market_link_and_partners_and_updates_when_edited(client, network):
    hub = make_hub(
        network.central.home_page,
        network.campaign,
        market_name="Chợ Tết Công đoàn",
        market_url="https://chotet.example/",
        market_intro="Hàng Việt giá ưu đãi cho đoàn viên.",
    )
    logo = central_image(network.central, title="Biểu trưng Vinamilk")
    CampaignPartner.objects.create(
        page=hub, name="Công ty Sữa Việt", url="https://sua.example/", logo=logo, sort_order=0
    )
    CampaignPartner.objects.create(page=hub, name="Hợp tác xã Rau sạch", sort_order=1)
    hub.save_revision().publish()

    html = client.get(hub.url, HTTP_HOST=host(network.central)).content.decode()
    market = html.split('id="market-heading"', 1)[1].split("</section>", 1)[0]
    assert "Chợ Tết Công đoàn" in market and 'href="https://chotet.example/"' in market
    partners = html.split('id="partners-heading"', 1)[1].split("</section>", 1)[0]
    assert partners.index("Công ty Sữa Việt") < partners.index("Hợp tác xã Rau sạch")
    assert 'href="https://sua.example/"' in partners and "<picture" in partners

    # The centre removes a partner: the hub (and its cached partner list) follows.
    revision_hub = hub.specific
    revision_hub.partners.filter(name="Hợp tác xã Rau sạch").delete()
    revision_hub.save_revision().publish()
    html = client.get(hub.url, HTTP_HOST=host(network.central)).content.decode()
    assert "Hợp tác xã Rau sạch" not in html and "Công ty Sữa Việt" in html


def test_hub_without_market_or_partners_shows_neither_section(client, network):
    hub = make_hub(network.central.home_page, network.campaign)
    html = client.get(hub.url, HTTP_HOST=host(network.central)).content.decode()
    assert 'id="market-heading"' not in html and 'id="partners-heading"' not in html
