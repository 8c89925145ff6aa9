"""The reference site: what Wagtail itself serves for a blog index of the same size.

A project made by ``wagtail start`` from the installed Wagtail (in var/bench/reference/),
plus one small ``blog`` app written the idiomatic way, as Wagtail's tutorial and bakerydemo
do: a ``BlogIndexPage`` listing its ``BlogPage`` children ``live().public()``, newest first,
20 to a page with Django's Paginator, each with its lead image (``select_related``, renditions
prefetched) drawn with ``{% image %}``. Its own PostgreSQL database (``cms_bench_reference``)
holds as many posts as the benchmark network has articles, written in bulk.

``bench.run`` serves it with the same gunicorn command and loads it with the same wrk
settings as the news hub, in the same run: the hub's throughput is read against it.
"""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "reference"

MODELS = """from django.db import models
from django.core.paginator import Paginator
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class BlogIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["blog.BlogPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = (
            BlogPage.objects.child_of(self)
            .live()
            .public()
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-first_published_at")
        )
        context["posts"] = Paginator(posts, 20).get_page(request.GET.get("page"))
        return context


class BlogPage(Page):
    date = models.DateField("Post date")
    intro = models.CharField(max_length=500)
    body = RichTextField(blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("lead_image"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
"""

INDEX_TEMPLATE = """{% extends "base.html" %}
{% load wagtailcore_tags wagtailimages_tags %}
{% block body_class %}template-blogindexpage{% endblock %}
{% block content %}
<h1>{{ page.title }}</h1>
<div class="intro">{{ page.intro|richtext }}</div>
<ul class="posts">
{% for post in posts %}
  <li>
    <a href="{% pageurl post %}">
      {% if post.lead_image %}{% image post.lead_image fill-400x225 loading="lazy" %}{% endif %}
      <h2>{{ post.title }}</h2>
    </a>
    <time datetime="{{ post.date|date:'Y-m-d' }}">{{ post.date }}</time>
    <p>{{ post.intro }}</p>
  </li>
{% endfor %}
</ul>
<nav>
  {% if posts.has_previous %}<a href="?page={{ posts.previous_page_number }}">Newer</a>{% endif %}
  Page {{ posts.number }} of {{ posts.paginator.num_pages }}
  {% if posts.has_next %}<a href="?page={{ posts.next_page_number }}">Older</a>{% endif %}
</nav>
{% endblock %}
"""

PAGE_TEMPLATE = """{% extends "base.html" %}
{% load wagtailcore_tags wagtailimages_tags %}
{% block content %}
<h1>{{ page.title }}</h1>
<p class="meta">{{ page.date }}</p>
{% if page.lead_image %}{% image page.lead_image fill-800x450 %}{% endif %}
<div class="intro">{{ page.intro }}</div>
{{ page.body|richtext }}
<p><a href="{{ page.get_parent.url }}">Return to blog</a></p>
{% endblock %}
"""

SETTINGS = """import os

import dj_database_url

from .production import *  # noqa: F403

INSTALLED_APPS = ["blog", *INSTALLED_APPS]  # noqa: F405
DATABASES = {
    "default": dj_database_url.parse(
        os.environ["REFERENCE_DATABASE_URL"], conn_max_age=int(os.environ["DB_CONN_MAX_AGE"])
    )
}
SECRET_KEY = "reference-bench-not-secret"
ALLOWED_HOSTS = ["*"]
MEDIA_ROOT = os.environ["REFERENCE_MEDIA_ROOT"]
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
"""

