"""Restores an archive made by ``backup`` into an empty database and an empty media storage
(or, with --replace, over what is there), then checks every table's row count and every
file's hash against the archive's manifest (core/backup.py)."""

from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu và kho tệp trống, rồi đối chiếu."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp cms-backup-….tar")
        parser.add_argument(
            "--database-url",
            help="Khôi phục vào cơ sở dữ liệu này thay vì cơ sở dữ liệu đang cấu hình.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Ghi đè cơ sở dữ liệu và tệp đang có (mặc định: chỉ khôi phục vào nơi trống).",
        )

    def handle(self, *args, archive, database_url, replace, **options):
        try:
            result = restore_backup(archive, database_url=database_url, replace=replace)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        if not database_url:
            for cache in caches.all():  # pages cached from the database as it was
                cache.clear()
        self.stdout.write(
            f"{result.tables} bảng, {result.rows} dòng, {result.files} tệp đã khôi phục."
        )
        if result.mismatches:
            raise CommandError("Không khớp với bản sao lưu:\n" + "\n".join(result.mismatches))
        self.stdout.write("Khớp hoàn toàn với bản sao lưu.")
