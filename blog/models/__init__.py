from .hub import NewsHubPage
from .pages import ArticleKind, ArticlePage, ArticlePageTag, ColumnPage, DocumentPage
from .taxonomy import Campaign, Column

__all__ = [
    "ArticleKind",
    "ArticlePage",
    "ArticlePageTag",
    "Campaign",
    "Column",
    "ColumnPage",
    "DocumentPage",
    "NewsHubPage",
]
