"""A union editor writes an article with an uploaded image and submits it; the union's
approver publishes it; readers then find it on the union's site and the central news hub."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from blog.factories import CampaignFactory, ColumnFactory, ColumnPageFactory, NewsHubPageFactory
from blog.models import ArticlePage
from centre.factories import CentralUnionFactory, UnionFactory

pytestmark = pytest.mark.django_db(transaction=True)  # empty_db: the migrated state, no network
PASSWORD = "Xuan-Giap-Thin-2024!"
TITLE = "Trao quà Tết cho đoàn viên vùng cao"


@pytest.fixture
def live_network(live_server, empty_db):
    port = int(live_server.url.rsplit(":", 1)[1])
    column = ColumnFactory(name="Xuân chia sẻ")
    campaign = CampaignFactory(name="Tết Sum vầy 2024")
    central = CentralUnionFactory(hostname="localhost", port=port)
    hub = NewsHubPageFactory(parent=central.home_page, title="Tin các công đoàn")
    unions = {
        slug: UnionFactory(name=name, short_name=short, slug=slug,
                           hostname=f"{slug}.localhost", port=port)
        for slug, name, short in [("tu-phap", "Công đoàn Bộ Tư pháp", "CĐ Tư pháp"),
                                  ("noi-vu", "Công đoàn Bộ Nội vụ", "CĐ Nội vụ")]
    }  # fmt: skip
    columns = {
        slug: ColumnPageFactory(parent=u.home_page, column=column, campaign=campaign,
                                title="Xuân chia sẻ")
        for slug, u in unions.items()
    }  # fmt: skip
    users = {}
    for name, group in [("bientap", unions["tu-phap"].editors_group),
                        ("duyet", unions["tu-phap"].approvers_group)]:  # fmt: skip
        users[name] = get_user_model().objects.create_user(name, f"{name}@example.vn", PASSWORD)
        users[name].groups.add(group)
    return {"port": port, "unions": unions, "columns": columns, "hub": hub, "central": central}


def image_file(path, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def open_actions(page):
    page.locator(".w-dropdown--dropdown-button .w-dropdown__toggle").first.click()


# One browser session covers the whole flow: each transactional test empties the database.
def test_write_submit_approve_publish_everywhere(new_page, live_network, tmp_path):
    union = live_network["unions"]["tu-phap"]
    base = f"http://tu-phap.localhost:{live_network['port']}"
    column = live_network["columns"]["tu-phap"]
    for slug, title in [("tu-phap", "Ảnh của Tư pháp"), ("noi-vu", "Ảnh của Nội vụ")]:
        get_image_model().objects.create(
            title=title, file=get_test_image_file(),
            collection=live_network["unions"][slug].collection,
        )  # fmt: skip

    editor = new_page()
    log_in(editor, base, "bientap")
    editor.goto(f"{base}/admin/pages/add/blog/articlepage/{column.pk}/")
    editor.fill("#id_title", TITLE)
    editor.fill("#id_intro", "Chuyến đi ấm áp của công đoàn ngành Tư pháp.")
    # A date typed the ISO way is kept (the picker, which writes 21/01/2024, used to replace
    # what it could not read with today's date when the field lost focus).
    editor.fill("#id_date", "2024-01-21")
    editor.locator("#id_date").press("Tab")
    assert editor.locator("#id_date").input_value() == "2024-01-21"
    editor.locator("[data-chooser-action-choose]").first.click()
    modal = editor.locator(".modal-dialog")
    # The image chooser offers the union's own images only, also when searching.
    modal.get_by_text("Ảnh của Tư pháp").wait_for()
    assert "Ảnh của Nội vụ" not in modal.inner_text()
    modal.locator("input[name=q]").fill("Nội vụ")
    modal.get_by_text("Ảnh của Tư pháp").wait_for(state="detached")
    assert "Ảnh của Nội vụ" not in modal.inner_text()
    modal.get_by_role("tab", name=re.compile("Tải lên")).click()
    modal.locator("input[type=file]").set_input_files(
        image_file(tmp_path / "qua.jpg", (180, 30, 30))
    )
    modal.locator("#id_image-chooser-upload-title").fill("Ảnh trao quà vùng cao")
    modal.locator("#id_image-chooser-upload-description").fill("Đoàn viên nhận quà Tết")
    modal.locator("#id_image-chooser-upload-caption").fill("Trao quà ở bản Lũng Cú")
    modal.locator("#id_image-chooser-upload-credit").fill("Hoàng Minh")
    modal.locator("[type=submit]").first.click()
    editor.locator(".chooser__title", has_text="Ảnh trao quà vùng cao").wait_for()
    open_actions(editor)
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_url(re.compile(rf"/admin/pages/{column.pk}/$"))

    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live
    assert str(article.date) == "2024-01-21"
    assert article.lead_image.collection_id == union.collection_id
    assert (article.lead_image.caption, article.lead_image.credit) == (
        "Trao quà ở bản Lũng Cú",
        "Hoàng Minh",
    )
    assert article.current_workflow_state.status == "in_progress"

    approver = new_page()
    log_in(approver, base, "duyet")
    assert TITLE in approver.content()  # "awaiting your review" on the dashboard
    approver.goto(f"{base}/admin/pages/{article.pk}/edit/")
    approve = approver.locator("button[data-workflow-action-name=approve]").first
    if not approve.is_visible():
        open_actions(approver)
    approve.click()
    approver.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.live

    reader = new_page()
    reader.goto(f"{base}/")
    link = reader.get_by_role("link", name=TITLE)
    link.first.click()
    reader.wait_for_load_state()
    assert reader.locator("h1").inner_text() == TITLE
    assert reader.locator(".article__lead-image img").count() == 1
    caption = reader.locator(".article__lead-image figcaption").inner_text()
    assert "Trao quà ở bản Lũng Cú" in caption and "Ảnh: Hoàng Minh" in caption

    central = f"http://localhost:{live_network['port']}"
    reader.goto(central + live_network["hub"].get_url_parts()[2])
    card = reader.locator(".card", has_text=TITLE)
    assert card.count() == 1
    assert "CĐ Tư pháp" in card.inner_text()
    href = card.get_by_role("link", name=TITLE).get_attribute("href")
    assert href.startswith(f"{base}/")
