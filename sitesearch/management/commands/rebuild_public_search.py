from django.core.management.base import BaseCommand

from sitesearch.index import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the public search index (sitesearch) from the live pages, e.g. after pages "
        "were written in bulk without Wagtail's signals."
    )

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Đã lập chỉ mục tìm kiếm cho {count} trang.")
