"""Sharing: crawlers get complete previews without sessions, other sites embed our pages
through oEmbed, and share links count what they bring for the person who shared them."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from cocreate.models import Award, Referral
from tests.browser import Browser, meta_tags, new_client
from tests.people import PASSWORD, launch_campaign, sign_up

CRAWLERS = [
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
]
OEMBED_LINK = re.compile(
    r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"')


async def _public_pages(client, make_client) -> tuple[dict[str, str], str]:  # type: ignore[no-untyped-def]
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Share the love")
    fan = await sign_up(make_client(), "Sharing Sam")
    entry = (await fan.post(f"/campaigns/{campaign['slug']}/entries",
                            {"title": "A picnic in the park"})).json()
    award = await Award.get(entry_id=entry["id"])
    return {"badge": f"/b/{award.id}", "entry": f"/e/{entry['id']}",
            "profile": f"/u/{fan.handle}", "campaign": f"/c/{campaign['slug']}"}, fan.email


@pytest.mark.parametrize("agent", CRAWLERS)
async def test_crawlers_get_complete_previews_without_a_session(app, client, make_client,
                                                                agent):
    pages, _ = await _public_pages(client, make_client)
    async with new_client(app) as crawler:
        for kind, path in pages.items():
            response = await crawler.get(path, headers={"User-Agent": agent})
            assert response.status_code == 200, (kind, response.status_code)
            assert "set-cookie" not in response.headers, kind
            tags = meta_tags(response.text)
            for tag in ("og:title", "og:description", "og:url", "og:type", "twitter:card",
                        "twitter:title"):
                assert tags.get(tag), (kind, tag)
            assert tags["og:url"] == f"http://testserver{path}"
            if kind in ("badge", "entry"):
                assert tags["og:image"].startswith("http://testserver/")
                assert tags["twitter:card"] == "summary_large_image"
            assert OEMBED_LINK.search(response.text), kind


async def test_the_home_page_and_the_directory_preview_fully_but_offer_no_embed(app):
    async with new_client(app) as crawler:
        for path in ("/", "/campaigns"):
            response = await crawler.get(path, headers={"User-Agent": CRAWLERS[0]})
            assert response.status_code == 200, path
            tags = meta_tags(response.text)
            for tag in ("og:title", "og:description", "og:type", "twitter:card",
                        "twitter:title", "twitter:description"):
                assert tags.get(tag), (path, tag)
            assert tags["og:url"] == f"http://testserver{path}"
            assert f'<link rel="canonical" href="http://testserver{path}">' in response.text
            assert not OEMBED_LINK.search(response.text), path  # /oembed does not describe it


async def test_other_sites_embed_any_public_page_through_oembed(app, client, make_client):
    pages, _ = await _public_pages(client, make_client)
    async with new_client(app) as site:
        for kind, path in pages.items():
            page = await site.get(path)
            link = OEMBED_LINK.search(page.text)
            assert link, kind
            href = link.group(1).replace("&amp;", "&")
            assert parse_qs(urlsplit(href).query)["url"] == [f"http://testserver{path}"]
            answer = await site.get(href + "&maxwidth=480")
            assert answer.status_code == 200, (kind, answer.text)
            body = answer.json()
            assert body["version"] == "1.0" and body["type"] == "rich"
            assert body["provider_name"] == "cocreate" and body["title"]
            assert body["author_name"] and body["author_url"].startswith("http://testserver/")
            assert body["width"] == 480 and body["height"] == 336
            iframe = re.search(r'<iframe src="([^"]+)" width="480" height="336"', body["html"])
            assert iframe and iframe.group(1) == f"http://testserver/embed{path}"
            if kind in ("badge", "entry"):
                assert body["thumbnail_url"].startswith("http://testserver/")
                assert (body["thumbnail_width"], body["thumbnail_height"]) == (1200, 630)
            framed = await site.get(f"/embed{path}")
            assert framed.status_code == 200
            assert "frame-ancestors *" in framed.headers["content-security-policy"]
            assert "x-frame-options" not in framed.headers
        assert "x-frame-options" in (await site.get(pages["badge"])).headers
        elsewhere = await site.get("/oembed", params={"url": "https://example.com/b/x"})
        assert elsewhere.status_code == 404
        unknown = await site.get("/oembed", params={"url": "http://testserver/o/nope"})
        assert unknown.status_code == 404
        xml = await site.get("/oembed", params={"url": f"http://testserver{pages['badge']}",
                                                 "format": "xml"})
        assert xml.status_code == 501


async def test_share_links_count_the_visits_and_signups_they_bring(app, client, make_client):
    pages, email = await _public_pages(client, make_client)
    async with new_client(app) as own:
        sam = Browser(own)
        await sam.get("/login")
        await sam.post("/login", {"email": email, "password": PASSWORD})
        badge_page = await sam.get(pages["badge"])
        link = re.search(r'id="share-url" type="url" value="([^"]+)"', badge_page.text)
        assert link and "?ref=" in link.group(1)
        code = link.group(1).rsplit("ref=", 1)[1]
        assert f"ref%3D{code}" in badge_page.text  # the network intents carry it too
        entry_page = await sam.get(pages["entry"])
        assert f'value="http://testserver{pages["entry"]}?ref={code}"' in entry_page.text
        await sam.get(f"{pages['badge']}?ref={code}")  # their own visit does not count

    async with new_client(app) as friend_client:
        friend = Browser(friend_client)
        await friend.get(f"{pages['badge']}?ref={code}")
        await friend.get(f"{pages['entry']}?ref={code}")  # the same visitor: one visit
        await friend.sign_up("Friend of Sam")
    other = await make_client().post("/api/v1/auth/signup", json={
        "email": "api-friend@example.test", "password": PASSWORD, "display_name": "API friend",
        "ref": code})
    assert other.status_code == 201
    kinds = sorted(await Referral.filter(sharer__referral_code=code).values_list("kind",
                                                                                flat=True))
    assert kinds == ["signup", "signup", "visit"]

    async with new_client(app) as own:
        sam = Browser(own)
        await sam.get("/login")
        await sam.post("/login", {"email": email, "password": PASSWORD})
        profile = await sam.get(pages["profile"])
        assert "Your links brought 1 person, 2 signed up and 0 votes." in profile.text
