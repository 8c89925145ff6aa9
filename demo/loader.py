"""Build the demo network: the central site, the unions, campaigns, columns, articles, accounts.

Every union is created by ``centre.services.provision_union``, like any real one.
"""

import datetime as dt
import io
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Task, Workflow
from wagtail.rich_text import RichText

from blog.models import ArticlePage, Campaign, Column, ColumnPage, DocumentPage, NewsHubPage
from centre.models import DeskVisit
from centre.services import (
    ensure_locales,
    ensure_network_admins_group,
    provision_department,
    provision_union,
)
from core.text import fold
from demo.activities import create_demo_activities
from demo.campaigns import create_campaign_hubs
from demo.english import create_english_edition
from demo.reports import create_demo_reports
from home.models import DirectoryPage
from home.proposals import propose
from sites.models import Department, Union

from . import content
from .images import article_image, logo_image

DEMO_PASSWORD = "CongDoan@2024"
CENTRAL_SLUG = "trung-uong"
FILES = Path(__file__).parent / "files"


def network_is_empty():
    return not (Union.objects.exists() or Page.objects.filter(depth__gt=2).exists())


def reset_network():
    """Delete every union, site, page below the root, image, document, taxonomy entry and user."""
    with transaction.atomic():
        group_ids = (
            list(Union.objects.values_list("editors_group", flat=True))
            + list(Union.objects.values_list("approvers_group", flat=True))
            + list(Department.objects.values_list("editors_group", flat=True))
        )
        ArticlePage.objects.update(department=None)
        Department.objects.all().delete()
        Union.objects.all().delete()
        Site.objects.all().delete()
        for page in Page.get_first_root_node().get_children():
            page.delete()
        get_image_model().objects.all().delete()
        get_document_model().objects.all().delete()
        for collection in Collection.get_first_root_node().get_children():
            collection.delete()
        Workflow.objects.exclude(name="Moderators approval").delete()
        Task.objects.exclude(name="Moderators approval").delete()
        Group.objects.filter(pk__in=group_ids).delete()
        Campaign.objects.all().delete()
        Column.objects.all().delete()
        get_user_model().objects.all().delete()


def _initials(name):
    """Up to three letters from the union's name after "Công đoàn": "Bộ Tư pháp" is BTP."""
    words = [w for w in fold(name).replace("Cong doan", "").split() if w.lower() != "va"]
    return "".join(w[0] for w in words[:3]).upper() or "CD"


