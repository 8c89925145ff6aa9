"""Which images and documents a user may put in what they edit.

The rule is Wagtail's own collection permission "choose", the one its image and document
choosers follow: a union's editors and approvers may use their union's collection and the
central union's shared one, the central department the central collection, superusers any.
Nobody else's files, whatever id a form sends.

Every form that stores a reference to an image or document uses ``FileAccessFormMixin``:
every page type's form (``sites.pages.FoldedSlugPageForm``) and the site branding settings
(``FileAccessModelForm``). It checks foreign keys, many-to-many fields, the choosers inside
StreamField blocks (images, galleries, documents) and rich-text document links and images,
in the form and in its inline panels. A refused reference is a Vietnamese error on its
field (on the very block of a StreamField), and it is blanked in the redisplayed form, so
the editor never sees another union's picture, title or file there; the form is invalid,
so nothing is saved and no revision is made, and the preview refuses it too.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText, extract_references_from_rich_text
from wagtail.rich_text.rewriters import extract_attrs

IMAGE_REFUSED = _("Ảnh này thuộc thư viện của đơn vị khác, bạn không được dùng.")
DOCUMENT_REFUSED = _("Tài liệu này thuộc thư viện của đơn vị khác, bạn không được dùng.")
IMAGE_OR_DOCUMENT_REFUSED = _(
    "Nội dung có ảnh hoặc tài liệu thuộc thư viện của đơn vị khác, bạn không được dùng."
)
RICH_TEXT_REFUSED = _(
    "Đoạn văn có liên kết tới tài liệu (hoặc ảnh) thuộc thư viện của đơn vị khác, bạn không "
    "được dùng; liên kết đó đã được gỡ, hãy kiểm tra lại rồi lưu."
)

LINK = re.compile(r"<a(\b[^>]*)>(.*?)</a>", re.DOTALL)
EMBED = re.compile(r"<embed(\b[^>]*)/>")


def _file_models():

    return get_image_model(), get_document_model()


def choosable_collection_ids(user, model):
    """Ids of the collections whose images (or documents) `user` may choose (cached on the
    user object for the request)."""

    cache = user.__dict__.setdefault("_choosable_collections", {})
    if model not in cache:
        policy = policy_registry.get_by_type(model)
        cache[model] = set(
            policy.collections_user_has_any_permission_for(user, ["choose"]).values_list(
                "pk", flat=True
            )
        )
    return cache[model]


class References:
    """The image and document ids a form's values refer to, and which of them `user` may not
    use (``refused[model]``, a set of ids as strings)."""

    def __init__(self):
        self.ids = {model: set() for model in _file_models()}
        self.refused = {model: set() for model in _file_models()}

    def add(self, model, pk):
        for known in self.ids:
            if issubclass(model, known) and pk not in (None, ""):
                self.ids[known].add(str(pk))

    def collect(self, value):
        """Every reference in a cleaned value: a model instance, a queryset or list of them,
        a StreamField value (any nesting of blocks) or rich text."""
        if isinstance(value, models.Model):
            self.add(type(value), value.pk)
        elif isinstance(value, RichText):
            self.collect_rich_text(value.source)
        elif isinstance(value, blocks.StreamValue):
            for child in value:
                self.collect(child.value)
        elif isinstance(value, blocks.StructValue | dict):
            for item in value.values():
                self.collect(item)
        elif isinstance(value, blocks.list_block.ListValue | models.QuerySet | list | tuple):
            for item in value:
                self.collect(item)

    def collect_rich_text(self, html):
        for model, pk, *_rest in extract_references_from_rich_text(html or ""):
            if isinstance(model, type):
                self.add(model, pk)

    def resolve(self, user):
        for model, ids in self.ids.items():
            numeric = [pk for pk in ids if pk.isdigit()]
            if numeric:
                allowed = choosable_collection_ids(user, model)
                refused = model.objects.filter(pk__in=numeric).exclude(collection_id__in=allowed)
                self.refused[model] = {str(pk) for pk in refused.values_list("pk", flat=True)}
        return any(self.refused.values())

    def is_refused(self, model, pk):
        return any(
            issubclass(model, known) and str(pk) in refused
            for known, refused in self.refused.items()
        )

    def message(self, model):
        image_model, _document_model = _file_models()
        return IMAGE_REFUSED if issubclass(model, image_model) else DOCUMENT_REFUSED

    def strip_rich_text(self, html):
        """`html` (the database format) without the refused document links (their text
        stays) and image embeds, and whether anything was removed."""
        image_model, document_model = _file_models()
        removed = False

        def link(match):
            nonlocal removed
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") == "document" and self.is_refused(
                document_model, attrs.get("id")
            ):
                removed = True
                return match.group(2)
            return match.group(0)

        def embed(match):
            nonlocal removed
            attrs = extract_attrs(match.group(1))
            if attrs.get("embedtype") == "image" and self.is_refused(image_model, attrs.get("id")):
                removed = True
                return ""
            return match.group(0)

        html = EMBED.sub(embed, LINK.sub(link, html or ""))
        return html, removed


def _check_block(block, data, prefix, refs):
    """The error for the refused references in the value of `block` posted under `prefix`
    (shaped like the block's own errors, so the admin shows it on the block), or None.
    Refused references are blanked in `data`. Mirrors the blocks' value_from_datadict."""
    if isinstance(block, blocks.StreamBlock | blocks.ListBlock):
        children = []
        for i in range(int(data.get(f"{prefix}-count") or 0)):
            if data.get(f"{prefix}-{i}-deleted"):
                continue
            if isinstance(block, blocks.StreamBlock):
                child = block.child_blocks.get(data.get(f"{prefix}-{i}-type"))
                if child is None:
                    continue
            else:
                child = block.child_block
            children.append((int(data.get(f"{prefix}-{i}-order") or 0), i, child))
        children.sort(key=lambda item: item[:2])
        errors = {}
        for position, (_order, i, child) in enumerate(children):
            error = _check_block(child, data, f"{prefix}-{i}-value", refs)
            if error is not None:
                errors[position] = error
        if not errors:
            return None
        if isinstance(block, blocks.StreamBlock):
            return StreamBlockValidationError(block_errors=errors)
        return ListBlockValidationError(block_errors=errors)
    if isinstance(block, blocks.StructBlock):
        errors = {}
        for name, child in block.child_blocks.items():
            error = _check_block(child, data, f"{prefix}-{name}", refs)
            if error is not None:
                errors[name] = error
        return StructBlockValidationError(block_errors=errors) if errors else None
    if isinstance(block, blocks.ChooserBlock):
        model = block.model_class
        if refs.is_refused(model, data.get(prefix)):
            data[prefix] = ""
            return ValidationError(refs.message(model))
        return None
    if isinstance(block, blocks.RichTextBlock):
        value = block.value_from_datadict(data, {}, prefix)
        html, removed = refs.strip_rich_text(value.source)
        if removed:
            data[prefix] = block.field.widget.format_value(html)
            return ValidationError(RICH_TEXT_REFUSED)
    return None


def _mutable_data(form):
    """The form's data as a mutable copy shared with its inline formsets and their forms,
    made once, so that refused references can be blanked before the form is shown again."""
    root = form
    while getattr(root, "_file_access_parent", None) is not None:
        root = root._file_access_parent
    if not getattr(root, "_file_access_data_copied", False):
        data = root.data.copy()
        stack = [root]
        while stack:
            current = stack.pop()
            current.data = data
            for formset in getattr(current, "formsets", {}).values():
                formset.data = data
                stack.extend(formset.forms)
        root._file_access_data_copied = True
    return root.data


def check_form_files(form, user, parent=None):
    """Add an error to every field of `form` whose value uses a file `user` may not choose;
    True if there was any."""
    form._file_access_parent = parent
    cleaned = getattr(form, "cleaned_data", None) or {}
    model_fields = {f.name: f for f in form._meta.model._meta.get_fields()}
    refs = References()
    for name, value in cleaned.items():
        if isinstance(model_fields.get(name), RichTextField) and isinstance(value, str):
            refs.collect_rich_text(value)
        else:
            refs.collect(value)
    if not refs.resolve(user):
        return False
    errors = {}
    for name, value in cleaned.items():
        key = form.add_prefix(name)
        field = model_fields.get(name)
        if isinstance(value, models.Model):
            if refs.is_refused(type(value), value.pk):
                _mutable_data(form)[key] = ""
                errors[name] = refs.message(type(value))
        elif isinstance(value, models.QuerySet | list | tuple):
            bad = [
                v for v in value if isinstance(v, models.Model) and refs.is_refused(type(v), v.pk)
            ]
            if bad:
                data = _mutable_data(form)
                if hasattr(data, "setlist"):
                    refused_ids = {str(v.pk) for v in bad}
                    data.setlist(key, [v for v in data.getlist(key) if v not in refused_ids])
                errors[name] = refs.message(type(bad[0]))
        elif isinstance(field, StreamField) and isinstance(value, blocks.StreamValue):
            error = _check_block(value.stream_block, _mutable_data(form), key, refs)
            if error is not None:
                errors[name] = error
        elif isinstance(field, RichTextField) and isinstance(value, str):
            html, removed = refs.strip_rich_text(value)
            if removed:
                _mutable_data(form)[key] = form.fields[name].widget.format_value(html)
                errors[name] = RICH_TEXT_REFUSED
    for name, error in errors.items():
        form.add_error(name if name in form.fields else None, error)
    if not errors:  # found in the values but not placed on a field: refused all the same
        form.add_error(None, IMAGE_OR_DOCUMENT_REFUSED)
    return True


class FileAccessFormMixin:
    """For Wagtail admin model forms (they receive ``for_user``): only images and documents
    the user may choose, in the form and its inline panels. Without a user (a form built by
    code, not by an admin view) nothing is checked."""

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is not None:
            check_form_files(self, self.for_user)
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid()
        if self.for_user is None:
            return valid
        refused = False
        for formset in self.formsets.values():
            for form in formset.forms:
                if formset.can_delete and formset._should_delete_form(form):
                    continue
                refused |= check_form_files(form, self.for_user, parent=self)
        return valid and not refused


class FileAccessModelForm(FileAccessFormMixin, WagtailAdminModelForm):
    """Base form for snippets and settings that hold images or documents."""
