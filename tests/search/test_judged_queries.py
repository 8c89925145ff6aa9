"""Search quality on the demo network: a judged set of readers' queries (judged_queries.py),
each typed with and without diacritics, and the precision at 5 of the public search over it.

Precision at 5 of a query: of its first five hits, the share that are pages judged to answer
it, out of min(5, pages judged). A query the demo has no answer for ("đồng bào") counts as
answered when no hit claims to have the words side by side (the page then says so). Printed
with `pytest -s`; CI runs it on SQLite and PostgreSQL."""

import pytest
from wagtail.models import Page

from core.text import marked_terms, search_terms
from demo.loader import load_demo
from sites.network import load_network
from sitesearch.index import PHRASE, find

from .judged_queries import QUERIES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_db")]
TARGET = 0.9


def precision_at_5(hits, relevant):
    if not relevant:
        return 1.0 if all(hit.match > PHRASE for hit in hits[:5]) else 0.0
    titles = dict(
        Page.objects.filter(pk__in=[h.page_id for h in hits[:5]]).values_list("pk", "title")
    )
    top = [titles[hit.page_id] for hit in hits[:5]]
    return sum(title in relevant for title in top) / min(5, len(relevant))


def test_precision_at_5_over_the_judged_queries():
    load_demo(log=lambda message: None)
    site_ids = [site.site_id for site in load_network().active]
    scores = {}
    for query, relevant in QUERIES:
        hits = list(find(search_terms(query), site_ids, marked=marked_terms(query))[:5])
        scores[query] = precision_at_5(hits, set(relevant))

    mean = sum(scores.values()) / len(scores)
    print(f"\nJudged search set: {len(scores)} queries, precision at 5 = {mean:.3f}")
    for query, score in scores.items():
        if score < 1:
            print(f"  {score:.2f}  {query}")
    assert len(scores) >= 30
    assert mean >= TARGET, {q: s for q, s in scores.items() if s < 1}
