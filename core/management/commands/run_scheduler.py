"""The scheduled work of one machine, in one long-running process: Wagtail's
``publish_scheduled`` every minute (pages and revisions scheduled to go live or to expire) and
the result-report reminders once a day. On several machines run it on one only (or use the
systemd timers in deploy/systemd/, or the compose file's scheduler service)."""

import datetime as dt
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

EVERY = 60  # seconds between runs of publish_scheduled


class Command(BaseCommand):
    help = (
        "Chạy các việc định kỳ: xuất bản/hết hạn trang đã hẹn giờ mỗi phút, nhắc báo cáo kết quả "
        "mỗi ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Chạy một lần mọi việc đến hạn rồi dừng."
        )
        parser.add_argument(
            "--reminders-at", default="08:00", help="Giờ gửi thư nhắc báo cáo mỗi ngày (HH:MM)."
        )
        parser.add_argument(
            "--no-reminders", action="store_true", help="Không gửi thư nhắc báo cáo."
        )

    def handle(self, *args, once, reminders_at, no_reminders, **options):
        at = dt.time.fromisoformat(reminders_at)
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        reminded_on = None
        while True:
            self.tick()
            now = timezone.localtime()
            due = now.time() >= at and reminded_on != now.date()
            if not no_reminders and (once or due):
                self.remind()
                reminded_on = now.date()
            if once or stopping:
                return
            slept = 0
            while slept < EVERY and not stopping:
                time.sleep(1)
                slept += 1
            if stopping:
                return
            close_old_connections()  # a database restarted meanwhile is no error

    def tick(self):
        try:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
        except Exception as error:  # the next minute tries again
            self.stderr.write(f"publish_scheduled: {error}")

    def remind(self):
        try:
            call_command("report_reminders", due=True, send_email=True, stdout=self.stdout)
        except Exception as error:
            self.stderr.write(f"report_reminders: {error}")
