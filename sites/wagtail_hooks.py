from wagtail import hooks

from .admin_isolation import (
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
    restrict_page_chooser,
)
from .permissions import is_network_wide

hooks.register("construct_page_chooser_queryset", restrict_page_chooser)


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own registrations
def scope_admin_api(router):
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def hide_network_reports(request, menu_items):
    if not is_network_wide(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
