"""English editions, per union, with wagtail-localize's editor: a union's editor translates the
union's own pages (the English home and column come with the first translation, inside that
union's tree only), edits the English draft, and sends it through the union's approval
workflow; nobody of another union can open, list or create translations of those pages."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale, Page, Workflow
from wagtail_localize.models import Translation, TranslationSource

from blog.factories import ArticlePageFactory
from centre.services import set_english_names
from tests.conftest import host
from tests.users import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def article(network):
    return ArticlePageFactory(parent=network.columns["tu-phap"], title="Trao quà Tết cho đoàn viên")


def translate(client, page, english, host_name):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk]},
        HTTP_HOST=host_name,
    )


def tree_outside(union_home):
    """Every page outside the union's own trees (its home and that home's translations)."""
    homes = Page.objects.filter(translation_key=union_home.translation_key, depth=2)
    pages = Page.objects.all()
    for home in homes:
        pages = pages.exclude(path__startswith=home.path)
    return set(pages.values_list("pk", flat=True))


def test_every_union_group_may_submit_translations(network):
    permission = Permission.objects.get(codename="submit_translation")
    for union in (network.central, network.a, network.b):
        for group in (union.editors_group, union.approvers_group):
            assert permission in group.permissions.all(), group


def test_an_editor_translates_an_article_of_the_union_into_english(
    client, network, article, english, django_capture_on_commit_callbacks
):
    editor = member(network.a.editors_group, "bt-dich")
    client.force_login(editor)
    elsewhere = tree_outside(network.a.home_page)
    assert article.live

    with django_capture_on_commit_callbacks(execute=True):
        response = translate(client, article, english, host(network.a))
    assert response.status_code == 302
    translated = article.get_translation(english)
    # A draft to translate, not yet for readers: an editor cannot publish by translating.
    assert not translated.live
    # Its English parents were made inside the union's own tree, and nowhere else.
    english_home = network.a.home_page.get_translation(english)
    assert english_home.depth == 2
    assert translated.path.startswith(english_home.path)
    assert tree_outside(network.a.home_page) == elsewhere

    # The union's people work on the English tree as on the Vietnamese one.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert edit.status_code == 200
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(article), target_locale=english
    )
    assert (
        client.get(reverse("wagtail_localize:stop_translation", args=[translation.pk])).status_code
        != 403
    )
    assert english_home.get_workflow() == network.a.home_page.get_workflow()
    assert isinstance(english_home.get_workflow(), Workflow)


def test_another_union_cannot_translate_or_open_the_english_pages(
    client, network, article, english
):
    owner = member(network.a.editors_group, "bt-a")
    client.force_login(owner)
    translate(client, article, english, host(network.a))
    translated = article.get_translation(english)

    other = member(network.b.approvers_group, "duyet-b")
    client.force_login(other)
    before = Page.objects.count()
    response = translate(client, network.columns["tu-phap"], english, host(network.b))
    assert response.status_code in (403, 404)
    assert Page.objects.count() == before
    for url in (
        reverse("wagtailadmin_pages:edit", args=[translated.pk]),
        reverse("wagtailadmin_explore", args=[translated.get_parent().pk]),
        reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
    ):
        assert client.get(url).status_code in (302, 403, 404), url


def test_syncing_a_changed_page_never_publishes_the_english_one(client, network, article, english):
    editor = member(network.a.approvers_group, "duyet-dich")
    client.force_login(editor)
    translate(client, article, english, host(network.a))
    translated = article.get_translation(english)
    translated.title = "Tet gifts for members"
    translated.save_revision().publish()
    translated.refresh_from_db()
    live_before = translated.live_revision_id
    assert live_before is not None

    article.intro = "Đoạn mở đầu đã sửa sau khi dịch."
    article.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(article)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    source.refresh_from_db()
    assert "Đoạn mở đầu đã sửa" in str(source.get_source_instance().intro)
    translated.refresh_from_db()
    assert translated.live_revision_id == live_before  # nothing published by the sync

    assert translated.specific.title == "Tet gifts for members"
    assert "Đoạn mở đầu đã sửa" not in translated.specific.intro


def test_another_union_cannot_sync_the_translations(client, network, article, english):
    client.force_login(member(network.a.editors_group, "bt-a-sync"))
    translate(client, article, english, host(network.a))
    source = TranslationSource.objects.get_for_instance(article)
    synced_at = source.last_updated_at
    article.intro = "Sửa mà chưa đồng bộ."
    article.save_revision().publish()
    client.force_login(member(network.b.approvers_group, "duyet-b-sync"))
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code in (403, 404)
    source.refresh_from_db()
    assert source.last_updated_at == synced_at


def test_each_union_reports_only_its_own_translations(client, network, article, english):
    """The union's translations report lists its own pages' translations; wagtail-localize's
    report of the whole network stays with the network's readers."""
    b_article = ArticlePageFactory(parent=network.columns["noi-vu"], title="Bài của Nội vụ")
    client.force_login(member(network.a.editors_group, "bt-a-report"))
    translate(client, article, english, host(network.a))
    client.force_login(member(network.b.editors_group, "bt-b-report"))
    translate(client, b_article, english, host(network.b))

    client.force_login(member(network.a.approvers_group, "duyet-a-report"))
    assert client.get(reverse("union_translations_report")).status_code == 200
    results = client.get(reverse("union_translations_report_results")).text
    assert "Trao quà Tết cho đoàn viên" in results and "Bài của Nội vụ" not in results
    searched = client.get(reverse("union_translations_report_results"), {"source_title": "Nội"})
    assert "Bài của Nội vụ" not in searched.text
    network_report = client.get(reverse("wagtail_localize:translations_report"))
    assert network_report.status_code in (302, 403)
    menu = client.get(reverse("wagtailadmin_home")).text
    assert reverse("union_translations_report") in menu