class DemoBuilder:
    def __init__(self, port, log):
        self.port = port
        self.log = log
        self.image_seed = 0
        self.union_count = 0
        self.images = get_image_model()

    def image(self, union, title, colour, alt, caption=""):
        self.image_seed += 1
        return self.images.objects.create(
            title=title[:255],
            description=alt[:255],
            caption=caption[:300],
            credit=union.short_name,
            collection=union.collection,
            file=ImageFile(
                io.BytesIO(article_image(self.image_seed, colour)),
                name=f"demo-{self.image_seed:03d}.jpg",
            ),
        )

    def union(self, data, slug, hostname, is_central=False):
        union = provision_union(
            name=data["name"],
            short_name=data["short_name"],
            slug=slug,
            hostname=hostname,
            port=self.port,
            is_central=is_central,
            tagline=data.get("tagline", ""),
            primary_colour=data.get("primary_colour", ""),
            contact_email=data.get("contact_email", ""),
            phone=data.get("phone", ""),
            address=data.get("address", ""),
            facebook_url=data.get("facebook_url", ""),
            zalo_url=data.get("zalo_url", ""),
        )
        logo = self.images.objects.create(
            title=f"Logo {union.short_name}",
            description=f"Logo {union.name}",
            collection=union.collection,
            file=ImageFile(
                io.BytesIO(
                    logo_image(
                        _initials(union.name),
                        union.site.sitebranding.primary_colour,
                        motif=self.union_count,
                    )
                ),
                name=f"logo-{slug}.png",
            ),
        )
        self.union_count += 1
        branding = union.site.sitebranding
        branding.logo = logo
        branding.save()
        self.log(f"  + {union.name}: {union.site.root_url}/")
        return union

    def columns(self, union, columns, campaigns):
        """The union's column page of each demo column: those provisioning made (the standing
        columns, centre.services.provision_union), then the (ended) campaigns' columns."""
        home = union.home_page
        made = {p.column_id: p for p in ColumnPage.objects.child_of(home)}
        pages = {}
        for data in content.COLUMNS:
            if columns[data["key"]].pk in made:
                pages[data["key"]] = made[columns[data["key"]].pk]
                continue
            page = ColumnPage(
                title=data["name"],
                slug=data["slug"],
                intro=data["description"],
                column=columns[data["key"]],
                campaign=campaigns.get(data["campaign"]) if data["campaign"] else None,
                show_in_menus=True,
            )
            home.add_child(instance=page)
            pages[data["key"]] = page
        return pages

    def article(self, data, union, column_page, colour, index):
        lead = self.image(
            union, data["title"], colour, data["title"], caption=data["intro"].split(". ")[0]
        )
        body = []
        paragraphs = data["paragraphs"]
        body.append(("paragraph", RichText(f"<p>{paragraphs[0]}</p>")))
        if data.get("quote"):
            body.append(("quote", data["quote"]))
        for paragraph in paragraphs[1:-1]:
            body.append(("paragraph", RichText(f"<p>{paragraph}</p>")))
        if data.get("figures"):
            body.append(
                ("key_figures", {"title": "Những con số tiêu biểu", "figures": data["figures"]})
            )
        if data["kind"] in {"visit", "story"} and index % 2 == 0:
            caption = f"Hình ảnh tại {union.short_name}"
            body.append(
                (
                    "gallery",
                    {
                        "title": "Hình ảnh",
                        "images": [
                            {
                                "image": self.image(
                                    union, f"{data['title']} ({n})", colour, caption
                                ),
                                "caption": caption,
                            }
                            for n in (1, 2)
                        ],
                    },
                )
            )
        if len(paragraphs) > 1:
            body.append(("paragraph", RichText(f"<p>{paragraphs[-1]}</p>")))

        date = dt.date.fromisoformat(data["date"])
        published = timezone.make_aware(
            dt.datetime.combine(date, dt.time(8, 0)) + dt.timedelta(minutes=index)
        )
        page = ArticlePage(
            title=data["title"],
            date=date,
            kind=data["kind"],
            intro=data["intro"],
            lead_image=lead,
            body=body,
            first_published_at=published,
            last_published_at=published,
        )
        column_page.add_child(instance=page)
        page.tags.add(*data.get("tags", []))
        page.save_revision(log_action=False).publish(log_action=False)
        # publish() stamps "now"; keep the story's own date as its publication time.
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
        return page

    def accounts(self, unions):
        User = get_user_model()
        User.objects.create_superuser(
            "admin", "admin@example.vn", DEMO_PASSWORD, first_name="Quản trị", last_name="mạng"
        )
        rows = [("admin", "quản trị toàn mạng (superuser)", "")]
        network_admin = User.objects.create_user(
            "quantri",
            "quantri@example.vn",
            DEMO_PASSWORD,
            first_name="Quản trị",
            last_name="mạng lưới",
        )
        network_admin.groups.add(ensure_network_admins_group())
        rows.append(("quantri", "quản trị mạng lưới: thêm, tạm ngừng công đoàn", ""))
        for union in unions:
            for role, group, label in [
                ("bientap", union.editors_group, "biên tập viên"),
                ("duyet", union.approvers_group, "duyệt bài"),
            ]:
                username = f"{role}.{union.slug}"
                user = User.objects.create_user(
                    username,
                    f"{username}@example.vn",
                    DEMO_PASSWORD,
                    first_name=label.capitalize(),
                    last_name=union.short_name,
                )
                user.groups.add(group)
                rows.append((username, label, union.short_name))
        return rows


