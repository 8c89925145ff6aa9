"""Domain actions on the network. Management commands, admin views and the demo
loader call these rather than repeating them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from blog.models import ColumnPage
from campaigns.services import ensure_campaign_columns
from core.text import slugify_vi
from home.models import CentralHomePage, UnionHomePage
from sites.models import Department, SiteBranding, Union
from sites.network import get_network
from sites.permissions import NETWORK_ADMINS_GROUP

from .forms import (
    DEFAULT_COLOUR,
    DepartmentCreateForm,
    DepartmentEditForm,
    UnionCreateForm,
    UnionEditForm,
    department_group_name,
    errors_of,
    group_names,
)
from .notifications import notify_takedown

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Editors and approvers upload, use and manage the union's files ("change" covers editing
# and deleting, in the union's own collection only).
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
SHARED_READ_PERMISSIONS = [("blog", "view_campaign"), ("blog", "view_column")]
# English editions: every union's (and department's) people translate their own pages with
# wagtail-localize; which pages is still decided by their page permissions.
TRANSLATOR_PERMISSIONS = [("wagtail_localize", "submit_translation")]
CENTRAL_DEPARTMENT_PERMISSIONS = [
    ("blog", codename)
    for model in ("campaign", "column")
    for codename in (f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}")
]
# Result reports (reports app): a union's approvers file their union's report; the central
# department defines the report templates and reviews every report; network admins review.
REPORT_FILER_PERMISSIONS = [("reports", "file_report")]
REPORT_REVIEWER_PERMISSIONS = [("reports", "review_report")] + [
    ("reports", f"{action}_reporttemplate") for action in ("add", "change", "delete", "view")
]
CENTRAL_DEPARTMENT_PERMISSIONS += REPORT_REVIEWER_PERMISSIONS
CENTRAL_DEPARTMENT_PERMISSIONS += [("sites", "take_down_page")]
# A central department's editors write on the central site (no publishing: their articles go
# through the centre's approval) and upload into their department's own collection.
DEPARTMENT_EDITOR_PAGE_PERMISSIONS = ["add_page"]
NETWORK_ADMIN_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("sites", "add_union"),
    ("sites", "change_union"),
    ("sites", "view_union"),
    ("sites", "add_department"),
    ("sites", "change_department"),
    ("sites", "view_department"),
    ("reports", "review_report"),
]
SHARED_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]


def _permissions(pairs):
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def ensure_locales():
    """Every content language has a Locale; the default (vi) one comes from Wagtail's migrations."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return Locale.get_default()


def _retire_placeholder_sites():
    """Remove the empty "Welcome to Wagtail" site a fresh install comes with."""
    for site in Site.objects.filter(union__isnull=True).select_related("root_page"):
        root = site.root_page
        if root.specific_class is Page and root.numchild == 0:
            site.delete()
            root.delete()


def _grant_admin_and_page_permissions(group, home, codenames):
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.create(group=group, page=home, permission=permission)


def _grant_collection_permissions(groups, collection, pairs):
    for permission in _permissions(pairs):
        for group in groups:
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=permission
            )


def _share_central_collection(groups):
    """Union users may choose the central union's images and documents (shared materials)."""
    central = Union.objects.filter(is_central=True).select_related("collection").first()
    if central is None:
        return
    for permission in _permissions(SHARED_COLLECTION_PERMISSIONS):
        for group in groups:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=central.collection, permission=permission
            )


def ensure_network_admins_group():
    """The network administrators: add, edit and deactivate unions (need not be superusers)."""

    group, _created = Group.objects.get_or_create(name=NETWORK_ADMINS_GROUP)
    group.permissions.add(*_permissions(NETWORK_ADMIN_PERMISSIONS))
    return group


