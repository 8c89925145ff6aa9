"""Public search: Vietnamese folding both ways, site scoping, and odd queries.

CI runs this file on SQLite and on PostgreSQL, so the folding is proved on both.
"""

import datetime as dt
import unicodedata

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory, DocumentPageFactory
from centre.services import set_union_active
from sitesearch import index
from tests.conftest import host

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search")


def search(client, site_union, **params):
    return client.get(SEARCH_URL, params, HTTP_HOST=host(site_union))


def titles(response):
    return [result.title for result in response.context["results"]]


@pytest.fixture
def article(network):
    def make(union, title, **kwargs):
        kwargs.setdefault("intro", "Bản tin hoạt động.")
        return ArticlePageFactory(parent=network.columns[union.slug], title=title, **kwargs)

    return make


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Tết Sum vầy ở Bộ Tư pháp", "tet sum vay"),
        ("Công đoàn cơ sở thăm hỏi đoàn viên", "cong doan co so"),
        ("Chợ tết cho người lao động", "Tết"),
        ("ĐOÀN VIÊN NHẬN QUÀ", "đoàn viên nhận quà"),
        ("Đêm hội xuân", "dem hoi"),
    ],
)
def test_search_ignores_diacritics_case_and_d(client, network, article, stored, query):
    article(network.a, stored)
    article(network.a, "Hội nghị tổng kết năm")

    response = search(client, network.a, q=query)

    assert response.status_code == 200
    assert titles(response) == [stored]


def test_decomposed_query_matches_precomposed_text_and_the_reverse(client, network, article):
    article(network.a, "Tết Sum vầy")
    nfd_title = unicodedata.normalize("NFD", "Xuân chia sẻ yêu thương")
    stored = article(network.a, nfd_title)
    stored.refresh_from_db()
    assert stored.title == unicodedata.normalize("NFC", nfd_title), "titles are stored as NFC"

    nfd_query = unicodedata.normalize("NFD", "Tết Sum vầy")
    assert titles(search(client, network.a, q=nfd_query)) == ["Tết Sum vầy"]
    assert titles(search(client, network.a, q="Xuân chia sẻ")) == [stored.title]


def test_body_text_and_document_numbers_are_searchable(client, network, article):
    article(
        network.a,
        "Bản tin tháng Giêng",
        body=[("paragraph", "<p>Gian hàng 0 đồng phục vụ công nhân khó khăn</p>")],
    )
    DocumentPageFactory(parent=network.a.home_page, title="Hướng dẫn tổ chức", number="25/HD-CĐVC")

    assert titles(search(client, network.a, q="gian hang 0 dong")) == ["Bản tin tháng Giêng"]
    assert titles(search(client, network.a, q="25 HD CDVC")) == ["Hướng dẫn tổ chức"]


def test_union_search_never_returns_another_unions_article(client, network, article):
    article(network.a, "Tết Sum vầy Tư pháp")
    article(network.b, "Tết Sum vầy Nội vụ")

    response = search(client, network.a, q="tet sum vay")

    assert titles(response) == ["Tết Sum vầy Tư pháp"]
    assert "Nội vụ" not in response.content.decode()


def test_network_search_returns_every_union_labelled_and_filterable(client, network, article):
    article(network.a, "Tết Sum vầy Tư pháp")
    article(network.b, "Tết Sum vầy Nội vụ")

    response = search(client, network.central, q="tet sum vay")
    results = {r.title: r.union.short_name for r in response.context["results"]}
    assert results == {"Tết Sum vầy Tư pháp": "CĐ Tư pháp", "Tết Sum vầy Nội vụ": "CĐ Nội vụ"}
    html = response.content.decode()
    assert "CĐ Tư pháp" in html and "CĐ Nội vụ" in html
    # Links go to each article on its own union's site.
    urls = {r.title: r.url for r in response.context["results"]}
    assert urls["Tết Sum vầy Nội vụ"].startswith(f"http://{host(network.b)}")

    filtered = search(client, network.central, q="tet sum vay", union="noi-vu")
    assert titles(filtered) == ["Tết Sum vầy Nội vụ"]
    assert '<option value="noi-vu" selected>' in filtered.content.decode()
    # The union list is kept rendered: the choice of one search is not shown on the next.
    again = search(client, network.central, q="tet sum vay")
    assert '<option value="noi-vu" selected>' not in again.content.decode()
    assert '<option value="noi-vu">' in again.content.decode()


