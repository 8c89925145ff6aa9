from django import template

from sites.translation_drafts import may_publish_translations

register = template.Library()


@register.simple_tag(takes_context=True)
def may_publish(context, source):
    """Whether the request's user may publish every translation of `source` (the sync form's
    "publish immediately" box)."""
    return may_publish_translations(context["request"].user, source)
