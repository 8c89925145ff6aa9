"""Close the admin paths Wagtail leaves open between sites (see DESIGN.md, "Known traps").

Wagtail scopes the page explorer, editing, revisions, history, preview, copy and moving by
page permissions, and image/document listings and choosers by collection permissions. What
it leaves open, and this module closes, are the views that take an object's id and show
something of it before (or instead of) checking the user's right to it: choosers' ``chosen``
endpoints, bulk-action confirmations that list the refused objects by title, the move
confirmation, workflow and translation views, editing-session pings, upload clean-up.

The rule is by class, not by route: :class:`AdminIsolationMiddleware` reads every admin
request's URL arguments and ``?id=`` values, works out which object each names (from the
argument's name, or the view's namespace for a plain ``pk``) and answers 404 unless the user
may reach that object. A route a Wagtail upgrade adds is covered as long as it names its
arguments the way Wagtail does; ``tests/admin/test_admin_url_walk.py`` walks every admin URL
pattern with another union's ids to prove it.

Whole-network readers (superusers and the central department) are not limited here; their
limits are Wagtail's permissions (see ``centre.services._grant_central_department``).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from wagtail.admin.models import EditingSession
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Collection, Page, UploadedFile, WorkflowState
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource

from .permissions import own_root_paths, paths_q, readable_root_paths, reads_network_content
from .translation_drafts import publishing_refused

# Views that show the whole network (counts, every union's translations, workflow
# definitions and their task chooser, the error test page): whole-network readers only.
NETWORK_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtail_localize:translations_report",
    "wagtailadmin_error_test",
}
NETWORK_NAMESPACES = {"wagtailadmin_workflows"}
# Wagtail's reports and listings whose filters offer every user, site and owner of the
# network (their rows are scoped, their filter choices are not). A union's approvers follow
# their own site through its explorer, page histories and the dashboard's panels.
NETWORK_FILTERED_REPORTS = {
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_pages:type_use",
}
# URL arguments naming an object, by name.
ARGUMENT_KINDS = {
    "page_id": "page",
    "parent_page_id": "page",
    "page_to_move_id": "page",
    "destination_id": "page",
    "page_pk": "page",
    "image_id": "image",
    "doc_id": "document",
    "document_id": "document",
    "collection_id": "collection",
    "uploaded_file_id": "upload",
    "task_state_id": "task_state",
    "workflow_state_id": "workflow_state",
    "translation_id": "translation",
    "translation_source_id": "translation_source",
    "session_id": "editing_session",
}
# A plain ``pk`` (and ``?id=``) names an object of the view's kind, by namespace or name.
NAMESPACE_KINDS = {
    "wagtailadmin_api:pages": "page",
    "wagtailadmin_api:images": "image",
    "wagtailadmin_api:documents": "document",
    "wagtailadmin_pages": "page",
    "wagtailadmin_choose_page": "page",
    "wagtailadmin_collections": "collection",
    "wagtailimages_chooser": "image",
    "wagtaildocs_chooser": "document",
    "wagtailimages": "image",
    "wagtaildocs": "document",
}
MODEL_KINDS = {
    ("wagtailcore", "page"): "page",
    ("wagtailimages", "image"): "image",
    ("images", "customimage"): "image",  # the image model (images.models)
    ("wagtaildocs", "document"): "document",
}


def permission_denied(request):
    """A real 403 page (Wagtail's default redirects to the dashboard with a message)."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return TemplateResponse(request, "wagtailadmin/permission_denied.html", status=403)


# What wagtail.admin.auth.permission_denied says before it redirects to the dashboard.
WAGTAIL_REFUSAL = "Sorry, you do not have permission to access this area."


def _refusal_texts():
    texts = {WAGTAIL_REFUSAL}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.add(translation.gettext(WAGTAIL_REFUSAL))
    return texts


class AdminRefusalMiddleware:
    """Wagtail refuses an admin request (a permission decorator, or a view's PermissionDenied
    caught by its require_admin_access) by redirecting to the dashboard with an error message:
    the reader cannot tell a refusal from a move, and a script sees 302. This turns exactly
    that answer (the redirect together with Wagtail's refusal message) into a 403 page that
    shows the message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 302:
            return response
        home = reverse("wagtailadmin_home")
        if response.get("Location") != home or request.path == home:
            return response
        if not request.path.startswith(home):
            return response
        storage = messages.get_messages(request)
        if not hasattr(storage, "used"):  # no message storage on this request
            return response
        queued = [str(message).strip() for message in storage]
        storage.used = False  # peeked at, not shown: the 403 page shows them
        if not _refusal_texts().intersection(queued):
            return response
        response = permission_denied(request)
        return response.render() if hasattr(response, "render") else response


def restrict_page_chooser(pages, request):
    paths = readable_root_paths(request.user)
    return pages if paths is None else pages.filter(paths_q(paths))


def usable_collections(user, model):
    """Collections whose images or documents the user may use (own and shared ones)."""
    policy = policy_registry.get_by_type(model)
    return policy.collections_user_has_any_permission_for(user, ["add", "change", "choose"])


class CollectionScopedMixin:
    """Admin API listing limited to the collections the user may use."""

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.filter(collection__in=usable_collections(self.request.user, queryset.model))


class ScopedImagesAdminAPIViewSet(CollectionScopedMixin, ImagesAdminAPIViewSet):
    model = get_image_model()


class ScopedDocumentsAdminAPIViewSet(CollectionScopedMixin, DocumentsAdminAPIViewSet):
    model = get_document_model()


class Reach:
    """What one union user may reach, worked out lazily for one request."""

    def __init__(self, user):
        self.user = user
        self._paths = None

    @property
    def page_paths(self):
        if self._paths is None:
            self._paths = readable_root_paths(self.user) or []
        return self._paths

    def pages(self, ids):
        found = list(Page.objects.filter(pk__in=ids).values_list("path", flat=True))
        # The tree root is every user's ancestor: explorable, naming no union.
        return all(
            len(path) == 4 or any(path.startswith(p) for p in self.page_paths) for path in found
        )

    def media(self, model, ids):
        usable = usable_collections(self.user, model)
        return not model.objects.filter(pk__in=ids).exclude(collection__in=usable).exists()

    def collections(self, ids):

        usable = [c.path for c in usable_collections(self.user, get_image_model())]
        found = Collection.objects.filter(pk__in=ids).values_list("path", flat=True)
        return all(len(path) == 4 or any(path.startswith(p) for p in usable) for path in found)

    def objects(self, content_type, object_ids):
        model = content_type.model_class()
        if model is not None and issubclass(model, Page):
            kind = "page"
        else:
            kind = MODEL_KINDS.get((content_type.app_label, content_type.model))
        if kind is None:
            return True
        return self.check(kind, object_ids)

    def workflow_objects(self, states):
        return all(self.objects(s.content_type, [s.object_id]) for s in states)

    def check(self, kind, ids):
        ids = [i for i in ids if str(i).isdigit()]
        if not ids:
            return True
        if kind == "page":
            return self.pages(ids)
        if kind == "image":
            return self.media(get_image_model(), ids)
        if kind == "document":
            return self.media(get_document_model(), ids)
        if kind == "collection":
            return self.collections(ids)
        if kind == "upload":
            return (
                not UploadedFile.objects.filter(pk__in=ids)
                .exclude(uploaded_by_user=self.user)
                .exists()
            )
        if kind == "workflow_state":
            return self.workflow_objects(WorkflowState.objects.filter(pk__in=ids))
        if kind == "task_state":
            states = WorkflowState.objects.filter(task_states__pk__in=ids)
            return self.workflow_objects(states)
        if kind in ("translation", "translation_source"):
            return self.translations(kind, ids)
        if kind == "editing_session":
            return not EditingSession.objects.filter(pk__in=ids).exclude(user=self.user).exists()
        raise ValueError(kind)

    def translations(self, kind, ids):

        if kind == "translation":
            sources = TranslationSource.objects.filter(translations__pk__in=ids)
        else:
            sources = TranslationSource.objects.filter(pk__in=ids)
        for source in sources.select_related("object"):
            try:
                instance = source.get_source_instance()
            except Exception:  # the source object is gone: nothing of it to show
                continue
            if isinstance(instance, Page):
                if not self.check("page", [instance.pk]):
                    return False
            elif not may_change(self.user, type(instance)):
                # A shared snippet (a campaign, a column): read-only to whoever may not edit
                # it, its translations included.
                return False
        return True


def view_kind(match):
    """The kind of object a view's ``pk`` and ``?id=`` name, from its namespace or kwargs."""
    kwargs = match.kwargs
    pair = (kwargs.get("app_label"), kwargs.get("model_name"))
    if pair in MODEL_KINDS:
        return MODEL_KINDS[pair]
    if pair[0] and pair[1]:
        try:
            model = ContentType.objects.get_by_natural_key(*pair).model_class()
        except ContentType.DoesNotExist:
            model = None
        if model is not None and issubclass(model, Page):
            return "page"
    for name in (match.namespace, match.view_name):
        for prefix, kind in NAMESPACE_KINDS.items():
            if name == prefix or name.startswith(prefix + ":") or name.startswith(prefix + "_"):
                return kind
    return None


def may_change(user, model):
    """Whether the user may edit objects of `model` (and so send them for translation)."""
    meta = model._meta
    return user.has_perm(f"{meta.app_label}.{get_permission_codename('change', meta)}")


def base_view_name(name):
    """A listing's results view shares its main view's rules."""
    return name.removesuffix("_results")


class AdminIsolationMiddleware:
    """Answers 404 (or 403) to a union user's admin request naming another union's objects."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        if not request.path.startswith("/admin/"):
            return None
        if publishing_refused(request, match.view_name, view_kwargs):
            return permission_denied(request)
        if reads_network_content(user):
            return None
        name = base_view_name(match.view_name or "")
        if name in NETWORK_VIEWS or match.namespace in NETWORK_NAMESPACES:
            return permission_denied(request)
        if name in NETWORK_FILTERED_REPORTS:
            return permission_denied(request)
        if name == "wagtail_localize:submit_snippet_translation":
            content_type = ContentType.objects.filter(
                app_label=view_kwargs.get("app_label"), model=view_kwargs.get("model_name")
            ).first()
            model = content_type.model_class() if content_type else None
            if model is None or not may_change(user, model):
                return permission_denied(request)
        reach = Reach(user)
        kind = view_kind(match)
        for argument, value in view_kwargs.items():
            argument_kind = ARGUMENT_KINDS.get(argument)
            if argument in ("pk", "object_id") and argument_kind is None:
                argument_kind = kind
            if argument == "object_id" and view_kwargs.get("app_label"):
                content_type = ContentType.objects.filter(
                    app_label=view_kwargs["app_label"], model=view_kwargs.get("model_name")
                ).first()
                if content_type and not reach.objects(content_type, [value]):
                    raise Http404
                continue
            if argument_kind and not reach.check(argument_kind, [value]):
                raise Http404
        if kind and "id" in request.GET and not reach.check(kind, request.GET.getlist("id")):
            raise Http404
        if match.view_name == "wagtailadmin_explore":
            own = own_root_paths(user)
            page = Page.objects.filter(pk=view_kwargs.get("parent_page_id")).first()
            # Own pages, and their ancestors (the tree root), stay explorable; the central
            # site is readable through the chooser, not the explorer.
            if page is not None and not any(
                page.path.startswith(p) or p.startswith(page.path) for p in own
            ):
                raise Http404
        return None
