"""Campaign actions. The admin view, the management command and tests call these."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from blog.models import Campaign, Column, ColumnPage, default_locale
from core.dates import add_years, lunar_year_name
from core.text import slugify_vi
from reports.models import ReportTemplate
from reports.services import copy_report_template
from sites.models import Union

from .models import CampaignHubDocument, CampaignHubPage, CampaignMaterial

YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


def bump_year(text, new_year):
    """The last year in `text` replaced by `new_year`, or `new_year` appended; the lunar
    year's name follows ("Tết Giáp Thìn 2024" -> "Tết Ất Tỵ 2025").

    "Tết Sum vầy 2024" -> "Tết Sum vầy 2025"; "Xuân chia sẻ" -> "Xuân chia sẻ 2025".
    """
    text = next_lunar_names(text, new_year)
    matches = list(YEAR.finditer(text))
    if not matches:
        return f"{text} {new_year}"
    last = matches[-1]
    return f"{text[: last.start()]}{new_year}{text[last.end() :]}"


def next_lunar_names(text, new_year):
    """The previous lunar year's name in `text` (as typed, or folded in a slug) replaced by
    `new_year`'s: "Giáp Thìn" -> "Ất Tỵ", "giap-thin" -> "at-ty"."""
    old, new = lunar_year_name(new_year - 1), lunar_year_name(new_year)
    return text.replace(old, new).replace(slugify_vi(old), slugify_vi(new))


def next_edition_values(campaign):
    """Name, slug, dates and report deadline proposed for the campaign's next edition (nothing
    is saved; the copy form lets the centre change them).

    The year in the name goes up by one (or the start year plus one is appended), the lunar
    year's name with it; the dates and the report deadline move one year later.
    """
    years = [m.group(0) for m in YEAR.finditer(campaign.name)]
    new_year = (int(years[-1]) if years else campaign.start_date.year) + 1
    name = bump_year(campaign.name, new_year)
    slug = bump_year(campaign.slug, new_year) if YEAR.search(campaign.slug) else None
    template = (
        ReportTemplate.objects.filter(campaign=campaign).only("deadline").first()
        if campaign.pk
        else None
    )
    return {
        "name": name,
        "slug": slugify_vi(slug or f"{campaign.slug} {new_year}")[:80],
        "start_date": add_years(campaign.start_date),
        "end_date": add_years(campaign.end_date),
        "deadline": add_years(template.deadline) if template else None,
        "year": new_year,
    }


def next_edition_exists(campaign):
    values = next_edition_values(campaign)
    return Campaign.objects.filter(locale_id=campaign.locale_id, slug=values["slug"]).exists()


def _copy_material(material):
    return CampaignMaterial(
        sort_order=material.sort_order,
        kind=material.kind,
        title=material.title,
        description=material.description,
        image_id=material.image_id,
        document_id=material.document_id,
    )


