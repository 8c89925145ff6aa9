"""Copy a campaign for next year: the service, the admin action and the command."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page

from blog.factories import ColumnFactory, ColumnPageFactory, DocumentPageFactory
from blog.models import Campaign, ColumnPage
from campaigns.models import CampaignHubDocument, CampaignHubPage
from campaigns.services import bump_year, copy_campaign_for_next_year, next_edition_values
from centre.factories import UnionFactory
from centre.services import set_union_active
from core.dates import lunar_year_name
from reports.models import ReportTemplate
from sites.permissions import NETWORK_ADMINS_GROUP
from tests.reports.conftest import FIGURES, make_template

pytestmark = pytest.mark.django_db
PASSWORD = "Xuan-Giap-Thin-2024!"


def counts():
    return (Campaign.objects.count(), Page.objects.count())


@pytest.fixture
def copy_network(hub_network):
    """Three unions (one inactive); the campaign has two columns, one only on some sites."""
    n = hub_network
    n.c = UnionFactory(
        name="Công đoàn Bộ Ngoại giao", short_name="CĐ Ngoại giao", slug="ngoai-giao"
    )
    ColumnPageFactory(parent=n.c.home_page, column=n.column, campaign=n.campaign)
    set_union_active(n.c, False)
    n.market = ColumnFactory(name="Chợ Tết Công đoàn")
    ColumnPageFactory(
        parent=n.a.home_page, title="Chợ Tết 2024", column=n.market, campaign=n.campaign
    )
    ColumnPageFactory(parent=n.b.home_page, column=ColumnFactory())  # no campaign: not copied
    return n


def test_year_is_bumped_in_name_slug_and_dates():
    assert bump_year("Tết Sum vầy 2024", 2025) == "Tết Sum vầy 2025"
    assert bump_year("Chợ Tết 2023 – 2024", 2025) == "Chợ Tết 2023 – 2025"
    assert bump_year("Xuân chia sẻ", 2025) == "Xuân chia sẻ 2025"
    assert bump_year("#ChoTetCongDoan2024", 2025) == "#ChoTetCongDoan2025"
    campaign = Campaign(
        name="Tết Sum vầy 2024",
        slug="tet-sum-vay-2024",
        start_date=dt.date(2024, 1, 1),
        end_date=dt.date(2024, 2, 29),
    )
    values = next_edition_values(campaign)
    assert values["name"] == "Tết Sum vầy 2025"
    assert values["slug"] == "tet-sum-vay-2025"
    assert values["start_date"] == dt.date(2025, 1, 1)
    assert values["end_date"] == dt.date(2025, 2, 28)
    no_year = Campaign(
        name="Xuân chia sẻ",
        slug="xuan-chia-se",
        start_date=dt.date(2024, 1, 15),
        end_date=dt.date(2024, 2, 1),
    )
    assert next_edition_values(no_year)["slug"] == "xuan-chia-se-2025"


def test_copy_creates_drafts_on_every_active_union_and_nothing_on_inactive_ones(copy_network):
    n = copy_network
    user = get_user_model().objects.create_user("duyet.trung-uong", password=PASSWORD)
    hub = copy_campaign_for_next_year(n.campaign, user=user)

    new = Campaign.objects.get(slug="tet-sum-vay-2025")
    assert new.name == "Tết Sum vầy 2025"
    assert (new.start_date, new.end_date) == (dt.date(2025, 1, 1), dt.date(2025, 2, 28))
    assert new.slogan == n.campaign.slogan

    assert hub.campaign == new
    assert not hub.live
    assert hub.intro == n.hub_page.intro
    assert hub.get_parent().pk == n.central.home_page.pk
    assert hub.get_latest_revision().user == user

    pages = ColumnPage.objects.filter(campaign=new)
    assert not pages.filter(live=True).exists()
    for union in (n.central, n.a, n.b):
        here = pages.child_of(union.home_page)
        assert sorted(p.column_id for p in here) == sorted([n.column.pk, n.market.pk])
    assert not pages.child_of(n.c.home_page).exists()  # inactive union: nothing
    assert pages.child_of(n.a.home_page).get(column=n.market).title == "Chợ Tết 2025"
    # The old edition is untouched.
    assert ColumnPage.objects.filter(campaign=n.campaign, live=True).count() == 5


def test_copy_carries_the_report_template_and_the_materials_library(copy_network):
    n = copy_network
    old = make_template(n.campaign, deadline=dt.date(2024, 2, 29))
    linked = DocumentPageFactory(parent=n.central.home_page, title="Hướng dẫn số 25")
    CampaignHubDocument.objects.create(page=n.hub_page, document_page=linked)

    hub = copy_campaign_for_next_year(n.campaign)

    template = ReportTemplate.objects.get(campaign=hub.campaign)
    assert template.deadline == dt.date(2025, 2, 28)
    assert template.instructions == old.instructions
    assert [(f.key, f.label, f.unit, f.required) for f in template.figures.all()] == [
        (f.key, f.label, f.unit, f.required) for f in old.figures.all()
    ]
    assert old.figures.count() == len(FIGURES)  # the old edition keeps its own figures
    assert [(m.title, m.image_id) for m in hub.materials.all()] == [("Áp phích", n.poster.pk)]
    assert [d.document_page_id for d in hub.document_links.all()] == [linked.pk]
    assert n.hub_page.materials.count() == 1


def test_a_second_copy_is_refused_and_creates_nothing(copy_network):
    copy_campaign_for_next_year(copy_network.campaign)
    before = counts()
    with pytest.raises(ValidationError) as error:
        copy_campaign_for_next_year(copy_network.campaign)
    assert "đã có" in error.value.messages[0]
    assert counts() == before


def test_management_command(copy_network, capsys):
    call_command("copy_campaign", copy_network.campaign.slug)
    assert "Tết Sum vầy 2025" in capsys.readouterr().out
    assert CampaignHubPage.objects.filter(campaign__slug="tet-sum-vay-2025", live=False).exists()
    with pytest.raises(CommandError, match="đã có"):
        call_command("copy_campaign", copy_network.campaign.slug)
    with pytest.raises(CommandError, match="Không có chương trình"):
        call_command("copy_campaign", "khong-co")


def proposed(response):
    """The copy form's fields as the form proposes them (what "submit" sends unchanged)."""
    form = response.context["form"]
    return {
        name: (value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value)
        for name, value in ((f.name, f.value()) for f in form)
    }