DEMO_DEPARTMENT = {
    "name": "Ban Chính sách - Pháp luật - Quan hệ lao động",
    "short_name": "Ban CS-PL-QHLĐ",
    "name_en": "Department of Policy, Law and Labour Relations",
    "short_name_en": "Policy and Law Dept.",
    "slug": "chinh-sach-phap-luat",
    # Central articles this department supplied the information for.
    "articles": [
        "Bàn giao nhà Mái ấm công đoàn cho ba đoàn viên trước Tết",
        "Báo cáo nhanh: hơn 48.000 đoàn viên được chăm lo dịp Tết Giáp Thìn",
    ],
    "draft": {
        "title": "Những điểm mới về chế độ cho đoàn viên khó khăn dịp Tết",
        "intro": "Ban Chính sách - Pháp luật - Quan hệ lao động tóm tắt các mức hỗ trợ đoàn viên "
        "có hoàn cảnh khó khăn theo hướng dẫn năm nay.",
        "column": "tin-hoat-dong",
    },
}


def create_demo_department(central_columns, log=print):
    """A central department with its editor, two central articles it supplied, and one of its
    editor's articles waiting for the centre's approval."""
    data = DEMO_DEPARTMENT
    username = f"bientap.{data['slug']}"
    department = provision_department(
        name=data["name"],
        short_name=data["short_name"],
        name_en=data["name_en"],
        short_name_en=data["short_name_en"],
        slug=data["slug"],
        accounts=[
            {"username": username, "email": f"{username}@example.vn", "password": DEMO_PASSWORD}
        ],
    )
    ArticlePage.objects.filter(title__in=data["articles"]).update(department=department)
    editor = get_user_model().objects.get(username=username)
    editor.first_name, editor.last_name = "Biên tập viên", data["short_name"]
    editor.save(update_fields=["first_name", "last_name"])
    draft = data["draft"]
    page = ArticlePage(
        title=draft["title"],
        intro=draft["intro"],
        kind="news",
        department=department,
        owner=editor,
        live=False,
        body=[("paragraph", RichText(f"<p>{draft['intro']}</p>"))],
    )
    central_columns[draft["column"]].add_child(instance=page)
    page.save_revision(user=editor, log_action=False)
    page.get_workflow().start(page, editor)
    log(f"  {department.name}: tài khoản {username}, 1 bài chờ duyệt")
    return department


def set_demo_desk_visit(central, unions):
    """The central department last looked at its desk before the network's last few articles
    came in (the demo's stories are dated in the past), so its desk has news to show."""
    recent = list(
        ArticlePage.objects.live()
        .exclude(path__startswith=central.home_page.path)
        .order_by("-first_published_at")
        .values_list("first_published_at", flat=True)[:8]
    )
    if not recent:
        return
    for user in get_user_model().objects.filter(groups=central.approvers_group):
        DeskVisit.objects.update_or_create(
            user=user,
            defaults={
                "previous_visit_at": None,
                "last_seen_at": recent[-1] - dt.timedelta(minutes=1),
            },
        )


def create_demo_proposals(unions, log=print):
    """Two unions' approvers propose one of their articles for the central home's Tiêu điểm."""
    reasons = [
        "Gian hàng 0 đồng của đơn vị được đoàn viên hưởng ứng, có thể nhân rộng ra toàn mạng.",
        "Câu chuyện cảm động về đoàn viên khó khăn, nhiều lượt chia sẻ trên Facebook, Zalo.",
    ]
    members = [u for u in unions if not u.is_central][: len(reasons)]
    for union, reason in zip(members, reasons, strict=True):
        approver = get_user_model().objects.filter(groups=union.approvers_group).first()
        article = (
            ArticlePage.objects.live().descendant_of(union.home_page).order_by("-date").first()
        )
        if approver and article:
            propose(article, approver, reason)
    log(f"  {len(members)} đề xuất Tiêu điểm chờ Ban xem xét")


