"""How the workshop reaches the criteria engine: the verdict it reads, and the judge.

The session holds a judge (tests hand it another) and step 4 shows its verdicts;
both import this module, which imports neither of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from cxphilo.document.model import Philosophy
from cxphilo.locale import Text

__all__ = ["JudgedFinding", "Judgement", "judge"]


class JudgedFinding(Protocol):
    """What the workshop reads of one finding of the criteria engine."""

    @property
    def criterion(self) -> str: ...
    @property
    def message(self) -> Text | str: ...
    @property
    def fix(self) -> Text | str: ...


class Judgement(Protocol):
    """What the workshop reads of the engine's verdict on a statement."""

    @property
    def criteria(self) -> Mapping[str, str]: ...
    @property
    def findings(self) -> Sequence[JudgedFinding]: ...


def judge(statement: str, doc: Philosophy) -> Judgement:
    """The check's verdicts on a statement, for this document's language, mission and capacity."""
    from cxphilo.criteria import judge_vision

    customers = doc.assessment.customers if doc.assessment else None
    result: Judgement = judge_vision(
        statement,
        language=doc.company.language,
        mission=doc.company.mission,
        capacity=doc.assessment.capacity if doc.assessment else None,
        customer_channels=customers.channels if customers else None,
    )
    return result
