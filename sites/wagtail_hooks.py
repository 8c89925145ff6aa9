from django.urls import resolve
from wagtail import hooks

from . import translations
from .admin_isolation import (
    NETWORK_FILTERED_REPORTS,
    NETWORK_VIEWS,
    ScopedDocumentsAdminAPIViewSet,
    ScopedImagesAdminAPIViewSet,
    may_change,
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
def union_translations_urls():
    return translations.urlpatterns()


@hooks.register("register_reports_menu_item")
def union_translations_menu_item():
    return translations.menu_item()


@hooks.register("construct_snippet_listing_buttons")
def keep_shared_snippets_read_only(buttons, snippet, user):
    """A campaign or column is translated by whoever may edit it (the centre): no "Translate"
    or "Sync" button for the others (AdminIsolationMiddleware refuses them the views)."""
    if not may_change(user, type(snippet)):
        buttons[:] = [button for button in buttons if "/localize/" not in (button.url or "")]
