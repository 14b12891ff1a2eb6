"""Pages get every stylesheet in one request, at an address that names its content: browsers
keep it until it changes, and ask again for any other address."""

from __future__ import annotations

import re

from cocreate.templating import CSS_DIR, STYLESHEETS

STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="(/static/css/app\.css\?v=\w+)">')


async def test_a_page_links_every_stylesheet_as_one_file_kept_until_it_changes(client):
    home = await client.get("/")
    links = STYLESHEET_LINK.findall(home.text)
    assert len(links) == 1

    css = await client.get(links[0])
    assert css.status_code == 200
    assert css.headers["content-type"] == "text/css; charset=utf-8"
    assert css.headers["cache-control"] == "public, max-age=31536000, immutable"
    first, last = (CSS_DIR / STYLESHEETS[0]).read_text(), (CSS_DIR / STYLESHEETS[-1]).read_text()
    assert css.text.index(first) < css.text.index(last)
    assert ".tag-list {" in css.text and ".listening-grid {" in css.text

    again = await client.get(links[0], headers={"If-None-Match": css.headers["etag"]})
    assert again.status_code == 304
    assert again.content == b""

    unversioned = await client.get("/static/css/app.css")
    assert unversioned.status_code == 200
    assert unversioned.headers["cache-control"] == "no-cache"
    assert unversioned.text == css.text


async def test_one_area_file_is_still_served_on_its_own(client):
    tags = await client.get("/static/css/tags.css")
    assert tags.status_code == 200
    assert tags.text == (CSS_DIR / "tags.css").read_text()
