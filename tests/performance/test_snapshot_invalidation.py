"""The network snapshot cache (pagecache.snapshot) never serves stale data: after each change,
the very next request shows it. The page cache is off here, so these requests reach the
pages themselves and only the snapshot cache sits between the change and the reader."""

import pytest
import wagtail_factories
from django.db import transaction
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, ColumnFactory, ColumnPageFactory
from blog.listing import build_cards
from blog.models import ArticlePage
from blog.templatetags.card_tags import article_cards
from campaigns.models import CampaignMaterial
from core.renditions import listing_rendition_specs
from sites.models import SiteBranding
from sites.network import get_network
from tests.campaigns.conftest import central_image, make_hub
from tests.conftest import host

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def get(client, union, path="/"):
    response = client.get(path, HTTP_HOST=host(union))
    assert response.status_code in (200, 503), path
    return response


def hub_path(network):
    return network.hub.get_url_parts()[2]


def test_branding_change_shows_at_once(client, network):
    assert "Tiếng nói mới" not in get(client, network.a).text
    branding = SiteBranding.for_site(network.a.site)
    branding.tagline = "Tiếng nói mới"
    branding.save()
    assert "Tiếng nói mới" in get(client, network.a).text


def test_a_structural_page_shows_its_edits_at_once(client, network):
    """Homes, columns and hubs are routed from the snapshot, the page's own row included
    (sites.pages.BasePage._route_to)."""
    column = network.columns["tu-phap"]
    path = column.get_url_parts()[2]
    assert get(client, network.a, path).context["page"].title == column.title
    column.title = "Chuyên mục mang tên mới"
    column.save_revision().publish()
    response = get(client, network.a, path)
    assert response.context["page"].title == "Chuyên mục mang tên mới"
    assert "<h1>Chuyên mục mang tên mới</h1>" in response.text


def test_union_rename_and_deactivation_show_at_once(client, network):
    ArticlePageFactory(parent=network.columns["tu-phap"])
    get(client, network.central, hub_path(network))
    directory_entry = f'<a href="http://{host(network.a)}/">{{}}</a>'
    assert directory_entry.format(network.a.name) in get(client, network.central).text
    network.a.name = "Công đoàn Bộ Tư pháp (mới)"
    network.a.save()
    # The central home's directory (kept rendered) shows the new name.
    assert directory_entry.format(network.a.name) in get(client, network.central).text
    response = get(client, network.central, hub_path(network))
    form = response.context["filter_form"]
    assert ("tu-phap", "Công đoàn Bộ Tư pháp (mới)") in form.fields["union"].choices
    # The rendered filter (kept as a fragment) shows it too.
    assert '<option value="tu-phap">Công đoàn Bộ Tư pháp (mới)</option>' in response.text
    assert get(client, network.a).status_code == 200
    network.a.is_active = False
    network.a.save()
    assert get(client, network.a).status_code == 503
    assert directory_entry.format(network.a.name) not in get(client, network.central).text


def test_article_cards_show_every_change_at_once(client, network):
    """Cards are kept as rendered fragments; each change to what they show renders anew."""
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Tin ban đầu")
    assert "Tin ban đầu" in get(client, network.central, hub_path(network)).text

    article.title = "Tin đã sửa"
    article.save_revision().publish()
    html = get(client, network.central, hub_path(network)).text
    assert "Tin đã sửa" in html and "Tin ban đầu" not in html

    short_name = network.a.short_name
    assert f'<span class="card__union">{short_name}</span>' in html
    network.a.short_name = "CĐ Tư pháp mới"
    network.a.save()
    html = get(client, network.central, hub_path(network)).text
    assert '<span class="card__union">CĐ Tư pháp mới</span>' in html

    network.a.site.hostname = "tuphap-moi.localhost"
    network.a.site.save()
    html = get(client, network.central, hub_path(network)).text
    assert "http://tuphap-moi.localhost" in html


def test_campaign_and_column_changes_show_in_filter_choices(client, network):
    get(client, network.central, hub_path(network))
    network.campaign.name = "Tết Sum vầy 2025"
    network.campaign.save()
    ColumnFactory(name="Gương sáng")
    form = get(client, network.central, hub_path(network)).context["filter_form"]
    assert "Tết Sum vầy 2025" in dict(form.fields["campaign"].choices).values()
    assert "Gương sáng" in dict(form.fields["column"].choices).values()


def test_menu_follows_publishing(client, network):
    assert "Gương sáng cơ sở" not in get(client, network.a).text
    column_page = ColumnPageFactory(
        parent=network.a.home_page, title="Gương sáng cơ sở", column=network.column
    )
    assert "Gương sáng cơ sở" in get(client, network.a).text
    column_page.unpublish()
    assert "Gương sáng cơ sở" not in get(client, network.a).text


