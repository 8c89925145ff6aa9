"""Admin form payloads shared by tests that create or edit pages through the real admin."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def article_form(title, *, slug="", body=None, **extra):
    """POST data for the article editor (add or edit view)."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "20/01/2024",
            "kind": "news",
            "intro": "",
            "body": body if body is not None else streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
            **extra,
        }
    )
