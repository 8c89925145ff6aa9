from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

# /tim-kiem/ on Vietnamese pages, /en/search/ on English ones (cms/urls.py, i18n_patterns).
urlpatterns = [path(pgettext_lazy("địa chỉ", "tim-kiem/"), views.search, name="search")]
