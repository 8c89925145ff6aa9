"""The centre app's receivers, connected in CentreConfig.ready()."""

from wagtail.signals import copy_for_translation_done


def _home_translated(sender, source_obj, target_obj, **kwargs):
    from .services import open_home_translation

    if getattr(target_obj, "depth", None) == 2:
        open_home_translation(target_obj)


def connect():
    copy_for_translation_done.connect(_home_translated, dispatch_uid="centre-home-translated")
