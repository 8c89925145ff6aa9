"""Feed addresses (Vietnamese, ASCII), answered on every host; see blog/feeds.py."""

from django.urls import path

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("rss.xml", feeds.SiteFeed(), name="site_rss"),
    path("atom.xml", feeds.atom(feeds.SiteFeed)(), name="site_atom"),
    path("chuyen-muc/<slug:slug>/rss.xml", feeds.ColumnFeed(), name="column_rss"),
    path("chuyen-muc/<slug:slug>/atom.xml", feeds.atom(feeds.ColumnFeed)(), name="column_atom"),
    path("chuong-trinh/<slug:slug>/rss.xml", feeds.CampaignFeed(), name="campaign_rss"),
    path(
        "chuong-trinh/<slug:slug>/atom.xml",
        feeds.atom(feeds.CampaignFeed)(),
        name="campaign_atom",
    ),
    path("toan-mang/rss.xml", feeds.NetworkFeed(), name="network_rss"),
    path("toan-mang/atom.xml", feeds.atom(feeds.NetworkFeed)(), name="network_atom"),
]
