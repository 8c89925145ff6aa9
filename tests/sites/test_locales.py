"""Locales from day one: English can be switched on later without moving any data."""

import pytest
from wagtail.models import Locale

from blog.factories import ArticlePageFactory
from tests.conftest import host

pytestmark = pytest.mark.django_db


def test_content_locales_exist_and_vietnamese_is_the_default(network):
    assert Locale.get_default().language_code == "vi"
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"vi", "en"}
    article = ArticlePageFactory(parent=network.columns["tu-phap"])
    assert {network.a.home_page.locale, network.columns["tu-phap"].locale, article.locale} == {
        Locale.get_default()
    }


def test_an_english_translation_of_a_union_site_serves_under_en(client, network):
    english = Locale.objects.get(language_code="en")
    home_en = network.a.home_page.copy_for_translation(english)
    home_en.title = "Trade Union of the Ministry of Justice"
    home_en.save_revision().publish()

    # The translated home is a sibling of the Vietnamese one, served by the same site.
    assert home_en.get_parent().is_root()
    assert home_en.get_site() == network.a.site
    vietnamese = client.get("/", HTTP_HOST=host(network.a))
    english_response = client.get("/en/", HTTP_HOST=host(network.a))
    assert vietnamese.context["page"].pk == network.a.home_page.pk
    assert english_response.status_code == 200
    assert english_response.context["page"].pk == home_en.pk
    assert '<html lang="en">' in english_response.text
    # A union without a translation sends English readers to its Vietnamese page's address
    # (never that page inside the English interface).
    fallback = client.get("/en/", HTTP_HOST=host(network.b))
    assert fallback.status_code == 302 and fallback["Location"] == "/"
