from django import template
from django.utils.safestring import mark_safe

from core.security import allow_inline_style

register = template.Library()


@register.tag("csp_style")
def do_csp_style(parser, token):
    """{% csp_style %}…css…{% endcsp_style %}: an inline <style> the page's Content-Security-
    Policy lets through by its hash (core/security.py)."""
    nodelist = parser.parse(("endcsp_style",))
    parser.delete_first_token()
    return CSPStyleNode(nodelist)


class CSPStyleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        # The text as written out (its variables escaped by the template) is what is hashed.
        css = self.nodelist.render(context)
        allow_inline_style(context.get("request"), css)
        return mark_safe(f"<style>{css}</style>")
