"""Computed figures: what the platform itself knows about a union's part in a campaign.

Counted, never typed: the union's live, public articles in the campaign on its own site,
per shared column and per kind, its events and the press coverage it filed. A constant
number of queries for any number of unions.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from activities.models import EventPage, PressMentionPage
from blog.listing import excluded_paths, in_sites, visible
from blog.models import ArticleKind, ArticlePage, ColumnPage
from core import tree
from core.tree import parent_path_expression
from sites.network import load_network


@dataclass
class ComputedFigures:
    total: int = 0
    by_column: dict = field(default_factory=dict)  # column name -> count
    by_kind: dict = field(default_factory=dict)  # kind label -> count
    events: int = 0  # events (activities.EventPage) held
    press: int = 0  # articles in the press (activities.PressMentionPage)


def computed_figures(campaign, unions=None, network=None):
    """{union id: ComputedFigures} for the given unions (default: every union of the network).

    Ten queries whatever the number of unions or articles: the network (unions, every site's
    home in each language, departments),
    the network snapshot's versions and the restricted and the hidden branches (``visible``),
    the counts by column and kind, the columns' names, the events and the press coverage per
    site.
    """
    network = network or load_network()
    wanted = None if unions is None else {u.pk for u in unions}
    sites = [s for s in network.sites if wanted is None or s.union_id in wanted]
    result = {s.union_id: ComputedFigures() for s in sites}
    if not sites:
        return result
    excluded = excluded_paths()
    rows = list(
        in_sites(visible(ArticlePage.objects.filter(campaign=campaign), excluded=excluded), sites)
        .annotate(parent_path=parent_path_expression())
        .values("parent_path", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    column_names = dict(
        ColumnPage.objects.filter(path__in={row["parent_path"] for row in rows}).values_list(
            "path", "column__name"
        )
    )
    kind_labels = dict(ArticleKind.choices)
    by_column = defaultdict(lambda: defaultdict(int))
    by_kind = defaultdict(lambda: defaultdict(int))
    for row in rows:
        site = network.site_for_path(row["parent_path"])
        if site is None or site.union_id not in result:
            continue
        figures = result[site.union_id]
        figures.total += row["n"]
        by_column[site.union_id][column_names.get(row["parent_path"], "—")] += row["n"]
        by_kind[site.union_id][str(kind_labels.get(row["kind"], row["kind"]))] += row["n"]
    for model, attribute in ((EventPage, "events"), (PressMentionPage, "press")):
        for site_id, n in _count_per_site(model, campaign, sites, excluded).items():
            site = network.by_site_id.get(site_id)
            if site is not None and site.union_id in result:
                setattr(result[site.union_id], attribute, n)
    for union_id, figures in result.items():
        figures.by_column = dict(sorted(by_column[union_id].items()))
        figures.by_kind = dict(sorted(by_kind[union_id].items()))
    return result


def _count_per_site(model, campaign, sites, excluded):
    """{site id: visible pages of `model` in the campaign}, in one grouped query."""
    site_ids = {s.root_path: s.site_id for s in sites}
    rows = (
        in_sites(visible(model.objects.filter(campaign=campaign), excluded=excluded), sites)
        .annotate(root=tree.root_of(site_ids))
        .order_by()
        .values("root")
        .annotate(n=Count("pk"))
    )
    return {site_ids.get(row["root"]): row["n"] for row in rows}
