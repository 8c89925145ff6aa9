"""Every invalidation event: a page served from the cache before it shows the change at once."""

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, ColumnPageFactory
from centre.services import set_union_active
from reports import services as report_services
from sites.models import SiteBranding
from tests.campaigns.conftest import central_image, make_hub
from tests.reports.conftest import full_values, make_template

pytestmark = pytest.mark.django_db


def article(column_page, title, live=True):
    page = ArticlePageFactory(parent=column_page, title=title, live=live)
    return page


def shows(response, text):
    """`text` is in the page, or in what a reader sees of it (search highlights aside)."""
    html = response.content.decode()
    return text in html or text in strip_tags(html)


def test_publishing_clears_the_union_site_and_the_central_pages_only(network, reader):
    n = network
    title = "Chợ Tết Công đoàn mở cửa"
    assert not shows(reader.warm(n.a.home_page, n.a), title)
    assert not shows(reader.warm(n.hub, n.central), title)
    assert not shows(reader.warm(n.central.home_page, n.central), title)
    reader.warm(n.b.home_page, n.b)

    draft = article(n.columns["tu-phap"], title, live=False)
    draft.save_revision().publish()

    response = reader.get(n.a.home_page, n.a)
    assert response["X-Cache"] == "MISS" and shows(response, title)
    assert shows(reader.get(n.hub, n.central), title)
    assert shows(reader.get(n.central.home_page, n.central), title)
    assert shows(reader.get(n.columns["tu-phap"], n.a), title)
    # Another union's site is untouched by it and stays cached.
    assert reader.get(n.b.home_page, n.b)["X-Cache"] == "HIT"


def test_a_draft_never_appears_through_the_cache(network, reader):
    n = network
    live = article(n.columns["tu-phap"], "Tin đã đăng")
    reader.warm(live, n.a)
    reader.warm(n.a.home_page, n.a)

    draft = article(n.columns["tu-phap"], "Bản nháp chưa duyệt", live=False)
    live.title = "Tiêu đề sửa chưa đăng"
    live.save_revision()  # a draft revision of the live page

    for target, site in ((n.a.home_page, n.a), (live, n.a), (n.hub, n.central)):
        for _ in range(2):
            html = reader.get(target, site).content.decode()
            assert "Bản nháp chưa duyệt" not in html
            assert "Tiêu đề sửa chưa đăng" not in html
    assert reader.get(draft, n.a).status_code == 404


def test_unpublishing_clears_the_page_listings_and_feeds(network, reader):
    n = network
    page = article(n.columns["tu-phap"], "Bài sẽ gỡ xuống")
    assert reader.warm(page, n.a).status_code == 200
    assert shows(reader.warm(n.a.home_page, n.a), page.title)
    assert shows(reader.warm(n.hub, n.central), page.title)
    assert shows(reader.warm("/feeds/rss.xml", n.a), page.title)
    assert shows(reader.warm("/feeds/toan-mang/rss.xml", n.central), page.title)
    assert shows(reader.warm("/sitemap.xml", n.a), page.slug)
    assert shows(reader.warm("/tim-kiem/?q=go+xuong", n.a), page.title)

    page.unpublish()

    assert reader.get(page, n.a).status_code == 404
    assert not shows(reader.get(n.a.home_page, n.a), page.title)
    assert not shows(reader.get(n.hub, n.central), page.title)
    assert not shows(reader.get("/feeds/rss.xml", n.a), page.title)
    assert not shows(reader.get("/feeds/toan-mang/rss.xml", n.central), page.title)
    assert not shows(reader.get("/sitemap.xml", n.a), page.slug)
    assert not shows(reader.get("/tim-kiem/?q=go+xuong", n.a), page.title)


def test_moving_a_page_clears_both_sites(network, reader):
    n = network
    page = article(n.columns["tu-phap"], "Bài chuyển sang công đoàn khác")
    assert shows(reader.warm(n.a.home_page, n.a), page.title)
    assert not shows(reader.warm(n.b.home_page, n.b), page.title)
    reader.warm(n.hub, n.central)

    page.move(n.columns["noi-vu"], pos="last-child")

    assert not shows(reader.get(n.a.home_page, n.a), page.title)
    assert shows(reader.get(n.b.home_page, n.b), page.title)
    assert shows(reader.get(n.hub, n.central), "CĐ Nội vụ")


def test_deleting_a_page_clears_it_and_the_listings(network, reader):
    n = network
    page = article(n.columns["tu-phap"], "Bài sẽ bị xóa")
    url = page.get_url_parts()[2]
    reader.warm(url, n.a)
    assert shows(reader.warm(n.a.home_page, n.a), page.title)
    assert shows(reader.warm(n.hub, n.central), page.title)

    page.delete()

    assert reader.get(url, n.a).status_code == 404
    assert not shows(reader.get(n.a.home_page, n.a), page.title)
    assert not shows(reader.get(n.hub, n.central), page.title)


