"""The stylesheets: every file in static/css/ is in the one ordered list, pages get them joined in
that order as one file, and each file says what it styles and closes every rule it opens (a
rule left open nests every rule after it, which then matches nothing)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cocreate.templating import CSS_DIR, STYLESHEETS, TEMPLATES_DIR, Stylesheet

CSS_FILES = sorted(CSS_DIR.glob("*.css"))


def test_every_stylesheet_is_listed_once_and_every_listed_one_exists() -> None:
    assert len(STYLESHEETS) == len(set(STYLESHEETS)), "a stylesheet is listed twice"
    assert sorted(STYLESHEETS) == [path.name for path in CSS_FILES]


def test_the_foundation_comes_first_and_preferences_last() -> None:
    assert STYLESHEETS[:2] == ("tokens.css", "base.css")
    assert STYLESHEETS[-1] == "preferences.css"  # reduced motion and print override all


def test_pages_link_the_stylesheets_only_as_one_file() -> None:
    linking = []
    for template in TEMPLATES_DIR.rglob("*.html"):
        text = template.read_text()
        name = template.relative_to(TEMPLATES_DIR).as_posix()
        assert "/static/css/" not in text, f"{name} links a stylesheet of its own"
        if '<link rel="stylesheet" href="{{ stylesheet_url() }}">' in text:
            linking.append(name)
    assert sorted(linking) == ["base.html", "pages/sharing/embed.html"]


def test_the_one_file_joins_every_stylesheet_once_in_order() -> None:
    body = Stylesheet().body.decode()
    starts = [body.index(f"/* {name} */\n{(CSS_DIR / name).read_text()}") for name in STYLESHEETS]
    assert starts == sorted(starts)


def test_an_edited_stylesheet_is_served_at_a_new_address_when_watching(tmp_path: Path) -> None:
    css = tmp_path / "css"
    shutil.copytree(CSS_DIR, css)
    watching, built_once = Stylesheet(css, watch=True), Stylesheet(css)
    before = watching.url()
    assert before == built_once.url() == f"/static/css/app.css?v={built_once.version}"

    with (css / "tags.css").open("a") as tags:
        tags.write("\n.tag-new {\n  color: red;\n}\n")

    assert watching.url() != before
    assert b".tag-new {" in watching.body
    assert built_once.url() == before  # production builds once, at start-up


def blocks(css: str) -> list[tuple[str, str | None]]:
    """Each block a stylesheet opens, as (its prelude, the prelude of the block around it);
    raises ValueError when a brace does not match or a comment or string is not closed."""
    found: list[tuple[str, str | None]] = []
    open_blocks: list[str] = []
    prelude_start = 0
    i = 0
    while i < len(css):
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            if end == -1:
                raise ValueError("a comment is not closed")
            i = end + 2
            continue
        char = css[i]
        if char in "\"'":
            end = i + 1
            while end < len(css) and css[end] not in (char, "\n"):
                end += 2 if css[end] == "\\" else 1
            if end >= len(css) or css[end] != char:
                raise ValueError("a string is not closed")
            i = end + 1
            continue
        if char == "{":
            prelude = re.sub(r"/\*.*?\*/", "", css[prelude_start:i], flags=re.S)
            prelude = " ".join(prelude.split())
            found.append((prelude, open_blocks[-1] if open_blocks else None))
            open_blocks.append(prelude)
            prelude_start = i + 1
        elif char == "}":
            if not open_blocks:
                raise ValueError("a } closes nothing")
            open_blocks.pop()
            prelude_start = i + 1
        elif char == ";":
            prelude_start = i + 1
        i += 1
    if open_blocks:
        raise ValueError(f"{open_blocks[-1]} {{ is not closed")
    return found


@pytest.mark.parametrize("path", CSS_FILES, ids=lambda path: path.name)
def test_each_stylesheet_says_what_it_styles_and_closes_every_rule(path: Path) -> None:
    css = path.read_text()
    assert css.startswith("/*"), f"{path.name} starts without a comment saying what it styles"
    for prelude, parent in blocks(css):
        if parent is not None:
            assert parent.startswith("@"), f"{prelude} {{ sits inside {parent} {{"


def test_a_rule_left_open_is_caught() -> None:
    with pytest.raises(ValueError, match=r"\.tag-list \{ is not closed"):
        blocks(".tag-list {\n  display: flex;\n\n.similar-ideas:empty {\n  display: none;\n}\n")
    left_open_then_closed_later = ".tag-list {\n  gap: 0;\n\n.similar-list {\n  margin: 0;\n}\n}\n"
    assert (".similar-list", ".tag-list") in blocks(left_open_then_closed_later)