def url(campaign):
    return reverse("campaigns_copy_next_year", args=[campaign.pk])


def login(client, username, group):
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    user.groups.add(group)
    client.force_login(user)
    return user


def test_union_users_are_refused(client, copy_network):
    n = copy_network
    for username, group in [
        ("duyet.tu-phap", n.a.approvers_group),
        ("bientap.tu-phap", n.a.editors_group),
        ("bientap.trung-uong", n.central.editors_group),
    ]:
        login(client, username, group)
        assert client.get(url(n.campaign)).status_code == 403
        assert client.post(url(n.campaign)).status_code == 403
    assert not Campaign.objects.filter(slug="tet-sum-vay-2025").exists()


def test_central_department_copies_from_the_snippet_listing(client, copy_network):
    n = copy_network
    login(client, "duyet.trung-uong", n.central.approvers_group)
    listing = client.get(reverse("wagtailsnippets_blog_campaign:list"))
    assert url(n.campaign) in listing.content.decode()

    confirm = client.get(url(n.campaign))
    assert confirm.status_code == 200
    assert "Tết Sum vầy 2025" in confirm.content.decode()
    assert not Campaign.objects.filter(slug="tet-sum-vay-2025").exists()  # GET changes nothing

    response = client.post(url(n.campaign), proposed(confirm))
    hub = CampaignHubPage.objects.get(campaign__slug="tet-sum-vay-2025")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[hub.pk])

    again = client.post(url(n.campaign), proposed(confirm))
    assert again.status_code == 400 and "đã có chương trình dùng" in again.content.decode()
    assert CampaignHubPage.objects.filter(campaign__slug="tet-sum-vay-2025").count() == 1


def test_network_admin_may_copy(client, copy_network):
    login(client, "quantri", Group.objects.get(name=NETWORK_ADMINS_GROUP))
    form = client.get(url(copy_network.campaign))
    assert client.post(url(copy_network.campaign), proposed(form)).status_code == 302
    assert Campaign.objects.filter(slug="tet-sum-vay-2025").exists()


def test_central_department_edits_the_new_hub_and_can_add_one(client, copy_network):
    n = copy_network
    user = login(client, "duyet.trung-uong", n.central.approvers_group)
    hub = copy_campaign_for_next_year(n.campaign, user=user)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[hub.pk]))
    assert edit.status_code == 200
    assert "Tài liệu tuyên truyền trực quan" in edit.content.decode()
    add = client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["campaigns", "campaignhubpage", n.central.home_page.pk],
        )
    )
    assert add.status_code == 200


def test_the_centre_names_the_new_edition_and_its_period_before_the_copy(client, copy_network):
    n = copy_network
    make_template(n.campaign)  # reports due 15/03/2024: the form proposes 15/03/2025
    login(client, "duyet.trung-uong", n.central.approvers_group)
    form = client.get(url(n.campaign))
    fields = form.context["form"]
    assert fields["deadline"].value() == dt.date(2025, 3, 15)
    data = {
        **proposed(form),
        "name": "Tết Sum vầy – Xuân Ất Tỵ",
        "slug": "Tết Ất Tỵ",
        "start_date": "2025-01-05",  # typed the ISO way: kept, not replaced by today
        "end_date": "28/02/2025",
        "deadline": "20/03/2025",
    }
    response = client.post(url(n.campaign), data)
    assert response.status_code == 302
    new = Campaign.objects.get(slug="tet-at-ty")
    assert new.name == "Tết Sum vầy – Xuân Ất Tỵ"
    assert (new.start_date, new.end_date) == (dt.date(2025, 1, 5), dt.date(2025, 2, 28))
    assert new.report_template.deadline == dt.date(2025, 3, 20)
    assert CampaignHubPage.objects.get(campaign=new).title == "Tết Sum vầy – Xuân Ất Tỵ"


def test_a_wrong_copy_form_says_why_and_creates_nothing(client, copy_network):
    n = copy_network
    login(client, "duyet.trung-uong", n.central.approvers_group)
    data = {**proposed(client.get(url(n.campaign))), "end_date": "01/01/2024", "slug": ""}
    before = Campaign.objects.count()
    response = client.post(url(n.campaign), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ngày kết thúc phải sau ngày bắt đầu." in html and "Nhập đường dẫn" in html
    assert Campaign.objects.count() == before


def test_the_lunar_year_follows_the_year():
    campaign = Campaign(
        name="Chợ Tết Công đoàn Giáp Thìn 2024",
        slug="cho-tet-giap-thin-2024",
        start_date=dt.date(2024, 1, 10),
        end_date=dt.date(2024, 2, 8),
    )
    values = next_edition_values(campaign)
    assert values["name"] == "Chợ Tết Công đoàn Ất Tỵ 2025"
    assert values["slug"] == "cho-tet-at-ty-2025"
    assert lunar_year_name(2024) == "Giáp Thìn" and lunar_year_name(2026) == "Bính Ngọ"
