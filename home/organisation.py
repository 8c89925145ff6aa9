"""The centre's page about the organisation (Giới thiệu / About us): its functions, leadership
and departments (edited as blocks), then what the network knows already: the centre's
contacts (its site's branding) and every subordinate union, named in the page's language,
with a link to its site in that language where it has one and its contacts.

The unions come from the network snapshot; their contacts and the addresses of their
English homes take one query each, however many unions there are.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from pagecache.snapshot import locale_codes
from sites.models import SiteBranding
from sites.network import ENGLISH, get_network
from sites.pages import BasePage, IntroMixin

from .blocks import OrganisationBlock


@dataclass
class MemberUnion:
    name: str
    short_name: str
    url: str
    address: str
    phone: str
    email: str


class OrganisationPage(IntroMixin, BasePage):
    """Giới thiệu: structure, contacts and the subordinate unions, as government portals
    provide; on the central site, in Vietnamese and (translated) in English."""

    body = StreamField(OrganisationBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = BasePage.content_panels + IntroMixin.intro_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.CentralHomePage"]
    subpage_types = []
    show_in_menus_default = True

    class Meta:
        verbose_name = _("trang giới thiệu tổ chức")
        verbose_name_plural = _("trang giới thiệu tổ chức")

    def search_text_parts(self):
        return [
            *super().search_text_parts(),
            *self.body.stream_block.get_searchable_content(self.body),
        ]

    def member_unions(self, request):
        """Every active subordinate union: its name in the page's language, its site (its
        home in that language where it has one), its contacts."""
        network = get_network(request)
        english = locale_codes().get(self.locale_id) == ENGLISH
        unions = network.unions
        if not unions:
            return []
        # Its home in the page's language, else its own (Vietnamese) home.
        homes = {
            site.site_id: next(
                (pk for locale, _path, pk in site.homes if locale == self.locale_id),
                site.root_page_id,
            )
            for site in unions
        }
        urls = {
            page.pk: page.get_url(request) for page in Page.objects.filter(pk__in=homes.values())
        }
        contacts = {
            b.site_id: b
            for b in SiteBranding.objects.filter(site_id__in=[u.site_id for u in unions]).only(
                "site_id", "address", "phone", "contact_email"
            )
        }
        members = []
        for union in unions:
            branding = contacts.get(union.site_id)
            members.append(
                MemberUnion(
                    name=(english and union.name_en) or union.name,
                    short_name=(english and union.short_name_en) or union.short_name,
                    url=urls.get(homes[union.site_id]),
                    address=branding.address if branding else "",
                    phone=branding.phone if branding else "",
                    email=branding.contact_email if branding else "",
                )
            )
        return sorted(members, key=lambda m: m.name.lower())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["members"] = self.member_unions(request)
        context["breadcrumbs"] = self.breadcrumbs(request)
        return context
