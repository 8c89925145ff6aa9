"""Building blocks for every page type: an abstract base page and field mixins.

Each mixin brings its own fields and the panels that edit them, so a page type is
a short list of mixins plus what is truly its own.
"""

import copy

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.models.sites import SiteRootPath
from wagtail.search import index

from core import tree
from core.file_access import FileAccessFormMixin
from core.text import normalize, search_text, slugify_vi
from pagecache.snapshot import cached, locale_codes, view_restriction_map
from sites.network import get_network

from .identity import site_identity
from .languages import language_links
from .sharing import share_meta


class FoldedSlugPageForm(FileAccessFormMixin, WagtailAdminPageForm):
    """Fold whatever the editor (or the admin's slug script) put in the slug field.

    A blank slug is made from the title, numbered if a sibling already uses it. Every page
    type's form: images and documents only from collections the editor may choose
    (core.file_access).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        cleaned_data = super().clean()
        # A page cannot be saved with a picture that has no text alternative.
        for name, value in list(cleaned_data.items()):
            if isinstance(value, AbstractImage) and not (value.description or "").strip():
                self.add_error(
                    name,
                    _(
                        "Ảnh “%(title)s” chưa có mô tả (văn bản thay thế). Thêm mô tả cho ảnh "
                        "trong mục Ảnh, hoặc chọn ảnh khác."
                    )
                    % {"title": value.title},
                )
        return cleaned_data

    def clean_slug(self):
        slug = slugify_vi(self.cleaned_data.get("slug") or "")
        if slug:
            return slug
        base = slugify_vi(self.cleaned_data.get("title") or "")
        if not base:
            raise ValidationError(_("Nhập đường dẫn (slug) bằng chữ không dấu."))
        return free_slug(self.parent_page.get_children().exclude(pk=self.instance.pk), base)


def free_slug(siblings, base):
    """`base`, or `base-2`, `base-3`… whichever none of `siblings` (pages) uses."""
    if not base:
        return ""
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class FoldedSlugMixin:
    """ASCII slugs folded the Vietnamese way, whoever creates the page, and NFC titles.

    Wagtail makes a blank slug from the title with Django's slugify, which drops "đ"
    ("Công đoàn" → "cong-oan"): the title and slug are folded here first, before Wagtail's
    own defaults, on every path a page is cleaned or saved by (the admin form folds them too:
    FoldedSlugPageForm).
    """

    def fold_title_and_slug(self):
        self.title = normalize(self.title or "")
        if self.slug:
            self.slug = slugify_vi(self.slug) or self.slug
        elif self.title and self.path:
            self.slug = self.free_slug(slugify_vi(self.title))

    def free_slug(self, base):
        return free_slug(self.get_siblings().exclude(pk=self.pk), base)

    def full_clean(self, *args, **kwargs):
        self.fold_title_and_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.fold_title_and_slug()
        super().minimal_clean()


class IntroMixin(models.Model):
    intro = models.TextField(
        _("giới thiệu"),
        blank=True,
        max_length=500,
        help_text=_("Một hai câu tóm tắt, hiện trong danh sách và khi chia sẻ."),
    )

    intro_panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


# What routing, page links and breadcrumbs read of the pages on the way to a page.
ROUTE_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "title",
    "live",
    "content_type_id",
    "locale_id",
    "translation_key",
)


def route_map():
    """{url_path: Page} of every structural page (BasePage.structural: homes, columns, hubs,
    as many as the unions make them, not as their articles), with ROUTE_FIELDS only; kept
    with the snapshot (any page saved, published, moved or deleted bumps its version)."""

    def load():
        models = [model for model in get_page_models() if getattr(model, "structural", False)]
        types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
        pages = Page.objects.filter(content_type__in=list(types)).only(*ROUTE_FIELDS)
        return {page.url_path: page for page in pages}

    return cached("route-map", load)


class BasePage(FoldedSlugMixin, Page):
    base_form_class = FoldedSlugPageForm

    # Whether the network has few pages of this type, that follow its unions rather than
    # what they publish (homes, columns, hubs): routing finds them in the snapshot
    # (route_map). Articles, events, documents and press mentions say False.
    structural = True

    # Whether the page, on a union's site, may show other sites' content (the page cache
    # then clears it with any change in the network: pagecache.middleware).
    shows_network_content = True
    # Whether it gathers the whole network (purged from a frontend cache with any change).
    gathers_network = False

    # The folded copy lets "tet sum vay" find "Tết Sum vầy" on SQLite and PostgreSQL alike:
    # the public search folds the query the same way (see sitesearch.views).
    search_fields = Page.search_fields + [index.SearchField("folded_search_text")]

    class Meta:
        abstract = True

    def search_text_parts(self):
        """The texts a reader may search for; page types add their own."""
        return [self.title, self.search_description, getattr(self, "intro", "")]

    def folded_search_text(self):
        return search_text(*self.search_text_parts())

    def save(self, *args, **kwargs):
        self.fold_title_and_slug()
        self.normalize_text_fields()
        return super().save(*args, **kwargs)

    def normalize_text_fields(self):
        """Store precomposed (NFC) text whatever the editor's keyboard sent."""
        for field in self._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                value = getattr(self, field.attname)
                if isinstance(value, str) and value:
                    setattr(self, field.attname, normalize(value))

    def route(self, request, path_components):
        # Wagtail only checks that the final page is live; an unpublished page takes
        # everything below it offline too.
        if path_components and not self.live:
            raise Http404
        if path_components:
            page = self._route_by_url_path(request, path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def _route_by_url_path(self, request, path_components):
        """The page at the end of `path_components` in one or two queries instead of two per
        level as Wagtail's child-by-child walk does; the same rules: every page on the way
        must be live.

        The pages on the way are structural (homes, columns, hubs: route_map, from the
        snapshot); the last one is read with its specific row at once when it is structural
        too, or when it is of the first other type its parent allows (a column's article).
        Otherwise (an event under a column) the pages on the way are read by url_path, then
        the last one's specific row.

        None (so Wagtail's walk decides) if a page on the way is missing or routes
        sub-paths of its own (RoutablePageMixin). The pages on the way are kept on the
        request for the breadcrumbs.
        """

        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(1, len(path_components) + 1)
        ]
        known = route_map()
        chain = [known.get(prefix) for prefix in prefixes]
        if any(page is None or not page.path.startswith(self.path) for page in chain[:-1]):
            return self._route_by_query(request, prefixes)
        ancestors = [copy.copy(page) for page in chain[:-1]]  # (the snapshot's are shared)
        last = chain[-1]
        if last is not None and last.path.startswith(self.path):
            last_class = last.specific_class
            queryset = last_class.objects.filter(pk=last.pk) if last_class else None
            # Structural too: read once per snapshot version, as the map is.
            return self._route_to(
                request, ancestors, queryset, last_class, cache_as=f"route-page:{last.pk}"
            )
        # Not structural: one of the other types its parent allows, most likely the first
        # (a column's articles), tried first; the others through the pages' own rows.
        parent = chain[-2] if len(chain) > 1 else self
        allowed = [
            model
            for model in (parent.specific_class or Page).allowed_subpage_models()
            if not getattr(model, "structural", False)
        ]
        if allowed:
            queryset = allowed[0].objects.filter(
                url_path=prefixes[-1], path__startswith=parent.path
            )
            page = self._route_to(request, ancestors, queryset, allowed[0])
            if page is not None or len(allowed) == 1:
                return page
        return self._route_by_query(request, prefixes)

    def _route_by_query(self, request, prefixes):
        """The pages on the way read by url_path, then the last one's specific row."""
        found = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
        }
        if len(found) != len(prefixes):
            return None
        chain = [found[prefix] for prefix in prefixes]
        last_class = chain[-1].specific_class
        queryset = last_class.objects.filter(pk=chain[-1].pk) if last_class else None
        return self._route_to(request, chain[:-1], queryset, last_class)

    def _route_to(self, request, ancestors, queryset, last_class, cache_as=None):
        """The page `queryset` finds, routed through `ancestors`; with `cache_as`, kept with
        the network snapshot under that name (a structural page: any change to a page
        bumps the snapshot) and copied for this request (the process's requests share it)."""
        if last_class is None or any(
            cls is None or issubclass(cls, RoutablePageMixin)
            for cls in (page.specific_class for page in ancestors)
        ):
            return None
        if any(not page.live for page in ancestors):
            raise Http404
        if any(f.name == "lead_image" for f in last_class._meta.get_fields()):
            queryset = queryset.select_related("lead_image")
        if cache_as is None:
            page = queryset.first()
        else:  # (in this process only: one query reloads it; see cached)
            page = copy.copy(cached(cache_as, queryset.first, shared=False))
        if page is not None:
            request._route_chain = [self, *ancestors]
        return page

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        """Wagtail's list of every site's root (for page URLs), from the network snapshot
        (pagecache.snapshot: kept in memory under the version every site or page change bumps)
        rather than from the shared cache alone: without it (Redis down) Wagtail would
        rebuild it with a query per site for every request."""

        holder = cache_object or kwargs.get("request") or self
        paths = getattr(holder, "_wagtail_cached_site_root_paths", None)
        if paths is None:
            rows = cached("site-root-paths", lambda: [tuple(p) for p in Site.get_site_root_paths()])
            paths = holder._wagtail_cached_site_root_paths = [SiteRootPath(*p) for p in rows]
        return paths

    def _get_relevant_site_root_paths(self, cache_object=None):
        """Wagtail's: the roots of the sites this page is under, in the same order, looked up
        in a dict at each of the page's few ancestors' url_paths instead of tested one site
        after another (every link to a page asks: a listing cost more with each union)."""
        paths = self._get_site_root_paths(cache_object)
        holder = cache_object or self
        index = getattr(holder, "_site_root_path_index", None)
        if index is None or index[0] is not paths:
            by_root = {}
            for position, root in enumerate(paths):
                by_root.setdefault(root.root_path, []).append((position, root))
            index = holder._site_root_path_index = (paths, by_root)
        by_root, url_path, found = index[1], self.url_path, []
        end = url_path.find("/")
        while end != -1:  # "/", "/home/", "/home/column/", …: where a root's url_path can end
            found.extend(by_root.get(url_path[: end + 1], ()))
            end = url_path.find("/", end + 1)
        return tuple(root for _, root in sorted(found, key=lambda item: item[0]))

    def get_view_restrictions(self):
        """Wagtail checks this on every page served (two queries). Most pages have no
        restriction on themselves, their ancestors or the pages these are aliases of: the
        network snapshot (pagecache.snapshot.view_restriction_map) says so without a query."""

        restricted = view_restriction_map()
        step = tree.TREE_STEP
        for end in range(step, len(self.path) + 1, step):
            path = self.path[:end]
            target = self.alias_of_id if path == self.path else restricted["aliases"].get(path)
            if (target in restricted["ids"]) if target else (path in restricted["paths"]):
                return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def get_meta_description(self):
        return self.search_description or getattr(self, "intro", "") or ""

    def page_network(self, request):
        """The network as this page's language sees it: listings on an English page gather
        English pages only (sites.network.Network.in_locale)."""
        return get_network(request).in_locale(self.locale_id)

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["identity"] = identity = site_identity(request, self)
        context["share"] = share_meta(self, request, identity)
        context["languages"] = languages = language_links(self, request)
        # hreflang alternates: only pages that exist in more than one language.
        exact = [language for language in languages if language.exact]
        context["alternates"] = exact if len(exact) > 1 else []
        # A page in another language than the network's own (an English edition): its empty
        # listings say that nothing is translated yet rather than that nothing exists.
        context["is_translation"] = locale_codes().get(self.locale_id) not in (
            None,
            settings.LANGUAGE_CODE,
        )
        return context

    def breadcrumbs(self, request):
        """The page's ancestors from its site's home page (in the page's language) down, in one
        query (for "Đường dẫn")."""

        site = self.page_network(request).site_for_path(self.path)
        chain = getattr(request, "_route_chain", None)
        if chain and chain[-1].path == tree.parent_path(self.path):
            # The pages routing went through (home/mixins.py route): no query.
            root = site.root_path if site is not None else None
            return [
                page for page in chain if (page.path.startswith(root) if root else page.depth > 1)
            ]
        ancestors = self.get_ancestors()
        if site is not None:
            ancestors = ancestors.filter(path__startswith=site.root_path)
        else:
            ancestors = ancestors.filter(depth__gt=1)
        return list(ancestors.select_related("locale"))


class LeadImageMixin(models.Model):
    lead_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hiện ở đầu bài, trong danh sách tin và khi chia sẻ lên mạng xã hội."),
    )

    lead_image_caption = models.CharField(
        _("chú thích ảnh trong bài này"),
        max_length=300,
        blank=True,
        help_text=_("Để trống để dùng chú thích lưu cùng ảnh."),
    )
    lead_image_credit = models.CharField(
        _("tác giả ảnh trong bài này"),
        max_length=120,
        blank=True,
        help_text=_("Để trống để dùng tác giả, nguồn lưu cùng ảnh."),
    )

    lead_image_panels = [
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
            ],
            heading=_("Ảnh đại diện"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def lead_caption(self):
        """The caption under the lead image: this page's own, or the one stored with the image
        (written in the network's language: not on a page in another language, whose
        translator could not translate it)."""
        image = self.lead_image
        if self.lead_image_caption or not image:
            return self.lead_image_caption
        if locale_codes().get(self.locale_id) not in (None, settings.LANGUAGE_CODE):
            return ""
        return getattr(image, "caption", "")

    @property
    def lead_credit(self):
        image = self.lead_image
        return self.lead_image_credit or (getattr(image, "credit", "") if image else "")
