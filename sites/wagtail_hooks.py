from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_isolation import (
    NETWORK_FILTERED_REPORTS,
    NETWORK_VIEWS,
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
    restrict_page_chooser,
)
from .permissions import reads_network_content

hooks.register("construct_page_chooser_queryset", restrict_page_chooser)


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations
def scope_admin_api(router):
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def hide_network_reports(request, menu_items):
    """Union users see no report that AdminIsolationMiddleware would refuse them."""
    if reads_network_content(request.user):
        return
    hidden = NETWORK_VIEWS | NETWORK_FILTERED_REPORTS
    menu_items[:] = [item for item in menu_items if resolve(item.url).view_name not in hidden]


@hooks.register("register_admin_urls")
def register_union_admin_urls():
    from django.urls import include, path

    from . import views

    urls = [
        path("", views.union_index, name="index"),
        path("add/", views.union_create, name="add"),
        path("<int:pk>/", views.union_edit, name="edit"),
        path("<int:pk>/deactivate/", views.union_set_active, {"active": False}, name="deactivate"),
        path("<int:pk>/reactivate/", views.union_set_active, {"active": True}, name="reactivate"),
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
    from .notifications import notify_takedown

    notify_takedown(page, request.user)
