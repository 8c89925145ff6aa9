"""An English page's translated text as a draft, and that draft sent through the union's
approval workflow.

wagtail-localize's editor keeps each translated string as the translator types it, and puts
them on the page only when someone who may publish clicks "Publish in English". An editor
who may not publish had no way to hand the translation to the union's approvers, and
wagtail-localize's own draft save (``TranslationSource.create_or_update_translation`` with
``publish=False``) writes the translated text onto the live row of a published page, so readers
would see unapproved text. Here the text goes into a new revision only, as Wagtail's editor
saves a draft of a live page; the live row changes when the revision is published (by the
workflow's approval or by an approver).

wagtail-localize also publishes from two screens without asking whether the user may publish:
the sync form's "publish immediately" and "convert to alias" (the page then shows the live
Vietnamese page at once). `publishing_refused` keeps both to those who may publish the pages
(AdminIsolationMiddleware answers 403), and the sync form offers the box only to them."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page, PageLogEntry, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments.ingest import ingest_segments

from core.text import slugify_vi


def _translated_page(translation):
    """The target page with every translated string of `translation` applied, in memory (a
    string not yet translated keeps the Vietnamese text, as wagtail-localize's publish does)."""
    source = translation.source
    original = source.as_instance()
    page = source.get_translated_instance(translation.target_locale).specific
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    page.slug = find_available_slug(
        page.get_parent(), slugify_vi(page.slug) or page.slug, ignore_page_id=page.pk
    )
    return original, page


def save_translation_draft(translation, user):
    """A new revision of the translated page holding the translation's current strings; the
    page's live content is left as it was. Returns (page, revision). Raises PermissionDenied
    when `user` may not edit the page and ValidationError when the text does not validate."""
    original, page = _translated_page(translation)
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    with transaction.atomic():
        if page.alias_of_id:
            # An English home or column made as an alias by the first translation becomes a
            # page of its own; what readers see stays the alias's text until publication.
            page.alias_of_id = None
            Page.objects.filter(pk=page.pk).update(alias_of=None)
            PageLogEntry.objects.log_action(
                instance=page,
                action="wagtail.convert_alias",
                user=user,
                data={"page": {"id": page.pk, "title": page.get_admin_display_title()}},
            )
        if not page.live:
            page.save()  # as Wagtail's editor does for a page that readers do not see
        revision = page.save_revision(user=user, log_action=True)
        translation.source.sync_view_restrictions(original, page)
    return page, revision


def submit_translation(translation, user):
    """Save the draft and send it to the union's approvers, as "Gửi duyệt" does in Wagtail's
    editor: a workflow sent back for changes resumes, otherwise one starts. Returns (page,
    started) where `started` is False when the page was already awaiting approval (the new
    draft is what the approvers will publish)."""
    page = translation.source.get_translated_instance(translation.target_locale)
    if not page.permissions_for_user(user).can_submit_for_moderation():
        raise PermissionDenied
    page, _revision = save_translation_draft(translation, user)
    state = page.current_workflow_state
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return page, False
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
    return page, True


def may_publish_translations(user, source):
    """Whether `user` may publish every enabled translation of `source` at once."""
    if user.is_superuser:
        return True
    model = source.specific_content_type.model_class()
    if model is None:
        return False
    locales = source.translations.filter(enabled=True).values("target_locale")
    if issubclass(model, Page):
        pages = Page.objects.filter(translation_key=source.object_id, locale__in=locales)
        return all(page.permissions_for_user(user).can_publish() for page in pages)
    meta = model._meta
    action = "publish" if issubclass(model, DraftStateMixin) else "change"
    return user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")


def publishing_refused(request, view_name, view_kwargs):
    """Whether this admin request would publish through wagtail-localize what the user may not
    publish: the sync form posted with "publish immediately", or converting a translated
    page back into an alias of the (live) Vietnamese page."""
    user = request.user
    if user.is_superuser:
        return False
    if view_name == "wagtail_localize:update_translations":
        if request.method != "POST" or not request.POST.get("publish_translations"):
            return False
        source = TranslationSource.objects.filter(pk=view_kwargs.get("translation_source_id"))
        source = source.first()
        return source is not None and not may_publish_translations(user, source)
    if view_name == "wagtail_localize:convert_to_alias":
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        return page is not None and not page.permissions_for_user(user).can_publish()
    return False
