"""Calendar (iCalendar) addresses, answered on every host; see activities/calendar.py."""

from django.urls import path

from . import calendar

app_name = "calendar"

urlpatterns = [
    path("su-kien.ics", calendar.site_calendar, name="site"),
    path("chuong-trinh/<slug:slug>/su-kien.ics", calendar.campaign_calendar, name="campaign"),
]
