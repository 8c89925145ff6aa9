"""The central home reads like a news front page: a lead story with headlines beside it, a
section per campaign, the newest article of each union; no story shows twice."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from blog.factories import ArticlePageFactory
from centre.services import set_union_active
from home import models as home_models
from tests.conftest import host
from tests.home.test_featured import feature

pytestmark = pytest.mark.django_db


def front(client, network):
    response = client.get("/", HTTP_HOST=host(network.central))
    assert response.status_code == 200
    return response


def article(network, slug, title, day, **kwargs):
    return ArticlePageFactory(
        parent=network.columns[slug], title=title, date=dt.date(2024, 1, day), **kwargs
    )


def test_lead_story_headlines_and_latest_never_repeat_a_story(client, network):
    chosen = article(network, "tu-phap", "Bài chọn của Tư pháp", 3)
    second = article(network, "noi-vu", "Bài chọn của Nội vụ", 2)
    others = [article(network, "tu-phap", f"Tin số {n}", 10 + n) for n in range(8)]
    feature(network, chosen, second)

    response = front(client, network)
    context = response.context
    assert context["lead"].title == chosen.title
    headlines = [card.title for card in context["headlines"]]
    assert headlines[0] == second.title  # the other featured first, then the newest
    assert headlines[1:] == [a.title for a in reversed(others)][:4]
    shown = [context["lead"].title, *headlines, *(card.title for card in context["latest"])]
    assert len(shown) == len(set(shown)), shown
    assert set(shown) == {chosen.title, second.title, *(a.title for a in others)}


def test_a_section_per_campaign_with_headlines_from_every_union(client, network):
    today = timezone.localdate()
    campaign = network.campaign
    campaign.start_date, campaign.end_date = today - dt.timedelta(days=2), today + dt.timedelta(9)
    campaign.save()
    for day in range(1, 4):
        article(network, "tu-phap", f"Tư pháp {day}", day, campaign=campaign)
    article(network, "noi-vu", "Nội vụ 1", 5, campaign=campaign)

    html = front(client, network).text
    section = re.search(r'<section class="front-campaign".*?</section>', html, re.S).group(0)
    assert campaign.name in section and "Đang diễn ra" in section
    titles = re.findall(r'class="headline__title" href="[^"]+">([^<]+)</a>', section)
    assert titles == ["Nội vụ 1", "Tư pháp 3", "Tư pháp 2"]  # three, newest first


def test_the_newest_article_of_each_active_union(client, network):
    article(network, "tu-phap", "Cũ của Tư pháp", 1)
    article(network, "tu-phap", "Mới của Tư pháp", 9)
    article(network, "noi-vu", "Mới của Nội vụ", 4)
    cards = front(client, network).context["union_latest"]
    assert [(card.union.short_name, card.title) for card in cards] == [
        (network.a.short_name, "Mới của Tư pháp"),
        (network.b.short_name, "Mới của Nội vụ"),
    ]
    set_union_active(network.b, False)
    cards = front(client, network).context["union_latest"]
    assert [card.title for card in cards] == ["Mới của Tư pháp"]


def test_from_the_unions_shows_those_that_published_last(client, network, monkeypatch):
    # However many unions there are, the front page lists the latest few (the directory has
    # every union with its latest date).
    monkeypatch.setattr(home_models, "UNION_LATEST_COUNT", 1)
    article(network, "tu-phap", "Tin của Tư pháp", 3)
    article(network, "noi-vu", "Tin của Nội vụ", 7)
    response = front(client, network)
    assert [card.title for card in response.context["union_latest"]] == ["Tin của Nội vụ"]


def test_a_campaign_section_leaves_out_the_featured_stories(client, network):
    today = timezone.localdate()
    campaign = network.campaign
    campaign.start_date, campaign.end_date = today - dt.timedelta(days=2), today + dt.timedelta(9)
    campaign.save()
    stories = [
        article(network, "tu-phap", f"Tư pháp {day}", day, campaign=campaign)
        for day in (1, 2, 3, 4)
    ]
    feature(network, stories[-1], stories[-2])  # the two newest are Tiêu điểm

    context = front(client, network).context
    assert context["lead"].title == "Tư pháp 4"
    section = [card.title for card in context["campaign_sections"][0].headlines]
    assert section == ["Tư pháp 2", "Tư pháp 1"]  # not the featured ones again


def test_a_lone_story_fills_the_front_without_an_empty_column(client, network):
    article(network, "tu-phap", "Bài duy nhất", 3)
    html = front(client, network).text
    assert 'class="front__grid front__grid--single"' in html
