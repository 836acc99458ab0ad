"""The documents, rendered by the core: structure, gaps, languages, escaping."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cxphilo.document.model import Company, Philosophy, Value
from cxphilo.errors import UsageError
from cxphilo.render import labels as labels_module
from cxphilo.render.renderer import EXTENSIONS, KINDS, format_for, render
from cxphilo.render.view import build_view
from cxphilo.storage.store import load, parse
from tests.conftest import COMPLETE_EXAMPLES, EXAMPLES, ROOT
from tests.strategies import documents

DATA = ROOT / "tests" / "data" / "render"
ALL_DOCS = sorted(EXAMPLES.glob("*.yaml")) + sorted(DATA.glob("*.yaml"))
MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
INJECTION = "<script>alert(1)</script>"


def doc_of(path: Path) -> Philosophy:
    return load(path).doc


def yaml_doc(text: str) -> Philosophy:
    return parse(text.encode("utf-8"), "test.yaml").doc


# --- Markdown structure ---------------------------------------------------------------------


def headings(tokens: list[Token]) -> list[tuple[int, str]]:
    """(level, text) of every heading, in order."""
    found = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            found.append((int(token.tag[1]), tokens[i + 1].content.strip()))
    return found


def assert_clean_markdown(text: str) -> list[Token]:
    """One h1, no empty or skipped heading levels, no raw HTML, every table row whole."""
    tokens = MD.parse(text)
    levels = headings(tokens)
    assert [level for level, _ in levels].count(1) == 1, levels
    assert levels[0][0] == 1
    for (before, _), (after, _) in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    assert all(title for _, title in levels), f"empty heading in {levels}"
    # A heading always has something under it before the next heading at its level or above.
    types = [t.type for t in tokens]
    opens = [i for i, t in enumerate(types) if t == "heading_open"]
    for here, there in itertools.pairwise(opens):
        if levels[opens.index(there)][0] <= levels[opens.index(here)][0]:
            assert there - here > 3, f"nothing under heading {tokens[here + 1].content!r}"
    assert "html_inline" not in _all_types(tokens) and "html_block" not in types
    _assert_tables_whole(text)
    return tokens


def _all_types(tokens: list[Token]) -> set[str]:
    seen = set()
    for token in tokens:
        seen.add(token.type)
        seen.update(_all_types(token.children or []))
    return seen


def _assert_tables_whole(text: str) -> None:
    # Every row of a table has as many cells as its header: an unescaped `|` in a cell
    # would add one.
    cells = None
    for line in text.splitlines():
        if not line.startswith("|"):
            cells = None
            continue
        count = len(re.findall(r"(?<!\\)\|", line))
        if cells is None:
            cells = count
        assert count == cells, f"table row with {count - 1} cells instead of {cells - 1}: {line}"


def text_of(tokens: list[Token]) -> str:
    """All visible text of a Markdown document, one space between inline parts."""
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in {"text", "code_inline"}:
                parts.append(child.content)
            elif child.type in {"softbreak", "hardbreak"}:
                parts.append(" ")
        parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts))


@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.stem)
@pytest.mark.parametrize("kind", KINDS)
def test_markdown_is_clean(path: Path, kind: str) -> None:
    assert_clean_markdown(render(doc_of(path), kind, "md"))


@pytest.mark.parametrize("path", COMPLETE_EXAMPLES, ids=lambda p: p.stem)
def test_markdown_charter_holds_the_whole_philosophy(path: Path) -> None:
    doc = doc_of(path)
    tokens = assert_clean_markdown(render(doc, "charter", "md"))
    shown = text_of(tokens)
    assert doc.vision and doc.vision.statement
    assert " ".join(doc.vision.statement.split()) in shown
    assert doc.company.mission and doc.company.mission in shown
    titles = live_titles(headings(tokens), labels_module.labels(doc.company.language)["live"])
    # The common value behind a reworded one stands beside its name.
    assert titles == [
        f"{v.number}. {v.name}" + (f" ({v.core})" if v.core else "") for v in build_view(doc).values
    ]
    for value in doc.values:
        assert value.statement and value.statement in shown
        for metric in build_view(doc).values[doc.values.index(value)].metrics:
            assert metric.name in shown
    for team in doc.teams:
        assert team.name in shown
    # The tables a reader expects: one per value with metrics, one for the metrics no
    # value names, then the team table.
    tables = [t for t in tokens if t.type == "table_open"]
    others = 1 if build_view(doc).other_metrics else 0
    assert len(tables) == sum(1 for v in doc.values if v.metrics) + others + (1 if doc.teams else 0)
    assert "To do" not in shown and "Mangler" not in shown and "Saknas" not in shown


def live_titles(levels: list[tuple[int, str]], live: str) -> list[str]:
    """The h3 titles of the section on how we live the philosophy: one per value."""
    start = levels.index((2, live))
    titles = []
    for level, title in levels[start + 1 :]:
        if level <= 2:
            break
        titles.append(title)
    return titles


def test_the_charter_sections_come_in_the_seeds_order() -> None:
    doc = doc_of(EXAMPLES / "northwind-bikes.yaml")
    level2 = [t for level, t in headings(MD.parse(render(doc, "charter", "md"))) if level == 2]
    assert level2 == [
        "Our purpose",
        "Support vision",
        "Support values",
        "How we live our philosophy",
        "Our customers",
        "Our support model",
        "Tone and voice",
        "In our daily work",
        "How each team lives it",
        "Our culture",
        "Keeping it alive",
        "When a customer is unhappy: HELP",
    ]


def test_rubric_has_a_score_column_per_question_and_a_summary() -> None:
    doc = doc_of(EXAMPLES / "northwind-bikes.yaml")
    text = render(doc, "rubric", "md")
    tokens = assert_clean_markdown(text)
    assert doc.hiring is not None
    questions = sum(len(item.questions) for item in doc.hiring.rubric)
    # Each question is a row whose score cell is left empty for the interviewer.
    empty_score_rows = [
        line for line in text.splitlines() if re.match(r"\| \d+ \| .+ \| \|$", line)
    ]
    assert len(empty_score_rows) == questions
    assert ("Summary" in [title for _, title in headings(tokens)]) and "Score (1-5)" in text


def survey_questions(tokens: list[Token]) -> dict[str, list[str]]:
    """Per value heading of the survey, the questions listed under it."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            current = found.setdefault(tokens[i + 1].content, []) if token.tag == "h2" else None
        elif token.type == "list_item_open" and current is not None:
            current.append(tokens[i + 2].content)
    return found


