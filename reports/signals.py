"""Signals sent by the report services (``reports.services``)."""

from django.dispatch import Signal

# Sent, inside the service's transaction, when the centre accepts or returns a report
# (argument: report). The campaign hub's network totals change with it.
report_reviewed = Signal()
