"""Peak memory of a worker that takes the largest image the admin accepts.

    .venv/bin/python -m bench.upload_memory [--width 7750] [--height 5160] [--format jpeg]

Draws a picture of that size (smooth gradients, so it stays under the 10 MB upload limit),
builds a throwaway SQLite database (migrated, a central site, one union and its editor), then
in a fresh process: logs the editor in, uploads a small image through /admin/images/add/ to
load every code path, reads the process's peak RSS (``ru_maxrss``), runs the image form's
checks on the big picture and reads it again, uploads the big picture through
/admin/images/add/ with the listing renditions made on save (as in production), and reads
the peak RSS once more. Nothing is kept; nothing is asserted: it prints the numbers.
"""

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Bench-Upload-2024!"


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def draw(path, width, height, fmt):
    from PIL import Image, ImageDraw

    red = Image.linear_gradient("L").resize((width, height))
    green = Image.linear_gradient("L").rotate(90).resize((width, height))
    blue = Image.radial_gradient("L").resize((width, height))
    image = Image.merge("RGB", (red, green, blue))
    pen = ImageDraw.Draw(image)
    for i in range(12):
        left, top = i * width // 14, i * height // 16
        box = (left, top, left + width // 5, top + height // 3)
        pen.ellipse(box, outline=(255, 255, 255), width=12)
    options = {"quality": 85} if fmt == "jpeg" else {"optimize": True}
    image.save(path, fmt.upper(), **options)


def setup_database():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from centre.services import provision_union

    call_command("migrate", verbosity=0, interactive=False)
    provision_union(
        name="Công đoàn Viên chức Việt Nam",
        short_name="CĐVC Việt Nam",
        slug="trung-uong",
        hostname="central.example.test",
        is_central=True,
    )
    union = provision_union(
        name="Công đoàn Đo bộ nhớ",
        short_name="CĐ Đo bộ nhớ",
        slug="do-bo-nho",
        hostname="do-bo-nho.example.test",
    )
    editor = get_user_model().objects.create_user("bientap.do-bo-nho", password=PASSWORD)
    editor.groups.add(union.editors_group)


def upload(client, collection, name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/admin/images/add/",
        {
            "title": name,
            "description": "Ảnh đo bộ nhớ",
            "file": SimpleUploadedFile(name, data),
            "collection": collection,
        },
    )
    if response.status_code != 302:
        errors = response.context["form"].errors if response.context else response.status_code
        raise SystemExit(f"{name} was not accepted: {errors}")


def measure(picture):
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    from core.renditions import listing_rendition_specs
    from sites.models import Union

    settings.LISTING_RENDITIONS_ON_SAVE = True  # as in production
    client = Client()
    client.force_login(get_user_model().objects.get(username="bientap.do-bo-nho"))
    collection = Union.objects.get(slug="do-bo-nho").collection.pk

    small = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 60, 120)).save(small, "JPEG")
    upload(client, collection, "khoi-dong.jpg", small.getvalue())
    before = peak_mb()

    data = Path(picture).read_bytes()
    # The form's checks alone (header, pixel count, one decode), as the upload will run them.
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.forms import get_image_form

    user = get_user_model().objects.get(username="bientap.do-bo-nho")
    form = get_image_form(get_image_model())(
        {"title": "x", "description": "x", "collection": collection},
        {"file": SimpleUploadedFile(Path(picture).name, data)},
        user=user,
    )
    if not form.is_valid():
        raise SystemExit(f"the form refused the picture: {form.errors}")
    del form
    validated = peak_mb()

    started = time.perf_counter()
    upload(client, collection, Path(picture).name, data)
    seconds = time.perf_counter() - started
    after = peak_mb()

    image = get_image_model().objects.get(title=Path(picture).name)
    print(f"image: {image.width} x {image.height} = {image.width * image.height / 1e6:.1f} MP")
    print(f"file: {len(data) / 1e6:.1f} MB, renditions made on save: {image.renditions.count()}")
    print(f"specs: {len(listing_rendition_specs())}; upload and renditions took {seconds:.1f} s")
    print(f"peak RSS before the upload: {before:.0f} MB")
    print(f"peak RSS after the form's checks: {validated:.0f} MB (+{validated - before:.0f} MB)")
    print(f"peak RSS after the upload:  {after:.0f} MB (+{after - before:.0f} MB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=7750)
    parser.add_argument("--height", type=int, default=5160)
    parser.add_argument("--format", choices=["jpeg", "png"], default="jpeg")
    parser.add_argument("--step", choices=["draw", "setup", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--picture", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.step == "draw":
        return draw(args.picture, args.width, args.height, args.format)
    if args.step == "setup":
        return setup_database()
    if args.step == "measure":
        return measure(args.picture)

    with tempfile.TemporaryDirectory(prefix="upload-memory-") as tmp:
        picture = Path(tmp) / f"anh-lon.{'jpg' if args.format == 'jpeg' else 'png'}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
        }
        command = [sys.executable, "-m", "bench.upload_memory"]
        # Each step in its own process: a child's ru_maxrss starts from its parent's at the fork,
        # so this process must stay small (it never holds the picture).
        size = ["--width", str(args.width), "--height", str(args.height), "--format", args.format]
        draw_step = [*command, "--step", "draw", "--picture", str(picture), *size]
        subprocess.run(draw_step, env=env, cwd=ROOT, check=True)
        subprocess.run([*command, "--step", "setup"], env=env, cwd=ROOT, check=True)
        step = [*command, "--step", "measure", "--picture", str(picture)]
        subprocess.run(step, env=env, cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