def test_survey_asks_each_value_once_in_the_teams_own_words() -> None:
    doc = doc_of(EXAMPLES / "northwind-bikes.yaml")
    assert doc.listening is not None
    tokens = assert_clean_markdown(render(doc, "survey", "md"))
    asked = survey_questions(tokens)
    # Every value has the team's own question, and only that one.
    for number, value in enumerate(doc.values, start=1):
        own = [q.question for q in doc.listening.survey if q.value == value.name]
        assert asked[f"{number}. {value.name}"] == own
    assert "What does “" not in text_of(tokens)
    for team in doc.teams:
        assert team.name in text_of(tokens)
    # A value the team wrote no question for is asked the standard one, once.
    doc.listening.survey = [q for q in doc.listening.survey if q.value != "Speed"]
    for fmt in ("md", "html"):
        text = render(doc, "survey", fmt)
        assert text.count("What does “Speed” mean in your daily work?") == 1
        assert text.count("mean in your daily work?") == 1
    asked = survey_questions(MD.parse(render(doc, "survey", "md")))
    assert asked["4. Speed"] == ["What does “Speed” mean in your daily work?"]


# --- HTML structure -------------------------------------------------------------------------


class Outline(HTMLParser):
    """Headings, the `lang` attribute, and whether every element is closed in order."""

    VOID: ClassVar[set[str]] = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.lang: str | None = None
        self.tags: set[str] = set()
        self._heading: list[str] | None = None
        self.text: list[str] = []
        self.attributes: set[str] = set()
        self.style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._heading = []
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self.stack and self.stack[-1] == "style":
            self.style += data
        if not self.stack or self.stack[-1] not in {"style", "title"}:
            self.text.append(data)


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], f"unclosed: {parser.stack}"
    return parser


