from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from sites.models import Union

from . import views
from .notifications import notify_takedown
from .viewsets import UnionPermissionPolicy, UnionViewSet


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


@hooks.register("register_admin_viewset")
def register_union_viewset():
    return UnionViewSet("union_admin")


@hooks.register("after_unpublish_page")
def notify_union_of_takedown(request, page):
    notify_takedown(page, request.user)
