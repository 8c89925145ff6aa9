from django.shortcuts import redirect
from django.urls import resolve
from django.utils import translation
from wagtail import hooks

from pagecache.snapshot import locale_codes

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


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """`/en/…` on a site with no English version of that page (a union without an English
    edition, say) finds the Vietnamese page; it is sent to that page's own address rather than
    shown in Vietnamese inside the English interface."""
    if locale_codes().get(page.locale_id) != translation.get_language():
        return redirect(page.get_url(request))
    return None