def load_demo(port=8000, log=print):
    """Build the whole demo network. The database must not already hold a network."""
    builder = DemoBuilder(port, log)
    with transaction.atomic():
        ensure_locales()
        campaigns = {
            c["key"]: Campaign.objects.create(
                name=c["name"],
                slug=c["slug"],
                start_date=dt.date.fromisoformat(c["start"]),
                end_date=dt.date.fromisoformat(c["end"]),
                slogan=c["slogan"],
                description=c["description"],
                hashtag=c["hashtag"],
            )
            for c in content.CAMPAIGNS
        }
        columns = {
            c["key"]: Column.objects.create(
                name=c["name"], slug=c["slug"], description=c["description"], sort_order=i
            )
            for i, c in enumerate(content.COLUMNS)
        }
        for c in content.COLUMNS:
            if c["campaign"]:
                campaigns[c["campaign"]].columns.add(columns[c["key"]])
        log("Tạo các trang:")
        central = builder.union(content.CENTRAL, CENTRAL_SLUG, "localhost", is_central=True)
        unions = [central] + [
            builder.union(data, data["slug"], f"{data['slug']}.localhost")
            for data in content.UNIONS
        ]
        colours = {u.slug: u.site.sitebranding.primary_colour for u in unions}
        by_key = {"central": central, **{u.slug: u for u in unions}}
        column_pages = {u.slug: builder.columns(u, columns, campaigns) for u in unions}

        central_home = central.home_page
        hub = NewsHubPage(
            title="Tin các công đoàn",
            slug="tin-cac-cong-doan",
            intro="Tin, bài của tất cả công đoàn trực thuộc, mới nhất trước. Lọc theo công đoàn, "
            "chương trình, chuyên mục, thể loại và thời gian.",
            show_in_menus=True,
        )
        central_home.add_child(instance=hub)
        central_home.add_child(
            instance=DirectoryPage(
                title="Các công đoàn thành viên",
                slug="cac-cong-doan",
                intro=f"Các công đoàn trực thuộc {central.name} đang hoạt động trên mạng thông "
                "tin: trang riêng, số bài viết và ngày đăng bài mới nhất.",
                show_in_menus=True,
            )
        )
        guidance = content.GUIDANCE
        document_model = get_document_model()
        document = document_model(title=guidance["title"], collection=central.collection)
        document.file.save(
            "huong-dan-25-HD-CDVC.txt",
            ContentFile((FILES / "huong-dan-25-HD-CDVC.txt").read_bytes()),
            save=False,
        )
        document.save()
        guidance_page = central_home.add_child(
            instance=DocumentPage(
                title=guidance["title"],
                number=guidance["number"],
                issue_date=dt.date.fromisoformat(guidance["issue_date"]),
                issuer=guidance["issuer"],
                signer=guidance["signer"],
                summary=guidance["summary"],
                document=document,
            )
        )

        hubs = create_campaign_hubs(central, list(campaigns.values()), guidance_page, log=log)

        for index, data in enumerate(content.ARTICLES):
            union = by_key[data["site"]] if data["site"] != "central" else central
            builder.article(
                data, union, column_pages[union.slug][data["column"]], colours[union.slug], index
            )
        log(f"  {len(content.ARTICLES)} bài viết, {builder.image_seed} ảnh minh họa")
        create_demo_activities(by_key, column_pages, hubs, log=log)
        # Before the accounts: nobody to e-mail yet about its article waiting for approval.
        department = create_demo_department(column_pages[central.slug], log=log)
        accounts = builder.accounts(unions)
        accounts.append(
            (
                f"bientap.{department.slug}",
                "biên tập viên của ban (viết trên trang trung tâm)",
                department.short_name,
            )
        )

        create_demo_reports(campaigns["tet-sum-vay-xuan-chia-se"], unions, log=log)
        create_english_edition(central, by_key, guidance_page, log=log)
        create_demo_proposals(unions, log=log)
        set_demo_desk_visit(central, unions)
    return {"unions": unions, "accounts": accounts, "articles": len(content.ARTICLES)}