def _grant_central_department(approvers, central_collection):
    """The central union's approvers are the central department (Ban Tuyên giáo - Nữ công):
    they manage the shared taxonomy and may take down (unpublish) a union's page. They hold
    no Wagtail page permission outside the central site, so Wagtail itself refuses them
    publishing, privacy, moving, copying into and workflow actions on union pages, through
    every route (page views, the admin API, bulk actions); see take_down_page."""
    approvers.permissions.add(*_permissions(CENTRAL_DEPARTMENT_PERMISSIONS))
    for union in Union.objects.filter(is_central=False):
        for permission in _permissions(SHARED_COLLECTION_PERMISSIONS):
            for group in (union.editors_group, union.approvers_group):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=central_collection, permission=permission
                )


def _create_workflow(short_name, approvers, home):
    workflow = Workflow.objects.create(name=_("Duyệt bài – %(union)s") % {"union": short_name})
    task = GroupApprovalTask.objects.create(
        name=_("%(union)s: duyệt và xuất bản") % {"union": short_name}
    )
    task.groups.set([approvers])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    return workflow


def _attach_logo(union, logo_file):
    image = get_image_model().objects.create(
        title=_("Logo %(union)s") % {"union": union.short_name},
        description=_("Logo %(union)s") % {"union": union.name},
        collection=union.collection,
        file=logo_file,
    )
    branding = SiteBranding.for_site(union.site)
    branding.logo = image
    branding.save(update_fields=["logo"])


def _create_accounts(union, accounts):
    User = get_user_model()
    for account in accounts:
        user = User.objects.create_user(
            account["username"].strip(), account.get("email", ""), account["password"]
        )
        group = union.editors_group if account["role"] == "editor" else union.approvers_group
        user.groups.add(group)


def provision_union(
    *,
    name,
    short_name,
    slug,
    hostname,
    port=80,
    name_en="",
    short_name_en="",
    is_central=False,
    tagline="",
    primary_colour=DEFAULT_COLOUR,
    contact_email="",
    phone="",
    address="",
    facebook_url="",
    zalo_url="",
    logo=None,
    logo_file=None,
    accounts=(),
):
    """Create a union's whole site in one transaction, or raise ValidationError and create nothing.

    ``logo_file`` (an uploaded image) becomes the site's logo in the union's own collection;
    ``accounts`` (dicts with role "editor" or "approver", username, email, password) are the
    union's first users.

    Makes: the home page (default locale) under the tree root, the Wagtail Site, its branding
    settings, an editors group and an approvers group with page permissions on that home only,
    an image/document collection usable by those groups only, and a moderation workflow.
    The central union's site becomes the default site (it answers unknown hostnames).
    """

    form = UnionCreateForm(
        data={
            "name": name or "",
            "short_name": short_name or "",
            "name_en": name_en or "",
            "short_name_en": short_name_en or "",
            "slug": slug or "",
            "hostname": hostname or "",
            "port": port,
            "is_central": is_central,
            "tagline": tagline or "",
            "primary_colour": primary_colour or "",
            "contact_email": contact_email or "",
            "phone": phone or "",
            "address": address or "",
            "facebook_url": facebook_url or "",
            "zalo_url": zalo_url or "",
            **{
                f"{account['role']}_{part}": account.get(part) or ""
                for account in accounts
                for part in ("username", "email", "password")
            },
        },
        accounts_required=False,
        slug_from_short_name=False,
    )
    try:
        with transaction.atomic():
            _retire_placeholder_sites()  # its home page's slug must not count as taken
            if not form.is_valid():
                raise errors_of(form)
            data = form.cleaned_data
            name, short_name, slug = data["name"], data["short_name"], data["slug"]
            hostname, port, primary_colour = data["hostname"], data["port"], data["primary_colour"]
            accounts = form.accounts()
            locale = ensure_locales()
            home_model = CentralHomePage if is_central else UnionHomePage
            home = Page.get_first_root_node().add_child(
                instance=home_model(title=name, slug=slug, locale=locale, intro=tagline)
            )
            site = Site.objects.create(
                hostname=hostname,
                port=port,
                site_name=name,
                root_page=home,
                is_default_site=is_central,
            )
            SiteBranding.objects.create(
                site=site,
                logo=logo,
                tagline=tagline,
                primary_colour=primary_colour,
                contact_email=contact_email,
                phone=phone,
                address=address,
                facebook_url=facebook_url,
                zalo_url=zalo_url,
            )
            editors_name, approvers_name = group_names(short_name)
            editors = Group.objects.create(name=editors_name)
            approvers = Group.objects.create(name=approvers_name)
            _grant_admin_and_page_permissions(editors, home, EDITOR_PAGE_PERMISSIONS)
            _grant_admin_and_page_permissions(approvers, home, APPROVER_PAGE_PERMISSIONS)
            collection = Collection.get_first_root_node().add_child(name=name)
            _grant_collection_permissions([editors, approvers], collection, COLLECTION_PERMISSIONS)
            change_branding = Permission.objects.get(
                content_type__app_label="sites", codename="change_sitebranding"
            )
            GroupSitePermission.objects.create(
                group=approvers, site=site, permission=change_branding
            )
            for group in (editors, approvers):
                group.permissions.add(
                    *_permissions(SHARED_READ_PERMISSIONS + TRANSLATOR_PERMISSIONS)
                )
            if is_central:
                _grant_central_department(approvers, collection)
                ensure_network_admins_group()
            else:
                _share_central_collection([editors, approvers])
                approvers.permissions.add(*_permissions(REPORT_FILER_PERMISSIONS))
            _create_workflow(short_name, approvers, home)
            union = Union.objects.create(
                name=name,
                short_name=short_name,
                name_en=data["name_en"].strip(),
                short_name_en=data["short_name_en"].strip(),
                slug=slug,
                is_central=is_central,
                site=site,
                editors_group=editors,
                approvers_group=approvers,
                collection=collection,
            )
            if logo_file is not None:
                _attach_logo(union, logo_file)
            _create_accounts(union, accounts)
            # The network's standing columns and those of every campaign under way.
            ensure_campaign_columns(unions=[union], standing=True)
            return union
    except IntegrityError as error:
        # A concurrent request took the same hostname or slug between the checks and the insert.
        raise ValidationError(
            _("Không tạo được công đoàn (trùng dữ liệu): %(e)s") % {"e": error}
        ) from error


