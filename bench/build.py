"""Build the benchmark network in the (empty, migrated) database of the current settings.

    python -m bench.build --sites 60 --articles 200

The demo network (central site, 6 unions, campaigns and their hubs, columns, the guidance,
accounts, result reports) is loaded by ``load_demo``; further unions are added by the real
``provision_union`` service with their columns, approver accounts and result reports. Then
each union gets ``--articles`` articles (minus what the demo gave it), written in bulk: Wagtail
pages with correct tree paths, depth, numchild, url_path, locale, translation key and content
type, tags through taggit, a lead image chosen from a few dozen locally drawn pictures, and
search index entries written by Wagtail's own search backend (the folded copy included).
Finally the tree is checked (``Page.find_problems``) and every kind of page must render.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

UNION_NAMES = [
    "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Tài chính",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Công Thương",
    "Bộ Xây dựng",
    "Bộ Giao thông vận tải",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Thông tin và Truyền thông",
    "Bộ Lao động - Thương binh và Xã hội",
    "Văn phòng Chính phủ",
    "Thanh tra Chính phủ",
    "Ủy ban Dân tộc",
    "Đài Tiếng nói Việt Nam",
    "Đài Truyền hình Việt Nam",
    "Viện Hàn lâm KH&CN Việt Nam",
    "Học viện Chính trị quốc gia Hồ Chí Minh",
    "Đại học Quốc gia Hà Nội",
    "Đại học Quốc gia TP. Hồ Chí Minh",
    "Kiểm toán Nhà nước",
    "Tòa án nhân dân tối cao",
    "Viện Kiểm sát nhân dân tối cao",
    "Văn phòng Quốc hội",
    "Ủy ban Quản lý vốn nhà nước",
    "Bảo hiểm xã hội Việt Nam",
    "Ngân hàng Chính sách xã hội",
]
TAGS = [
    "Tết Sum vầy",
    "Chợ Tết Công đoàn",
    "Xuân chia sẻ",
    "đoàn viên",
    "chăm lo Tết",
    "quà Tết",
    "gian hàng 0 đồng",
    "tư vấn pháp luật",
    "tư vấn sức khỏe",
    "nữ công",
    "Giáp Thìn 2024",
    "người lao động",
    "hoàn cảnh khó khăn",
    "văn hóa",
    "thể thao",
    "thi đua",
    "khen thưởng",
    "an sinh",
    "chuyển đổi số",
    "tuyên truyền",
    "Hướng dẫn 25/HD-CĐVC",
    "mái ấm công đoàn",
    "vé xe Tết",
    "gặp mặt đầu xuân",
    "hội nghị cán bộ",
    "đối thoại",
    "phúc lợi",
    "sức khỏe",
    "gia đình",
    "thanh niên",
]
IMAGE_COUNT = 36
COLOURS = ["#b71c1c", "#0d47a1", "#1b5e20", "#e65100", "#4a148c", "#006064"]


def log(message):
    print(message, flush=True)


def add_unions(builder, count, columns, campaigns, hashed_password):
    """``count`` more unions, each through provision_union, with columns and two accounts."""
    from django.contrib.auth import get_user_model

    from centre.services import ensure_locales

    ensure_locales()
    User = get_user_model()
    added = []
    for n in range(count):
        base = UNION_NAMES[n % len(UNION_NAMES)]
        suffix = "" if n < len(UNION_NAMES) else f" (khối {n // len(UNION_NAMES) + 1})"
        slug = f"cd-{n + 1:02d}"
        data = {
            "name": f"Công đoàn {base}{suffix}",
            "short_name": f"CĐ {base}{suffix}",
            "primary_colour": COLOURS[n % len(COLOURS)],
            "tagline": "Đồng hành cùng đoàn viên, người lao động",
        }
        union = builder.union(data, slug, f"{slug}.localhost")
        builder.columns(union, columns, campaigns)
        for role, group in [("bientap", union.editors_group), ("duyet", union.approvers_group)]:
            user = User(
                username=f"{role}.{slug}",
                email=f"{role}.{slug}@example.vn",
                password=hashed_password,
                last_name=union.short_name,
            )
            user.save()
            user.groups.add(group)
        added.append(union)
    return added


def add_reports(unions, campaign):
    """An accepted result report from each added union, through reports.services."""
    from django.contrib.auth import get_user_model

    from demo.reports import _values
    from reports import services
    from sites.models import Union

    User = get_user_model()
    central = Union.objects.get(is_central=True)
    reviewer = User.objects.filter(groups=central.approvers_group).first()
    for index, union in enumerate(unions):
        approver = User.objects.filter(groups=union.approvers_group).first()
        report = services.save_draft(
            union,
            campaign,
            approver,
            values=_values(0.5 + (index % 7) / 5),
            narrative=f"{union.name} thăm hỏi, tặng quà đoàn viên và tổ chức phiên chợ Tết.",
            proposals="Đề nghị tiếp tục hỗ trợ đoàn viên có hoàn cảnh khó khăn.",
        )
        if index % 5 != 4:  # most accepted, some still submitted
            report = services.submit(report, approver)
            if index % 5 != 3:
                services.accept(report, reviewer)


def make_images(builder, central):
    return [
        builder.image(
            central,
            f"Ảnh minh họa {n + 1}",
            COLOURS[n % len(COLOURS)],
            f"Hoạt động chăm lo Tết cho đoàn viên, ảnh {n + 1}",
        )
        for n in range(IMAGE_COUNT)
    ]


def bulk_articles(per_site, images, rng):
    """Fill every union's columns up to ``per_site`` articles, written in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Locale, Page
    from wagtail.rich_text import RichText

    from blog.models import ArticlePage, ColumnPage
    from blog.models.pages import ArticlePageTag
    from core.text import slugify_vi
    from demo import content
    from sites.models import Union

    article_ct = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    tags = []
    for name in TAGS:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(
            name=name, slug=slugify_vi(name)
        )
        tags.append(tag)
    kinds = [k for k, _ in ArticlePage._meta.get_field("kind").choices]
    stories = content.ARTICLES
    start = timezone.make_aware(dt.datetime(2024, 1, 2, 7, 0))
    span_minutes = 58 * 24 * 60
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    article_fields = list(ArticlePage._meta.local_concrete_fields)
    total = 0
    for union in (
        Union.objects.filter(is_central=False).select_related("site__root_page").order_by("pk")
    ):
        home = union.home_page
        columns = list(ColumnPage.objects.child_of(home).order_by("path"))
        if not columns:
            continue
        existing = ArticlePage.objects.descendant_of(home).count()
        wanted = max(per_site - existing, 0)
        if not wanted:
            continue
        pages, tag_rows = [], []
        next_index = {}
        for column in columns:
            last = column.get_last_child()
            next_index[column.pk] = (Page._str2int(last.path[-Page.steplen :]) if last else 0) + 1
        added_per_column = {c.pk: 0 for c in columns}
        for n in range(wanted):
            column = columns[n % len(columns)]
            story = stories[(n * 7 + union.pk) % len(stories)]
            title = f"{story['title']} – {union.short_name} ({n + 1})"[:255]
            slug = f"{slugify_vi(story['title'])[:80]}-{n + 1}"
            published = start + dt.timedelta(minutes=rng.randrange(span_minutes))
            paragraphs = story["paragraphs"]
            body = [("paragraph", RichText(f"<p>{p}</p>")) for p in paragraphs]
            if story.get("quote"):
                body.insert(1, ("quote", story["quote"]))
            if story.get("figures"):
                body.append(
                    (
                        "key_figures",
                        {"title": "Những con số tiêu biểu", "figures": story["figures"]},
                    )
                )
            index = next_index[column.pk]
            next_index[column.pk] += 1
            added_per_column[column.pk] += 1
            article = ArticlePage(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=article_ct,
                path=Page._get_path(column.path, column.depth + 1, index),
                depth=column.depth + 1,
                numchild=0,
                url_path=f"{column.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                locale=locale,
                translation_key=uuid.uuid4(),
                date=published.date(),
                kind=story.get("kind") if story.get("kind") in kinds else kinds[n % len(kinds)],
                intro=story["intro"],
                lead_image=images[rng.randrange(len(images))],
                body=body,
                campaign_id=column.campaign_id,
            )
            article.set_listing_keys()  # (what save() does)
            pages.append(article)
        with transaction.atomic():
            base_rows = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(a, f.attname) for f in page_fields}) for a in pages],
                batch_size=500,
            )
            for article, row in zip(pages, base_rows, strict=True):
                article.page_ptr_id = article.id = row.pk
            for i in range(0, len(pages), 500):
                ArticlePage._base_manager._insert(
                    pages[i : i + 500], fields=article_fields, using="default"
                )
            for article in pages:
                for tag in rng.sample(tags, 3):
                    tag_rows.append(ArticlePageTag(content_object_id=article.pk, tag_id=tag.pk))
            ArticlePageTag.objects.bulk_create(tag_rows, batch_size=1000)
            for column in columns:
                Page.objects.filter(pk=column.pk).update(
                    numchild=F("numchild") + added_per_column[column.pk]
                )
        total += len(pages)
    return total


