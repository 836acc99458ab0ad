"""The YAML edge on its own: the dump and the comment finder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from cxphilo.storage import yamlio
from tests.strategies import data_with_shared_parts

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def anchors_and_aliases(text: str) -> list[str]:
    """Every anchor (`&name`) and alias (`*name`) a YAML reader sees in `text`."""
    found = []
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent):
            found.append(f"*{anchor}")
        elif anchor is not None:
            found.append(f"&{anchor}")
    return found


@FAST
@given(data_with_shared_parts())
def test_the_dump_never_writes_anchors_or_aliases(data: dict[str, object]) -> None:
    text = yamlio.dump(data)
    assert anchors_and_aliases(text) == []
    assert yamlio.parse(text, "dump.yaml").data == data


def test_one_date_in_two_places_is_written_twice() -> None:
    day = dt.date(2026, 12, 2)
    shared = ["a", "b"]
    text = yamlio.dump(
        {"baseline": {"date": day}, "target": {"date": day}, "x": shared, "y": shared}
    )
    assert text == (
        "baseline:\n  date: 2026-12-02\ntarget:\n  date: 2026-12-02\n"
        "x:\n  - a\n  - b\ny:\n  - a\n  - b\n"
    )


def _comments(text: str) -> list[tuple[str, tuple[str | int, ...] | None, bool]]:
    return [(c.text, c.path, c.inline) for c in yamlio.parse(text, "p.yaml").comments]


def test_a_comment_beside_a_block_scalar_header_is_found() -> None:
    text = (
        "a: |  # why\n  text\n  # part of the text\n"
        "b: >-  # folded\n  more\n"
        "c:\n  - |+ #kept\n    x\n\n"
    )
    assert _comments(text) == [
        ("# why", ("a",), True),
        ("# folded", ("b",), True),
        ("#kept", ("c", 0), True),
    ]


def test_a_comment_right_after_a_quote_or_a_bracket_is_found() -> None:
    # YAML readers take these as comments, so the comment finder must too.
    found = _comments("a: 'x'#one\nb: [1, 2]#two\nc: {d: 1}#three\n")
    assert [(text, path and path[0], inline) for text, path, inline in found] == [
        ("#one", "a", True),
        ("#two", "b", True),
        ("#three", "c", True),
    ]
    assert _comments("a: x#not-a-comment\n") == []


def test_too_many_values_are_refused_with_aliases_and_without() -> None:
    # One walk when the text has no anchor, two when it has: the bound holds on both.
    many = "items:\n" + "- 1\n" * (yamlio.MAX_NODES + 1)
    anchored = "base: &b [1, 2, 3]\n" + many
    for text, why in ((many, "no philosophy holds that many"), (anchored, "")):
        try:
            yamlio.parse(text, "big.yaml", comments=False)
        except yamlio.YamlProblems as exc:
            (problem,) = exc.problems
            assert f"more than {yamlio.MAX_NODES:,} values" in problem.message
            assert why in problem.message
        else:
            raise AssertionError("a document over the bound was accepted")
    small = yamlio.parse("items:\n" + "- 1\n" * 10, "small.yaml", comments=False)
    assert small.data == {"items": [1] * 10}


TRICKY = [
    "a: 1\nb: 1.5\nc: true\nd: null\ne: 2024-01-02\nf: 2024-01-02T10:00:00Z\n"
    "g: !!binary aGVsbG8=\nh: '12'\ni: !!str 12\nj: [1, two, 3.0, ~, .inf, 0x1f, 0o17]\n",
    "=: x\n",
    "a: =\n",
    "<<: {a: 1}\nb: 2\n",
    "a: !!set {x, y}\nb: !!omap [x: 1]\nc: !!pairs [x: 1, x: 2]\n",
    "a: !!map {b: 1}\nc: !!seq [1]\n",
    "a: !custom {b: 1}\n",
    "a:\n  b: !bad x\nc: !bad2 y\n",
    "a: !!int x\n",
    "a: 2024-13-45\n",
    "a: !!float abc\n",
    "1: one\n1.5: half\ntrue: yes\nnull: none\n2024-01-02: day\n",
    "- [a, {b: [c, {d: e}]}]\n- !!str 2024-01-02\n",
    "just text\n",
    "a: &x 1\nb: *x\n",
]


def _read(text: str) -> tuple[str, str]:
    try:
        return ("data", repr(yamlio.parse(text, "t.yaml", comments=False).data))
    except yamlio.YamlProblems as exc:
        return ("problems", repr(exc.problems))


def _every_yaml_text() -> list[str]:
    root = Path(__file__).resolve().parents[2]
    files = sorted([*root.glob("examples/*.yaml"), *root.glob("tests/**/*.yaml")])
    return [*TRICKY, *(f.read_text(encoding="utf-8", errors="replace") for f in files)]


def test_the_quick_construction_reads_what_pyyaml_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _every_yaml_text()
    quick = [_read(text) for text in texts]

    def refuse(loader: object, root: object) -> object:
        raise yamlio._NotPlain

    monkeypatch.setattr(yamlio, "_plain_data", refuse)  # PyYAML's constructor for all
    assert [_read(text) for text in texts] == quick
    assert {kind for kind, _ in quick} == {"data", "problems"}


@FAST
@given(data_with_shared_parts())
def test_the_quick_construction_reads_back_what_was_dumped(data: dict[str, object]) -> None:
    text = yamlio.dump(data)
    assert repr(yamlio.parse(text, "t.yaml").data) == repr(
        yaml.load(text, Loader=yamlio._SafeLoader)
    )
