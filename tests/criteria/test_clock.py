"""Closing times read from a statement, in the six languages."""

from __future__ import annotations

import pytest

from cxphilo.criteria.clock import closings
from cxphilo.criteria.text import fold


def read(language: str, statement: str) -> list[tuple[str, str]]:
    folded = fold(statement, language)
    found = []
    for closing in closings(language, folded):
        hours, minutes = divmod(closing.minutes, 60)
        found.append((statement[closing.span[0] : closing.span[1]], f"{hours:02d}:{minutes:02d}"))
    return found


@pytest.mark.parametrize(
    ("language", "statement", "found"),
    [
        ("en", "We answer until 22:00.", [("until 22:00", "22:00")]),
        ("en", "Chat until eight in the evening.", [("until eight in the evening", "20:00")]),
        ("en", "Open till 10pm.", [("till 10pm", "22:00")]),
        ("en", "Open till 09:30 p.m. on Fridays.", [("till 09:30 p.m.", "21:30")]),
        ("en", "Open until 8 o'clock.", [("until 8 o'clock", "20:00")]),  # a closing time
        ("en", "Open until 11 in the morning.", [("until 11 in the morning", "11:00")]),
        ("en", "Until midnight.", [("Until midnight", "24:00")]),
        ("en", "Until noon.", [("Until noon", "12:00")]),
        ("en", "Until 2am.", [("Until 2am", "26:00")]),  # after midnight
        ("en", "Until 00:00.", [("Until 00:00", "24:00")]),
        ("en", "Until 12am.", [("Until 12am", "24:00")]),
        ("en", "Stay with it until it is solved.", []),
        ("en", "Until 25:00.", []),
        ("en", "Until 80% say yes.", []),
        ("da", "Vi svarer til kl. 20.", [("til kl. 20", "20:00")]),
        ("da", "Åbent til midnat.", [("til midnat", "24:00")]),
        ("sv", "Vi svarar till klockan 21.30.", [("till klockan 21.30", "21:30")]),
        ("nb", "Åpent frem til klokka 22.", [("frem til klokka 22", "22:00")]),
        ("tr", "Akşam 8'e kadar yanınızdayız.", [("Akşam 8'e kadar", "20:00")]),
        ("tr", "Saat 22.00'ye kadar destek.", [("Saat 22.00'ye kadar", "22:00")]),
        ("tr", "Gece yarısına kadar açığız.", [("Gece yarısına kadar", "24:00")]),
        ("tr", "48 saate kadar yanıt.", []),
        ("zh", "晚上10点前回复。", [("晚上10点前", "22:00")]),
        ("zh", "营业到晚上八点。", [("到晚上八点", "20:00")]),
        ("zh", "客服到午夜。", [("到午夜", "24:00")]),
        ("zh", "得到100%满意。", []),
    ],
)
def test_closing_times(language: str, statement: str, found: list[tuple[str, str]]) -> None:
    assert read(language, statement) == found
