"""The renditions public pages show, made when an image is saved rather than on a reader's
request: article cards, the sharing (Open Graph) picture, the campaign hub's photo strip and
materials, and site logos. This is the one list of them; the pages look them up in one
query per page (blog.listing.for_cards / attach_renditions).
"""

import logging

from django.conf import settings
from django.db.models.signals import post_save
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

# Wagtail makes a batch of renditions three at a time, each from its own decoded copy of the
# original. Above this size they are made one at a time: for a 40-megapixel upload (the
# largest accepted) the worker's peak grows by about 285 MB instead of 910 MB
# (bench/upload_memory.py), in about the same time.
ONE_AT_A_TIME_PIXELS = 10_000_000


def listing_rendition_specs():
    from campaigns.hub import MATERIAL_SPECS, PHOTO_SPECS
    from home.models import LOGO_SPEC
    from home.sharing import LOGO_IMAGE_SPEC

    from .listing import CARD_RENDITION_SPECS, OG_IMAGE_SPEC

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
