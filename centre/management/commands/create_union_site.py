from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from centre.services import provision_union


class Command(BaseCommand):
    help = (
        "Tạo trang cho một công đoàn: trang chủ, tên miền, nhóm quyền, thư viện ảnh, "
        "quy trình duyệt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--name", required=True, help="Tên đầy đủ, ví dụ “Công đoàn Bộ Tư pháp”"
        )
        parser.add_argument(
            "--short-name", required=True, help="Tên viết tắt, ví dụ “CĐ Bộ Tư pháp”"
        )
        parser.add_argument("--slug", required=True, help="Mã không dấu, ví dụ tu-phap")
        parser.add_argument("--hostname", required=True, help="Tên miền, ví dụ tuphap.congdoan.vn")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--central", action="store_true", help="Trang trung tâm của mạng")
        parser.add_argument("--tagline", default="")
        parser.add_argument("--colour", default="", help="Màu chủ đạo, ví dụ #8b1a1a")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--address", default="")
        parser.add_argument("--facebook", default="")
        parser.add_argument("--zalo", default="")

    def handle(self, *args, **options):
        try:
            union = provision_union(
                name=options["name"],
                short_name=options["short_name"],
                slug=options["slug"],
                hostname=options["hostname"],
                port=options["port"],
                is_central=options["central"],
                tagline=options["tagline"],
                primary_colour=options["colour"],
                contact_email=options["email"],
                phone=options["phone"],
                address=options["address"],
                facebook_url=options["facebook"],
                zalo_url=options["zalo"],
            )
        except ValidationError as error:
            messages = (
                [f"{field}: {msg}" for field, msgs in error.message_dict.items() for msg in msgs]
                if hasattr(error, "error_dict")
                else error.messages
            )
            raise CommandError("Không tạo được công đoàn:\n  " + "\n  ".join(messages)) from error

        home = union.home_page
        self.stdout.write(self.style.SUCCESS(f"Đã tạo công đoàn “{union.name}” ({union.slug})"))
        for label, value in [
            ("Trang", f"{union.site.root_url}/ (site #{union.site.pk})"),
            ("Trang chủ", f"“{home.title}” (trang #{home.pk}, {home.specific_class.__name__})"),
            ("Nhóm biên tập", union.editors_group.name),
            ("Nhóm duyệt bài", union.approvers_group.name),
            ("Thư viện ảnh, tài liệu", union.collection.name),
            ("Quy trình duyệt", home.get_workflow().name),
        ]:
            self.stdout.write(f"  {label}: {value}")