@pytest.mark.parametrize("path", ALL_DOCS, ids=lambda p: p.stem)
@pytest.mark.parametrize("kind", KINDS)
def test_html_is_one_self_contained_well_formed_page(path: Path, kind: str) -> None:
    doc = doc_of(path)
    html = render(doc, kind, "html")
    page = outline(html)
    assert page.lang == doc.company.language
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    assert max(levels) <= 3
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1
    assert all(title for _, title in page.headings)
    # Nothing that runs or loads: no script, no external file, font or image.
    assert not page.tags & {"script", "link", "img", "iframe", "object", "embed", "a"}
    assert not page.attributes & {"src", "href", "srcset", "onload", "onerror", "style"}
    for forbidden in ("url(", "@import", "@font-face", "//"):
        assert forbidden not in page.style, forbidden
    assert '<meta name="viewport"' in html and "@media print" in html


def test_html_print_styles_keep_each_value_on_one_page() -> None:
    html = render(doc_of(EXAMPLES / "northwind-bikes.yaml"), "charter", "html")
    print_css = html[html.index("@media print") :]
    rule = print_css[: print_css.index("break-inside: avoid")]
    assert ".value-card" in rule and ".metric" in rule


@pytest.mark.parametrize("path", COMPLETE_EXAMPLES, ids=lambda p: p.stem)
def test_html_charter_holds_the_whole_philosophy(path: Path) -> None:
    doc = doc_of(path)
    page = outline(render(doc, "charter", "html"))
    shown = " ".join(" ".join(page.text).split())
    assert doc.vision and doc.vision.statement and doc.vision.statement in shown
    assert [t for level, t in page.headings if level == 3][: len(doc.values)] == [
        f"{v.number} {v.name}" + (f" {v.core}" if v.core else "") for v in build_view(doc).values
    ]
    for metric in build_view(doc).metrics:
        assert metric.name in shown


# --- what a person typed is shown as typed ----------------------------------------------------


def test_everything_typed_is_escaped_in_html() -> None:
    doc = doc_of(DATA / "tricky.yaml")
    for kind in KINDS:
        html = render(doc, kind, "html")
        body = html[html.index("</style>") :]
        for raw in ("<script>", "<b>", "<img", "<iframe>", "<policy>", "<HELP>"):
            assert raw not in body, (kind, raw)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert "&amp;amp; is not an entity" in html or kind != "charter"


def test_everything_typed_is_plain_text_in_markdown() -> None:
    doc = doc_of(DATA / "tricky.yaml")
    for kind in KINDS:
        tokens = assert_clean_markdown(render(doc, kind, "md"))
        types = _all_types(tokens)
        assert not types & {"link_open", "image", "s_open", "code_inline"}, kind
        assert INJECTION in text_of(tokens)
    shown = text_of(MD.parse(render(doc, "charter", "md")))
    assert "**Make** *customers* [happy](http://example.com) <b>now</b>" in shown
    assert "&amp; is not an entity here" in shown


CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ESCAPED_YAML = r"""
company: {name: "Acme\e]0;pwned\a", mission: "Fix\e[2Jit"}
values:
  - name: "Speed\x1b[31m"
    statement: "Act\u202efast"
    description: "First line\nsecond line\twith a tab\x07"
    metrics: [NPS]
teams: [{name: "Ops\x9b", activities: ["Ring\a"]}]
listening:
  survey: [{value: "Speed\x1b[31m", question: "Why\x08?"}]
hiring:
  rubric: [{value: "Speed\x1b[31m", questions: ["Q\x00?"], strong_answer: "A\x1b"}]
"""


@pytest.mark.parametrize("kind", KINDS)
def test_control_characters_from_yaml_escapes_are_shown_as_escapes(kind: str) -> None:
    doc = yaml_doc(ESCAPED_YAML)
    assert "\x1b" in doc.company.name  # the YAML escape did arrive as the character
    html = render(doc, kind, "html")
    md = render(doc, kind, "md")
    for text in (html, md):
        assert not CONTROLS.search(text), repr(CONTROLS.search(text))
    assert "Acme\\e]0;pwned\\a" in html
    shown = text_of(assert_clean_markdown(md))
    assert "Acme\\e]0;pwned\\a" in shown
    assert "Speed\\e[31m" in shown
    if kind == "charter":
        assert "Act\\u202efast" in shown and "Fix\\e[2Jit" in shown
        # A line break is white space in both formats; a bell is not.
        assert "First line second line with a tab\\a" in shown
        assert "Ops\\x9b" in html and "Ring\\a" in html
    # The document the workshop keeps is not touched.
    assert doc.company.name == "Acme\x1b]0;pwned\x07"


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(documents)
def test_any_valid_document_renders_every_document_cleanly(doc: Philosophy) -> None:
    doc.values.append(Value(name=INJECTION, statement=INJECTION, metrics=[INJECTION]))
    for kind in KINDS:
        html = render(doc, kind, "html")
        assert INJECTION not in html
        outline(html)
        assert INJECTION in text_of(assert_clean_markdown(render(doc, kind, "md")))


