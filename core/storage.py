"""Media in S3-compatible object storage (settings: ``AWS_STORAGE_BUCKET_NAME`` and friends,
see cms/settings/base.py), the filesystem otherwise.

The bucket stays private. Every address a page carries is under ``MEDIA_URL``, on our own
hosts, and goes through ``core.media.serve_media``, which applies the collections' privacy
before it streams the object; documents go through Wagtail's ``/documents/<id>/<name>``,
which applies theirs. No page ever holds an object's own (or signed) URL, so the page cache
never keeps one that would expire, and a restricted file has no public address to leak.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    # Never overwrite: two uploads called "anh.jpg" keep two objects (Wagtail's renditions
    # and the image history rely on it).
    file_overwrite = False
    default_acl = None

    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"

    def object_url(self, name, expire=60):
        """A short-lived signed address of the object itself, for tools (backups), never
        for pages."""
        return super().url(name, expire=expire)
