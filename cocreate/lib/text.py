"""Words about numbers, for pages, mails and the reasons shown beside rankings; and the one
policy for what text people may send (no control characters; one line where one is meant)."""

from __future__ import annotations

import re


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """1 idea, 2 ideas."""
    word = singular if number == 1 else (plural or singular + "s")
    return f"{number:,} {word}"


# C0 control characters (NUL, bell, escape...): never part of what someone means to write, and
# PostgreSQL cannot store NUL at all. TAB is allowed everywhere; LF and CR only where a text may
# hold several lines.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_LINE_BREAK = re.compile(r"[\r\n]")


def has_control_characters(value: str) -> bool:
    """True when `value` holds a C0 control character other than TAB, LF or CR."""
    return _CONTROL.search(value) is not None


def without_control_characters(value: str) -> str:
    """`value` with its control characters (other than TAB, LF, CR) taken out: what a refused
    form shows again of what was typed."""
    return _CONTROL.sub("", value)


def text_problem(value: str, *, multiline: bool) -> str | None:
    """Why `value` is not acceptable text, or None: control characters are refused in every
    text, line breaks in single-line text (names, titles, subjects...)."""
    if has_control_characters(value):
        return "cannot contain control characters (such as NUL)"
    if not multiline and _LINE_BREAK.search(value):
        return "must be on one line"
    return None


def normalise_newlines(value: str) -> str:
    """Line breaks as LF, whatever the browser or client sent (CRLF, CR)."""
    return value.replace("\r\n", "\n").replace("\r", "\n")