def test_the_shared_campaigns_are_translated_by_the_centre_only(client, network, english):
    """A union's people read the campaigns; they can neither send one for translation nor
    touch the centre's translation of it (nor see the buttons that would)."""
    from wagtail_localize.operations import translate_object

    from blog.models import Campaign

    translate_object(network.campaign, [english])
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(network.campaign)
    )
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["blog", "column", network.column.pk],
    )
    listing = reverse("wagtailsnippets_blog_campaign:list")
    client.force_login(member(network.a.approvers_group, "duyet-a-camp"))
    before = Campaign.objects.count()
    assert client.get(submit).status_code == 403
    assert client.post(submit, {"locales": [english.pk]}).status_code == 403
    assert Campaign.objects.count() == before
    for url in (
        reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        reverse("wagtail_localize:update_translations", args=[translation.source_id]),
    ):
        assert client.get(url).status_code in (403, 404), url
    page = client.get(listing)
    assert page.status_code == 200 and "/admin/localize/" not in page.text

    client.force_login(network_admin())
    assert "/admin/localize/" in client.get(listing).text  # sync the translated campaign
    assert client.get(submit).status_code == 200


def network_admin():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("quantri-dich", "qt@example.vn", "x")


def translation_of(page, english):
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(page), target_locale=english
    )


def type_translation(translation, source_text, english_text, user):
    """What the translator does in wagtail-localize's editor: one string translated."""
    from wagtail_localize.models import StringSegment, StringTranslation

    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": english_text, "translation_type": "manual", "last_translated_by": user},
    )


def start_translation(client, user, page, english, union, capture_on_commit):
    """`user` sends `page` for translation, as in the admin; its Translation."""
    client.force_login(user)
    with capture_on_commit(execute=True):
        translate(client, page, english, host(union))
    return translation_of(page, english)


def draft_action(client, translation, action):
    return client.post(reverse("translation_draft", args=[translation.pk]), {"action": action})


def test_an_editor_sends_the_english_page_through_the_unions_approval(
    client, network, article, english, django_capture_on_commit_callbacks
):
    """The editor (who may not publish) saves the translated strings as a draft and sends it
    to the union's approvers; approving it publishes the English text for readers."""
    editor = member(network.a.editors_group, "bt-duyet-dich")
    translation = start_translation(
        client, editor, article, english, network.a, django_capture_on_commit_callbacks
    )
    type_translation(translation, article.title, "Tet gifts for union members", editor)

    editor_view = client.get(
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    )
    assert reverse("translation_draft", args=[translation.pk]) in editor_view.text
    assert 'value="submit"' in editor_view.text

    response = draft_action(client, translation, "submit")
    assert response.status_code == 302
    page = article.get_translation(english)
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Tet gifts for union members"
    state = page.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert page.get_workflow() == network.a.home_page.get_workflow()

    approver = member(network.a.approvers_group, "duyet-dich-a")
    client.force_login(approver)
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Tet gifts for union members" in dashboard
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve, {}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.title == "Tet gifts for union members"
    client.logout()
    public = client.get(page.get_url_parts()[2], HTTP_HOST=host(network.a))
    assert public.status_code == 200 and "Tet gifts for union members" in public.text


def test_a_new_draft_of_a_published_english_page_leaves_readers_the_published_text(
    client, network, article, english, django_capture_on_commit_callbacks
):
    approver = member(network.a.approvers_group, "duyet-nhap")
    translation = start_translation(
        client, approver, article, english, network.a, django_capture_on_commit_callbacks
    )
    type_translation(translation, article.title, "Tet gifts", approver)
    draft_action(client, translation, "save")
    page = article.get_translation(english)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.live and page.title == "Tet gifts"
    published = page.live_revision_id

    type_translation(translation, article.title, "Tet gifts, second wording", approver)
    response = draft_action(client, translation, "save")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Tet gifts"  # the live row
    assert page.live_revision_id == published
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Tet gifts, second wording"
    client.logout()
    public = client.get(page.get_url_parts()[2], HTTP_HOST=host(network.a)).text
    assert "Tet gifts" in public and "second wording" not in public


