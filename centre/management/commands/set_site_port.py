from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Đặt cổng (port) cho các trang, để đường dẫn giữa các trang đúng khi chạy thử "
        "trên một cổng khác (ví dụ PORT=9000 make run)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, required=True)
        parser.add_argument(
            "--only-local",
            action="store_true",
            help="Chỉ đổi các trang có tên miền localhost hoặc *.localhost.",
        )

    def handle(self, *args, **options):
        sites = Site.objects.exclude(port=options["port"])
        if options["only_local"]:
            sites = [
                s for s in sites if s.hostname == "localhost" or s.hostname.endswith(".localhost")
            ]
        for site in sites:
            site.port = options["port"]
            site.save()
            self.stdout.write(f"{site.hostname}: cổng {site.port}")
