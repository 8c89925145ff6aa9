"""Media in S3-compatible object storage (settings: ``AWS_STORAGE_BUCKET_NAME`` and friends,
see cms/settings/base.py), the filesystem otherwise.

The bucket stays private. Every address a page carries is under ``MEDIA_URL``, on our own
hosts, and goes through ``core.media.serve_media``, which applies the collections' privacy
before it streams the object; documents go through Wagtail's ``/documents/<id>/<name>``,
which applies theirs. No page ever holds an object's own (or signed) URL, so the page cache
never keeps one that would expire, and a restricted file has no public address to leak.
"""

from botocore.exceptions import ClientError
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaStorage(S3Storage):
    # Never overwrite: two uploads called "anh.jpg" keep two objects (Wagtail's renditions
    # and the image history rely on it).
    file_overwrite = False
    default_acl = None
    # A file opened through Django (a document download, a rendition being made) is kept in
    # memory up to this size, on disk beyond.
    max_memory_size = 4 * 1024 * 1024

    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"

    def object_url(self, name, expire=60):
        """A short-lived signed address of the object itself, for tools (backups), never
        for pages."""
        return super().url(name, expire=expire)

    def stream(self, name):
        """(the object's body, read in chunks as it arrives; its size), or None if missing."""
        try:
            answer = self.bucket.Object(self._normalize_name(clean_name(name))).get()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise
        return answer["Body"], answer["ContentLength"]
