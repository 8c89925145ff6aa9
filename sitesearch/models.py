from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One live page as the public search sees it: its folded text (core.text.search_text),
    its date and the site it belongs to. Kept up to date by sitesearch.signals; queried by
    sitesearch.index.find. On PostgreSQL ``vector`` holds the text as a tsvector with a GIN
    index; SQLite matches the padded words instead."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The page's language: a search on an English page finds English pages only.
    locale = models.ForeignKey(
        "wagtailcore.Locale", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The page's tree path (kept on moves), to leave out restricted and unpublished branches.
    path = models.CharField(max_length=255)
    # " word word … ": padded with spaces so a word matches as " word ".
    title = models.TextField()
    text = models.TextField()
    # The same with their diacritics (core.text.marked_text), to rank first the pages with the
    # words as a reader typed them ("đồng bào", not "đóng bảo").
    marked_title = models.TextField(default=" ")
    marked_text = models.TextField(default=" ")
    date = models.DateField(null=True)
    vector = SearchVectorField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["site", "date"]),
            # Newest first, as sitesearch.index.find picks the entries it ranks: with many
            # pages having the words, PostgreSQL walks it and stops at the ones it needs.
            models.Index(fields=["-date", "-page"], name="sitesearch_newest"),
        ]

    def __str__(self):
        return self.title.strip()
