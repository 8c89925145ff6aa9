"""The campaign hub (chuyên trang): status, live figures, sections, unions, documents, feeds."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, ColumnFactory, ColumnPageFactory, DocumentPageFactory
from blog.listing import in_sites, visible
from blog.models import ArticlePage
from campaigns.hub import SECTION_SIZE
from campaigns.models import CampaignHubDocument, CampaignHubPage, CampaignStatus, campaign_status
from centre.services import set_union_active
from reports import services as report_services
from sites.network import load_network
from tests.conftest import host
from tests.reports.conftest import full_values, make_template

pytestmark = pytest.mark.django_db


def get_hub(client, network, path=""):
    url = network.hub_page.get_url_parts()[2] + path
    return client.get(url, HTTP_HOST=host(network.central))


def test_status_from_the_campaigns_dates(hub_network):
    campaign = hub_network.campaign  # 1 January – 29 February 2024
    assert campaign_status(campaign, dt.date(2023, 12, 31)) == CampaignStatus.UPCOMING
    assert campaign_status(campaign, dt.date(2024, 1, 1)) == CampaignStatus.RUNNING
    assert campaign_status(campaign, dt.date(2024, 2, 29)) == CampaignStatus.RUNNING
    assert campaign_status(campaign, dt.date(2024, 3, 1)) == CampaignStatus.ENDED
    assert [s.label for s in CampaignStatus] == ["Sắp diễn ra", "Đang diễn ra", "Đã kết thúc"]


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [(1, 30, "Sắp diễn ra"), (-5, 5, "Đang diễn ra"), (-30, -1, "Đã kết thúc")],
)
def test_hub_shows_status_slogan_and_period(client, hub_network, start, end, label):
    today = dt.date.today()
    campaign = hub_network.campaign
    campaign.start_date = today + dt.timedelta(days=start)
    campaign.end_date = today + dt.timedelta(days=end)
    campaign.save()
    response = get_hub(client, hub_network)
    assert response.status_code == 200
    assert response.context["status_label"] == label
    html = response.content.decode()
    assert label in html
    assert campaign.slogan in html
    assert campaign.start_date.strftime("%d/%m/%Y") in html


def test_live_figures_equal_direct_counts_and_leave_out_hidden_articles(
    client, hub_network, publish
):
    n = hub_network
    for _ in range(3):
        publish(n.columns["tu-phap"])
    publish(n.columns["noi-vu"])
    publish(n.columns["trung-uong"])
    other = ArticlePageFactory(parent=n.columns["tu-phap"])
    ArticlePage.objects.filter(pk=other.pk).update(campaign=None)  # another campaign's
    draft = ArticlePageFactory(parent=n.columns["noi-vu"], live=False)
    private = publish(n.columns["noi-vu"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = get_hub(client, n)
    context = response.context
    direct = in_sites(
        visible(ArticlePage.objects.filter(campaign=n.campaign)), load_network().active
    ).count()
    assert context["article_total"] == direct == 5  # tu-phap 3, noi-vu 1, central 1
    assert context["unions_taking_part"] == 2
    counts = {p.union.slug: p.article_count for p in context["participants"]}
    assert counts == {"trung-uong": 1, "tu-phap": 3, "noi-vu": 1}
    html = response.content.decode()
    assert draft.title not in html
    assert private.title not in html

    # A deactivated union's articles and the union itself leave the hub.
    set_union_active(n.b, False)
    context = get_hub(client, n).context
    assert context["article_total"] == 4
    assert context["unions_taking_part"] == 1
    assert [p.union.slug for p in context["participants"]] == ["trung-uong", "tu-phap"]


def test_the_counts_and_sections_kept_between_renders_follow_every_change(
    client, hub_network, publish
):
    # The hub's counts are worked out once per change of the network, not on every render:
    # each change must still show at once.
    n = hub_network
    publish(n.columns["tu-phap"])
    assert get_hub(client, n).context["article_total"] == 1
    union_rows = 'class="campaign-unions__item"'
    assert get_hub(client, n).content.decode().count(union_rows) == 1
    second = publish(n.columns["noi-vu"], title="Bài mới của Nội vụ", date=dt.date(2030, 1, 1))
    response = get_hub(client, n)
    context = response.context
    assert (context["article_total"], context["unions_taking_part"]) == (2, 2)
    assert context["sections"][0].cards[0].title == "Bài mới của Nội vụ"
    # The list of unions taking part (kept rendered) shows the newcomer.
    assert response.content.decode().count(union_rows) == 2
    assert f">{n.b.name}</a>" in response.content.decode()
    second.unpublish()
    response = get_hub(client, n)
    context = response.context
    assert (context["article_total"], context["unions_taking_part"]) == (1, 1)
    assert response.content.decode().count(union_rows) == 1
    assert "Bài mới của Nội vụ" not in [c.title for s in context["sections"] for c in s.cards]
    PageViewRestriction.objects.create(
        page=n.columns["tu-phap"], restriction_type="password", password="x"
    )
    assert get_hub(client, n).context["article_total"] == 0


def test_one_section_per_column_with_the_latest_articles(client, hub_network, publish):
    n = hub_network
    second = ColumnFactory(name="Chợ Tết Công đoàn", sort_order=0)
    n.column.sort_order = 1
    n.column.save()
    market = ColumnPageFactory(parent=n.a.home_page, column=second, campaign=n.campaign)
    for day in range(1, 7):
        publish(n.columns["noi-vu"], date=dt.date(2024, 1, day), title=f"Xuân chia sẻ {day}")
    publish(market, date=dt.date(2024, 1, 9), title="Phiên chợ Tết")
    # An article of the campaign in a column of no campaign is still in its column's section.
    plain = ColumnPageFactory(parent=n.a.home_page, column=n.column)
    publish(plain, date=dt.date(2024, 1, 2), title="Bài trong chuyên mục khác", campaign=n.campaign)

    sections = get_hub(client, n).context["sections"]
    assert [s.column.name for s in sections] == ["Chợ Tết Công đoàn", n.column.name]
    assert [c.title for c in sections[0].cards] == ["Phiên chợ Tết"]
    assert [c.title for c in sections[1].cards] == [f"Xuân chia sẻ {day}" for day in (6, 5, 4, 3)][
        :SECTION_SIZE
    ]
    assert sections[1].cards[0].union.slug == "noi-vu"
    assert "column=" in sections[1].more_url and "campaign=" in sections[1].more_url


def test_photo_strip_documents_and_feed_links(client, hub_network, publish):
    n = hub_network
    article = publish(n.columns["tu-phap"])
    no_picture = publish(n.columns["tu-phap"], lead_image=None)
    in_column = DocumentPageFactory(parent=n.columns["trung-uong"], title="Kế hoạch chương trình")
    chosen = DocumentPageFactory(parent=n.central.home_page, title="Hướng dẫn số 25")
    DocumentPageFactory(parent=n.central.home_page, title="Văn bản không liên quan")
    under_hub = DocumentPageFactory(parent=n.hub_page, title="Phụ lục tài liệu")
    CampaignHubDocument.objects.create(page=n.hub_page, document_page=chosen)

    response = get_hub(client, n)
    photos = response.context["photos"]
    assert [p.title for p in photos] == [article.title]
    assert no_picture.title not in [p.title for p in photos]
    titles = {d.title for d in response.context["documents"]}
    assert titles == {in_column.title, chosen.title, under_hub.title}

    html = response.content.decode()
    feed = f"http://{host(n.central)}/feeds/chuong-trinh/{n.campaign.slug}/rss.xml"
    assert response.context["feed_url"] == feed
    assert f'<link rel="alternate" type="application/rss+xml" title="{n.campaign.name}' in html
    assert f'href="{feed}"' in html


def figure_numbers(response):
    return {f.label: f.value for f in response.context["report_figures"]}


def test_hub_figures_change_when_a_report_is_accepted_or_returned(client, hub_network):
    """Only accepted reports count, and the public page follows every decision at once."""
    n = hub_network
    make_template(n.campaign)
    User = get_user_model()
    approver_a = User.objects.create_user("duyet-a")
    approver_a.groups.add(n.a.approvers_group)
    approver_b = User.objects.create_user("duyet-b")
    approver_b.groups.add(n.b.approvers_group)
    central = User.objects.create_user("trung-uong")
    central.groups.add(n.central.approvers_group)
    report_a = report_services.submit(
        report_services.save_draft(n.a, n.campaign, approver_a, values=full_values(1)), approver_a
    )
    report_b = report_services.submit(
        report_services.save_draft(n.b, n.campaign, approver_b, values=full_values(2)), approver_b
    )

    submitted_only = figure_numbers(get_hub(client, n))
    assert submitted_only["Suất quà"] == 0  # submitted is not yet the network's figure

    report_services.accept(report_a, central)
    after_one = get_hub(client, n)
    assert figure_numbers(after_one)["Suất quà"] == 80
    assert figure_numbers(after_one)["Tổng giá trị quà"] == 40_000_000
    assert "40.000.000" in after_one.content.decode()

    report_services.accept(report_b, central)
    assert figure_numbers(get_hub(client, n))["Suất quà"] == 80 + 160

    report_services.return_with_comment(report_a, central, "Bổ sung ảnh minh chứng.")
    assert figure_numbers(get_hub(client, n))["Suất quà"] == 160


def test_hub_without_a_report_template_shows_only_live_figures(client, hub_network):
    response = get_hub(client, hub_network)
    assert response.context["report_figures"] == []
    assert response.context["live_figures"]


def test_one_hub_per_campaign(hub_network):
    second = CampaignHubPage(title="Trang thứ hai", campaign=hub_network.campaign)
    with pytest.raises(ValidationError) as error:
        second.clean()
    assert "campaign" in error.value.message_dict
    hub_network.hub_page.full_clean()  # the existing hub itself is fine


def test_hub_only_under_the_central_home(hub_network):
    assert CampaignHubPage.can_create_at(hub_network.central.home_page)
    assert not CampaignHubPage.can_create_at(hub_network.a.home_page)
    assert not CampaignHubPage.can_create_at(hub_network.columns["trung-uong"])


def test_unpublished_hub_is_not_served(client, hub_network):
    hub_network.hub_page.unpublish()
    assert get_hub(client, hub_network).status_code == 404
