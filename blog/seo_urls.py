"""Sitemaps and robots.txt, answered on every host; see blog/seo.py."""

from django.urls import path

from . import seo

app_name = "seo"

urlpatterns = [
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("sitemap-trang.xml", seo.pages_sitemap, name="pages_sitemap"),
    path("sitemap-<slug:language>.xml", seo.language_sitemap, name="language_sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
]
