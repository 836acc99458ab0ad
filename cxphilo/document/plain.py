"""Helpers on plain data (dicts and lists) that need no pydantic.

They live apart from `model` so that the fast paths (`cxphilo check`) can use
them without importing pydantic.
"""

from __future__ import annotations

from typing import Any


def prune(data: Any) -> Any:
    """Drop None, empty lists and empty mappings, recursively; keep False and 0."""
    if isinstance(data, dict):
        pruned = {key: prune(value) for key, value in data.items()}
        return {key: value for key, value in pruned.items() if not _empty(value)}
    if isinstance(data, list):
        return [prune(item) for item in data]
    return data


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {}
