"""Close the admin paths Wagtail leaves open between sites (see DESIGN.md, "Known traps").

Wagtail already scopes the page explorer, editing, revisions, history, preview, copy and
moving by page permissions, and image/document listings and choosers by collection
permissions. What is left, and closed here:

- the page chooser browses and searches the whole tree;
- the admin API lists every image and document;
- the page types report lists pages of every site;
- a refused direct URL answers with a redirect to the dashboard rather than 403.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .permissions import (
    is_network_wide,
    own_root_paths,
    page_is_readable,
    paths_q,
    readable_root_paths,
)

NETWORK_ONLY_VIEWS = {"wagtailadmin_reports:page_types_usage"}
PAGE_CHOOSER_BROWSE_VIEWS = {"wagtailadmin_choose_page_child"}
EXPLORER_VIEWS = {"wagtailadmin_explore"}


def permission_denied(request):
    """A real 403 page (Wagtail's default redirects to the dashboard with a message)."""
    from django.core.exceptions import PermissionDenied

    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return TemplateResponse(request, "wagtailadmin/permission_denied.html", status=403)


def restrict_page_chooser(pages, request):
    paths = readable_root_paths(request.user)
    return pages if paths is None else pages.filter(paths_q(paths))


class CollectionScopedMixin:
    """Admin API listing limited to the collections the user may use."""

    def get_queryset(self):
        queryset = super().get_queryset()
        policy = policy_registry.get_by_type(queryset.model)
        collections = policy.collections_user_has_any_permission_for(
            self.request.user, ["add", "change", "choose"]
        )
        return queryset.filter(collection__in=collections)


class ScopedImagesAdminAPIViewSet(CollectionScopedMixin, ImagesAdminAPIViewSet):
    model = get_image_model()


class ScopedDocumentsAdminAPIViewSet(CollectionScopedMixin, DocumentsAdminAPIViewSet):
    model = get_document_model()


class AdminIsolationMiddleware:
    """Refuses union users the admin views that would show them other unions' content."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        name = match.view_name
        if name not in NETWORK_ONLY_VIEWS | PAGE_CHOOSER_BROWSE_VIEWS | EXPLORER_VIEWS:
            return None
        if is_network_wide(user):
            return None
        if name in NETWORK_ONLY_VIEWS:
            return permission_denied(request)
        if name in EXPLORER_VIEWS:
            page = Page.objects.filter(pk=view_kwargs.get("parent_page_id")).first()
            own = own_root_paths(user)
            # Own pages, and their ancestors (the tree root), stay explorable.
            if page is not None and not any(
                page.path.startswith(p) or p.startswith(page.path) for p in own
            ):
                raise Http404
            return None
        page = Page.objects.filter(pk=view_kwargs.get("parent_page_id")).first()
        if page is not None and not page.is_root() and not page_is_readable(user, page):
            raise Http404
        return None
