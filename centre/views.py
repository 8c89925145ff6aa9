"""The central department's desk for union pages: browse every union's live pages and take
one down (unpublish), with a reason e-mailed to the union's approvers.

The department holds no Wagtail page permission on union sites (see
``centre.services._grant_central_department``), so Wagtail's explorer shows it only the
central site; this listing is its window on the rest of the network.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from blog.models import ArticlePage
from centre.services import can_take_down, take_down_page
from core.text import search_terms
from home import proposals
from home.models import FeatureProposal
from sites.network import get_network
from sites.permissions import paths_q
from sitesearch.models import SearchEntry

PER_PAGE = 30


class TakeDownForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do (gửi cho người duyệt bài của công đoàn)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _require(request):
    if not request.user.has_perm("sites.take_down_page"):
        raise PermissionDenied


def union_pages(request):
    _require(request)
    network = get_network(request)
    unions = [s for s in network.sites if not s.is_central]
    chosen = network.by_slug.get(request.GET.get("union", ""))
    scope = [chosen] if chosen is not None and not chosen.is_central else unions
    pages = (
        Page.objects.live()
        .filter(paths_q([s.root_path for s in scope]))
        .exclude(depth__lte=2)
        .order_by("-last_published_at", "-pk")
        .only("id", "title", "path", "depth", "url_path", "last_published_at", "live")
    )
    query = request.GET.get("q", "").strip()[:200]
    words = search_terms(query).split()
    if words:
        # Titles folded like the public search: "tet" finds "Tết", "dong bao" "đồng bào".
        entries = SearchEntry.objects.all()
        for word in words:
            entries = entries.filter(title__contains=f" {word} ")
        pages = pages.filter(pk__in=entries.values("page_id"))
    paginator = Paginator(pages, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("p"))
    rows = [
        (page, network.site_for_path(page.path), page.get_url(request=request)) for page in page_obj
    ]
    return TemplateResponse(
        request,
        "centre/union_pages.html",
        {
            "rows": rows,
            "page_obj": page_obj,
            "unions": unions,
            "chosen": chosen,
            "query": query,
        },
    )


def take_down(request, page_id):
    _require(request)
    page = get_object_or_404(Page, pk=page_id)
    if not can_take_down(request.user, page):
        raise PermissionDenied
    form = TakeDownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        take_down_page(page, request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("Đã gỡ “%(title)s”; người duyệt bài của công đoàn đã được báo qua e-mail.")
            % {"title": page.title},
        )
        return redirect("union_pages:index")
    return TemplateResponse(
        request,
        "centre/take_down.html",
        {
            "page": page,
            "site": get_network(request).site_for_path(page.path),
            "url": page.get_url(request=request),
            "form": form,
        },
    )


def editor_guide(request):
    """The editors' guide, in Vietnamese, for everyone who works in the admin."""
    return TemplateResponse(request, "centre/editor_guide.html", {})


class ProposalForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Vì sao bài nên lên Tiêu điểm"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Viết một dòng vì sao bài nên lên Tiêu điểm.")},
    )


def propose_feature(request, page_id):
    """A union's approver proposes one of its published articles for Tiêu điểm."""
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not proposals.can_propose(request.user, article):
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposals.propose(article, request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Đã gửi đề xuất “%(title)s” lên Ban.") % {"title": article.title}
            )
            return redirect("wagtailadmin_pages:edit", article.pk)
    return TemplateResponse(
        request,
        "centre/propose_feature.html",
        {"article": article, "form": form},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@require_POST
def decide_proposal(request, proposal_id):
    """The central department accepts or declines a proposal in one action (its desk)."""
    if not proposals.can_decide(request.user):
        raise PermissionDenied
    proposal = get_object_or_404(FeatureProposal, pk=proposal_id)
    accept = request.POST.get("decision") == "accept"
    try:
        proposals.decide(proposal, request.user, accept, request.POST.get("answer", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = _("Đã đưa “%(title)s” lên Tiêu điểm.") if accept else _("Đã không chọn “%(title)s”.")
        messages.success(request, done % {"title": proposal.article.title})
    return redirect("wagtailadmin_home")
