"""Load -> save -> load is identical; saving an unchanged document is byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from cxphilo.document.model import Philosophy
from cxphilo.storage.store import Store, load, parse, render
from tests.conftest import COMPLETE_EXAMPLES, EXAMPLES
from tests.storage.test_yamlio import anchors_and_aliases
from tests.strategies import documents, documents_sharing_a_date

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(documents)
def test_render_then_parse_keeps_every_value(doc: Philosophy) -> None:
    text, moved = render(doc)
    assert moved == []
    again = parse(text.encode("utf-8"), "doc.yaml").doc
    # Empty parts (a section with nothing in it) are not written; everything else is.
    assert again.to_data() == doc.to_data()
    assert render(again)[0] == text
    assert parse(text.encode("utf-8"), "doc.yaml").doc == again


@FAST
@given(documents)
def test_load_save_load_is_identical_and_byte_identical(
    tmp_path_factory: pytest.TempPathFactory, doc: Philosophy
) -> None:
    path = tmp_path_factory.mktemp("rt") / "philosophy.yaml"
    Store.create(path, doc)
    first = path.read_bytes()
    loaded = Store.open(path)
    assert loaded.doc.to_data() == doc.to_data()
    loaded.save()
    assert path.read_bytes() == first
    assert Store.open(path).doc == loaded.doc


@FAST
@given(documents_sharing_a_date())
def test_a_date_used_in_several_places_is_written_in_each(
    tmp_path_factory: pytest.TempPathFactory, doc: Philosophy
) -> None:
    first = doc.metrics[0]
    assert first.baseline is not None and first.target is not None
    assert first.baseline.date is first.target.date  # the strategy shares one object
    path = tmp_path_factory.mktemp("shared") / "philosophy.yaml"
    Store.create(path, doc)
    text = path.read_text(encoding="utf-8")
    assert anchors_and_aliases(text) == []
    assert load(path).doc.to_data() == doc.to_data()


@FAST
@given(documents)
def test_output_is_readable_utf8_with_a_final_newline(doc: Philosophy) -> None:
    text, _ = render(doc)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert text.startswith("# yaml-language-server: $schema=")
    # Non-ASCII letters stay as they are, not escaped as \uXXXX.
    if doc.company.name.isalpha() and not doc.company.name.isascii():
        assert doc.company.name in text


def test_fields_come_in_the_order_of_the_steps() -> None:
    text = (EXAMPLES / "northwind-bikes.yaml").read_text(encoding="utf-8")
    order = [
        "schema:",
        "company:",
        "assessment:",
        "model:",
        "brainstorm:",
        "values:",
        "vision:",
        "metrics:",
        "brand:",
        "sharing:",
        "hiring:",
        "teams:",
        "listening:",
        "governance:",
        "recovery:",
    ]
    positions = [text.index("\n" + key) for key in order]
    assert positions == sorted(positions)


def test_examples_are_stored_exactly_as_cxphilo_writes_them() -> None:
    assert COMPLETE_EXAMPLES, "no examples found"
    for path in [*COMPLETE_EXAMPLES, EXAMPLES / "flawed.yaml"]:
        loaded = load(path)
        assert render(loaded.doc, loaded.comments)[0] == path.read_text(encoding="utf-8"), path


def test_unicode_from_the_seed_languages_is_written_unescaped(tmp_path: Path) -> None:
    doc = Philosophy.model_validate(
        {
            "company": {
                "name": "Çiçek Kitabevi",
                "mission": "让阅读更容易。Ærlig og åben.",
                "language": "tr",
            }
        }
    )
    path = tmp_path / "p.yaml"
    Store.create(path, doc)
    text = path.read_text(encoding="utf-8")
    assert "Çiçek Kitabevi" in text and "让阅读更容易。Ærlig og åben." in text
    assert "\\u" not in text