def open_home_translation(home_translation):
    """A site's home page translated into another language (wagtail-localize makes it, as an
    alias or a copy, with a union's first translated page) joins that site for its people: the
    groups holding page permissions on the home hold the same on the translation, and the
    home's approval workflow applies to it. Nothing is made in any other union's tree.
    Returns the Vietnamese home, or None when the page is not a site's home."""
    source = (
        Page.objects.filter(translation_key=home_translation.translation_key, depth=2)
        .filter(sites_rooted_here__isnull=False)
        .exclude(pk=home_translation.pk)
        .first()
    )
    if source is None:
        return None
    with transaction.atomic():
        for granted in GroupPagePermission.objects.filter(page=source):
            GroupPagePermission.objects.get_or_create(
                group_id=granted.group_id,
                page=home_translation,
                permission_id=granted.permission_id,
            )
        for attached in WorkflowPage.objects.filter(page=source):
            WorkflowPage.objects.get_or_create(
                page=home_translation, defaults={"workflow_id": attached.workflow_id}
            )
    return source


def name_translated_parent(page):
    """A union's home or column that wagtail-localize made as an alias of the Vietnamese one
    (the union's first translated page brings them) becomes a page of its own in the words the
    centre keeps: the union's English name for its home, the shared column's English name and
    description for a column (its Vietnamese name where the centre gave none yet). Published
    at once, so the translated pages under it can be reached; none of the union's Vietnamese
    text shows on it (that home or column is edited and approved later like any English
    page). Other aliases stay as they are. Returns whether the page was renamed."""
    if not page.alias_of_id:
        return False
    page = page.specific
    english = page.locale.language_code != Locale.get_default().language_code
    if isinstance(page, ColumnPage):
        column = page.column
        words = column.get_translation_or_none(page.locale) or column
        title = words.name or column.name
        intro = words.description if words.pk != column.pk else ""
    elif page.depth == 2:
        union = Union.objects.filter(site__root_page_id=page.alias_of_id).first()
        if union is None:
            return False
        title = (union.name_en if english else "") or union.name
        intro = ""
    else:
        return False
    with transaction.atomic():
        page.alias_of = None
        page.title = page.draft_title = title[: Page._meta.get_field("title").max_length]
        page.intro = intro[: type(page)._meta.get_field("intro").max_length]
        page.seo_title = page.search_description = ""
        if page.depth > 2:  # an English address for the column (/en/union-news/)
            page.slug = find_available_slug(
                page.get_parent(),
                slugify_vi(title)[:80].strip("-") or page.slug,
                ignore_page_id=page.pk,
            )
        page.save()
        page.save_revision(log_action=True).publish()
    return True


