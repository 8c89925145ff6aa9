"""manage.py copy_campaign <slug>: create the campaign's next edition (drafts), like the admin."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from blog.models import Campaign
from campaigns.services import copy_campaign_for_next_year


class Command(BaseCommand):
    help = (
        "Sao chép chương trình cho năm sau: chương trình mới, bản nháp chuyên trang và bản nháp "
        "chuyên mục trên mọi trang đang hoạt động."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="đường dẫn của chương trình, ví dụ tet-sum-vay-2024")
        parser.add_argument("--locale", default=None, help="mã ngôn ngữ (mặc định: vi)")
        parser.add_argument("--name", default=None, help="tên chương trình năm sau")
        parser.add_argument("--new-slug", default=None, help="đường dẫn chương trình năm sau")
        for option in ("start", "end", "deadline"):
            parser.add_argument(
                f"--{option}", default=None, type=dt.date.fromisoformat, help="YYYY-MM-DD"
            )

    def handle(self, *args, slug, locale=None, **options):
        chosen = {
            "name": options["name"],
            "slug": options["new_slug"],
            "start_date": options["start"],
            "end_date": options["end"],
            "deadline": options["deadline"],
        }
        try:
            locale_obj = (
                Locale.objects.get(language_code=locale) if locale else Locale.get_default()
            )
        except Locale.DoesNotExist as error:
            raise CommandError(f"Không có ngôn ngữ “{locale}”.") from error
        campaign = Campaign.objects.filter(slug=slug, locale=locale_obj).first()
        if campaign is None:
            raise CommandError(f"Không có chương trình có đường dẫn “{slug}”.")
        try:
            hub = copy_campaign_for_next_year(campaign, **chosen)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        new = hub.campaign
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã tạo “{new.name}” ({new.slug}), "
                f"{new.start_date:%d/%m/%Y}–{new.end_date:%d/%m/%Y}; "
                f"chuyên trang nháp: {hub.url_path}"
            )
        )