def test_network_search_leaves_out_inactive_unions(client, network, article):
    article(network.a, "Tết Sum vầy Tư pháp")
    article(network.b, "Tết Sum vầy Nội vụ")
    assert 'value="noi-vu"' in search(client, network.central, q="tet").content.decode()
    set_union_active(network.b, False)

    response = search(client, network.central, q="tet")
    assert titles(response) == ["Tết Sum vầy Tư pháp"]
    assert 'value="noi-vu"' not in response.content.decode()  # nor among the choices
    assert search(client, network.b, q="tet").status_code == 503


def test_drafts_private_pages_and_unpublished_branches_are_never_found(client, network, article):
    article(network.a, "Tết công khai")
    article(network.a, "Tết bản nháp", live=False)
    private = article(network.a, "Tết riêng tư")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    hidden_column = network.columns["tu-phap"].add_sibling(
        instance=type(network.columns["tu-phap"])(title="Chuyên mục ẩn", column=network.column)
    )
    ArticlePageFactory(parent=hidden_column, title="Tết trong mục ẩn")
    hidden_column.unpublish()

    for union in (network.a, network.central):
        assert titles(search(client, union, q="tet")) == ["Tết công khai"]


@pytest.mark.parametrize(
    "query",
    [
        "", "   ", "!!! ??? ...", '"', "' OR 1=1 --", "AND OR NOT", "x" * 1500, "tết " * 400,
        "\x00", '""', '"""', "“”", '"%_\\"', '"x" ' * 300, '"tết sum', "<mark>",
    ],
)  # fmt: skip
def test_odd_queries_give_a_sane_page(client, network, article, query):
    article(network.a, "Tết Sum vầy")

    for union in (network.a, network.central):
        response = search(client, union, q=query)
        assert response.status_code == 200
        assert response.context["results"] == [] or query.lstrip('"').startswith("tết")


def test_long_query_is_cut_and_still_finds(client, network, article):
    article(network.a, "Tết Sum vầy")

    response = search(client, network.a, q="tết sum vầy " * 200)

    assert titles(response) == ["Tết Sum vầy"]
    assert "quá dài" in response.content.decode()


def test_bad_filters_and_page_numbers_are_ignored(client, network, article):
    for number in range(12):
        article(network.a, f"Tết số {number}")

    response = search(client, network.central, q="tet", union="khong-co", page="99999")
    assert response.status_code == 200
    assert response.context["results_page"].number == 2  # the last page
    assert "Không có công đoàn đã chọn" in response.content.decode()
    assert search(client, network.a, q="tet", page="abc").context["results_page"].number == 1


def test_results_are_paginated(client, network, article):
    for number in range(13):
        article(network.a, f"Tết số {number}")

    first = search(client, network.a, q="tet")
    second = search(client, network.a, q="tet", page=2)

    assert len(titles(first)) == 10
    assert len(titles(second)) == 3
    assert not set(titles(first)) & set(titles(second))
    assert 'rel="next"' in first.content.decode()


def test_a_title_match_ranks_above_a_match_in_the_text(client, network, article):
    article(network.a, "Hội nghị tổng kết", intro="Nhắc lại chương trình Tết Sum vầy.")
    article(network.a, "Tết Sum vầy năm nay", intro="Bản tin.")

    assert titles(search(client, network.a, q="tet sum vay")) == [
        "Tết Sum vầy năm nay",
        "Hội nghị tổng kết",
    ]


def test_many_hits_are_ranked_among_the_newest_and_the_page_says_so(
    client, network, article, monkeypatch
):
    # However many pages have the words, a search ranks the newest RANKED of them: its cost
    # follows that number, not the network's size.
    monkeypatch.setattr(index, "RANKED", 3)
    article(network.a, "Tết Sum vầy", date=dt.date(2024, 1, 1))  # the best match, but oldest
    for day in (2, 3, 4):
        article(network.a, f"Hội nghị ngày {day}", intro="Tết Sum vầy.", date=dt.date(2024, 1, day))

    response = search(client, network.a, q="tet sum vay")
    assert titles(response) == ["Hội nghị ngày 4", "Hội nghị ngày 3", "Hội nghị ngày 2"]
    assert "Đây là 3 trang mới nhất có đủ các từ" in response.text

    # With fewer hits than that, the best match comes first whatever its age.
    monkeypatch.setattr(index, "RANKED", 5)
    response = search(client, network.a, q="TẾT SUM VẦY")  # (another address: not cached)
    assert titles(response)[0] == "Tết Sum vầy"
    assert "trang mới nhất có đủ các từ" not in response.text
    # A union with no English pages searches in Vietnamese.
    english = client.get("/en/search/", {"q": "tet"}, HTTP_HOST=host(network.a))
    assert english.status_code == 302 and english["Location"].startswith("/tim-kiem/?q=tet")


