"""Hypothesis strategies for whole philosophy documents, Unicode included."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import strategies as st

from cxphilo.document.model import (
    Assessment,
    Ballot,
    Brainstorm,
    Capacity,
    Company,
    Customers,
    Governance,
    Idea,
    Measurement,
    MetricEntry,
    Philosophy,
    Round,
    SupportModel,
    Value,
    Verdicts,
    Vision,
    VisionReview,
)
from cxphilo.vocabulary import CHANNELS, DAYS, LANGUAGES

# Text as people type it in a workshop: any script, punctuation, YAML-significant
# characters, line breaks; no surrogates (they cannot be typed or stored as UTF-8).
_ALPHABET = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
SAMPLES = st.sampled_from(
    [
        "Müşteri her zaman haklıdır",
        "让每一位骑行者都满意",
        "Vi står klar, når det brænder på",
        "Ærlighed før alt",
        "yes",
        "null",
        "2026-01-01",
        "- not a list",
        "key: value",
        "# not a comment",
        "'quoted'",
        '"double"',
        "0x1F",
        "1e3",
        "  leading and trailing  ",
        "line one\nline two\n",
        "tab\there",
        "~",
        "@at",
        "%percent",
    ]
)
text = st.one_of(SAMPLES, st.text(_ALPHABET, min_size=1, max_size=40))
maybe_text = st.none() | text
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
numbers = st.integers(-(10**6), 10**6) | st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
hours = st.one_of(
    st.just("24h"),
    st.builds(lambda a, b: f"{a:02d}:00-{b:02d}:30", st.integers(0, 11), st.integers(12, 23)),
)


def _subset(items: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(items), unique=True, max_size=len(items))


capacities = st.builds(
    Capacity,
    team_size=st.none() | st.integers(1, 500),
    days=_subset(DAYS),
    hours=st.none() | hours,
    channels=_subset(CHANNELS),
)
assessments = st.builds(
    Assessment,
    purpose=maybe_text,
    support_role=maybe_text,
    goal=st.none() | st.sampled_from(["delight", "reduce-effort"]),
    principles=st.lists(text, max_size=3),
    customers=st.none()
    | st.builds(Customers, needs=st.lists(text, max_size=3), channels=_subset(CHANNELS)),
    insight_sources=st.lists(text, max_size=2),
    capacity=st.none() | capacities,
)
values = st.builds(
    Value,
    name=text,
    statement=maybe_text,
    description=maybe_text,
    metrics=st.lists(st.sampled_from(["NPS", "CSAT", "FCR", "CUSTOM_1"]), max_size=3),
    technology=st.lists(text, max_size=2),
)
visions = st.builds(
    Vision,
    statement=maybe_text,
    drafts=st.lists(text, max_size=2),
    review=st.none()
    | st.builds(
        VisionReview,
        statement=text,
        date=st.none() | dates,
        reviewers=st.lists(text, max_size=2),
        verdicts=st.builds(
            Verdicts,
            simple=st.none() | st.sampled_from(["pass", "fail"]),
            service=st.none() | st.sampled_from(["pass", "fail"]),
            future=st.none() | st.sampled_from(["pass", "fail"]),
        ),
    ),
)
brainstorms = st.builds(
    Brainstorm,
    participants=st.lists(text, max_size=3),
    ideas=st.lists(st.builds(Idea, text=text, by=maybe_text, value=maybe_text), max_size=3),
    rounds=st.lists(
        st.builds(
            Round,
            options=st.lists(text, max_size=3),
            votes_per_person=st.integers(1, 5),
            votes=st.lists(
                st.builds(Ballot, by=text, options=st.lists(text, max_size=2)), max_size=2
            ),
            revote=st.none() | st.booleans(),
        ),
        max_size=2,
    ),
)
metric_entries = st.builds(
    MetricEntry,
    id=st.from_regex(r"\A[A-Za-z][A-Za-z0-9_-]{0,8}\Z"),
    name=maybe_text,
    baseline=st.none() | st.builds(Measurement, value=numbers, date=st.none() | dates),
    target=st.none() | st.builds(Measurement, value=numbers, date=st.none() | dates),
)

documents = st.builds(
    Philosophy,
    company=st.builds(Company, name=text, mission=maybe_text, language=st.sampled_from(LANGUAGES)),
    assessment=st.none() | assessments,
    model=st.none()
    | st.builds(
        SupportModel,
        choice=st.none() | st.sampled_from(["issue-centric", "customer-centric"]),
        rationale=maybe_text,
    ),
    brainstorm=st.none() | brainstorms,
    values=st.lists(values, max_size=6),
    vision=st.none() | visions,
    metrics=st.lists(metric_entries, max_size=2),
    governance=st.none()
    | st.builds(
        Governance,
        cadence=st.none() | st.sampled_from(["monthly", "yearly"]),
        next_review=st.none() | dates,
        conflicts=maybe_text,
    ),
    notes=maybe_text,
)


@st.composite
def documents_sharing_a_date(draw: st.DrawFn) -> Philosophy:
    """A document in which one date object is every date, as when a workshop sets
    baselines, targets and the next review on the same day."""
    doc = draw(documents)
    day = draw(dates)
    ids = draw(st.lists(st.from_regex(r"\A[A-Za-z][A-Za-z0-9_-]{0,8}\Z"), min_size=2, max_size=4))
    doc.metrics = [
        MetricEntry(
            id=metric,
            baseline=Measurement(value=draw(numbers), date=day),
            target=Measurement(value=draw(numbers), date=day),
        )
        for metric in ids
    ]
    doc.governance = Governance(next_review=day, cadence=draw(st.sampled_from(["monthly", None])))
    if doc.vision is not None and doc.vision.review is not None:
        doc.vision.review.date = day
    return doc


# Plain data as YAML holds it, for the dumper on its own.
_keys = st.one_of(
    st.sampled_from(["yes", "null", "~", "1", "2026-01-01", "key: value", "# x", "-"]),
    st.text(st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=8),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, text, dates)


@st.composite
def data_with_shared_parts(draw: st.DrawFn) -> dict[str, object]:
    """A mapping in which the same object (a date, a list, a mapping, one inside
    another) sits in several places."""
    pool: list[object] = draw(
        st.lists(
            dates | st.lists(scalars, max_size=3) | st.dictionaries(_keys, scalars, max_size=3),
            min_size=1,
            max_size=3,
        )
    )
    pool += draw(
        st.lists(
            st.lists(st.sampled_from(pool), min_size=1, max_size=3)
            | st.dictionaries(_keys, st.sampled_from(pool), min_size=1, max_size=3),
            max_size=2,
        )
    )
    tree = st.recursive(
        scalars | st.sampled_from(pool),
        lambda kids: st.lists(kids, max_size=4) | st.dictionaries(_keys, kids, max_size=4),
        max_leaves=25,
    )
    data: dict[str, object] = draw(st.dictionaries(_keys, tree, max_size=4))
    shared = draw(st.sampled_from(pool))
    data["first place"] = shared
    data["second place"] = [shared, draw(st.sampled_from(pool))]
    return data


# What a person may write after `#`: letters, digits, punctuation, symbols and
# spaces of any script. `~` is left out: it separates a comment's number from its text.
_comment_text = st.text(
    st.characters(
        whitelist_categories=("L", "N", "P", "S", "Zs"),
        blacklist_characters="~\x85\u2028\u2029",
    ),
    max_size=20,
)


def _scalar_lines(text: str) -> tuple[set[int], set[int], set[int]]:
    """Lines (0-based) inside a scalar that spans lines; the lines such scalars start
    on; and the lines that end with a quote or a bracket, where a `#` right after
    it starts a comment (after a plain word it would be part of the word).

    Block scalars' first lines (`key: |`) are left out of the second set: a
    comment may follow the `|`.
    """
    inside: set[int] = set()
    starts: set[int] = set()
    last_token: dict[int, yaml.Token] = {}
    scanner = yaml.SafeLoader(text)
    try:
        while scanner.check_token():
            token = scanner.get_token()  # type: ignore[no-untyped-call]
            last_token[token.end_mark.line] = token
            if not isinstance(token, yaml.ScalarToken):
                continue
            first, last = token.start_mark.line, token.end_mark.line
            if token.end_mark.column == 0:
                last -= 1  # the scalar ends with the line break before this line
            if last > first:
                inside.update(range(first + 1, last + 1))
                if token.style not in ("|", ">"):
                    starts.add(first)
    finally:
        scanner.dispose()
    closed = {
        line
        for line, token in last_token.items()
        if isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken))
        or (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'))
    }
    return inside, starts, closed


_MULTILINE = ["line one\nline two\n", "first\nsecond", "  indented\nnot\n", "kept\n\nblank\n\n"]


@st.composite
def commented_documents(draw: st.DrawFn) -> tuple[Philosophy, str, list[str]]:
    """A document as cxphilo writes it, with comments added where a person may put
    them: above keys and list items at any indentation, beside scalars, beside
    block-scalar headers (`notes: |  # why`), beside list items, at the top and
    at the end. Returns the document, the commented text and every comment's text.
    """
    from cxphilo.storage.store import render

    doc = draw(documents)
    # Blocks of text (`notes: |`) in most documents: their first line is where
    # comments were lost.
    doc.notes = draw(st.sampled_from([doc.notes, *_MULTILINE]))
    for value in doc.values:
        value.description = draw(st.sampled_from([value.description, *_MULTILINE]))
    text = render(doc)[0]
    lines = text.split("\n")[:-1]  # the text ends with a line break
    inside, starts, closed = _scalar_lines(text)
    above_slots = [n for n in range(len(lines)) if n not in inside]
    beside_slots = [n for n in range(len(lines)) if n not in inside and n not in starts]
    headers = [n for n in beside_slots if re.search(r"[|>][0-9+-]*$", lines[n])]
    places = ["above", "beside", "end", *(["header"] if headers else [])]
    above: dict[int, list[str]] = {}
    beside: dict[int, list[str]] = {}
    end: list[str] = []
    comments: list[str] = []
    for number in range(draw(st.integers(1, 12))):
        comment = f"#{draw(st.sampled_from(['', ' ']))}c{number}~{draw(_comment_text)}".rstrip()
        comments.append(comment)
        where = draw(st.sampled_from(places))
        if where == "above":
            line = draw(st.sampled_from(above_slots))
            indent = len(lines[line]) - len(lines[line].lstrip(" "))
            pad = " " * draw(st.integers(0, indent))
            above.setdefault(line, []).append(pad + comment)
        elif where in ("beside", "header"):
            line = draw(st.sampled_from(beside_slots if where == "beside" else headers))
            spaces = draw(st.integers(0 if line in closed else 1, 3))
            beside.setdefault(line, []).append(" " * spaces + comment)
        else:
            end.append(comment)
    out: list[str] = []
    for number, original in enumerate(lines):
        out.extend(above.get(number, []))
        out.append(original + "".join(beside.get(number, [])))
    out.extend(end)
    return doc, "\n".join(out) + "\n", comments