def test_making_a_page_private_clears_it_and_the_listings(network, reader):
    n = network
    page = article(n.columns["tu-phap"], "Bài nội bộ")
    assert shows(reader.warm(page, n.a), "Bài nội bộ")
    assert shows(reader.warm(n.a.home_page, n.a), page.title)
    assert shows(reader.warm(n.hub, n.central), page.title)

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat-123"
    )

    assert not shows(reader.get(n.a.home_page, n.a), page.title)
    assert not shows(reader.get(n.hub, n.central), page.title)
    for _ in range(2):  # the password form, never stored nor served from the cache
        response = reader.get(page, n.a)
        assert response["X-Cache"] == "BYPASS"
        assert "private" in response["Cache-Control"]

    restriction.delete()  # public again
    assert shows(reader.get(n.a.home_page, n.a), page.title)
    assert shows(reader.get(page, n.a), page.title)


def test_restricting_a_column_hides_its_articles_from_cached_listings(network, reader):
    n = network
    page = article(n.columns["tu-phap"], "Bài trong chuyên mục nội bộ")
    assert shows(reader.warm(n.hub, n.central), page.title)
    PageViewRestriction.objects.create(
        page=n.columns["tu-phap"], restriction_type=PageViewRestriction.LOGIN
    )
    assert not shows(reader.get(n.hub, n.central), page.title)
    response = reader.get(page, n.a)
    assert response.status_code == 302 and response["X-Cache"] == "BYPASS"


def test_site_settings_change_clears_that_site(network, reader):
    n = network
    reader.warm(n.a.home_page, n.a)
    reader.warm(n.b.home_page, n.b)
    branding = SiteBranding.for_site(n.a.site)
    branding.facebook_url = "https://www.facebook.com/congdoantuphap-moi"
    branding.save()

    response = reader.get(n.a.home_page, n.a)
    assert response["X-Cache"] == "MISS"
    assert shows(response, "congdoantuphap-moi")
    assert reader.get(n.b.home_page, n.b)["X-Cache"] == "HIT"


def test_deactivating_a_union_clears_its_site_and_the_hub(network, reader):
    n = network
    page = article(n.columns["tu-phap"], "Bài của công đoàn sẽ ngừng")
    reader.warm(n.a.home_page, n.a)
    assert shows(reader.warm(n.hub, n.central), page.title)

    set_union_active(n.a, False)

    assert reader.get(n.a.home_page, n.a).status_code == 503
    assert not shows(reader.get(n.hub, n.central), page.title)


def test_new_column_page_and_campaign_rename_show_at_once(network, reader):
    n = network
    reader.warm(n.a.home_page, n.a)
    reader.warm(n.hub, n.central)
    n.campaign.name = "Tết Sum vầy – Xuân chia sẻ 2025"
    n.campaign.save()
    assert shows(reader.get(n.hub, n.central), "Xuân chia sẻ 2025")

    column = ColumnPageFactory(parent=n.a.home_page, title="Gương sáng công đoàn")
    assert shows(reader.get(n.a.home_page, n.a), column.title)


def test_accepting_a_report_clears_the_campaign_hub(network, reader):
    n = network
    hub = make_hub(n.central.home_page, n.campaign)
    make_template(n.campaign)
    User = get_user_model()
    approver = User.objects.create_user("duyet-a")
    approver.groups.add(n.a.approvers_group)
    central = User.objects.create_user("trung-uong")
    central.groups.add(n.central.approvers_group)
    report = report_services.submit(
        report_services.save_draft(n.a, n.campaign, approver, values=full_values(1)), approver
    )
    total = "40.000.000"  # the accepted value of the gifts, as the hub prints it
    assert not shows(reader.warm(hub, n.central), total)

    report_services.accept(report, central)
    after = reader.get(hub, n.central)
    assert after["X-Cache"] == "MISS" and shows(after, total)
    assert shows(reader.warm(hub, n.central), total)

    report_services.return_with_comment(report, central, "Bổ sung ảnh minh chứng.")
    assert not shows(reader.get(hub, n.central), total)


def test_saving_a_draft_or_uploading_an_image_keeps_the_cache(network, reader):
    n = network
    live = article(n.columns["tu-phap"], "Tin đã đăng")
    reader.warm(live, n.a)
    reader.warm(n.hub, n.central)

    live.title = "Tiêu đề sửa chưa đăng"
    live.save_revision()
    central_image(n.a, title="Ảnh mới tải lên")

    for target, site in ((live, n.a), (n.hub, n.central)):
        response = reader.get(target, site)
        assert response["X-Cache"] == "HIT"
        assert "Tiêu đề sửa chưa đăng" not in response.content.decode()


def test_editing_an_image_in_use_clears_the_pages_showing_it(network, reader):
    n = network
    image = central_image(n.a, title="Ảnh đại diện")
    page = ArticlePageFactory(parent=n.columns["tu-phap"], title="Tin có ảnh", lead_image=image)
    reader.warm(page, n.a)
    reader.warm(n.hub, n.central)

    image.description = "Đoàn viên nhận quà Tết"
    image.save()

    for target, site in ((page, n.a), (n.hub, n.central)):
        assert reader.get(target, site)["X-Cache"] == "MISS"
