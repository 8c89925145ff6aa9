"""The keys article listings sort and split by, copied onto the article's own row."""

from django.db import models

from core import tree


class ListingKeysMixin(models.Model):
    """Copies, on the article's own row, of what its listings sort and split it by, so that
    a listing walks one index of this table in its order and stops at its page (flat
    whatever the size of the network: docs/performance.md, issue 18) instead of sorting
    every article of the newest day, or of the union, by a column of Wagtail's page table.

    Kept by save() (publishing, editing, copying and translating all save the article) and,
    for a subtree moved to another site, by blog.signals.
    """

    # The time it was first published (Wagtail's first_published_at).
    published_at = models.DateTimeField(null=True, editable=False)
    # The path of its top-level page: the home page of the site it belongs to.
    home_path = models.CharField(max_length=255, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.set_listing_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_published_at", "path"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "published_at", "home_path"}
        super().save(*args, **kwargs)

    def set_listing_keys(self):
        self.published_at = self.first_published_at
        self.home_path = tree.top_level_path(self.path)
