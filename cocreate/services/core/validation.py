"""Small input checks shared by services; each failure names the field it belongs to."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cocreate.lib.errors import Invalid

Model = TypeVar("Model", bound=BaseModel)
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class FieldErrors:
    """Collects per-field messages, then raises them all at once."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}

    def text(self, name: str, value: str | None, *, label: str, min_len: int = 1,
             max_len: int = 200) -> str:
        cleaned = (value or "").strip()
        if len(cleaned) < min_len:
            self.fields[name] = (
                f"{label} is required." if min_len == 1
                else f"{label} needs at least {min_len} characters."
            )
        elif len(cleaned) > max_len:
            self.fields[name] = f"{label} can be at most {max_len} characters."
        return cleaned

    def add(self, name: str, message: str) -> None:
        self.fields.setdefault(name, message)

    def raise_if_any(self, message: str = "Please correct the highlighted fields.") -> None:
        if self.fields:
            raise Invalid(message, self.fields)


def field_messages(error: ValidationError) -> dict[str, str]:
    """What an input model found wrong, one message per field (`a.0.b` for nested ones)."""
    fields: dict[str, str] = {}
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"]) or "body"
        fields.setdefault(name, problem["msg"])
    return fields


def read(model: type[Model], data: dict[str, Any]) -> Model:
    """`data` as an input model; Invalid naming each field it refuses."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise Invalid("Please correct the highlighted fields.", field_messages(error)) from error


@dataclass(frozen=True)
class Limit:
    """What a number may be, and the message when it is not: the service checks it, and the
    input models of forms and API bodies document it (OpenAPI minimum and maximum)."""

    low: int
    high: int
    message: str

    def check(self, errors: FieldErrors, name: str, value: int | None) -> None:
        if value is not None and not self.low <= value <= self.high:
            errors.add(name, self.message)

    def schema(self) -> dict[str, int]:
        return {"minimum": self.low, "maximum": self.high}


def slugify(text: str, max_len: int = 50) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].strip("-")


def valid_slug(slug: str) -> bool:
    return bool(_SLUG_RE.match(slug)) and 2 <= len(slug) <= 60


def valid_color(color: str) -> bool:
    return bool(_COLOR_RE.match(color))
