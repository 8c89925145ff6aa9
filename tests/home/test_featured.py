import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from blog.factories import ArticlePageFactory
from home.models import FeaturedArticle
from tests.conftest import host

pytestmark = pytest.mark.django_db


def featured_titles(client, network):
    response = client.get("/", HTTP_HOST=host(network.central))
    return [card.title for card in response.context["featured"]], response


def feature(network, *articles):
    home = network.central.home_page.specific
    for order, article in enumerate(articles):
        FeaturedArticle.objects.create(page=home, article=article, sort_order=order)


def test_featured_union_articles_show_in_order_and_link_to_their_own_site(client, network):
    a = ArticlePageFactory(parent=network.columns["tu-phap"], title="Tiêu điểm Tư pháp")
    b = ArticlePageFactory(parent=network.columns["noi-vu"], title="Tiêu điểm Nội vụ")
    feature(network, b, a)
    titles, response = featured_titles(client, network)
    assert titles == ["Tiêu điểm Nội vụ", "Tiêu điểm Tư pháp"]
    assert f'href="http://{host(network.b)}/' in response.text


def test_unpublished_private_deleted_and_inactive_drop_out(client, network):
    gone = ArticlePageFactory(parent=network.columns["tu-phap"], title="Sẽ bị gỡ")
    private = ArticlePageFactory(parent=network.columns["tu-phap"], title="Riêng tư")
    deleted = ArticlePageFactory(parent=network.columns["tu-phap"], title="Sẽ bị xóa")
    inactive = ArticlePageFactory(parent=network.columns["noi-vu"], title="Công đoàn ngừng")
    kept = ArticlePageFactory(parent=network.columns["tu-phap"], title="Còn lại")
    feature(network, gone, private, deleted, inactive, kept)
    gone.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    deleted.delete()
    network.b.is_active = False
    network.b.save()
    assert featured_titles(client, network)[0] == ["Còn lại"]


def test_central_department_features_without_edit_rights_on_unions(client, network):
    article = ArticlePageFactory(parent=network.columns["tu-phap"], title="Bài hay của Tư pháp")
    central = get_user_model().objects.create_user("tuyengiao", password="x")
    central.groups.add(network.central.approvers_group)
    client.force_login(central)
    home = network.central.home_page.specific
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": home.intro,
            "featured_articles": inline_formset([{"article": article.pk}]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert featured_titles(client, network)[0] == ["Bài hay của Tư pháp"]
    # Featuring gave no right to edit the union's article.
    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 403
