"""Build the demo network for the quality check, in one process:
`migrate`, `load_demo --port PORT`, then `update_index` once.

Run by tests/quality/network.py with DATABASE_URL and MEDIA_ROOT in a temporary folder
and DJANGO_SETTINGS_MODULE=tests.quality.settings. The search index is built in one pass
at the end instead of once per saved page (same index, a third of the time).
"""

import sys
import time

import django


def main(port):
    django.setup()
    from django.core.management import call_command
    from django.db.models.signals import post_save
    from modelsearch import index, signal_handlers

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"migrate: {time.monotonic() - started:.1f}s", flush=True)

    started = time.monotonic()
    for model in index.get_indexed_models():
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    call_command("load_demo", port=port, verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    print(f"load_demo: {time.monotonic() - started:.1f}s", flush=True)

    started = time.monotonic()
    call_command("update_index", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    print(f"update_index: {time.monotonic() - started:.1f}s", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
