"""The admin home's "Viết bài mới" panel: one tap from the home to a new article in each of
the user's own columns (a union's, or the central site's for its editors)."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.admin.ui.components import Component

from blog.listing import any_path_under
from blog.models import ColumnPage
from home import proposals
from sites.network import get_network
from sites.permissions import reads_network_content, user_unions, writing_unions

from .activity import campaign_activity, desk_campaign, new_union_articles
from .models import DeskVisit


@dataclass
class WriteLink:
    column: object
    union: object
    url: str


class WritePanel(Component):
    name = "write"
    order = 10
    template_name = "centre/write_panel.html"

    def __init__(self, user):
        self.user = user

    def links(self):
        unions = [u for u in writing_unions(self.user) if u.is_active]
        if not unions:
            return []
        by_path = {u.site.root_page.path: u for u in unions}
        columns = (
            ColumnPage.objects.filter(any_path_under(by_path))
            .filter(depth=unions[0].site.root_page.depth + 1)  # home pages' children
            .order_by("path")
        )
        links = []
        for column in columns:
            if not column.permissions_for_user(self.user).can_add_subpage():
                continue
            union = next(u for p, u in by_path.items() if column.path.startswith(p))
            links.append(
                WriteLink(
                    column=column,
                    union=union,
                    url=reverse("wagtailadmin_pages:add", args=("blog", "articlepage", column.pk)),
                )
            )
        return links

    def get_context_data(self, parent_context):
        links = self.links()
        return {"links": links, "several_unions": len({link.union.pk for link in links}) > 1}


class ProposalsPanel(Component):
    """The central department's proposals for Tiêu điểm, each accepted or declined in one
    action; and the stories featured now."""

    name = "feature_proposals"
    order = 20
    template_name = "centre/proposals_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        if not proposals.can_decide(self.user):
            # A union's approvers and editors: what became of their own proposals.
            unions = [u for u in user_unions(self.user) if not u.is_central]
            own = proposals.unions_recent_proposals(unions) if unions else []
            return {"shown": False, "own": own}
        home = proposals.central_home()
        return {
            "shown": True,
            "pending": proposals.pending_proposals(),
            "featured": [f.article for f in home.featured_articles.select_related("article")]
            if home
            else [],
        }


class NetworkActivityPanel(Component):
    """The central department's view of the network's writing: union articles new since its
    last visit, per union and per campaign, and the current campaign's activity chart."""

    name = "network_activity"
    order = 30
    template_name = "centre/activity_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        if not reads_network_content(self.user):
            return {"shown": False}
        network = get_network()
        since = DeskVisit.since_last_visit(self.user)
        campaign = desk_campaign()
        return {
            "shown": True,
            "news": new_union_articles(network, since),
            "campaign": campaign,
            "chart": campaign_activity(network, campaign) if campaign else None,
            "union_pages_url": reverse("union_pages:index"),
        }
