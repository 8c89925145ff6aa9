import pytest
from wagtail.models import Page

from blog.models import ArticlePage, ColumnPage, DocumentPage, NewsHubPage
from home.models import CentralHomePage, DirectoryPage, UnionHomePage

pytestmark = pytest.mark.django_db


def allowed(child_model, parent):
    return child_model.can_create_at(parent.specific)


def test_tree_rules_for_every_page_type(network):
    root = Page.get_first_root_node()
    central_home = network.central.home_page
    union_home = network.a.home_page
    column = network.columns["tu-phap"]
    article = ArticlePage(title="x")
    network.columns["tu-phap"].add_child(instance=article)

    expectations = {
        CentralHomePage: {root: True, central_home: False, column: False},
        UnionHomePage: {root: True, union_home: False, column: False},
        ColumnPage: {
            root: False,
            central_home: True,
            union_home: True,
            column: False,
            article: False,
        },
        ArticlePage: {
            root: False,
            central_home: False,
            union_home: False,
            column: True,
            article: False,
        },
        DocumentPage: {
            root: False,
            central_home: True,
            union_home: True,
            column: True,
            article: False,
        },
        NewsHubPage: {root: False, central_home: True, union_home: False, column: False},
        DirectoryPage: {
            root: False,
            central_home: True,
            union_home: False,
            column: False,
            article: False,
        },
    }
    for model, parents in expectations.items():
        for parent, expected in parents.items():
            assert allowed(model, parent) is expected, (model.__name__, parent.specific_class)

    assert NewsHubPage.allowed_parent_page_models() == [CentralHomePage]
    assert DirectoryPage.allowed_parent_page_models() == [CentralHomePage]


def test_one_directory_per_central_home(network):
    central_home = network.central.home_page.specific
    central_home.add_child(instance=DirectoryPage(title="Các công đoàn thành viên"))
    assert not DirectoryPage.can_create_at(central_home)
    assert not DirectoryPage.can_create_at(network.a.home_page.specific)
