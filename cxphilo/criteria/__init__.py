"""The vision criteria engine: judge a vision statement against the method's three criteria.

Pure core, no terminal: the interactive workshop calls it while a vision is
being written, and `cxphilo check` turns its findings into check findings.

    >>> from cxphilo.criteria import judge_vision
    >>> judge_vision("Amazing service").criteria
    {'simple': 'pass', 'service': 'pass', 'future': 'pass'}
"""

from __future__ import annotations

from cxphilo.vocabulary import CRITERIA

from .capacity import Reach, describe_capacity
from .engine import (
    RULES_BY_ID,
    VISION_RULES,
    Judgement,
    VisionFinding,
    VisionRule,
    is_action_statement,
    judge_vision,
    verdicts,
)

__all__ = [
    "CRITERIA",
    "RULES_BY_ID",
    "VISION_RULES",
    "Judgement",
    "Reach",
    "VisionFinding",
    "VisionRule",
    "describe_capacity",
    "is_action_statement",
    "judge_vision",
    "verdicts",
]