def _draft(parent, page, user):
    """Add `page` under `parent` as a draft (never published) with a first revision."""
    page.live = False
    page.has_unpublished_changes = True
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def copy_campaign_for_next_year(campaign, user=None, **chosen):
    """Create the campaign's next edition, in one transaction.

    Makes: the new ``Campaign`` (name, slug, dates and report deadline as ``chosen`` by the
    centre in the copy form, or as ``next_edition_values`` proposes; slogan, description and
    hashtag copied), a draft hub page under the central home (intro copied,
    if the old campaign had a hub or not), and on every active union's site (the central one
    included) a draft column page for each shared column the old campaign had column pages
    for, pointing at the new edition. Inactive unions get nothing.

    Returns the new hub page. Raises ValidationError (nothing created) if the next edition
    already exists or the network has no central site.
    """

    values = {**next_edition_values(campaign), **{k: v for k, v in chosen.items() if v}}
    if values["end_date"] < values["start_date"]:
        raise ValidationError(_("Ngày kết thúc phải sau ngày bắt đầu."))
    with transaction.atomic():
        if Campaign.objects.filter(locale_id=campaign.locale_id, slug=values["slug"]).exists():
            raise ValidationError(
                _("Chương trình “%(name)s” (đường dẫn “%(slug)s”) đã có; không sao chép lại.")
                % {"name": values["name"], "slug": values["slug"]}
            )
        central = Union.objects.filter(is_central=True).select_related("site__root_page").first()
        if central is None:
            raise ValidationError(_("Mạng chưa có trang trung tâm."))

        new = Campaign.objects.create(
            name=values["name"],
            slug=values["slug"],
            start_date=values["start_date"],
            end_date=values["end_date"],
            slogan=campaign.slogan,
            description=campaign.description,
            hashtag=bump_year(campaign.hashtag, values["year"])
            if YEAR.search(campaign.hashtag or "")
            else campaign.hashtag,
            locale_id=campaign.locale_id,
        )

        central_home = central.site.root_page.specific
        old_hub = CampaignHubPage.objects.filter(campaign=campaign).order_by("path").first()
        hub = _draft(
            central_home,
            CampaignHubPage(
                title=new.name,
                slug=new.slug if Page._slug_is_available(new.slug, central_home) else "",
                campaign=new,
                intro=old_hub.intro if old_hub else campaign.description[:500],
                search_description=old_hub.search_description if old_hub else "",
                locale_id=central_home.locale_id,
                # The materials library and the linked documents carry over; the centre swaps
                # in the new year's posters before publishing.
                materials=[_copy_material(m) for m in old_hub.materials.all()] if old_hub else [],
                document_links=[
                    CampaignHubDocument(
                        sort_order=d.sort_order, document_page_id=d.document_page_id
                    )
                    for d in old_hub.document_links.all()
                ]
                if old_hub
                else [],
            ),
            user,
        )

        old_pages = list(
            ColumnPage.objects.filter(campaign=campaign).only(
                "id", "path", "title", "intro", "column_id"
            )
        )
        columns = Column.objects.filter(
            pk__in={p.column_id for p in old_pages}
            | set(campaign.columns.values_list("pk", flat=True))
        )
        new.columns.set(columns)
        unions = Union.objects.filter(is_active=True).select_related("site__root_page")
        for union in unions:
            home = union.site.root_page.specific
            for column in columns:
                old = next(
                    (
                        p
                        for p in old_pages
                        if p.column_id == column.pk and p.path.startswith(home.path)
                    ),
                    None,
                )
                if old is not None:
                    title = bump_year(old.title, values["year"])
                else:
                    title = f"{column.name} {values['year']}"
                _draft(
                    home,
                    ColumnPage(
                        title=title,
                        slug="",
                        intro=old.intro if old else column.description[:500],
                        column=column,
                        campaign=new,
                        locale_id=home.locale_id,
                    ),
                    user,
                )
        copy_report_template(campaign, new, deadline=values["deadline"])
    return hub


def campaigns_under_way(today=None):
    """The campaigns running or coming (their end date not past)."""
    today = today or timezone.localdate()
    return Campaign.objects.filter(default_locale(), end_date__gte=today).prefetch_related(
        "columns"
    )


def ensure_campaign_columns(*, unions=None, campaigns=None, standing=False, columns=None):
    """Give each active union's site (the central one included) a published column page for
    every shared column of every campaign running or coming, and, with ``standing``, for every
    column of no campaign (Tin hoạt động…): what a new union starts with, and what a campaign
    the centre adds or gives a column brings to every site.

    ``unions`` (default: every active union), ``campaigns`` (default: every campaign not
    ended; an ended one given is skipped) and ``columns`` (default: all) narrow it. A site
    that has a column page (live or draft) for the column and campaign already is left alone.
    Returns the pages created.
    """
    today = timezone.localdate()
    if campaigns is None:
        campaigns = campaigns_under_way(today)
    wanted = [
        (column, campaign)
        for campaign in campaigns
        if campaign.end_date >= today
        for column in campaign.columns.all()
    ]
    if standing:
        wanted += [
            (column, None)
            for column in Column.objects.filter(default_locale(), campaigns__isnull=True)
        ]
    if columns is not None:
        keep = {column.pk for column in columns}
        wanted = [(column, campaign) for column, campaign in wanted if column.pk in keep]
    sites = Union.objects.filter(is_active=True).select_related("site__root_page")
    if unions is not None:
        sites = sites.filter(pk__in=[union.pk for union in unions])
    created = []
    if not wanted:
        return created
    with transaction.atomic():
        for union in sites:
            home = union.site.root_page
            pages = ColumnPage.objects.child_of(home)
            existing = set(pages.values_list("column_id", "campaign_id"))
            titles = set(pages.values_list("title", flat=True))
            for column, campaign in wanted:
                if (column.pk, campaign.pk if campaign else None) in existing:
                    continue
                title = column.name
                if title in titles and campaign is not None:
                    title = bump_year(column.name, campaign.start_date.year)
                page = ColumnPage(
                    title=title,
                    slug="",  # folded from the title, free among its siblings (sites.pages)
                    intro=column.description[:500],
                    column=column,
                    campaign=campaign,
                    locale_id=home.locale_id,
                    show_in_menus=True,
                )
                home.add_child(instance=page)
                # Published by the system, like the home page provisioning makes: the centre,
                # whose change brings it, never publishes on a union's site itself.
                page.save_revision(log_action=True).publish()
                existing.add((column.pk, campaign.pk if campaign else None))
                titles.add(title)
                created.append(page)
    return created
