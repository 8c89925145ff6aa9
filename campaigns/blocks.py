"""StreamField blocks of the campaign hub: the look back over the years (a timeline and key
figures across years), for reviews such as "10 năm Tết Sum vầy"."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from reports.charts import bar_chart


class TimelineEntryBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label=_("năm"), min_value=1900, max_value=2100)
    title = blocks.CharBlock(label=_("tiêu đề"), max_length=200)
    figure = blocks.CharBlock(
        label=_("con số"),
        max_length=80,
        required=False,
        help_text=_("Ví dụ: 9.600 suất quà"),
    )
    text = blocks.TextBlock(label=_("mô tả"), required=False)
    image = ImageChooserBlock(label=_("ảnh"), required=False)

    class Meta:
        label = _("mốc")
        icon = "date"


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tiêu đề"), max_length=120, default=_("Chặng đường"))
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("các mốc"))

    class Meta:
        label = _("dòng thời gian")
        icon = "list-ol"
        template = "campaigns/blocks/timeline.html"


class YearValueBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label=_("năm"), min_value=1900, max_value=2100)
    value = blocks.IntegerBlock(label=_("giá trị"), min_value=0)

    class Meta:
        label = _("số liệu một năm")


class FigureAcrossYearsBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("chỉ tiêu"), max_length=120, help_text=_("Ví dụ: Suất quà"))
    unit = blocks.CharBlock(label=_("đơn vị"), max_length=40, required=False)
    values = blocks.ListBlock(YearValueBlock(), label=_("theo năm"))

    class Meta:
        label = _("con số qua các năm")
        icon = "table"
        template = "campaigns/blocks/figure_across_years.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows = sorted(((str(v["year"]), v["value"]) for v in value["values"]), key=lambda r: r[0])
        context["chart"] = bar_chart(value["label"], rows)
        context["total"] = sum(v for _year, v in rows)
        return context


class ReviewBlock(blocks.StreamBlock):
    timeline = TimelineBlock()
    figures = FigureAcrossYearsBlock()
