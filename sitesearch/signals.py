"""Keep the public search index (sitesearch.index) in step with what is published: it listens
to the one list of changes (core.changes), inside the transaction that made them."""

from . import index


def on_content_changed(sender, change, committed, **kwargs):
    if committed:
        return
    if change.pages and not change.rows_only:
        # Saved (not a draft), published or unpublished: live, searchable pages are written,
        # the others removed. Publishing sends it again once the page's tags are saved.
        index.index_pages(change.pages)
    for path in change.moved:
        index.index_branch(path)  # the page and its descendants may now belong to another site
    if change.sites_moved:
        index.assign_sites()
    # A deleted page's entry goes with it (a one-to-one row).