def test_another_union_cannot_save_or_submit_the_translation(client, network, article, english):
    owner = member(network.a.editors_group, "bt-a-nhap")
    client.force_login(owner)
    translate(client, article, english, host(network.a))
    translation = translation_of(article, english)
    type_translation(translation, article.title, "Written by another union", owner)
    page = article.get_translation(english)
    revisions = page.revisions.count()

    client.force_login(member(network.b.approvers_group, "duyet-b-nhap"))
    for action in ("save", "submit"):
        assert draft_action(client, translation, action).status_code in (403, 404)
    assert page.revisions.count() == revisions
    assert page.current_workflow_state is None
    assert client.get(reverse("translation_draft", args=[translation.pk])).status_code in (
        403,
        404,
        405,
    )


def test_the_first_translation_brings_an_english_home_and_column_in_the_centres_words(
    client, network, article, english, django_capture_on_commit_callbacks
):
    """The union's English home and column come with its first translated page, as pages of
    their own named in the centre's English words (the union's English name, the shared
    column's English name), never as copies showing the union's Vietnamese text."""
    from blog.models import Column

    column_words = network.column.copy_for_translation(english)
    column_words.name, column_words.description = "Activities", "What the unions do"
    column_words.save()
    set_english_names(network.a, "Ministry of Justice Trade Union")
    home = network.a.home_page.specific
    home.intro = "Lời chào của công đoàn bằng tiếng Việt."
    home.save_revision().publish()
    vietnamese_column = network.columns["tu-phap"]
    assert Column.objects.filter(locale=english).count() == 1

    client.force_login(member(network.a.editors_group, "bt-dau-tien"))
    with django_capture_on_commit_callbacks(execute=True):
        translate(client, article, english, host(network.a))

    english_home = network.a.home_page.get_translation(english).specific
    english_column = vietnamese_column.get_translation(english).specific
    assert english_home.alias_of_id is None and english_column.alias_of_id is None
    assert english_home.live and english_column.live
    assert english_home.title == "Ministry of Justice Trade Union" and english_home.intro == ""
    assert (english_column.title, english_column.intro) == ("Activities", "What the unions do")
    assert english_column.column_id == network.column.pk
    assert english_column.slug == "activities"
    assert not article.get_translation(english).live  # the article waits for approval

    client.logout()
    page = client.get("/en/", HTTP_HOST=host(network.a))
    assert page.status_code == 200
    assert "Ministry of Justice Trade Union" in page.text
    assert "Lời chào của công đoàn" not in page.text
    assert article.title not in page.text
    assert "No articles have been translated into English yet." in page.text


def test_the_draft_buttons_refuse_what_is_not_a_page_translation(client, network, english):
    """A campaign's translation, an unknown id or a GET: a clear refusal, nothing saved."""
    from wagtail_localize.operations import translate_object

    translate_object(network.campaign, [english])
    campaign_translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(network.campaign)
    )
    client.force_login(network_admin())
    assert draft_action(client, campaign_translation, "save").status_code == 404
    missing = reverse("translation_draft", args=[999999])
    assert client.post(missing, {"action": "save"}).status_code == 404
    url = reverse("translation_draft", args=[campaign_translation.pk])
    assert client.get(url).status_code == 405


def test_an_editor_cannot_publish_through_the_sync_form_or_by_converting_to_an_alias(
    client, network, article, english, django_capture_on_commit_callbacks
):
    """wagtail-localize's "publish immediately" (sync) and "convert to alias" both put a page
    live; only those who may publish it may use them. The editor's sync form offers no box."""
    editor = member(network.a.editors_group, "bt-khong-xuat-ban")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        translate(client, article, english, host(network.a))
    page = article.get_translation(english)
    assert not page.live
    source = TranslationSource.objects.get_for_instance(article)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])

    form = client.get(sync)
    assert form.status_code == 200 and 'name="publish_translations"' not in form.text
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(sync, {"publish_translations": "on"})
    assert refused.status_code == 403
    page.refresh_from_db()
    assert not page.live

    alias = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    assert client.get(alias).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(alias).status_code == 403
    page.refresh_from_db()
    assert not page.live and page.alias_of_id is None

    # The sync without the box still brings the changes for translation.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(sync, {}).status_code == 302

    approver = member(network.a.approvers_group, "duyet-xuat-ban")
    client.force_login(approver)
    assert 'name="publish_translations"' in client.get(sync).text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(sync, {"publish_translations": "on"}).status_code == 302
    page.refresh_from_db()
    assert page.live


def test_the_central_department_cannot_publish_a_unions_translation(
    client, network, article, english, django_capture_on_commit_callbacks
):
    from centre.services import ensure_network_admins_group

    client.force_login(member(network.a.editors_group, "bt-dich-tw"))
    with django_capture_on_commit_callbacks(execute=True):
        translate(client, article, english, host(network.a))
    page = article.get_translation(english)
    source = TranslationSource.objects.get_for_instance(article)
    reader = member(ensure_network_admins_group(), "ban-tw-dich")
    client.force_login(reader)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(sync, {"publish_translations": "on"}).status_code == 403
        alias = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
        assert client.post(alias).status_code in (403, 404)
    page.refresh_from_db()
    assert not page.live and page.alias_of_id is None
