"""Small input checks shared by services; each failure names the field it belongs to."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from cocreate.lib.errors import Invalid
from cocreate.lib.text import has_control_characters, normalise_newlines, text_problem

Model = TypeVar("Model", bound=BaseModel)
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


class FieldErrors:
    """Collects per-field messages, then raises them all at once."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}

    def text(self, name: str, value: str | None, *, label: str, min_len: int = 1,
             max_len: int = 200, multiline: bool = False) -> str:
        """`value` trimmed, under the text policy: no control characters, and one line unless
        `multiline` (whose line breaks become LF)."""
        raw = value or ""
        cleaned = (normalise_newlines(raw) if multiline else raw).strip()
        problem = text_problem(raw, multiline=True) or text_problem(cleaned, multiline=multiline)
        if problem:
            self.fields[name] = f"{label} {problem}."
            return ""
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


def check_text(name: str, value: str, *, label: str, multiline: bool = False) -> str:
    """The text policy for one value a service takes as it is (a handle, an email, a search):
    Invalid naming `name` when it holds control characters, or line breaks where one line is
    meant; else the value, its line breaks as LF."""
    problem = text_problem(value, multiline=multiline)
    if problem:
        raise Invalid(f"{label} {problem}.", {name: f"{label} {problem}."})
    return normalise_newlines(value) if multiline else value


def refuse_control_characters(fields: Iterable[tuple[str, str]]) -> None:
    """Invalid naming each field whose value holds a control character: the text policy every
    form field gets before a service sees it (which then decides about line breaks)."""
    bad = {name: "This field cannot contain control characters (such as NUL)."
           for name, value in fields if has_control_characters(value)}
    if bad:
        raise Invalid("Please remove the control characters (such as NUL) from the "
                      "highlighted fields.", bad)


def strings_in(data: object) -> Iterator[tuple[str, str]]:
    """Every string of a JSON document (keys too) with where it is (`tags.0`), walked without
    recursion, so a deeply nested body cannot exhaust the stack here."""
    pending: list[tuple[str, object]] = [("body", data)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                name = str(key) if where == "body" else f"{where}.{key}"
                yield name, str(key)
                pending.append((name, item))
        elif isinstance(value, list):
            pending.extend((f"{where}.{number}" if where != "body" else str(number), item)
                           for number, item in enumerate(value))


def _policed(multiline: bool) -> AfterValidator:
    def police(value: str) -> str:
        problem = text_problem(value, multiline=multiline)
        if problem:
            raise PydanticCustomError("text", f"{problem[0].upper()}{problem[1:]}.")
        return normalise_newlines(value) if multiline else value

    return AfterValidator(police)


# Text fields of input models (forms and API bodies): one line (names, titles, handles, tags,
# ids), or several (bodies, bios, descriptions, notes, stories); never control characters.
SingleLineText = Annotated[str, _policed(multiline=False)]
MultiLineText = Annotated[str, _policed(multiline=True)]


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