def index_articles():
    """Search entries for every article: the public search's own (sitesearch.index) and
    Wagtail's backend (the admin's search), both with the folded text."""
    from wagtail.search.backends import get_search_backend

    from blog.models import ArticlePage
    from sitesearch.index import rebuild

    backend = get_search_backend()
    ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    for i in range(0, len(ids), 500):
        chunk = ArticlePage.get_indexed_objects().filter(pk__in=ids[i : i + 500])
        backend.add_bulk(ArticlePage, list(chunk.prefetch_related("tags")))
    rebuild()


def check():
    """The tree is sound and every kind of page renders."""
    from wagtail.models import Page

    problems = Page.find_problems()
    if any(problems):
        raise SystemExit(f"Page tree problems (Page.find_problems): {problems}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=60, help="union sub-sites (default 60)")
    parser.add_argument("--articles", type=int, default=200, help="articles per union site")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    django.setup()

    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from blog.models import Campaign, Column, default_locale
    from demo import content
    from demo.loader import DEMO_PASSWORD, DemoBuilder, load_demo
    from sites.models import Union

    rng = random.Random(args.seed)
    started = time.monotonic()
    log("Demo network (central site, 6 unions, campaigns, reports)…")
    load_demo(port=80, log=lambda message: None)
    extra = max(args.sites - len(content.UNIONS), 0)
    log(f"{extra} more unions through provision_union…")
    builder = DemoBuilder(80, log=lambda message: None)
    # The Vietnamese campaigns and columns (the demo translates some into English).
    vietnamese = default_locale()
    columns = {c["key"]: Column.objects.get(vietnamese, slug=c["slug"]) for c in content.COLUMNS}
    campaigns = {
        c["key"]: Campaign.objects.get(vietnamese, slug=c["slug"]) for c in content.CAMPAIGNS
    }
    with transaction.atomic():
        added = add_unions(builder, extra, columns, campaigns, make_password(DEMO_PASSWORD))
        add_reports(added, campaigns["tet-sum-vay-xuan-chia-se"])
        central = Union.objects.get(is_central=True)
        images = make_images(builder, central)
    log(f"  {time.monotonic() - started:.0f} s")
    log(f"Articles in bulk ({args.articles} per union)…")
    count = bulk_articles(args.articles, images, rng)
    log(f"  {count} articles, {time.monotonic() - started:.0f} s")
    log("Search index…")
    index_articles()
    log(f"  {time.monotonic() - started:.0f} s")
    check()
    log(f"Built in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
