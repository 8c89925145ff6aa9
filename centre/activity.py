"""The centre's view of the network's writing: new union articles since a moment, per union
and per campaign; a campaign's articles per day per union. A fixed number of queries."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from blog.listing import any_path_under
from blog.models import ArticlePage, Campaign, default_locale
from core import tree
from reports.charts import activity_chart

CHART_ROWS = 12  # the most active unions; the rest are summed in one row


@dataclass
class UnionNews:
    site: object  # sites.network.NetworkSite
    total: int = 0
    by_campaign: dict = field(default_factory=dict)  # campaign name -> count

    @property
    def pages_url(self):
        return reverse("union_pages:index") + "?" + urlencode({"union": self.site.slug})


@dataclass
class NewArticles:
    since: dt.datetime
    unions: list  # UnionNews, most first
    campaigns: list  # (campaign name, articles, unions)

    @property
    def total(self):
        return sum(u.total for u in self.unions)


def _union_rows(queryset, unions, *fields):
    roots = [s.root_path for s in unions]
    return (
        queryset.filter(any_path_under(roots))
        .annotate(root=tree.root_of(roots))
        .values("root", *fields)
        .annotate(n=Count("pk"))
        .order_by()
    )


def new_union_articles(network, since):
    """Subordinate unions' articles first published after `since`."""
    unions = network.unions
    if not unions:
        return NewArticles(since, [], [])
    rows = list(
        _union_rows(
            ArticlePage.objects.live().filter(first_published_at__gt=since), unions, "campaign_id"
        )
    )
    names = dict(
        Campaign.objects.filter(
            pk__in={r["campaign_id"] for r in rows if r["campaign_id"]}
        ).values_list("pk", "name")
    )
    by_root = {s.root_path: UnionNews(s) for s in unions}
    per_campaign = {}
    for row in rows:
        news = by_root[row["root"]]
        name = names.get(row["campaign_id"], _("Ngoài chương trình"))
        news.total += row["n"]
        news.by_campaign[name] = news.by_campaign.get(name, 0) + row["n"]
        articles, members = per_campaign.get(name, (0, set()))
        per_campaign[name] = (articles + row["n"], members | {row["root"]})
    return NewArticles(
        since,
        sorted((u for u in by_root.values() if u.total), key=lambda u: (-u.total, u.site.name)),
        sorted(
            ((name, n, len(members)) for name, (n, members) in per_campaign.items()),
            key=lambda item: -item[1],
        ),
    )


def desk_campaign(today=None):
    """The campaign the desk charts: the one under way that began last, otherwise the one
    that ended last."""
    today = today or timezone.localdate()
    campaigns = Campaign.objects.filter(default_locale())
    running = campaigns.filter(start_date__lte=today, end_date__gte=today)
    return (
        running.order_by("-start_date").first()
        or campaigns.filter(end_date__lt=today).order_by("-end_date").first()
    )


def campaign_activity(network, campaign, today=None):
    """The campaign's union articles per day per union over its period (up to today), as an
    SVG grid: the most active unions, then the others summed."""
    today = today or timezone.localdate()
    end = min(campaign.end_date, today)
    if end < campaign.start_date or not network.unions:
        return None
    rows = _union_rows(
        ArticlePage.objects.live().filter(
            Q(campaign=campaign), date__gte=campaign.start_date, date__lte=end
        ),
        network.unions,
        "date",
    )
    by_root = {}
    for row in rows:
        counts = by_root.setdefault(row["root"], {})
        counts[row["date"]] = row["n"]
    if not by_root:
        return None
    sites = {s.root_path: s for s in network.unions}
    ranked = sorted(by_root.items(), key=lambda item: (-sum(item[1].values()), sites[item[0]].name))
    chart_rows = [(sites[root].short_name, counts) for root, counts in ranked[:CHART_ROWS]]
    if len(ranked) > CHART_ROWS:
        others = {}
        for _root, counts in ranked[CHART_ROWS:]:
            for day, n in counts.items():
                others[day] = others.get(day, 0) + n
        chart_rows.append((_("%(n)s công đoàn khác") % {"n": len(ranked) - CHART_ROWS}, others))
    days = [
        campaign.start_date + dt.timedelta(days=i)
        for i in range((end - campaign.start_date).days + 1)
    ]
    title = _("Bài viết mỗi ngày của các công đoàn: %(campaign)s") % {"campaign": campaign.name}
    return activity_chart(title, days, chart_rows)
