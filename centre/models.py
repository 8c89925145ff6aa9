"""What the central department's desk remembers: when each of its users last looked."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Coming back to the admin home within this time is the same visit: "since your last visit"
# does not move while one works through the desk.
VISIT_GAP = dt.timedelta(minutes=30)
# A first visit counts what came in over this period.
FIRST_VISIT_WINDOW = dt.timedelta(days=7)


class DeskVisit(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_visit"
    )
    previous_visit_at = models.DateTimeField(_("lần xem trước"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("lần xem gần nhất"))

    class Meta:
        verbose_name = _("lượt xem bàn làm việc")
        verbose_name_plural = _("lượt xem bàn làm việc")

    def __str__(self):
        return f"{self.user} – {self.last_seen_at:%d/%m/%Y %H:%M}"

    @classmethod
    def since_last_visit(cls, user, now=None):
        """The moment "new" is counted from for `user` (the start of their previous visit,
        or a week ago at the first one); records this visit."""
        now = now or timezone.now()
        visit, created = cls.objects.get_or_create(
            user=user, defaults={"previous_visit_at": None, "last_seen_at": now}
        )
        if not created and now - visit.last_seen_at > VISIT_GAP:
            visit.previous_visit_at = visit.last_seen_at
        visit.last_seen_at = now
        visit.save(update_fields=["previous_visit_at", "last_seen_at"])
        return visit.previous_visit_at or now - FIRST_VISIT_WINDOW
