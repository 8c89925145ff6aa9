"""The centre app's receivers, connected in CentreConfig.ready()."""

from wagtail.signals import copy_for_translation_done


def _page_translated(sender, source_obj, target_obj, **kwargs):
    from .services import name_translated_parent, open_home_translation

    if getattr(target_obj, "depth", None) == 2:
        open_home_translation(target_obj)
    if getattr(target_obj, "alias_of_id", None):
        name_translated_parent(target_obj)


def connect():
    copy_for_translation_done.connect(_page_translated, dispatch_uid="centre-page-translated")
