"""Settings for the demo network that the quality check serves (tests/quality).

The development settings, rendered as in production (DEBUG off, so the site's own 404 page
is served). DATABASE_URL and MEDIA_ROOT point into the check's own temporary folder.
"""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["localhost", ".localhost", "127.0.0.1"]
# Renditions are made when a page first shows them rather than for every demo image on upload
# (all the listing specs of ~100 pictures): the pages and their HTML are the same.
LISTING_RENDITIONS_ON_SAVE = False
