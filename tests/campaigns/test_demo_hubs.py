"""The demo network has a published hub per campaign, with posters and the guidance."""

import pytest
from django.core.management import call_command

from blog.models import Campaign
from campaigns.models import CampaignHubPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_db")]


def test_demo_has_a_hub_for_every_campaign(client):
    call_command("load_demo", "--port", "8000")
    hubs = CampaignHubPage.objects.live().public().filter(locale__language_code="vi")
    campaigns = Campaign.objects.filter(locale__language_code="vi")
    assert {h.campaign_id for h in hubs} == set(campaigns.values_list("pk", flat=True))
    hub = hubs.get(campaign__slug="cho-tet-cong-doan-2024")
    posters = [m for m in hub.materials.all() if m.image_id]
    assert len(posters) == 2
    assert hub.materials.filter(document__isnull=False).exists()

    response = client.get(hub.url_path.removeprefix("/trung-uong"), HTTP_HOST="localhost:8000")
    assert response.status_code == 200
    context = response.context
    assert context["article_total"] > 0
    assert context["unions_taking_part"] >= 5
    assert context["sections"] and context["photos"]
    assert [d.number for d in context["documents"]] == ["25/HD-CĐVC"]
    print_view = client.get(
        f"{hub.url_path.removeprefix('/trung-uong')}in-poster/{posters[0].image_id}/",
        HTTP_HOST="localhost:8000",
    )
    assert print_view.status_code == 200
    assert b"<svg" in print_view.content

    home = client.get("/", HTTP_HOST="localhost:8000")
    assert f'href="{hub.url_path.removeprefix("/trung-uong")}"' in home.content.decode()
