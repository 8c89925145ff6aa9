"""Tree paths (treebeard's materialised paths, as Wagtail stores pages): the one place that
knows how a page's path relates to its parent's and to its site's home page.

A page's path is its parent's path plus ``TREE_STEP`` characters; a page belongs to the site
whose home page's path is the longest prefix of its own.
"""

from django.db.models import F
from django.db.models.functions import Length, Substr
from wagtail.models import Page, Site

TREE_STEP = Page.steplen  # 4


def parent_path(path):
    return path[:-TREE_STEP]


def parent_path_expression(field="path"):
    """SQL for `parent_path` of `field`: annotate with it to group children by parent."""
    return Substr(F(field), 1, Length(F(field)) - TREE_STEP)


def deepest_root(path, roots, root_path=lambda root: root.root_path):
    """The element of `roots` whose `root_path` is the longest prefix of `path` (or None)."""
    best, best_length = None, -1
    for root in roots:
        prefix = root_path(root)
        if len(prefix) > best_length and path.startswith(prefix):
            best, best_length = root, len(prefix)
    return best


class SiteRoots:
    """Every Wagtail site with its home page's path, in one query: `site_for(path)` is the
    site a page belongs to (unions' or not: core knows only Wagtail's sites). `sites` is
    deepest home page first."""

    def __init__(self):
        sites = Site.objects.select_related("root_page").only("id", "root_page__path")
        self.sites = sorted(sites, key=lambda site: -len(site.root_page.path))

    def site_for(self, path):
        return deepest_root(path, self.sites, lambda site: site.root_page.path)
