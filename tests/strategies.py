"""Hypothesis strategies for whole philosophy documents, Unicode included."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from cxphilo.model import (
    CHANNELS,
    DAYS,
    LANGUAGES,
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
