"""Core operations on documents that more than one command needs."""

from __future__ import annotations

from pydantic import ValidationError

from cxphilo.document.model import Company, Philosophy
from cxphilo.errors import UsageError
from cxphilo.vocabulary import LANGUAGES


def new_document(
    company: str, mission: str | None = None, language: str | None = None
) -> Philosophy:
    """A fresh philosophy with only the company filled in."""
    company = company.strip()
    if not company:
        raise UsageError("the company name cannot be empty")
    language = (language or "en").strip().lower()
    if language not in LANGUAGES:
        raise UsageError(
            f"language '{language}' is not supported", hint=f"use one of: {', '.join(LANGUAGES)}"
        )
    try:
        return Philosophy(
            company=Company(
                name=company, mission=(mission or "").strip() or None, language=language
            )
        )
    except ValidationError as exc:  # pragma: no cover - the checks above cover the fields
        raise UsageError(str(exc)) from None
