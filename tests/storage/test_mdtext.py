"""Typed text put into Markdown renders as exactly that text, wherever it stands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cxphilo.storage.mdtext import collapse, inline

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")

# Everything a keyboard can type, with the characters Markdown cares about made likely.
_TRICKY = st.sampled_from([*"\\`*_[]<>|~#&;!()-+=.:0123456789 \n\t", "&amp;", "1.", "# "])
_ANY = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
typed = st.lists(st.one_of(_TRICKY, _ANY), min_size=1, max_size=30).map("".join)

PLACES = {
    "paragraph": "{}\n",
    "list item": "- {}\n",
    "heading": "## {}\n",
    "bold": "**{}**\n",
    "table cell": "| a | b |\n|---|---|\n| {} | x |\n",
}


def shown_text(tokens: list[Token], after: str | None = None) -> str:
    """The text a reader sees in the first inline token (after the first `after`)."""
    if after is not None:
        tokens = tokens[[t.type for t in tokens].index(after) :]
    inline_token = next(t for t in tokens if t.type == "inline")
    parts: list[str] = []
    for child in inline_token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type in {"html_inline", "link_open", "image"}:
            parts.append(f"<{child.type}>")
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(typed, st.sampled_from(sorted(PLACES)))
def test_typed_text_renders_as_typed(text: str, place: str) -> None:
    expected = collapse(text)
    if not expected:
        assert inline(text) == ""
        return
    tokens = MD.parse(PLACES[place].format(inline(text)))
    types = [t.type for t in tokens]
    # The structure is the one the template meant: nothing typed adds a block.
    if place == "list item":
        assert types.count("list_item_open") == 1
        assert "heading_open" not in types
    elif place == "table cell":
        assert types.count("td_open") == 2
    elif place == "heading":
        assert types.count("heading_open") == 1
    else:
        assert types[0] == "paragraph_open" and types.count("paragraph_open") == 1
    seen = shown_text(tokens, "td_open" if place == "table cell" else None)
    assert seen == expected


@pytest.mark.parametrize(
    ("typed_text", "markdown"),
    [
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("5 * 3 | 2", "5 \\* 3 \\| 2"),
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("- not a list", "\\- not a list"),
        ("we are # 1 #", "we are # 1 \\#"),
        ("R&D &amp; more", "R&D \\&amp; more"),
        ("line one\n\nline two", "line one line two"),
        ("Ærlighed før alt", "Ærlighed før alt"),
        ("snake_case", "snake\\_case"),
    ],
)
def test_examples_stay_readable_raw(typed_text: str, markdown: str) -> None:
    assert inline(typed_text) == markdown


def test_blank_text_is_nothing() -> None:
    assert inline("  \n\t ") == ""
    assert collapse(" a \n b ") == "a b"
    assert collapse("100\u00a0% \u2028 sure") == "100\u00a0% sure"
