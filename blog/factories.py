import datetime as dt

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from .models import ArticlePage, Campaign, Column, ColumnPage, DocumentPage, NewsHubPage


class CampaignFactory(DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Chương trình Tết Sum vầy {n}")
    start_date = dt.date(2024, 1, 1)
    end_date = dt.date(2024, 2, 29)
    slogan = "Tết Sum vầy – Xuân chia sẻ"
    locale = factory.LazyFunction(Locale.get_default)


class ColumnFactory(DjangoModelFactory):
    class Meta:
        model = Column

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    locale = factory.LazyFunction(Locale.get_default)


class PageFactory(wagtail_factories.PageFactory):
    """Leave the slug to the page model, which folds Vietnamese and de-duplicates."""

    slug = ""

    class Meta:
        abstract = True


class ColumnPageFactory(PageFactory):
    class Meta:
        model = ColumnPage

    title = factory.Sequence(lambda n: f"Chuyên mục Đoàn viên {n}")
    column = factory.SubFactory(ColumnFactory)


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Bài viết số {n} về Tết Sum vầy")
    date = dt.date(2024, 1, 20)
    intro = "Đoàn viên, người lao động đón Tết đầm ấm."
    lead_image = factory.SubFactory(wagtail_factories.ImageFactory)


class DocumentPageFactory(PageFactory):
    class Meta:
        model = DocumentPage

    title = factory.Sequence(lambda n: f"Hướng dẫn số {n}")
    number = factory.Sequence(lambda n: f"{n}/HD-CĐVC")
    issue_date = dt.date(2024, 1, 23)
    issuer = "Ban Thường vụ Công đoàn Viên chức Việt Nam"


class NewsHubPageFactory(PageFactory):
    class Meta:
        model = NewsHubPage

    title = "Tin các công đoàn"
