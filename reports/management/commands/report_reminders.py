import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone

from blog.models import Campaign, default_locale
from reports.models import ReportTemplate
from reports.services import missing_reports

# --due: the rounds whose deadline comes within this many days, or passed less than
# OVERDUE_DAYS ago (the scheduler's daily run, core run_scheduler).
DUE_WITHIN_DAYS = 3
OVERDUE_DAYS = 30


class Command(BaseCommand):
    help = (
        "Liệt kê các công đoàn chưa gửi báo cáo kết quả của một chương trình (hoặc, với --due, "
        "của mọi đợt sắp hết hạn hay mới quá hạn); với --send-email, gửi thư nhắc tới người "
        "duyệt bài của từng công đoàn đó."
    )

    def add_arguments(self, parser):
        parser.add_argument("--campaign", help="Đường dẫn (slug) của chương trình.")
        parser.add_argument(
            "--due",
            action="store_true",
            help=f"Mọi đợt báo cáo hết hạn trong {DUE_WITHIN_DAYS} ngày tới hoặc quá hạn chưa "
            f"tới {OVERDUE_DAYS} ngày.",
        )
        parser.add_argument("--send-email", action="store_true", help="Gửi thư nhắc.")

    def handle(self, *args, campaign=None, due=False, send_email=False, **options):
        if due:
            today = timezone.localdate()
            templates = ReportTemplate.objects.filter(
                deadline__gte=today - dt.timedelta(days=OVERDUE_DAYS),
                deadline__lte=today + dt.timedelta(days=DUE_WITHIN_DAYS),
            ).select_related("campaign")
            for template in templates.order_by("deadline"):
                self.remind(template.campaign, template, send_email)
            if not templates:
                self.stdout.write("Không có đợt báo cáo nào sắp hết hạn hay mới quá hạn.")
            return
        if not campaign:
            raise CommandError("Cho biết --campaign <slug>, hoặc --due.")
        found = Campaign.objects.filter(default_locale(), slug=campaign).first()
        if found is None:
            raise CommandError(f"Không có chương trình “{campaign}”.")
        template = ReportTemplate.objects.filter(campaign=found).first()
        if template is None:
            raise CommandError(f"Chương trình “{found.name}” chưa có mẫu báo cáo kết quả.")
        self.remind(found, template, send_email)

    def remind(self, found, template, send_email):
        missing = missing_reports(found)
        if not missing:
            self.stdout.write(f"Mọi công đoàn đã gửi báo cáo “{found.name}”.")
            return
        self.stdout.write(
            f"{len(missing)} công đoàn chưa gửi báo cáo “{found.name}” "
            f"(hạn {template.deadline:%d/%m/%Y}):"
        )
        for union in missing:
            self.stdout.write(f"  {union.slug}\t{union.name}")
        if not send_email:
            return
        User = get_user_model()
        messages = []
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        for union in missing:
            recipients = sorted(
                User.objects.filter(groups=union.approvers_group, is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
            )
            if not recipients:
                self.stdout.write(f"  ! {union.slug}: không có địa chỉ thư của người duyệt bài")
                continue
            body = (
                f"Kính gửi {union.name},\n\n"
                f"Ban Tuyên giáo - Nữ công chưa nhận được báo cáo kết quả chương trình "
                f"“{found.name}” của công đoàn (hạn nộp {template.deadline:%d/%m/%Y}).\n"
                f"Đề nghị đồng chí phụ trách lập và gửi báo cáo tại: "
                f"{base_url}{reverse('campaign_reports:report', args=[found.pk, union.pk])}\n\n"
                f"Trân trọng."
            )
            messages.append(
                (
                    f"Nhắc gửi báo cáo kết quả: {found.name}",
                    body,
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                )
            )
        sent = send_mass_mail(messages, fail_silently=False) if messages else 0
        self.stdout.write(f"Đã gửi {sent} thư nhắc.")