def test_unpublished_and_private_branches_leave_listings_at_once(client, network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài trong chuyên mục")
    column_page = network.columns["tu-phap"]
    assert article.title in get(client, network.central, hub_path(network)).text
    column_page.unpublish()
    assert article.title not in get(client, network.central, hub_path(network)).text
    column_page.save_revision().publish()
    assert article.title in get(client, network.central, hub_path(network)).text
    restriction = PageViewRestriction.objects.create(
        page=column_page, restriction_type=PageViewRestriction.PASSWORD, password="bí mật"
    )
    assert article.title not in get(client, network.central, hub_path(network)).text
    assert article.title not in get(client, network.central).text
    restriction.delete()
    assert article.title in get(client, network.central, hub_path(network)).text


def test_campaign_hub_materials_show_at_once(client, network):
    hub = make_hub(network.central.home_page, network.campaign)
    path = hub.get_url_parts()[2]
    assert get(client, network.central, path).context["materials"] == []
    CampaignMaterial.objects.create(
        page=hub, kind="poster", title="Áp phích", image=central_image(network.central)
    )
    assert len(get(client, network.central, path).context["materials"]) == 1


def test_listing_renditions_are_made_when_an_image_is_saved(settings):
    settings.LISTING_RENDITIONS_ON_SAVE = True
    image = wagtail_factories.ImageFactory()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == set(listing_rendition_specs())


def test_view_restrictions_apply_at_once_to_the_page_its_branch_and_its_aliases(client, network):
    column_page = network.columns["tu-phap"]
    article = ArticlePageFactory(parent=column_page, title="Bài riêng tư")
    alias = article.create_alias(parent=network.a.home_page, update_slug="ban-sao-bai-rieng-tu")
    path, alias_path = article.get_url_parts()[2], alias.get_url_parts()[2]
    assert get(client, network.a, path).status_code == 200
    assert get(client, network.a, alias_path).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=column_page, restriction_type=PageViewRestriction.PASSWORD, password="bí mật"
    )
    # Under a restricted column: the password form, never the article.
    assert article.title not in get(client, network.a, path).text
    assert "password" in get(client, network.a, path).text
    restriction.delete()
    assert article.title in get(client, network.a, path).text

    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="bí mật"
    )
    # The alias shows the restricted page's content: it is restricted too.
    assert article.title not in get(client, network.a, alias_path).text


def test_a_change_rolled_back_leaves_nothing_behind(client, network, rf):
    """A transaction deactivates a union, renames another, loads the snapshot and renders an
    article card under the versions it bumped, then fails. Those versions stay current on
    PostgreSQL (a sequence never goes back); what was loaded under them must not be served."""
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Tin của Nội vụ")
    get(client, network.central, hub_path(network))  # warm the snapshot and the fragments
    with pytest.raises(RuntimeError), transaction.atomic():
        network.a.is_active = False
        network.a.save()
        network.b.short_name = "Tên chưa lưu"
        network.b.save()
        request = rf.get("/", HTTP_HOST=host(network.central))
        loaded = get_network(request)
        assert loaded.site_is_offline(network.a.site.root_page_id)
        cards = build_cards(request, list(ArticlePage.objects.live()), loaded)
        html = article_cards(cards[:1], show_union=True)  # (kept with the fragments)
        assert "Tên chưa lưu" in html
        raise RuntimeError("the transaction fails")

    assert get(client, network.a).status_code == 200
    response = get(client, network.central, hub_path(network))
    assert "Tin của Nội vụ" in response.text
    assert "Tên chưa lưu" not in response.text


def test_listing_counts_follow_publishing_at_once(client, network):
    """The hub's and a column's article counts (kept under the snapshot's version, keyed by
    the page and its filters) change with the next publication or withdrawal."""
    column = network.columns["tu-phap"]
    column_path = column.get_url_parts()[2]
    for n in range(21):
        ArticlePageFactory(parent=column, title=f"Bài số {n}")
    ArticlePageFactory(parent=network.columns["noi-vu"], title="Bài của Nội vụ")

    def pages(union, path):
        return get(client, union, path).context["articles"].paginator.count

    filtered = f"{hub_path(network)}?union={network.a.slug}"
    assert (pages(network.central, hub_path(network)), pages(network.central, filtered)) == (22, 21)
    assert pages(network.a, column_path) == 21
    extra = ArticlePageFactory(parent=column, title="Bài thêm")
    assert pages(network.central, hub_path(network)) == 23
    assert pages(network.central, filtered) == 22
    assert pages(network.a, column_path) == 22
    extra.unpublish()
    assert pages(network.central, filtered) == 21
    assert pages(network.a, column_path) == 21


def test_a_new_lead_image_shows_on_the_cards_at_once(client, network):
    """Cards are read without their pictures; the pictures of the cards rendered afresh are
    read together (blog.listing.CardImages) and a changed lead image is one of them."""
    first, second = wagtail_factories.ImageFactory(), wagtail_factories.ImageFactory()
    article = ArticlePageFactory(parent=network.columns["tu-phap"], lead_image=first)
    html = get(client, network.central, hub_path(network)).text
    card = html.split('<article class="card">', 1)[1].split("</article>", 1)[0]
    assert f"images/{first.file.name.split('/')[-1].rsplit('.', 1)[0]}" in card
    article.lead_image = second
    article.save_revision().publish()
    html = get(client, network.central, hub_path(network)).text
    card = html.split('<article class="card">', 1)[1].split("</article>", 1)[0]
    assert f"images/{second.file.name.split('/')[-1].rsplit('.', 1)[0]}" in card


def test_logo_change_shows_at_once(client, network):
    """The header's logo and the sharing picture come with the branding from the snapshot."""
    branding = SiteBranding.for_site(network.a.site)
    branding.logo = wagtail_factories.ImageFactory()
    branding.save()
    html = get(client, network.a).text
    header_logo = branding.logo.get_rendition("height-96")
    assert f'src="{header_logo.url}"' in html and 'class="brand__logo"' in html
    assert branding.logo.get_rendition("max-1200x630").url in html  # og:image
    branding = SiteBranding.objects.get(site=network.a.site)
    branding.logo = wagtail_factories.ImageFactory()
    branding.save()
    html = get(client, network.a).text
    assert f'src="{branding.logo.get_rendition("height-96").url}"' in html
    assert f'src="{header_logo.url}"' not in html
