"""The renditions public pages show, made when an image is saved rather than on a reader's
request: article cards, the sharing (Open Graph) picture, the campaign hub's photo strip and
materials, and site logos. This is the one list of them; the pages look them up in one
query per page (blog.listing.for_cards / attach_renditions), and the templates use the same
patterns in their {% picture %} tags so that the lookup finds them.
"""

import logging

from django.conf import settings
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

# Wagtail makes a batch of renditions three at a time, each from its own decoded copy of the
# original. Above this size they are made one at a time: for a 40-megapixel upload (the
# largest accepted) the worker's peak grows by about 285 MB instead of 910 MB
# (bench/upload_memory.py), in about the same time.
ONE_AT_A_TIME_PIXELS = 10_000_000

# Card pictures: two sizes in WebP with a JPEG fallback (blog.listing.card_picture).
CARD_PICTURE = "fill-{480x270,960x540}-c100 format-{webp,jpeg}"
CARD_RENDITION_SPECS = Filter.expand_spec(CARD_PICTURE)
# Lead image for sharing (Open Graph) and feed enclosures.
OG_IMAGE_SPEC = "fill-1200x630-c100"
# The campaign hub's photo strip squares and the materials' thumbnails.
PHOTO_PICTURE = "fill-{240x240,480x480}-c100 format-{webp,jpeg}"
PHOTO_SPECS = Filter.expand_spec(PHOTO_PICTURE)
MATERIAL_PICTURE = "max-{320x320,640x640} format-{webp,jpeg}"
MATERIAL_SPECS = Filter.expand_spec(MATERIAL_PICTURE)
# The campaign hub's timeline pictures (campaigns.blocks.TimelineBlock).
TIMELINE_PICTURE = "fill-{320x200,640x400}-c100 format-{webp,jpeg}"
TIMELINE_SPECS = Filter.expand_spec(TIMELINE_PICTURE)
# Logos of a campaign's partner businesses, transparency kept.
PARTNER_PICTURE = "max-{160x80,320x160} format-{webp,png}"
PARTNER_SPECS = Filter.expand_spec(PARTNER_PICTURE)
# A site's logo in its header, and as the sharing picture of pages without their own.
LOGO_SPEC = "height-96"
LOGO_IMAGE_SPEC = "max-1200x630"
# A site's icons (sites.icons: favicon, home-screen and web app manifest icons), made on the
# first request for each, not on every image save (few images are logos).
ICON_SIZES = (32, 180, 192, 512)


def icon_spec(size):
    return f"fill-{size}x{size}|format-png"


def listing_rendition_specs():
    return list(
        dict.fromkeys(
            [
                *CARD_RENDITION_SPECS,
                OG_IMAGE_SPEC,
                *PHOTO_SPECS,
                *MATERIAL_SPECS,
                LOGO_SPEC,
                LOGO_IMAGE_SPEC,
            ]
        )
    )


def make_listing_renditions(sender, instance, raw=False, **kwargs):
    """post_save of an image: create the missing listing renditions (a few queries, once)."""
    if raw or not getattr(settings, "LISTING_RENDITIONS_ON_SAVE", True) or not instance.file:
        return
    try:
        specs = listing_rendition_specs()
        if (instance.width or 0) * (instance.height or 0) > ONE_AT_A_TIME_PIXELS:
            for spec in specs:
                instance.get_rendition(spec)
        else:
            instance.get_renditions(*specs)
    except Exception:  # a broken file must not break the upload; pages make them on use
        logger.exception("Could not make the listing renditions of image %s", instance.pk)


def connect_signals():
    post_save.connect(
        make_listing_renditions, sender=get_image_model(), dispatch_uid="listing-renditions"
    )