# --- partly finished documents -------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_document_with_only_the_company_renders_with_marked_gaps(kind: str, fmt: str) -> None:
    doc = doc_of(DATA / "company-only.yaml")
    text = render(doc, kind, fmt)
    assert "Acme Bikes" in text
    assert "values not chosen yet — step 3" in text
    if kind == "charter":
        for gap in (
            "our purpose is not written yet — step 1",
            "vision not written yet — step 4",
            "action statements and metrics not written yet — step 5",
            "support model not chosen yet — step 2",
            "tone and voice not written yet — step 5",
            "teams and their key activities not written yet — step 7",
            "review cadence not set yet — step 7",
        ):
            assert gap in text
    if fmt == "md":
        assert_clean_markdown(text)
        assert text.count("> **To do:**") >= 1
    else:
        outline(text)
        assert '<p class="gap"><strong>To do:</strong>' in text


def test_gaps_inside_a_half_written_charter() -> None:
    doc = doc_of(DATA / "halfway.yaml")
    text = render(doc, "charter", "md")
    assert_clean_markdown(text)
    assert "handlingsutsagnet for Glede er ikke skrevet ennå — steg 5" in text
    assert "målinger for Glede er ikke valgt ennå — steg 5" in text
    assert "SAFE\\_TRIPS finnes verken i målingskatalogen" in text
    assert "visjonen er ikke gjennomgått ennå — steg 4" in text
    # A description in two paragraphs stays two paragraphs.
    assert "Vi sier fra når været er for dårlig.\n\nOgså når det koster" in text


def test_a_review_of_an_older_vision_is_flagged() -> None:
    doc = doc_of(EXAMPLES / "flawed.yaml")
    text = render(doc, "charter", "md")
    assert "the vision changed after the team reviewed it; it needs a new review — step 4" in text
    assert "HAPPINESS is neither in the metric catalogue nor defined under metrics" in text


def test_rubric_and_survey_keep_items_for_values_not_chosen() -> None:
    doc = doc_of(DATA / "halfway.yaml")
    rubric = render(doc, "rubric", "md")
    assert "## 4. Tålmodighet" in rubric
    assert "profilspørsmål for Trygghet er ikke skrevet ennå — steg 6" in rubric
    survey = render(doc, "survey", "md")
    assert "Når føler du deg usikker på om en tur er trygg nok?" in survey


def test_the_step_of_a_gap_is_the_step_that_fills_it() -> None:
    from cxphilo.document.steps import BY_NAME
    from cxphilo.render.renderer import GAP_STEPS

    # The numbers shown are those of the workshop's steps.
    assert GAP_STEPS["vision"] == BY_NAME["vision"].number
    assert GAP_STEPS["model"] == BY_NAME["model"].number
    assert GAP_STEPS["values"] == BY_NAME["values"].number
    assert GAP_STEPS["statement"] == BY_NAME["actions"].number
    assert GAP_STEPS["questions"] == BY_NAME["share"].number
    assert GAP_STEPS["teams"] == BY_NAME["listen"].number
    for key in GAP_STEPS:
        assert f"gap_{key}" in labels_module.EN


# --- languages and numbers --------------------------------------------------------------------


def test_labels_follow_the_document_language() -> None:
    danish = render(doc_of(EXAMPLES / "lyskilde-fiber.yaml"), "charter", "md")
    assert "## Vores formål" in danish and "## Supportvision" in danish
    assert "Our purpose" not in danish
    swedish = render(doc_of(EXAMPLES / "smedjan-te.yaml"), "charter", "html")
    assert '<html lang="sv">' in swedish and "Vårt syfte" in swedish


def test_a_missing_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    partial = {k: v for k, v in labels_module.DA.items() if k != "purpose"}
    monkeypatch.setitem(labels_module.TABLES, "da", partial)
    doc = Philosophy(company=Company(name="Lyskilde", mission="Internet.", language="da"))
    text = render(doc, "charter", "md")
    assert "## Our purpose" in text
    assert "## Supportvision" in text