def set_union_active(union, active):
    """Deactivate (site offline, accounts disabled) or reactivate a union. Nothing is deleted:
    pages, images, documents and revisions stay; reactivation re-enables exactly the
    accounts that deactivation disabled."""
    User = get_user_model()
    with transaction.atomic():
        union = Union.objects.select_for_update().get(pk=union.pk)
        if union.is_central and not active:
            raise ValidationError(_("Không thể ngừng hoạt động trang trung tâm của mạng."))
        if union.is_active == active:
            return union
        if active:
            User.objects.filter(pk__in=union.suspended_user_ids).update(is_active=True)
            union.suspended_user_ids = []
        else:
            members = (
                User.objects.filter(groups__in=[union.editors_group, union.approvers_group])
                .filter(is_active=True, is_superuser=False)
                .distinct()
            )
            union.suspended_user_ids = sorted(members.values_list("pk", flat=True))
            User.objects.filter(pk__in=union.suspended_user_ids).update(is_active=False)
        union.is_active = active
        union.save(update_fields=["is_active", "suspended_user_ids"])
        if active:  # columns of the campaigns that began while it was offline
            ensure_campaign_columns(unions=[union])
        return union


def update_union(union, *, name, short_name, hostname, port, name_en="", short_name_en=""):
    """Rename a union or move its site to another hostname, keeping groups and site in step."""
    form = UnionEditForm(
        data={
            "name": name or "",
            "short_name": short_name or "",
            "name_en": name_en or "",
            "short_name_en": short_name_en or "",
            "hostname": hostname or "",
            "port": port,
        },
        union=union,
    )
    if not form.is_valid():
        raise errors_of(form)
    name, short_name = form.cleaned_data["name"], form.cleaned_data["short_name"]
    hostname, port = form.cleaned_data["hostname"], form.cleaned_data["port"]
    with transaction.atomic():
        editors_name, approvers_name = group_names(short_name)
        union.editors_group.name = editors_name
        union.editors_group.save(update_fields=["name"])
        union.approvers_group.name = approvers_name
        union.approvers_group.save(update_fields=["name"])
        site = union.site
        site.hostname, site.port, site.site_name = hostname, port, name
        site.save()
        union.name, union.short_name = name, short_name
        union.name_en = form.cleaned_data["name_en"].strip()
        union.short_name_en = form.cleaned_data["short_name_en"].strip()
        union.save(update_fields=["name", "short_name", "name_en", "short_name_en"])
    return union


def set_english_names(union, name_en, short_name_en=""):
    """The union's names on English pages (the centre's words), nothing else changed."""
    return update_union(
        union,
        name=union.name,
        short_name=union.short_name,
        hostname=union.site.hostname,
        port=union.site.port,
        name_en=name_en,
        short_name_en=short_name_en,
    )