def test_the_index_follows_publishing_and_ignores_drafts(client, network, article):
    page = article(network.a, "Tết Sum vầy")

    page.title = "Đêm hội xuân"
    page.save_revision()  # a draft: readers still see the published title
    assert titles(search(client, network.a, q="tet sum vay")) == ["Tết Sum vầy"]
    assert titles(search(client, network.a, q="dem hoi xuan")) == []

    page.get_latest_revision().publish()
    assert titles(search(client, network.a, q="dem hoi xuan")) == ["Đêm hội xuân"]
    assert titles(search(client, network.a, q="tet sum vay")) == []

    page.refresh_from_db()
    page.unpublish()
    assert titles(search(client, network.a, q="dem hoi xuan")) == []

    page.refresh_from_db()
    page.save_revision().publish()
    page.delete()
    assert titles(search(client, network.a, q="dem hoi xuan")) == []


def test_a_page_moved_to_another_union_is_found_there_only(client, network, article):
    page = article(network.a, "Tết Sum vầy")

    page.move(network.columns["noi-vu"], pos="last-child")

    assert titles(search(client, network.a, q="tet sum vay")) == []
    assert titles(search(client, network.b, q="tet sum vay")) == ["Tết Sum vầy"]
    result = search(client, network.central, q="tet sum vay").context["results"]
    assert [r.union.short_name for r in result] == ["CĐ Nội vụ"]


def test_rebuild_restores_the_index_and_leaves_out_drafts(client, network, article):
    from sitesearch.index import rebuild
    from sitesearch.models import SearchEntry

    article(network.a, "Tết Sum vầy")
    article(network.a, "Tết bản nháp", live=False)
    SearchEntry.objects.all().delete()
    assert titles(search(client, network.a, q="tet")) == []

    rebuild()

    assert titles(search(client, network.a, q="tet")) == ["Tết Sum vầy"]


def test_a_database_without_entries_gets_them_after_migrate(client, network, article):
    from sitesearch.apps import fill_empty_index
    from sitesearch.models import SearchEntry

    article(network.a, "Tết Sum vầy")
    SearchEntry.objects.all().delete()

    fill_empty_index()  # what post_migrate runs

    assert titles(search(client, network.a, q="tet sum vay")) == ["Tết Sum vầy"]


def test_syllables_side_by_side_come_first_and_keep_their_diacritics(client, network, article):
    apart = article(network.a, "Đồng hành với đoàn viên, gói bào ngư", date=dt.date(2024, 2, 9))
    together = article(network.a, "Đồng bào vùng cao đón Tết", date=dt.date(2024, 1, 5))
    other_marks = article(network.a, "Đóng bảo hiểm cho đoàn viên", date=dt.date(2024, 2, 1))

    response = search(client, network.a, q="dong bao")
    assert titles(response)[:2] == [other_marks.title, together.title]  # newest first
    assert titles(response)[2] == apart.title  # all words, not side by side: last
    assert "<mark>Đồng</mark> <mark>bào</mark> vùng cao" in response.text
    assert "<mark>Đóng</mark> <mark>bảo</mark> hiểm" in response.text

    # Typed with diacritics: the page with them as typed first, the other marks after.
    response = search(client, network.a, q="đồng bào")
    assert titles(response)[:2] == [together.title, other_marks.title]
    assert "Không trang nào có đúng cụm" not in response.text

    # Quoted: only the pages with the phrase.
    assert titles(search(client, network.a, q='"dong bao"')) == [other_marks.title, together.title]
    assert titles(search(client, network.a, q="“đồng bào” tết")) == [together.title]


def test_a_query_with_no_phrase_match_says_so(client, network, article):
    article(network.a, "Đoàn viên vùng cao nhận quà, bào ngư và bánh")
    response = search(client, network.a, q="doan bao")
    assert len(titles(response)) == 1
    assert "Không trang nào có đúng cụm “doan bao”" in response.text


def test_no_results_suggest_the_hubs_filters(client, network):
    response = search(client, network.central, q="khong co trang nao noi ve dieu nay")
    assert titles(response) == []
    hub_url = network.hub.get_url_parts()[2]
    assert f'<a href="{hub_url}">Hoặc xem tin của các công đoàn' in response.text
