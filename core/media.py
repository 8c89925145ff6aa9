"""Uploaded files under MEDIA_URL, served only to those who may see them (cms/urls.py, when
SERVE_MEDIA is on).

- ``images/``: renditions, what pages show. Served, unless the image's collection has a
  view restriction (Wagtail's collection privacy: password, login or groups) that the
  request has not passed and the user has no image permission on that collection.
- ``original_images/``: the uploaded originals (full size, with whatever metadata the camera
  left in them). Never public: only to a logged-in user with an image permission (add,
  change or choose) on the image's collection, e.g. the image editor's link to its file.
  Readers get renditions; a campaign poster is downloaded through its hub
  (``<hub>/tai-ve/<image id>/``).
- ``documents/``: never. Documents are served by Wagtail's view ``/documents/<id>/<name>``
  (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which applies the collection's privacy.
- ``wagtail_uploads/`` (unfinished multiple uploads), any other folder, a path with ``..``
  and directory listings: never (404).

Files on disk are served by Django's static view (with Last-Modified); files in object
storage (core/storage.py) are streamed from the private bucket. Public renditions may be kept
an hour by the proxy or a CDN; anything restricted is marked private.
"""

import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permissions import policy_registry

RENDITIONS = "images"
ORIGINALS = "original_images"
IMAGE_PERMISSIONS = ["add", "change", "choose"]
RENDITION_MAX_AGE = 60 * 60


def _clean_path(path):
    parts = path.split("/")
    if (
        not path
        or "\\" in path
        or "\x00" in path
        or any(part in ("", ".", "..") for part in parts)
        or len(parts) < 2
    ):
        raise Http404
    return parts[0]


def _has_image_permission(user, collection):
    if not (user.is_authenticated and user.is_active):
        return False

    policy = policy_registry.get_by_type(get_image_model())
    return (
        policy.collections_user_has_any_permission_for(user, IMAGE_PERMISSIONS)
        .filter(pk=collection.pk)
        .exists()
    )


def collection_lets_in(request, collection):
    """Whether the collection's view restrictions (and its parents') let this request see
    its files: no restriction, every one passed, or a user who works with its images."""
    restrictions = list(collection.get_view_restrictions())
    if all(restriction.accept_request(request) for restriction in restrictions):
        return True
    return _has_image_permission(request.user, collection)


def _restricted_rendition(name):
    """The rendition stored as `name` if its image is in a restricted collection, else None
    (two small queries; none of the rendition table is scanned unless a collection is
    restricted, and then only the renditions of that collection's images)."""

    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return None
    restricted = Collection.objects.none()
    for path in paths:
        restricted |= Collection.objects.filter(path__startswith=path)
    rendition_model = get_image_model().get_rendition_model()
    return (
        rendition_model.objects.filter(file=name, image__collection__in=restricted.values("pk"))
        .select_related("image__collection")
        .first()
    )


def is_local(storage):
    """Whether the storage keeps files on this machine's disk."""
    try:
        storage.path("probe")
    except NotImplementedError:
        return False
    return True


def _stream(path):
    """The object streamed from the bucket as it arrives (never read whole into memory)."""
    found = default_storage.stream(path)
    if found is None:
        raise Http404
    body, size = found
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(body, content_type=content_type)
    response["Content-Length"] = size
    return response


@require_safe
def serve_media(request, path):
    folder = _clean_path(path)
    private = False
    if folder == RENDITIONS:
        rendition = _restricted_rendition(path)
        if rendition is not None:
            if not collection_lets_in(request, rendition.image.collection):
                raise Http404
            private = True
    elif folder == ORIGINALS:
        if not request.user.is_authenticated:
            raise Http404

        image = get_image_model().objects.filter(file=path).select_related("collection").first()
        if image is None or not _has_image_permission(request.user, image.collection):
            raise Http404
        private = True
    else:
        raise Http404
    if is_local(default_storage):
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    else:
        response = _stream(path)
    if private:
        patch_cache_control(response, private=True, no_cache=True)
    elif folder == RENDITIONS:
        # A rendition's name changes with its image's file and focal point.
        patch_cache_control(response, public=True, max_age=RENDITION_MAX_AGE)
    response["X-Content-Type-Options"] = "nosniff"
    return response
