"""The report form, built from the campaign's figure list, and the centre's review form."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .charts import number
from .models import FigureUnit

GROUPED_DIGITS = re.compile(r"^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$")


class FigureField(forms.IntegerField):
    """A non-negative whole number; accepts Vietnamese digit grouping ("1.500.000")."""

    default_error_messages = {
        "invalid": _("Nhập một số nguyên (chỉ gồm chữ số), ví dụ 1500 hoặc 1.500."),
        "min_value": _("Số liệu không được âm."),
        "max_value": _("Số quá lớn: tối đa %(limit_value)s."),
        "required": _("Chỉ tiêu này bắt buộc khi gửi báo cáo."),
    }

    def prepare_value(self, value):
        """Saved figures are shown grouped, as they are read: 336000000 → "336.000.000"."""
        if isinstance(value, int) and not isinstance(value, bool):
            return number(value)
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
            if GROUPED_DIGITS.match(value):
                value = re.sub(r"[.,\s]", "", value)
        return super().to_python(value)


def figure_field_name(figure):
    return f"fig_{figure.key}"


class ReportForm(forms.Form):
    """Figures as whole numbers (required ones only when submitting), narrative, proposals
    and attachments chosen from the union's own collection only."""

    narrative = forms.CharField(
        label=_("Kết quả nổi bật"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Những hoạt động, mô hình, cách làm hay tiêu biểu của công đoàn."),
    )
    proposals = forms.CharField(
        label=_("Đề xuất, kiến nghị"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    images = forms.ModelMultipleChoiceField(
        label=_("Ảnh kèm theo"),
        queryset=get_image_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Chọn trong thư mục ảnh của công đoàn."),
    )
    documents = forms.ModelMultipleChoiceField(
        label=_("Tệp kèm theo"),
        queryset=get_document_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Chọn trong thư mục tài liệu của công đoàn."),
    )

    def __init__(self, *args, template, union, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        self.figures = list(template.figures.all())
        fields = {}
        for figure in self.figures:
            unit = "đồng" if figure.unit == FigureUnit.VND else figure.unit_label
            fields[figure_field_name(figure)] = FigureField(
                label=f"{figure.label} ({unit})" if unit else figure.label,
                min_value=0,
                max_value=figure.max_value,
                required=submitting and figure.required,
                help_text=figure.help_text,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            )
        # Figures first, then the text and the attachments.
        self.fields = {**fields, **self.fields}
        self.fields["images"].queryset = (
            get_image_model().objects.filter(collection=union.collection).order_by("-created_at")
        )
        self.fields["documents"].queryset = (
            get_document_model().objects.filter(collection=union.collection).order_by("-created_at")
        )

    @classmethod
    def initial_for(cls, report):
        if report is None:
            return {}
        initial = {f"fig_{k}": v for k, v in report.values.items()}
        initial.update(
            narrative=report.narrative,
            proposals=report.proposals,
            images=list(report.images.all()),
            documents=list(report.documents.all()),
        )
        return initial

    def figure_fields(self):
        return [self[figure_field_name(f)] for f in self.figures]

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "values": {
                f.key: data[figure_field_name(f)]
                for f in self.figures
                if data.get(figure_field_name(f)) is not None
            },
            "narrative": data["narrative"].strip(),
            "proposals": data["proposals"].strip(),
            "images": list(data["images"]),
            "documents": list(data["documents"]),
        }

    def add_service_errors(self, error):
        if hasattr(error, "error_dict"):
            for key, errors in error.error_dict.items():
                name = f"fig_{key}" if f"fig_{key}" in self.fields else None
                for e in errors:
                    self.add_error(name, e)
        else:
            for message in error.messages:
                self.add_error(None, message)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Duyệt")), ("return", _("Trả lại"))], widget=forms.HiddenInput
    )
    comment = forms.CharField(
        label=_("Ý kiến của Ban Tuyên giáo - Nữ công"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi trả lại báo cáo."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            raise ValidationError({"comment": _("Nhập ý kiến để công đoàn biết cần bổ sung gì.")})
        return data