def test_numbers_are_written_the_way_the_language_writes_them() -> None:
    base = "schema: 1\ncompany: {{name: A, language: {lang}}}\n" + (
        "values: [{{name: V, metrics: [FCR]}}]\nmetrics: [{{id: FCR, baseline: {{value: 71.5}}}}]\n"
    )
    shown = {
        lang: build_view(yaml_doc(base.format(lang=lang))).values[0].metrics[0].baseline
        for lang in ("en", "da", "tr", "zh")
    }
    assert {lang: m.value for lang, m in shown.items() if m} == {
        "en": "71.5%",
        "da": "71,5 %",
        "tr": "%71,5",
        "zh": "71.5%",
    }


def test_the_documents_own_unit_and_definition_come_first() -> None:
    view = build_view(doc_of(EXAMPLES / "northwind-bikes.yaml"))
    speed = next(v for v in view.values if v.name == "Speed")
    frt = speed.metrics[0]
    assert frt.baseline and frt.baseline.value == "95 working minutes"
    custom = next(v for v in view.values if v.name == "Transparency").metrics[1]
    assert (custom.id, custom.name, custom.defined) == ("SAME_DAY", "Same-day repairs", True)
    assert custom.title == "Same-day repairs (SAME_DAY)"


# --- the function itself ------------------------------------------------------------------


def test_rendering_is_deterministic_and_leaves_the_document_alone() -> None:
    doc = doc_of(EXAMPLES / "northwind-bikes.yaml")
    before = doc.model_dump()
    first = [render(doc, kind, fmt) for kind in KINDS for fmt in ("md", "html")]
    second = [render(doc, kind, fmt) for kind in KINDS for fmt in ("md", "html")]
    assert first == second
    assert doc.model_dump() == before
    assert all(text.endswith("\n") and not text.endswith("\n\n") for text in first)


def test_unknown_kind_or_format_is_a_usage_error() -> None:
    doc = Philosophy(company=Company(name="A"))
    with pytest.raises(UsageError, match="unknown document 'poster'"):
        render(doc, "poster", "md")
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        render(doc, "charter", "pdf")


@pytest.mark.parametrize(("name", "fmt"), sorted(EXTENSIONS.items()))
def test_the_format_follows_the_extension(name: str, fmt: str) -> None:
    assert format_for(Path("out" + name.upper()), None) == fmt
    assert format_for(Path("out" + name), "md") == "md"


def test_no_output_file_means_markdown_and_an_unknown_extension_is_refused() -> None:
    assert format_for(None, None) == "md"
    assert format_for(None, "html") == "html"
    with pytest.raises(UsageError, match=r"cannot tell the format of charter\.pdf"):
        format_for(Path("charter.pdf"), None)
    with pytest.raises(UsageError, match="no extension"):
        format_for(Path("charter"), None)


@pytest.mark.parametrize("kind", KINDS)
def test_a_blank_name_never_leaves_an_empty_heading(kind: str) -> None:
    doc = Philosophy(
        company=Company(name=" ", language="da"),
        values=[Value(name=" \n ", metrics=[" "])],
    )
    text = render(doc, kind, "md")
    assert_clean_markdown(text)
    assert "(uden navn)" in text
    page = outline(render(doc, kind, "html"))
    assert all(title for _, title in page.headings)


def test_the_catalogue_definitions_are_in_the_documents_language() -> None:
    danish = render(doc_of(EXAMPLES / "lyskilde-fiber.yaml"), "charter", "html")
    assert "How willing customers are to recommend" not in danish
    assert 'lang="en">' not in danish.split("<body", 1)[1]
    english = render(doc_of(EXAMPLES / "northwind-bikes.yaml"), "charter", "html")
    assert "How willing customers are to recommend" in english


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "31 August 2027"),
        ("da", "31. august 2027"),
        ("sv", "31 augusti 2027"),
        ("nb", "31. august 2027"),
        ("tr", "31 Ağustos 2027"),
        ("zh", "2027年8月31日"),
    ],
)
def test_a_date_is_written_in_words_in_the_documents_language(language: str, written: str) -> None:
    doc = doc_of(EXAMPLES / "lyskilde-fiber.yaml")
    doc.company.language = language
    markdown = render(doc, "charter", "md")
    assert f"({written})" in markdown
    assert "2027-08-31" not in markdown
    assert f'<time datetime="2027-08-31">{written}</time>' in render(doc, "charter", "html")
