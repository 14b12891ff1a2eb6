"""Input checks every service shares: each failure names its field, all are told at once."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid
from cocreate.services.core.validation import FieldErrors, slugify, valid_color, valid_slug


def test_text_is_trimmed_and_each_wrong_field_gets_its_own_message():
    errors = FieldErrors()

    assert errors.text("title", "  Mango  ", label="Title", min_len=3) == "Mango"
    errors.text("name", "   ", label="Name")
    errors.text("bio", "ab", label="About you", min_len=3)
    errors.text("note", "x" * 11, label="Note", max_len=10)

    assert errors.fields == {"name": "Name is required.",
                             "bio": "About you needs at least 3 characters.",
                             "note": "Note can be at most 10 characters."}


def test_all_messages_are_raised_at_once_and_a_field_keeps_its_first_message():
    errors = FieldErrors()
    errors.raise_if_any()  # nothing wrong: nothing raised
    errors.add("email", "Enter a valid email address.")
    errors.add("email", "This email is already registered.")
    errors.add("password", "Use at least 10 characters.")

    with pytest.raises(Invalid, match="Please correct the highlighted fields") as raised:
        errors.raise_if_any()

    assert raised.value.fields == {"email": "Enter a valid email address.",
                                   "password": "Use at least 10 characters."}


def test_slugs_are_lowercase_ascii_words_joined_by_dashes():
    assert slugify("Crème Brûlée & Co. — Summer 2026!") == "creme-brulee-co-summer-2026"
    assert slugify("x" * 80, max_len=50) == "x" * 50
    assert slugify("漢字") == ""
    assert valid_slug("summer-2026")
    for wrong in ("a", "Summer", "two--dashes", "-edge", "x" * 61, "emoji-🙂"):
        assert not valid_slug(wrong), wrong


def test_colours_are_six_hex_digits():
    assert valid_color("#1a2B3c")
    for wrong in ("1a2b3c", "#123", "#12345g", "red", "#1a2b3c "):
        assert not valid_color(wrong), wrong
