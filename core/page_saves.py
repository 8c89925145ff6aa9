"""Which page saves can change what the public sees.

Saving a draft (Page.save_revision) or locking a page writes a few bookkeeping columns of the
live row; the published content stays the same, so caches and the search index ignore those
saves.
"""

DRAFT_ONLY_FIELDS = frozenset(
    {
        "comments",
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def is_draft_only(update_fields):
    """Whether a save with these `update_fields` (post_save's argument) only touched drafts."""
    return bool(update_fields) and set(update_fields) <= DRAFT_ONLY_FIELDS
