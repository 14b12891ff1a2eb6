"""A fundraiser's story with photos: the manager uploads an image, the worker checks it, the
story places it as image:N, and the public page shows our stored picture with its alt text
and size. Nothing else in the Markdown ever becomes an image."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.browser import Browser
from tests.integration.test_fundraisers import launch_fundraiser
from tests.people import Person, png_bytes, sign_up, upload

IMG = re.compile(r"<img [^>]*>")
HOSTILE = ("![Remote](https://evil.example/pixel.png) ![Unknown](image:99) "
           "![Script](javascript:alert(1)) ![Inline](data:image/png;base64,iVBORw0KGgo=) "
           '<img src="https://evil.example/raw.png">')


def story_images(html: str) -> list[str]:
    """The <img> tags inside the story (the page's other pictures left aside)."""
    start = html.index('id="about-title"')
    return IMG.findall(html[start:html.index("supporters-title", start)])


async def image(person: Person, size: tuple[int, int] = (640, 480)) -> str:
    media = await upload(person, png_bytes(size, "#0e7c66"))
    assert media["status"] == "ready", media
    return media["media_id"]


async def test_a_photo_in_the_story_shows_on_the_fundraisers_page(client, make_client, s3_endpoint):
    manager = await sign_up(client, "Kitchen manager")
    fan = await sign_up(make_client(), "Fan")
    slug = (await launch_fundraiser(manager))["slug"]
    path = f"/campaigns/{slug}/story-images"
    media_id = await image(manager)

    assert (await fan.post(path, {"media_id": media_id, "alt": "Mine now"})).status_code == 403
    no_alt = await manager.post(path, {"media_id": media_id, "alt": "  "})
    assert no_alt.status_code == 422 and "alt" in no_alt.json()["error"]["fields"]
    added = await manager.post(path, {"media_id": media_id,
                                      "alt": "Volunteers serving soup at the stove"})
    assert added.status_code == 201, added.text
    photo = added.json()
    assert (photo["position"], photo["status"]) == (1, "ready")
    assert photo["snippet"] == "![Volunteers serving soup at the stove](image:1)"

    story = f"Every evening we cook.\n\n![Our volunteers at work](image:1)\n\n{HOSTILE}"
    changed = await manager.patch(f"/campaigns/{slug}", {"description": story})
    assert changed.status_code == 200, changed.text

    page = await make_client().get(f"/c/{slug}")
    assert page.status_code == 200
    shown = story_images(page.text)
    assert len(shown) == 1, shown
    assert shown[0].startswith(f'<img src="{s3_endpoint}/'), shown
    for attribute in ('alt="Our volunteers at work"', 'width="640"', 'height="480"',
                      'loading="lazy"'):
        assert attribute in shown[0]
    assert "evil.example" not in "".join(shown)
    assert not re.search(r'(src|href)="(javascript|data):', page.text)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(s3_endpoint))
    img_src = page.headers["content-security-policy"].split("img-src")[1].split(";")[0]
    assert origin in img_src

    listed = (await fan.get(path)).json()
    assert [i["id"] for i in listed["images"]] == [photo["id"]] and listed["gallery"] == []
    assert listed["images"][0]["url"].startswith(s3_endpoint)
    assert 'alt="Our volunteers at work"' in listed["story_html"]
    assert (await fan.delete(f"{path}/{photo['id']}")).status_code == 403

    removed = await manager.delete(f"{path}/{photo['id']}")
    assert removed.status_code == 200 and removed.json()["images"] == []
    assert story_images((await make_client().get(f"/c/{slug}")).text) == []


async def test_images_the_story_does_not_place_show_as_a_gallery_once_checked(client, make_client):
    manager = await sign_up(client, "Kitchen manager")
    slug = (await launch_fundraiser(manager))["slug"]
    path = f"/campaigns/{slug}/story-images"
    first = (await manager.post(path, {"media_id": await image(manager), "alt": "The kitchen"}))
    second = (await manager.post(path, {"media_id": await image(manager, (300, 200)),
                                        "alt": "The queue outside"}))
    ids = [first.json()["id"], second.json()["id"]]

    reordered = await manager.put(f"{path}/order", {"ids": ids[::-1]})
    assert reordered.status_code == 200, reordered.text
    assert [(i["id"], i["position"]) for i in reordered.json()["images"]] == [
        (ids[1], 1), (ids[0], 2)]
    assert (await manager.put(f"{path}/order", {"ids": ids[:1]})).status_code == 422

    await manager.patch(f"/campaigns/{slug}", {"description": "Look: ![Queue](image:1)"})
    listed = (await manager.get(path)).json()
    assert listed["gallery"] == [ids[0]]
    shown = story_images((await make_client().get(f"/c/{slug}")).text)
    assert len(shown) == 2 and 'alt="Queue"' in shown[0] and 'alt="The kitchen"' in shown[1]


async def test_a_manager_keeps_the_story_images_on_the_manage_page(client, make_client):
    manager = await sign_up(client, "Kitchen manager")
    slug = (await launch_fundraiser(manager))["slug"]
    browser = await Browser(make_client()).log_in(manager.email)
    manage = await browser.get(f"/c/{slug}/manage")
    assert manage.status_code == 200 and "Photos in the story" in manage.text

    missing = await browser.post(f"/c/{slug}/story-images",
                                 {"story_media_id": await image(manager), "alt": ""}, htmx=True)
    assert missing.status_code == 422 and "Alt text is required." in missing.text
    added = await browser.post(f"/c/{slug}/story-images", {
        "story_media_id": await image(manager), "alt": "Fresh bread"}, htmx=True)
    assert added.status_code == 200 and 'id="story-images"' in added.text
    assert "![Fresh bread](image:1)" in added.text
    image_id = re.search(r'name="image" value="([a-z0-9]+)"', added.text).group(1)

    renamed = await browser.post(f"/c/{slug}/story-images",
                                 {"image": image_id, "alt": "Fresh bread, still warm"})
    assert renamed.status_code == 303
    shown = story_images((await browser.get(f"/c/{slug}")).text)
    assert 'alt="Fresh bread, still warm"' in shown[0]
    outsider = await Browser(make_client()).log_in((await sign_up(make_client(), "Fan")).email)
    await outsider.get(f"/c/{slug}")
    refused = await outsider.post(f"/c/{slug}/story-images", {"image": image_id,
                                                               "action": "remove"})
    assert refused.status_code == 403
    gone = await browser.post(f"/c/{slug}/story-images", {"image": image_id, "action": "remove"})
    assert gone.status_code == 303
    assert story_images((await browser.get(f"/c/{slug}")).text) == []
