"""Backs up the database and every uploaded file (disk or bucket) into one timestamped
archive (core/backup.py). Run nightly from the scheduler host, e.g.
``manage.py backup --to /var/backups/cms --keep 14``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và mọi tệp đã tải lên vào một tệp lưu trữ có ghi thời điểm."

    def add_arguments(self, parser):
        parser.add_argument("--to", default="var/backups", help="Thư mục chứa bản sao lưu.")
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Giữ lại N bản mới nhất, xoá bản cũ hơn (0: giữ hết).",
        )

    def handle(self, *args, to, keep, **options):
        if keep < 0:
            raise CommandError("--keep phải từ 0 trở lên.")
        try:
            archive = create_backup(to)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{archive} ({archive.stat().st_size / 1e6:.1f} MB)")
        if keep:
            older = sorted(Path(to).glob("cms-backup-*.tar"), reverse=True)[keep:]
            for path in older:
                path.unlink()
                self.stdout.write(f"đã xoá {path}")
