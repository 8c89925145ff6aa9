"""The copy-for-next-year form: the new edition's name, address, period and report deadline,
proposed by campaigns.services.next_edition_values and chosen by the centre before the copy."""

from django import forms
from django.utils.translation import gettext_lazy as _

from blog.models import Campaign
from core.text import slugify_vi
from core.widgets import TypedDateInput


class CampaignCopyForm(forms.Form):
    name = forms.CharField(
        label=_("Tên chương trình năm sau"),
        max_length=255,
        error_messages={"required": _("Nhập tên chương trình.")},
    )
    slug = forms.CharField(
        label=_("Đường dẫn"),
        max_length=80,
        error_messages={"required": _("Nhập đường dẫn bằng chữ không dấu.")},
        help_text=_("Chữ thường không dấu, số, gạch ngang; dùng cho địa chỉ chuyên trang."),
    )
    start_date = forms.DateField(label=_("Bắt đầu"), widget=TypedDateInput)
    end_date = forms.DateField(label=_("Kết thúc"), widget=TypedDateInput)
    deadline = forms.DateField(
        label=_("Hạn gửi báo cáo kết quả"), widget=TypedDateInput, required=False
    )

    def __init__(self, *args, campaign, has_report=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        if has_report:
            self.fields["deadline"].required = True
        else:
            del self.fields["deadline"]

    def clean_slug(self):
        slug = slugify_vi(self.cleaned_data["slug"])[:80]
        if not slug:
            raise forms.ValidationError(_("Nhập đường dẫn bằng chữ không dấu."))
        if Campaign.objects.filter(locale_id=self.campaign.locale_id, slug=slug).exists():
            raise forms.ValidationError(
                _("Đường dẫn “%(slug)s” đã có chương trình dùng.") % {"slug": slug}
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Ngày kết thúc phải sau ngày bắt đầu."))
        deadline = cleaned.get("deadline")
        if deadline and end and deadline < end:
            self.add_error("deadline", _("Hạn báo cáo phải sau khi chương trình kết thúc."))
        return cleaned
