"""Tags get ASCII slugs folded the Vietnamese way ("Tết Sum vầy" -> "tet-sum-vay").

taggit would keep the accents (or, stripping them, drop "đ"); tag links and the hub's
tag filter use these slugs.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag

from core.text import slugify_vi


def folded_tag_slug(name, exclude_pk=None):
    base = slugify_vi(name)[:90] or "tu-khoa"
    taken = set(
        Tag.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


@receiver(pre_save, sender=Tag)
def fold_tag_slug(sender, instance, raw=False, **kwargs):
    if raw or not instance._state.adding:
        return
    instance.slug = folded_tag_slug(instance.name)
