"""Blocks of the centre's page about the organisation (home.organisation.OrganisationPage):
what government portals show under "Giới thiệu": functions and duties, the leadership and
the departments, each with how to reach them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tiêu đề"), max_length=120)
    text = blocks.RichTextBlock(
        label=_("nội dung"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "doc-full"
        label = _("Mục giới thiệu")
        template = "home/blocks/section.html"


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("họ và tên"), max_length=120)
    role = blocks.CharBlock(label=_("chức vụ"), max_length=160)
    duties = blocks.TextBlock(label=_("phụ trách"), required=False, max_length=500)


class LeadershipBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tiêu đề"), max_length=120)
    people = blocks.ListBlock(PersonBlock(), label=_("lãnh đạo"))

    class Meta:
        icon = "group"
        label = _("Lãnh đạo")
        template = "home/blocks/leadership.html"


class UnitBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("tên ban, đơn vị"), max_length=200)
    duties = blocks.TextBlock(label=_("chức năng, nhiệm vụ"), required=False, max_length=800)
    phone = blocks.CharBlock(label=_("điện thoại"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("thư điện tử"), required=False)


class StructureBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tiêu đề"), max_length=120)
    units = blocks.ListBlock(UnitBlock(), label=_("các ban, đơn vị"))

    class Meta:
        icon = "list-ul"
        label = _("Cơ cấu tổ chức")
        template = "home/blocks/structure.html"


class OrganisationBlock(blocks.StreamBlock):
    section = SectionBlock()
    leadership = LeadershipBlock()
    structure = StructureBlock()
