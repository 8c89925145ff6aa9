from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from blog.models import ArticlePage
from home import proposals
from sites.models import Department, Union

from . import views
from .notifications import notify_takedown
from .panels import NetworkActivityPanel, ProposalsPanel, WritePanel
from .viewsets import DepartmentViewSet, UnionPermissionPolicy, UnionViewSet


@hooks.register("register_admin_urls")
def register_union_pages_urls():
    urls = [
        path("", views.union_pages, name="index"),
        path("<int:page_id>/go-bai/", views.take_down, name="take_down"),
    ]
    return [path("trang-cong-doan/", include((urls, "union_pages"), namespace="union_pages"))]


class UnionPagesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("sites.take_down_page")


@hooks.register("register_admin_menu_item")
def register_union_pages_menu_item():
    return UnionPagesMenuItem(
        _("Trang của các công đoàn"),
        reverse("union_pages:index"),
        icon_name="doc-full-inverse",
        order=160,
    )


register_permission_policy(Union, UnionPermissionPolicy(Union))
register_permission_policy(Department, UnionPermissionPolicy(Department))


@hooks.register("register_admin_viewset")
def register_union_viewset():
    return UnionViewSet("union_admin")


@hooks.register("register_admin_viewset")
def register_department_viewset():
    return DepartmentViewSet("department_admin")


@hooks.register("after_unpublish_page")
def notify_union_of_takedown(request, page):
    notify_takedown(page, request.user)


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("huong-dan-bien-tap/", views.editor_guide, name="editor_guide")]


@hooks.register("construct_help_menu")
def vietnamese_help(request, menu_items):
    # The network's own guide in Vietnamese instead of Wagtail's English guide and news.
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.insert(
        0,
        MenuItem(
            _("Hướng dẫn biên tập"),
            reverse("editor_guide"),
            icon_name="help",
            name="huong-dan-bien-tap",
            order=100,
        ),
    )


@hooks.register("construct_main_menu")
def rename_wagtail_reports(request, menu_items):
    # Wagtail's "Báo cáo" (locked pages, workflows, site history…) sat beside the network's
    # "Báo cáo kết quả": two menus with one name.
    for item in menu_items:
        if item.name == "reports":
            item.label = _("Nhật ký, thống kê")


@hooks.register("construct_homepage_panels")
def add_write_panel(request, panels):
    # Wagtail's "what's new in Wagtail" panel points to its English guide: not for our editors.
    panels[:] = [p for p in panels if getattr(p, "name", "") != "whats_new_in_wagtail_version"]
    panels.insert(0, WritePanel(request.user))


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [
        path("tieu-diem/de-xuat/<int:page_id>/", views.propose_feature, name="feature_propose"),
        path("tieu-diem/xet/<int:proposal_id>/", views.decide_proposal, name="feature_decide"),
    ]


@hooks.register("register_page_header_buttons")
def propose_feature_button(page, user, view_name, next_url=None):
    # On a union's published article, its approvers may propose it for Tiêu điểm.
    article = isinstance(page.specific_deferred, ArticlePage) and page.live
    if article and proposals.can_propose(user, page):
        yield Button(
            _("Đề xuất lên Tiêu điểm"),
            reverse("feature_propose", args=(page.pk,)),
            icon_name="pick",
            priority=80,
        )


@hooks.register("construct_homepage_panels")
def add_proposals_panel(request, panels):
    panels.insert(0, ProposalsPanel(request.user))
    panels.append(NetworkActivityPanel(request.user))
