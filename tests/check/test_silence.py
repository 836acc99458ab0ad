"""Silencing a finding in the open: disable comments in the file, accepted phrases in the config."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from cxphilo.check import FileResult, check_bytes
from cxphilo.check import silence as silence_module
from cxphilo.check.rules import ACCEPTS_PHRASES, BY_ID
from cxphilo.check.structure import finding_words
from cxphilo.criteria import judge_vision
from tests.criteria.test_engine import FIRES

HERE = Path(__file__).resolve().parent
COMPLETE = (HERE / "complete.yaml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 11, 22)
GOOD = "Every paddler leaves the dock with the right boat and comes back with a story."
MOTTO = "We go the extra mile and leverage synergies so every paddler leaves with the right boat."

# The comment rules, each with a file that makes it fire (test_rules counts them).
COMMENTS_FIRE = {
    "disable-unknown-rule": "  # cxphilo: disable=vision-clichee\n",
    "disable-unused": "  # cxphilo: disable=vision-hedge\n",
}


def doc(statement: str = MOTTO, above: str = "", beside: str = "") -> str:
    """The complete document with `statement` as its vision (and its review), and comments."""
    text = COMPLETE.replace(f"    statement: {GOOD}", f"    statement: {statement}")
    line = f"  statement: {statement}" + (f"  {beside}" if beside else "")
    return text.replace(f"  statement: {GOOD}\n", f"{above}{line}\n", 1)


def check(text: str, **kwargs: Any) -> FileResult:
    return check_bytes(text.encode("utf-8"), "doc.yaml", today=TODAY, **kwargs)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


def rules(findings: list[Any]) -> list[str]:
    return [f.rule for f in findings]


def test_the_motto_fails_without_a_comment() -> None:
    result = check(doc())
    assert {"vision-cliche", "vision-buzzword"} <= set(rules(result.findings))
    assert result.silenced == []
    assert result.failed() and result.criteria["simple"] == "fail"


def test_a_comment_above_silences_the_line_below_and_keeps_the_reason() -> None:
    text = doc(above="  # cxphilo: disable=vision-cliche,vision-buzzword -- our motto since 1999\n")
    result = check(text)
    assert rules(result.silenced) == ["vision-cliche", "vision-buzzword"]
    assert "vision-cliche" not in rules(result.findings)
    comment = line_of(text, "# cxphilo:")
    for finding in result.silenced:
        assert finding.line == comment + 1
        assert finding.suppressed is not None
        assert finding.suppressed.kind == "inSource"
        assert finding.suppressed.justification == "our motto since 1999"
        assert (finding.suppressed.line, finding.suppressed.column) == (comment, 3)
    # Silenced findings never fail, and the criterion they belonged to passes:
    # the review that says "simple: pass" agrees with the check again.
    assert not result.failed(strict=True)
    assert result.criteria["simple"] == "pass"
    assert result.findings == []


def test_a_comment_beside_the_value_silences_its_own_line() -> None:
    result = check(doc(beside="# cxphilo: disable=vision-cliche"))
    assert rules(result.silenced) == ["vision-cliche"]
    assert result.silenced[0].suppressed is not None
    assert result.silenced[0].suppressed.justification is None
    assert "vision-buzzword" in rules(result.findings)  # only what it names


def test_a_comment_two_lines_above_silences_nothing() -> None:
    text = doc(above="  # cxphilo: disable=vision-cliche -- too far\n  #\n")
    result = check(text)
    assert "vision-cliche" in rules(result.findings)
    (unused,) = [f for f in result.findings if f.rule == "disable-unused"]
    assert unused.line == line_of(text, "# cxphilo:")
    assert unused.level == "warning"
    assert "silences nothing" in str(unused.message)


def test_an_unknown_rule_is_a_warning_at_its_place_with_a_suggestion() -> None:
    text = doc(above="  # cxphilo: disable=vision-cliche, vision-buzzwords -- typo\n")
    result = check(text)
    (unknown,) = [f for f in result.findings if f.rule == "disable-unknown-rule"]
    row = text.split("\n")[unknown.line - 1] if unknown.line else ""
    assert unknown.line == line_of(text, "# cxphilo:")
    assert unknown.column == row.index("vision-buzzwords") + 1
    assert "did you mean “vision-buzzword”?" in str(unknown.message)
    assert rules(result.silenced) == ["vision-cliche"]  # the known one still works


@pytest.mark.parametrize("comment", ["# cxphilo: disable vision-cliche", "# cxphilo: disable="])
def test_a_comment_that_names_no_rule_is_a_warning(comment: str) -> None:
    result = check(doc(above=f"  {comment}\n"))
    assert "disable-unknown-rule" in rules(result.findings)
    assert "vision-cliche" in rules(result.findings)


@pytest.mark.parametrize(("rule", "comment"), list(COMMENTS_FIRE.items()))
def test_each_comment_rule_fires(rule: str, comment: str) -> None:
    assert rule in rules(check(doc(GOOD, above=comment)).findings)


def test_a_file_that_cannot_be_read_is_never_silenced() -> None:
    broken = doc(above="  # cxphilo: disable=schema,vision-cliche\n").replace(
        "  language: en\n", "  language: en\n  colour: blue  # cxphilo: disable=schema\n"
    )
    result = check(broken)
    assert rules(result.findings) == ["schema"]
    assert result.silenced == []
    unread = check(doc(GOOD, above="  # cxphilo: disable=schema\n"))
    (finding,) = unread.findings
    assert finding.rule == "disable-unused" and "cannot be silenced" in str(finding.message)


def test_marker_text_inside_a_value_is_not_a_comment() -> None:
    statement = '"We go the extra mile # cxphilo: disable=vision-cliche"'
    result = check(doc(statement))
    assert "vision-cliche" in rules(result.findings)
    assert result.silenced == []


def test_the_rules_configuration_still_applies_to_the_comment_rules() -> None:
    text = doc(GOOD, above="  # cxphilo: disable=vision-hedge\n")
    assert rules(check(text, rules={"disable-unused": "off"}).findings) == []
    assert [f.level for f in check(text, rules={"disable-unused": "error"}).findings] == ["error"]


# --- accepted phrases -----------------------------------------------------------------------


def test_an_accepted_phrase_silences_its_finding_whatever_the_case() -> None:
    result = check(doc(), accept={"vision-cliche": ["Go the Extra  Mile"]})
    assert rules(result.silenced) == ["vision-cliche"]
    suppressed = result.silenced[0].suppressed
    assert suppressed is not None and suppressed.kind == "external"
    assert suppressed.justification == 'accepted phrase "go the extra mile" for vision-cliche'
    assert "vision-buzzword" in rules(result.findings)


def test_a_phrase_is_accepted_for_its_own_rule_only() -> None:
    result = check(doc(), accept={"vision-buzzword": ["go the extra mile"]})
    assert result.silenced == []


def test_a_finding_about_several_phrases_needs_all_of_them_accepted() -> None:
    statement = "We go the extra mile and go above and beyond for every paddler."
    found = check(doc(statement)).findings
    (cliche,) = [f for f in found if f.rule == "vision-cliche"]
    assert cliche.words == ("go the extra mile", "above and beyond")
    one = check(doc(statement), accept={"vision-cliche": ["go the extra mile"]})
    assert "vision-cliche" in rules(one.findings)
    both = check(
        doc(statement), accept={"vision-cliche": ["Above and beyond", "go the extra mile"]}
    )
    assert rules(both.silenced) == ["vision-cliche"]


@pytest.mark.parametrize(("rule", "statement", "context"), FIRES, ids=[f[0] for f in FIRES])
def test_the_rules_that_take_accepted_phrases_are_those_that_quote_words(
    rule: str, statement: str, context: dict[str, object]
) -> None:
    judgement = judge_vision(statement, **context)  # type: ignore[arg-type]
    found = next(f for f in judgement.findings if f.rule == rule)
    words = finding_words(found.words, statement, found.span)
    assert bool(words) == (rule in ACCEPTS_PHRASES), (rule, str(found.message), words)
    for phrase in words:
        assert phrase in statement
        assert f'"{phrase}"' in str(found.message)  # the message quotes what is accepted


def test_finding_words_are_the_quoted_words_else_those_at_the_span() -> None:
    statement = 'We "leverage" synergies.'
    assert finding_words(('We "leverage" synergies',), statement, None) == (
        'We "leverage" synergies',
    )
    assert finding_words((), statement, None) == ()
    assert finding_words((), statement, (3, 14)) == ('"leverage"',)


def test_the_accepting_rules_exist() -> None:
    assert set(BY_ID) >= ACCEPTS_PHRASES


# --- what it costs ------------------------------------------------------------------------


def test_without_a_marker_or_an_accept_list_no_comment_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object) -> list[object]:
        raise AssertionError("comments were read")

    monkeypatch.setattr(silence_module, "read_directives", refuse)
    plain = doc(above="  # a comment, and cxphilo in a sentence\n")
    assert "vision-cliche" in rules(check(plain).findings)
    with pytest.raises(AssertionError, match="comments were read"):
        check(doc(above="  # cxphilo: disable=vision-cliche\n"))
