"""The same page in the network's other languages: the language switcher and the hreflang
alternates of every public page (English editions made with wagtail-localize).

Which pages exist in several languages comes from the network snapshot (one grouped query
after each change, none per request); a page with no other-language version and a site with
no home in another language cost no query at all.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from pagecache.snapshot import cached, locale_codes

from .network import get_network


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language: "Tiếng Việt", "English"
    url: str
    full_url: str
    current: bool  # the page being shown
    exact: bool  # this page in that language (else that language's home page)
    default: bool  # the network's first language (hreflang x-default)


def _translated_pages():
    """{translation key: {locale id: page id}} of the live, real (not alias) pages that exist
    in more than one language."""
    pages = Page.objects.live().filter(alias_of__isnull=True)
    shared = (
        pages.values("translation_key")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values("translation_key")
    )
    versions = {}
    for key, locale_id, pk in pages.filter(translation_key__in=shared).values_list(
        "translation_key", "locale_id", "pk"
    ):
        versions.setdefault(str(key), {})[locale_id] = pk
    return versions


def language_links(page, request):
    """[LanguageLink] for every content language with somewhere to go: the page itself in that
    language, else the home page in that language of the page's site (or of the central site).
    Empty when there is no other language to offer."""
    versions = cached("translated-pages", _translated_pages, request)
    if not versions:
        return []
    codes = locale_codes()
    network = get_network(request)
    site = network.site_for_path(page.path)

    def by_code(key):
        return {codes.get(locale_id): pk for locale_id, pk in versions.get(key, {}).items()}

    own = by_code(str(page.translation_key))
    homes = [by_code(s.home_key) for s in (site, network.central) if s is not None]
    targets = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code in own:
            targets[code] = (own[code], True)
        elif code == codes.get(page.locale_id):
            targets[code] = (page.pk, True)
        else:
            home = next((h[code] for h in homes if code in h), None)
            if home is not None:
                targets[code] = (home, False)
    if len(targets) < 2:
        return []
    wanted = tuple(sorted({pk for pk, _ in targets.values() if pk != page.pk}))
    # Pages of several languages only, so a few keys: read once per change, not per request.
    others = cached(
        f"language-pages:{','.join(map(str, wanted))}",
        lambda: list(Page.objects.filter(pk__in=wanted)),
    )
    pages = {p.pk: p for p in others} | {page.pk: page}
    names = dict(settings.LANGUAGES)
    links = []
    for code, (pk, exact) in targets.items():
        target = pages.get(pk)
        url = target.get_url(request) if target is not None else None
        if not url:
            continue
        links.append(
            LanguageLink(
                code=code,
                name=names.get(code, code),
                url=url,
                full_url=request.build_absolute_uri(url) if url.startswith("/") else url,
                current=pk == page.pk,
                exact=exact,
                default=code == settings.LANGUAGE_CODE,
            )
        )
    return links if len(links) > 1 else []


def site_languages(site):
    """The codes of the languages `site` (a NetworkSite) has a home page in, in the network's
    order of languages."""
    codes = locale_codes()
    own = {codes.get(locale_id) for locale_id, *_rest in site.homes}
    return [code for code, _name in settings.LANGUAGES if code in own]


def view_language_links(request, site, url_name):
    """[LanguageLink] for a view served in every language (the search): the same view with the
    same query in each language `site` has a home in; empty when it has only one."""
    available = site_languages(site)
    if len(available) < 2:
        return []
    names = dict(settings.LANGUAGES)
    query = request.GET.urlencode()
    active = translation.get_language()
    links = []
    for code in available:
        with translation.override(code):
            url = reverse(url_name)
        if query:
            url = f"{url}?{query}"
        links.append(
            LanguageLink(
                code=code,
                name=names.get(code, code),
                url=url,
                full_url=request.build_absolute_uri(url),
                current=code == active,
                exact=True,
                default=code == settings.LANGUAGE_CODE,
            )
        )
    return links
