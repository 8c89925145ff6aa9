import os

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEMO_PASSWORD, load_demo, network_is_empty, reset_network


class Command(BaseCommand):
    help = "Nạp mạng trình diễn: trang trung tâm, các công đoàn, chương trình, bài viết, tài khoản."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Xóa toàn bộ dữ liệu rồi nạp lại.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Chỉ nạp khi cơ sở dữ liệu chưa có mạng nào."
        )
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))

    def handle(self, *args, **options):
        if not network_is_empty():
            if options["if_empty"]:
                self.stdout.write("Cơ sở dữ liệu đã có dữ liệu; bỏ qua việc nạp dữ liệu mẫu.")
                return
            if not options["reset"]:
                raise CommandError(
                    "Cơ sở dữ liệu đã có dữ liệu. Dùng --reset để xóa hết và nạp lại dữ liệu mẫu."
                )
            self.stdout.write("Xóa dữ liệu cũ…")
            reset_network()

        result = load_demo(port=options["port"], log=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong: {len(result['unions'])} trang, {result['articles']} bài viết."
            )
        )
        self.stdout.write(f"Tài khoản (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, role, union in result["accounts"]:
            self.stdout.write(f"  {username:<24} {role}{' – ' + union if union else ''}")
        central = result["unions"][0]
        self.stdout.write(
            f"Trang trung tâm: {central.site.root_url}/   Quản trị: {central.site.root_url}/admin/"
        )
