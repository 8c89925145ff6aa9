from .hub import NewsHubPage, central_news_hub, filter_articles, news_hub_under
from .pages import (
    ArticleKind,
    ArticlePage,
    ArticlePageTag,
    ColumnPage,
    DocumentPage,
    column_of_path,
    column_page_paths,
    take_column_campaign,
)
from .taxonomy import (
    Campaign,
    Column,
    all_columns,
    campaign_by_id,
    campaign_choices,
    campaign_in,
    column_choices,
    default_locale,
)

__all__ = [
    "ArticleKind",
    "ArticlePage",
    "ArticlePageTag",
    "Campaign",
    "Column",
    "ColumnPage",
    "DocumentPage",
    "NewsHubPage",
    "all_columns",
    "campaign_by_id",
    "campaign_choices",
    "campaign_in",
    "central_news_hub",
    "column_choices",
    "column_of_path",
    "column_page_paths",
    "default_locale",
    "filter_articles",
    "news_hub_under",
    "take_column_campaign",
]
