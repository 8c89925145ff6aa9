"""Tree paths (treebeard's materialised paths, as Wagtail stores pages): the one place that
knows how a page's path relates to its parent's and to its site's home page.

A page's path is its parent's path plus ``TREE_STEP`` characters; a page belongs to the site
whose home page's path is the longest prefix of its own.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Case, CharField, F, Q, When
from django.db.models.functions import Left, Length, Substr
from django.db.models.lookups import In
from wagtail.models import Page, Site

TREE_STEP = Page.steplen  # 4


def parent_path(path):
    return path[:-TREE_STEP]


def top_level_path(path):
    """The path of the page's ancestor just below Wagtail's root (the page itself at that
    depth): a network site's home page."""
    return path[: 2 * TREE_STEP]


def parent_path_expression(field="path"):
    """SQL for `parent_path` of `field`: annotate with it to group children by parent."""
    return Substr(F(field), 1, Length(F(field)) - TREE_STEP)


def _by_length(root_paths):
    by_length = defaultdict(set)
    for path in root_paths:
        by_length[len(path)].add(path)
    return by_length


def under_roots(queryset, root_paths, field="path"):
    """Rows whose `field` (a tree path) is at or under one of `root_paths` (none if there are
    none), in SQL as "the first n characters are one of these": one hashed lookup per row
    whether there are 2 roots or 60, rather than one ``LIKE 'root%'`` per root."""
    by_length = _by_length(root_paths)
    if not by_length:
        return queryset.none()
    if len(root_paths) == 1:
        # One site (a union's listing, the hub filtered by union): a range of the path's
        # index rather than a test on every row.
        return queryset.filter(**{f"{field}__startswith": next(iter(root_paths))})
    aliases = {f"_root{n}": Left(field, n) for n in by_length}
    condition = reduce(
        or_, (Q(**{f"_root{n}__in": sorted(paths)}) for n, paths in by_length.items())
    )
    return queryset.alias(**aliases).filter(condition)


def root_of(root_paths, field="path"):
    """SQL for which of `root_paths` the row's `field` is at or under (the deepest), or NULL,
    by the same "first n characters" test: annotate with it and group by it to count per
    site."""
    return Case(
        *[
            When(In(Left(field, n), sorted(paths)), then=Left(field, n))
            for n, paths in sorted(_by_length(root_paths).items(), reverse=True)
        ],
        default=None,
        output_field=CharField(),
    )


def deepest_root(path, roots, root_path=lambda root: root.root_path):
    """The element of `roots` whose `root_path` is the longest prefix of `path` (or None)."""
    best, best_length = None, -1
    for root in roots:
        prefix = root_path(root)
        if len(prefix) > best_length and path.startswith(prefix):
            best, best_length = root, len(prefix)
    return best


class SiteRoots:
    """Every Wagtail site with its home page's path, and the paths of that home's translations
    (a site's English home is its home's sibling, answering under /en/), in two queries:
    `site_for(path)` is the site a page belongs to in any language (unions' or not: core knows
    only Wagtail's sites). `sites` is deepest home page first; `roots` is (path, site) of
    every home in every language, deepest first."""

    def __init__(self):
        sites = list(
            Site.objects.select_related("root_page").only(
                "id", "root_page__path", "root_page__translation_key"
            )
        )
        self.sites = sorted(sites, key=lambda site: -len(site.root_page.path))
        by_key = {site.root_page.translation_key: site for site in sites}
        own = {site.root_page.path for site in sites}
        roots = [(site.root_page.path, site) for site in sites]
        if by_key:
            translations = Page.objects.filter(translation_key__in=list(by_key)).values_list(
                "path", "translation_key"
            )
            roots += [(path, by_key[key]) for path, key in translations if path not in own]
        self.roots = sorted(roots, key=lambda root: -len(root[0]))

    def site_for(self, path):
        found = deepest_root(path, self.roots, lambda root: root[0])
        return found[1] if found is not None else None
