from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_urls")
def register_union_pages_urls():
    from . import views

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