def can_take_down(user, page):
    """Whether ``user`` may take ``page`` down as the central department: a live page on a
    subordinate union's site (central pages follow Wagtail's own unpublish rights)."""

    if not (user.is_active and user.has_perm("sites.take_down_page") and page.live):
        return False
    site = get_network().site_for_path(page.path)
    return site is not None and not site.is_central and page.path != site.root_path


def take_down_page(page, user, reason=""):
    """The central department unpublishes a union's page (never its home page) and the
    union's approvers are told by e-mail. Nothing else about the page changes: its drafts,
    revisions, workflow and privacy stay the union's."""

    if not can_take_down(user, page):
        raise PermissionDenied
    with transaction.atomic():
        UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)
    notify_takedown(page, user, reason=reason)
    return page


def provision_department(*, name, short_name, slug, accounts=(), name_en="", short_name_en=""):
    """Create a central department in one transaction, or raise ValidationError and create
    nothing: its editors group (admin access; create pages on the central site and edit their
    own, submitted to the centre's approval workflow; the shared taxonomy read-only), its own
    image and document collection inside the central one, and its first editors' accounts
    (dicts with username, email, password)."""

    form = DepartmentCreateForm(
        data={
            "name": name or "",
            "short_name": short_name or "",
            "name_en": name_en or "",
            "short_name_en": short_name_en or "",
            "slug": slug or "",
            **(
                {
                    f"editor_{part}": accounts[0].get(part) or ""
                    for part in ("username", "email", "password")
                }
                if accounts
                else {}
            ),
        }
    )
    try:
        with transaction.atomic():
            if not form.is_valid():
                raise errors_of(form)
            data = form.cleaned_data
            central = (
                Union.objects.filter(is_central=True).select_related("site", "collection").first()
            )
            if central is None:
                raise ValidationError(_("Mạng chưa có trang trung tâm để thêm ban."))
            editors = Group.objects.create(name=department_group_name(data["short_name"]))
            _grant_admin_and_page_permissions(
                editors, central.home_page, DEPARTMENT_EDITOR_PAGE_PERMISSIONS
            )
            collection = central.collection.add_child(name=data["name"])
            _grant_collection_permissions([editors], collection, COLLECTION_PERMISSIONS)
            _grant_collection_permissions(
                [editors], central.collection, SHARED_COLLECTION_PERMISSIONS
            )
            editors.permissions.add(*_permissions(SHARED_READ_PERMISSIONS + TRANSLATOR_PERMISSIONS))
            department = Department.objects.create(
                name=data["name"],
                short_name=data["short_name"],
                name_en=data["name_en"].strip(),
                short_name_en=data["short_name_en"].strip(),
                slug=data["slug"],
                editors_group=editors,
                collection=collection,
            )
            User = get_user_model()
            for account in form.service_arguments()["accounts"]:
                user = User.objects.create_user(
                    account["username"], account.get("email", ""), account["password"]
                )
                user.groups.add(editors)
            return department
    except IntegrityError as error:
        raise ValidationError(
            _("Không tạo được ban (trùng dữ liệu): %(e)s") % {"e": error}
        ) from error


def update_department(department, *, name, short_name, name_en="", short_name_en=""):
    """Rename a department, keeping its group and collection in step."""
    form = DepartmentEditForm(
        data={
            "name": name or "",
            "short_name": short_name or "",
            "name_en": name_en or "",
            "short_name_en": short_name_en or "",
        },
        department=department,
    )
    if not form.is_valid():
        raise errors_of(form)
    name, short_name = form.cleaned_data["name"], form.cleaned_data["short_name"]
    with transaction.atomic():
        department.editors_group.name = department_group_name(short_name)
        department.editors_group.save(update_fields=["name"])
        department.collection.name = name
        department.collection.save(update_fields=["name"])
        department.name, department.short_name = name, short_name
        department.name_en = form.cleaned_data["name_en"].strip()
        department.short_name_en = form.cleaned_data["short_name_en"].strip()
        department.save(update_fields=["name", "short_name", "name_en", "short_name_en"])
    return department
