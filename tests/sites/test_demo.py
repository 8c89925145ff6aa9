import datetime as dt
import hashlib

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from blog.models import ArticleKind, ArticlePage, Campaign, ColumnPage, DocumentPage
from demo.loader import DEMO_PASSWORD
from sites.models import Union

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_db")]


def snapshot():
    return (
        Union.objects.count(),
        ArticlePage.objects.live().count(),
        ColumnPage.objects.count(),
        Campaign.objects.count(),
    )


def test_demo_network_is_complete_and_loads_only_once(client, capsys):
    call_command("load_demo", "--port", "8000")
    out = capsys.readouterr().out

    unions = Union.objects.filter(is_central=False)
    assert unions.count() >= 5
    central = Union.objects.get(is_central=True)
    assert central.site.is_default_site
    assert (central.site.hostname, central.site.port) == ("localhost", 8000)
    for union in unions:
        assert union.site.hostname == f"{union.slug}.localhost"

    articles = ArticlePage.objects.live().filter(locale__language_code="vi")
    assert articles.count() >= 60
    assert {a.kind for a in articles} == set(ArticleKind.values)
    assert all(dt.date(2024, 1, 1) <= a.date <= dt.date(2024, 2, 29) for a in articles)
    for union in unions:
        own = ArticlePage.objects.descendant_of(union.home_page)
        assert own.count() >= 5
        assert all(a.lead_image.collection_id == union.collection_id for a in own)

    names = " | ".join(Campaign.objects.values_list("name", flat=True))
    for programme in ["Tết Sum vầy”", "Chợ Tết Công đoàn", "Xuân chia sẻ"]:
        assert programme in names
    for union in [central, *unions]:
        campaigns_here = set(
            ColumnPage.objects.child_of(union.home_page).values_list("campaign", flat=True)
        )
        vietnamese = Campaign.objects.filter(locale__language_code="vi")
        assert set(vietnamese.values_list("pk", flat=True)) <= campaigns_here

    guidance = DocumentPage.objects.get(number="25/HD-CĐVC", locale__language_code="vi")
    assert guidance.issue_date == dt.date(2024, 1, 23)
    assert guidance.document and guidance.document.file.size > 1000
    assert guidance.get_parent().pk == central.home_page.pk

    editor = authenticate(username=f"bientap.{unions[0].slug}", password=DEMO_PASSWORD)
    assert editor and list(editor.groups.all()) == [unions[0].editors_group]
    approver = authenticate(username=f"duyet.{unions[0].slug}", password=DEMO_PASSWORD)
    assert approver and list(approver.groups.all()) == [unions[0].approvers_group]
    assert authenticate(username="admin", password=DEMO_PASSWORD).is_superuser
    network_admin = authenticate(username="quantri", password=DEMO_PASSWORD)
    assert not network_admin.is_superuser and network_admin.has_perm("sites.add_union")
    assert DEMO_PASSWORD in out and f"bientap.{unions[0].slug}" in out

    # The demo serves: central home, hub and a union home.
    assert client.get("/", HTTP_HOST="localhost").status_code == 200
    assert (
        client.get("/tin-cac-cong-doan/", HTTP_HOST="localhost").context["articles"].paginator.count
        == articles.count()
    )
    assert client.get("/", HTTP_HOST=f"{unions[0].slug}.localhost").status_code == 200
    directory = client.get("/cac-cong-doan/", HTTP_HOST="localhost")
    assert directory.status_code == 200
    assert "Các công đoàn thành viên" in directory.text
    entries = directory.context["entries"]
    assert {e.union.name for e in entries} == {u.name for u in unions}
    assert all(e.logo and e.article_count >= 5 and e.latest_date for e in entries)

    # Pictures as in a newspaper: captions and credits, distinct logos, many motifs.
    assert all(a.lead_image.caption and a.lead_image.credit for a in articles)
    logos = [u.site.sitebranding.logo for u in [central, *unions]]
    assert len({hashlib.sha256(logo.file.read()).hexdigest() for logo in logos}) == len(logos)

    # Events and press coverage on the unions' sites, the market and partners on Chợ Tết's hub.
    from activities.models import EventPage, PressMentionPage
    from campaigns.models import CampaignHubPage

    assert EventPage.objects.live().count() >= 8 and PressMentionPage.objects.live().count() >= 6
    assert EventPage.objects.live().filter(start__gt=timezone.now()).exists()  # something to come
    market_hub = CampaignHubPage.objects.exclude(market_url="").get(locale__language_code="vi")
    assert market_hub.partners.count() >= 3 and all(p.logo for p in market_hub.partners.all())

    from home.models import FeatureProposal

    assert FeatureProposal.objects.filter(status="pending").count() == 2  # for the centre's desk

    # A finished report round: most unions accepted, one returned, a draft, one missing.
    from reports.models import CampaignReport
    from reports.services import accepted_totals, missing_reports

    reports = CampaignReport.objects.filter(campaign__report_template__isnull=False)
    statuses = sorted(reports.values_list("status", flat=True))
    assert statuses == ["accepted", "accepted", "accepted", "draft", "returned"]
    assert reports.get(status="returned").central_comment
    campaign = reports.first().campaign
    assert len(missing_reports(campaign)) == 3 and all(t > 0 for _f, t in accepted_totals(campaign))

    before = snapshot()
    with pytest.raises(CommandError, match="--reset"):
        call_command("load_demo")
    call_command("load_demo", "--if-empty")
    assert snapshot() == before

    call_command("load_demo", "--reset")
    assert snapshot() == before


def test_the_demo_has_an_english_edition(client):
    from campaigns.models import CampaignHubPage
    from home.models import CentralHomePage, DirectoryPage

    call_command("load_demo", "--port", "8000")
    english = {"locale__language_code": "en"}
    assert CentralHomePage.objects.live().filter(**english).count() == 1
    assert DirectoryPage.objects.live().filter(**english).count() == 1
    assert CampaignHubPage.objects.live().filter(**english).count() == 3
    assert DocumentPage.objects.live().filter(number="25/HD-CĐVC", **english).count() == 1
    articles = ArticlePage.objects.live().filter(**english)
    by_union = {}
    for article in articles:
        home = article.get_ancestors().get(depth=2)
        by_union.setdefault(home.translation_key, []).append(article)
    assert len(by_union) == 2 and all(len(pages) >= 3 for pages in by_union.values())
    # Readers find them: the central English home and a union's English home list them.
    response = client.get("/en/", HTTP_HOST="localhost:8000")
    assert response.status_code == 200
    assert articles[0].title in response.text or articles[1].title in response.text
    assert 'class="language-switch"' in response.text
    # The centre's shared words: the campaigns in English, the unions under English names.
    assert Campaign.objects.filter(**english).count() == 3
    assert "Union Tet Market 2024" in response.text and "MOJ Union" in response.text
    assert "Chợ Tết Công đoàn năm 2024" not in response.text
    # The page about the organisation, in both languages.
    about = client.get("/en/about-us/", HTTP_HOST="localhost:8000")
    assert about.status_code == 200 and "Trade Union of the Ministry of Justice" in about.text
    assert client.get("/gioi-thieu/", HTTP_HOST="localhost:8000").status_code == 200
