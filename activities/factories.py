import datetime as dt

import factory
from django.utils import timezone

from blog.factories import PageFactory

from .models import EventKind, EventPage, PressMentionPage


def local(year, month, day, hour=8, minute=0):
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Phiên chợ Tết Công đoàn số {n}")
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=4))
    kind = EventKind.MARKET
    place = "Nhà văn hóa Lao động"
    address = "14 Trần Bình Trọng, Hoàn Kiếm, Hà Nội"
    intro = "Gian hàng 0 đồng cho đoàn viên khó khăn."


class PressMentionPageFactory(PageFactory):
    class Meta:
        model = PressMentionPage

    title = factory.Sequence(lambda n: f"Công đoàn chăm lo Tết cho đoàn viên, bài {n}")
    outlet = "Báo Lao Động"
    date = dt.date(2024, 1, 25)
    link = factory.Sequence(lambda n: f"https://laodong.example/bai-{n}.html")
