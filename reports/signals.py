"""Signals sent by the report services (``reports.services``)."""

from django.dispatch import Signal

from core.changes import network_pages_changed

# Sent, inside the service's transaction, when the centre accepts or returns a report
# (argument: report). The campaign hub's network totals change with it.
report_reviewed = Signal()


def _on_report_reviewed(sender, **kwargs):
    # The campaign hubs' network totals (core.changes: network_only).
    network_pages_changed()


def connect():
    report_reviewed.connect(_on_report_reviewed, dispatch_uid="changes-report-reviewed")
