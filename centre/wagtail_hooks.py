from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import unions, views
from .notifications import notify_takedown


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


@hooks.register("register_admin_urls")
def register_union_admin_urls():
    urls = [
        path("", unions.union_index, name="index"),
        path("add/", unions.union_create, name="add"),
        path("<int:pk>/", unions.union_edit, name="edit"),
        path("<int:pk>/deactivate/", unions.union_set_active, {"active": False}, name="deactivate"),
        path("<int:pk>/reactivate/", unions.union_set_active, {"active": True}, name="reactivate"),
    ]
    return [path("unions/", include((urls, "union_admin"), namespace="union_admin"))]


class UnionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("sites.view_union")


@hooks.register("register_admin_menu_item")
def register_unions_menu_item():
    return UnionsMenuItem(
        _("Các công đoàn"), reverse("union_admin:index"), icon_name="site", order=150
    )


@hooks.register("after_unpublish_page")
def notify_union_of_takedown(request, page):
    notify_takedown(page, request.user)
