"""Every comment a person wrote is in the saved file, and never changes the data."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxphilo.document.model import Philosophy
from cxphilo.storage.store import parse, render
from tests.strategies import commented_documents, documents

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(commented_documents(), st.none() | documents)
def test_every_comment_survives_a_save(
    case: tuple[Philosophy, str, list[str]], changed: Philosophy | None
) -> None:
    doc, text, comments = case
    loaded = parse(text.encode("utf-8"), "philosophy.yaml")
    assert loaded.doc.to_data() == doc.to_data()  # the comments did not change the data
    # Saved as loaded, or after the document changed so much that keys are gone.
    target = changed or loaded.doc
    saved, _ = render(target, loaded.comments)
    assert [c for c in comments if c not in saved] == []
    assert parse(saved.encode("utf-8"), "saved.yaml").doc.to_data() == target.to_data()
    # ... and the next save keeps them too.
    again = parse(saved.encode("utf-8"), "saved.yaml")
    resaved, _ = render(again.doc, again.comments)
    assert [c for c in comments if c not in resaved] == []
