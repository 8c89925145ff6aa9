"""Vietnamese all the way: the admin pages each role opens in its own flow show no English,
outside an allow-list of proper nouns and technical names. Visible text, placeholders,
tooltips and labels read aloud (aria-label) all count, in the tabs, menus and dialogs not
open yet too; scripts, styles and icons do not."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from blog.factories import ArticlePageFactory
from centre.factories import DepartmentFactory
from centre.services import ensure_network_admins_group
from tests.forms import article_form
from tests.reports.conftest import make_template

pytestmark = pytest.mark.django_db

# English words an admin page must not show. Words that are also Vietnamese syllables
# written without marks ("an", "to", "in", "do", "con", "ban", "tin", "hay", "no") are left
# out: they cannot tell the two languages apart.
ENGLISH = {
    "the", "and", "or", "of", "with", "for", "from", "your", "you", "are", "is", "this",
    "that", "these", "those", "there", "here", "what", "which", "who", "when", "where",
    "why", "how", "all", "any", "none", "some", "more", "less", "other", "new", "old",
    "add", "edit", "delete", "remove", "save", "cancel", "close", "open", "back", "next",
    "previous", "page", "pages", "item", "items", "image", "images", "document",
    "documents", "file", "files", "title", "date", "time", "status", "live", "draft",
    "published", "unpublished", "publish", "search", "filter", "filters", "sort", "order",
    "by", "choose", "chosen", "select", "selected", "upload", "uploads", "uploaded", "view",
    "preview", "history", "settings", "setting", "help", "user", "users", "group", "groups",
    "account", "password", "username", "email", "name", "first", "last", "required",
    "field", "fields", "list", "comma", "separated", "tags", "tag", "locale", "root",
    "home", "create", "created", "update", "updated", "owner", "submit", "submitted",
    "moderation", "workflow", "workflows", "task", "tasks", "approve", "approved", "reject",
    "rejected", "comment", "comments", "report", "reports", "yes", "copy", "move", "lock",
    "locked", "unlock", "unlocked", "privacy", "private", "public", "site", "sites",
    "collection", "collections", "language", "show", "hide", "actions", "action",
    "loading", "error", "errors", "warning", "success", "info", "not", "found", "unknown",
    "never", "ago", "minutes", "hours", "days", "today", "yesterday", "week", "month",
    "year", "results", "result", "showing", "per",
}  # fmt: skip
# Proper nouns, product and technical names an admin page may carry as they are.
ALLOWED = {
    "Wagtail", "Django", "Facebook", "Zalo", "Excel", "Word", "CSV", "XLSX", "DOCX",
    "PDF", "RSS", "URL", "ID", "SVG", "PNG", "JPEG", "WebP", "GIF", "HTML", "OA", "Email",
    "email",  # as Vietnamese writes it too ("địa chỉ email")
}  # fmt: skip
TIME_ZONE = re.compile(r"^[A-Z][A-Za-z_\-]+(/[A-Za-z0-9_+\-]+)+$")
SKIPPED_TAGS = {"script", "style", "template", "svg", "noscript"}
SPOKEN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


class ShownText(HTMLParser):
    """What a reader sees or hears of a page."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.parts = []

    def hidden(self):
        return any(tag in SKIPPED_TAGS or hidden for tag, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Hidden inputs carry no text; a `hidden` element (a tab not chosen yet, a closed
        # dropdown, a dialog) is shown as soon as the user clicks: it counts.
        hidden = attrs.get("type") == "hidden" or "data-side-panel-toggle-counter" in attrs
        # (the side panel's counter is a number the script writes in)
        if not self.hidden() and not hidden:
            self.parts.extend(attrs[a] for a in SPOKEN_ATTRIBUTES if attrs.get(a))
        if tag not in self.VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.hidden() and data.strip():
            self.parts.append(data)


def english_in(html):
    parser = ShownText()
    parser.feed(html)
    found = set()
    for part in parser.parts:
        if TIME_ZONE.match(part.strip()):  # "Asia/Ho_Chi_Minh": names, not language
            continue
        for word in re.findall(r"[A-Za-z][A-Za-z'’]+", part):
            if word in ALLOWED:
                continue
            if word.lower() in ENGLISH:
                found.add((word, " ".join(part.split())[:80]))
    return found


def user(name, *groups):
    account = get_user_model().objects.create_user(name, f"{name}@example.vn", "x")
    account.groups.add(*groups)
    return account


@pytest.fixture
def flows(network):
    make_template(network.campaign)
    own = network.columns["tu-phap"]
    # Content in Vietnamese too (the factory's image is called "An image").
    article = ArticlePageFactory(parent=own, title="Bài của Tư pháp", lead_image__title="Ảnh")
    central_article = ArticlePageFactory(
        parent=network.columns["trung-uong"], title="Bài TW", lead_image__title="Ảnh"
    )
    department = DepartmentFactory(slug="ban-cs")
    writing = [
        reverse("wagtailadmin_home"),
        reverse("editor_guide"),
        reverse("wagtailadmin_explore", args=(own.pk,)),
        reverse("wagtailadmin_pages:add", args=("blog", "articlepage", own.pk)),
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        reverse("wagtailadmin_pages:history", args=(article.pk,)),
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtailsnippetchoosers_blog_campaign:choose"),
        reverse("wagtailadmin_account"),
        # An article sent without its title: the form again, with its errors.
        (
            reverse("wagtailadmin_pages:add", args=("blog", "articlepage", own.pk)),
            article_form("", **{"action-submit": "submit"}),
        ),
    ]
    approving = writing + [
        reverse("campaign_reports:index"),
        reverse("campaign_reports:report", args=(network.campaign.pk, network.a.pk)),
        reverse("wagtailsettings:edit", args=("sites", "sitebranding", network.a.site.pk)),
        reverse("feature_propose", args=(article.pk,)),
    ]
    central = network.columns["trung-uong"]
    centre = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=(central.pk,)),
        reverse("wagtailadmin_pages:edit", args=(central_article.pk,)),
        reverse("union_pages:index"),
        reverse("campaign_reports:index"),
        reverse("campaign_reports:dashboard", args=(network.campaign.pk,)),
        reverse("campaign_reports:report", args=(network.campaign.pk, network.a.pk)),
        reverse("wagtailsnippets_blog_campaign:list"),
        reverse("wagtailsnippets_blog_campaign:edit", args=(network.campaign.pk,)),
        reverse("wagtailsnippets_blog_column:list"),
    ]
    network_admin = [
        reverse("wagtailadmin_home"),
        reverse("union_admin:index"),
        reverse("union_admin:add"),
        reverse("union_admin:edit", args=(network.a.pk,)),
        reverse("department_admin:index"),
        reverse("department_admin:add"),
        reverse("department_admin:edit", args=(department.pk,)),
    ]
    # Forms sent back with errors: Django's own messages (passwords, e-mail addresses).
    weak = {"editor_username": "bt.moi", "editor_password": "123", "editor_email": "khong-hop-le"}
    network_admin_posts = [
        (reverse("union_admin:add"), {"name": "", "hostname": "x y", **weak}),
        (reverse("department_admin:add"), {"name": "", "short_name": "", **weak}),
    ]
    department_writing = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=(central.pk,)),
        reverse("wagtailadmin_pages:add", args=("blog", "articlepage", central.pk)),
        reverse("wagtailimages:index"),
        reverse("wagtailadmin_choose_page"),
    ]
    return {
        "editor": (user("bt", network.a.editors_group), writing),
        "approver": (user("dt", network.a.approvers_group), approving),
        "centre": (user("tg", network.central.approvers_group), centre),
        "network admin": (
            user("qt", ensure_network_admins_group()),
            network_admin + network_admin_posts,
        ),
        "department editor": (user("ban", department.editors_group), department_writing),
    }


@pytest.mark.parametrize(
    "role", ["editor", "approver", "centre", "network admin", "department editor"]
)
def test_each_roles_admin_pages_are_in_vietnamese(client, flows, role):
    account, urls = flows[role]
    client.force_login(account)
    english = {}
    for url in urls:
        url, data = url if isinstance(url, tuple) else (url, None)
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == 200, (url, response.status_code)
        html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):  # a chooser's modal step
            html = response.json().get("html", "")
        found = english_in(html)
        if found:
            english[url] = sorted(found)
    assert not english, "\n".join(
        f"{url}: {word} «{text}»" for url, words in english.items() for word, text in words
    )


def test_the_check_finds_english():
    html = (
        '<main><p>Trang chủ</p><input placeholder="Search"><input type="hidden" value="Save">'
        '<section hidden><div class="help">A comma-separated list of tags.</div></section>'
        "<script>var page = 1;</script><svg><title>Close</title></svg></main>"
    )
    assert {word for word, _text in english_in(html)} == {
        "Search", "comma", "separated", "list", "of", "tags"
    }  # fmt: skip