BUILD_COMMAND = '''"""A blog index under the home page and `--posts` posts, in bulk."""

import datetime as dt
import io
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from blog.models import BlogIndexPage, BlogPage

COLOURS = ["#c0392b", "#27ae60", "#2980b9", "#8e44ad", "#d35400", "#16a085"]
PARAGRAPH = (
    "Trade union officers visited members in difficulty before the new year and brought "
    "gifts, tickets home and a word of thanks from the whole organisation."
)


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, required=True)

    def handle(self, *args, posts, **options):
        rng = random.Random(18)
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=BlogIndexPage(title="Blog", slug="blog"))
        images = []
        for n in range(24):
            buffer = io.BytesIO()
            PILImage.new("RGB", (1200, 800), COLOURS[n % len(COLOURS)]).save(buffer, "JPEG")
            image = Image(title=f"Picture {n + 1}")
            image.file = ImageFile(buffer, name=f"picture-{n + 1}.jpg")
            image.save()
            images.append(image)
        post_type = ContentType.objects.get_for_model(BlogPage)
        locale = Locale.get_default()
        start = dt.datetime(2024, 1, 2, 7, 0, tzinfo=dt.timezone.utc)
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        post_fields = list(BlogPage._meta.local_concrete_fields)
        pages = []
        for n in range(posts):
            published = start + dt.timedelta(minutes=rng.randrange(58 * 24 * 60))
            slug = f"post-{n + 1}"
            title = f"Union members at the spring gathering, report {n + 1}"
            pages.append(
                BlogPage(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=post_type,
                    path=Page._get_path(index.path, index.depth + 1, n + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    date=published.date(),
                    intro=PARAGRAPH[:140],
                    body=f"<p>{PARAGRAPH}</p>" * 4,
                    lead_image=images[rng.randrange(len(images))],
                )
            )
        with transaction.atomic():
            rows = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in pages],
                batch_size=500,
            )
            for page, row in zip(pages, rows):
                page.page_ptr_id = page.id = row.pk
            for i in range(0, len(pages), 500):
                BlogPage._base_manager._insert(pages[i : i + 500], fields=post_fields)
            Page.objects.filter(pk=index.pk).update(numchild=len(pages))
        self.stdout.write(f"{posts} posts under {index.url_path}")
'''


def project_key():
    """Changes with the installed Wagtail and with this file."""
    import wagtail

    digest = hashlib.sha256(Path(__file__).read_bytes() + wagtail.__version__.encode())
    return digest.hexdigest()[:12]


def create_project(directory, bin_dir):
    """`wagtail start` in `directory`, then the blog app and the benchmark settings; kept
    while the installed Wagtail and this file are unchanged."""
    marker = directory / ".bench-key"
    key = project_key()
    if marker.exists() and marker.read_text() == key:
        return
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    subprocess.run([str(bin_dir / "wagtail"), "start", PROJECT, str(directory)], check=True)
    blog = directory / "blog"
    for folder in (blog / "migrations", blog / "templates" / "blog", blog / "management/commands"):
        folder.mkdir(parents=True, exist_ok=True)
    for package in (blog, blog / "migrations", blog / "management", blog / "management/commands"):
        (package / "__init__.py").write_text("")
    (blog / "models.py").write_text(MODELS)
    (blog / "templates" / "blog" / "blog_index_page.html").write_text(INDEX_TEMPLATE)
    (blog / "templates" / "blog" / "blog_page.html").write_text(PAGE_TEMPLATE)
    (blog / "management" / "commands" / "build_reference.py").write_text(BUILD_COMMAND)
    (directory / PROJECT / "settings" / "bench.py").write_text(SETTINGS)
    marker.write_text(key)


def environment(base_env, database_url, media_root):
    env = {
        key: value
        for key, value in base_env.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE=f"{PROJECT}.settings.bench",
        REFERENCE_DATABASE_URL=database_url,
        REFERENCE_MEDIA_ROOT=str(media_root),
        DB_CONN_MAX_AGE=base_env.get("DB_CONN_MAX_AGE", "60"),
    )
    return env


def build(directory, env, posts):
    """Migrations (the blog app's made here) and `posts` posts, in the (empty) database."""
    manage = [sys.executable, "manage.py"]
    quiet = {"cwd": directory, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "makemigrations", "blog"], **quiet)
    subprocess.run([*manage, "migrate", "--noinput"], **quiet)
    subprocess.run(
        [*manage, "build_reference", "--posts", str(posts)], cwd=directory, env=env, check=True
    )
