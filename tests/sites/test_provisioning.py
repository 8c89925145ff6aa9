import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
)

from centre.services import provision_union
from home.models import CentralHomePage, UnionHomePage
from sites.models import SiteBranding, Union

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_db")]


def provision(**overrides):
    fields = {
        "name": "Công đoàn Bộ Tư pháp",
        "short_name": "CĐ Tư pháp",
        "slug": "tu-phap",
        "hostname": "tu-phap.example.test",
        "port": 8000,
        "facebook_url": "https://www.facebook.com/congdoantuphap",
    }
    fields.update(overrides)
    return provision_union(**fields)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Union,
            Site,
            Page,
            Group,
            Collection,
            Workflow,
            SiteBranding,
            GroupPagePermission,
            GroupCollectionPermission,
        )
    }


def test_provisioning_creates_the_whole_union():
    union = provision()

    home = union.home_page.specific
    assert isinstance(home, UnionHomePage)
    assert home.title == "Công đoàn Bộ Tư pháp"
    assert home.get_parent().is_root()
    assert home.locale == Locale.get_default()
    assert home.locale.language_code == "vi"
    assert home.live

    site = union.site
    assert (site.hostname, site.port, site.site_name) == ("tu-phap.example.test", 8000, union.name)
    assert site.root_page_id == home.pk
    assert not site.is_default_site
    assert SiteBranding.for_site(site).facebook_url == "https://www.facebook.com/congdoantuphap"

    editor_perms = set(
        GroupPagePermission.objects.filter(group=union.editors_group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert editor_perms == {(home.pk, "add_page"), (home.pk, "change_page")}
    approver_codenames = set(
        GroupPagePermission.objects.filter(group=union.approvers_group).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" in approver_codenames
    assert set(
        GroupPagePermission.objects.filter(
            group__in=[union.editors_group, union.approvers_group]
        ).values_list("page_id", flat=True)
    ) == {home.pk}
    for group in (union.editors_group, union.approvers_group):
        assert group.permissions.filter(codename="access_admin").exists()

    assert union.collection.get_parent() == Collection.get_first_root_node()
    collection_perms = GroupCollectionPermission.objects.filter(collection=union.collection)
    assert set(collection_perms.values_list("group_id", flat=True)) == {
        union.editors_group_id,
        union.approvers_group_id,
    }
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= set(
        collection_perms.values_list("permission__codename", flat=True)
    )

    workflow = home.get_workflow()
    assert workflow.workflow_pages.filter(page=home).exists()
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [union.approvers_group]


def test_central_union_becomes_the_default_site_and_replaces_the_welcome_page():
    assert Site.objects.filter(is_default_site=True).count() == 1  # Wagtail's placeholder
    central = provision(
        slug="trung-uong",
        hostname="localhost",
        is_central=True,
        name="Công đoàn Viên chức Việt Nam",
        short_name="CĐVC VN",
    )
    assert isinstance(central.home_page.specific, CentralHomePage)
    assert list(Site.objects.filter(is_default_site=True)) == [central.site]
    assert Page.get_first_root_node().get_children().count() == 1


def test_union_groups_have_no_permission_on_another_union():
    a = provision()
    b = provision(
        name="Công đoàn Bộ Nội vụ",
        short_name="CĐ Nội vụ",
        slug="noi-vu",
        hostname="noi-vu.example.test",
    )
    assert not GroupPagePermission.objects.filter(
        group__in=[a.editors_group, a.approvers_group], page=b.home_page
    ).exists()
    assert not GroupCollectionPermission.objects.filter(
        group__in=[a.editors_group, a.approvers_group], collection=b.collection
    ).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"hostname": "tu-phap.example.test", "slug": "khac"}, "hostname"),
        ({"hostname": "TU-PHAP.example.test", "slug": "khac"}, "hostname"),
        ({"slug": "tu-phap", "hostname": "khac.example.test"}, "slug"),
        (
            {"short_name": "CĐ Tư pháp", "slug": "khac", "hostname": "khac.example.test"},
            "short_name",
        ),
    ],
)
def test_duplicates_are_refused_and_nothing_is_created(overrides, field):
    provision()
    before = counts()
    with pytest.raises(ValidationError) as error:
        provision(**{"name": "Công đoàn Khác", "short_name": "CĐ Khác", **overrides})
    assert field in error.value.message_dict
    assert counts() == before


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"short_name": "  "}, "short_name"),
        ({"slug": ""}, "slug"),
        ({"slug": "Tư pháp"}, "slug"),
        ({"hostname": ""}, "hostname"),
        ({"hostname": "bad host!"}, "hostname"),
        ({"port": 70000}, "port"),
        ({"primary_colour": "red"}, "primary_colour"),
        ({"facebook_url": "javascript:alert(1)"}, "facebook_url"),
    ],
)
def test_invalid_input_gives_a_clear_error_and_creates_nothing(overrides, field):
    before = counts()
    with pytest.raises(ValidationError) as error:
        provision(**overrides)
    assert field in error.value.message_dict
    assert error.value.message_dict[field][0]
    assert counts() == before


def test_only_one_central_site():
    provision(slug="trung-uong", hostname="central.example.test", is_central=True)
    with pytest.raises(ValidationError) as error:
        provision(slug="trung-uong-2", hostname="c2.example.test", short_name="C2", is_central=True)
    assert "is_central" in error.value.message_dict


def test_failure_half_way_rolls_everything_back(monkeypatch):
    import centre.services as services

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_create_workflow", explode)
    before = counts()
    with pytest.raises(RuntimeError):
        provision()
    assert counts() == before


def test_command_creates_a_union_and_prints_what_it_made(capsys):
    call_command(
        "create_union_site",
        "--name",
        "Công đoàn Bộ Ngoại giao",
        "--short-name",
        "CĐ Ngoại giao",
        "--slug",
        "ngoai-giao",
        "--hostname",
        "ngoai-giao.example.test",
        "--port",
        "8000",
    )
    out = capsys.readouterr().out
    union = Union.objects.get(slug="ngoai-giao")
    assert "Công đoàn Bộ Ngoại giao" in out
    assert "http://ngoai-giao.example.test:8000/" in out
    assert union.editors_group.name in out
    assert union.approvers_group.name in out
    assert union.home_page.get_workflow().name in out


def test_command_reports_a_duplicate_hostname_clearly():
    provision()
    with pytest.raises(CommandError) as error:
        call_command(
            "create_union_site",
            "--name",
            "X",
            "--short-name",
            "X",
            "--slug",
            "x",
            "--hostname",
            "tu-phap.example.test",
        )
    assert "tu-phap.example.test" in str(error.value)
    assert not Union.objects.filter(slug="x").exists()
