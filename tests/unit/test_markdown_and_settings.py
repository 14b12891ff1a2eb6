"""Markdown is sanitized; settings refuse unsafe production defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from cocreate.lib.errors import Invalid
from cocreate.lib.markdown import render_markdown
from cocreate.services.core.pagination import decode_cursor, encode_cursor
from cocreate.settings import Settings


def test_markdown_keeps_formatting_and_drops_scripts():
    html = render_markdown(
        "**bold** [link](https://example.org) <script>alert(1)</script> "
        "[bad](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html and "nofollow" in html
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript' not in html


def test_production_refuses_the_development_secret_key():
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(environment="production")
    assert Settings(environment="production", secret_key="s3cret-from-vault").secret_key


def test_cursors_round_trip_and_garbage_is_a_clear_error():
    assert decode_cursor(encode_cursor([3, "2026-01-01T00:00:00+00:00", "abc"]), 3) == [
        3, "2026-01-01T00:00:00+00:00", "abc"]
    with pytest.raises(Invalid):
        decode_cursor("not-a-cursor!!", 3)


def test_every_setting_is_documented_in_the_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    missing = [name.upper() for name in Settings.model_fields
               if f"| `{name.upper()}` |" not in readme]
    assert missing == []
