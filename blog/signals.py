"""Tags get ASCII slugs folded the Vietnamese way ("Tết Sum vầy" -> "tet-sum-vay").

taggit would keep the accents (or, stripping them, drop "đ"); tag links and the hub's
tag filter use these slugs. Articles moved to another site keep their listing keys.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.signals import post_page_move

from core import tree
from core.text import slugify_vi

from .models import ArticlePage


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


@receiver(post_page_move)
def keep_home_path_of_moved_articles(sender, instance, **kwargs):
    """A page moved to another site takes its articles with it: their copy of their site's
    home path (ListingKeysMixin) follows. Wagtail moves the subtree's paths in SQL, without
    saving each page."""
    home_path = tree.top_level_path(instance.path)
    ArticlePage.objects.filter(path__startswith=instance.path).exclude(home_path=home_path).update(
        home_path=home_path
    )
