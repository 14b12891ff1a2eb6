"""The HTML pages, driven like a browser without JavaScript (plain forms) and like htmx,
against PostgreSQL, Redis, S3 and a worker."""

from __future__ import annotations

import asyncio
import io
import re
from urllib.parse import quote

import httpx
from PIL import Image

from cocreate.models import AuthToken, Award, User
from tests.browser import Browser, gallery_ids, meta_tags, new_client
from tests.people import PASSWORD, png_bytes, sign_up, upload


async def test_a_manager_launches_a_campaign_and_a_fan_shares_an_idea_through_the_forms(
    client, app
):
    manager = Browser(client)
    await manager.sign_up("Maya Manager")
    home = await manager.get("/")
    assert "Maya Manager" in home.text and "My organizations" in home.text

    org_path = await manager.create_org("Greenleaf Co-op", color="#0e7c66", kind="nonprofit")
    org_page = await manager.get(org_path)
    assert "Greenleaf Co-op" in org_page.text and 'data-brand="#0e7c66"' in org_page.text
    assert "Launch a campaign" in org_page.text and "Add a teammate" in org_page.text

    campaign_path = await manager.launch_campaign(
        org_path, "Ideas for the spring fair", "Tell us **what** you'd love to see.",
        closes_at="2031-06-30T18:00",
    )
    campaign = await manager.get(campaign_path)
    assert campaign.status_code == 200
    assert "Ideas for the spring fair" in campaign.text
    assert "<strong>what</strong>" in campaign.text  # the brief's Markdown, sanitized
    assert 'datetime="2031-06-30T18:00:00+00:00"' in campaign.text  # read as UTC
    assert "Entries close in" in campaign.text

    async with new_client(app) as other:
        fan = Browser(other)
        anonymous = await fan.get(campaign_path)
        assert "Log in to take part" in anonymous.text
        assert f"/login?next={campaign_path}" in anonymous.text
        await fan.sign_up("Zoë Fan")
        signed_in = await fan.get(campaign_path)
        assert 'action="' + campaign_path + '/entries"' in signed_in.text

        entry_path = await fan.submit_idea(campaign_path, "Seed swap stall",
                                           "Bring *one*, take one.")
        assert re.fullmatch(r"/e/[a-z0-9]+", entry_path)
        entry = await fan.get(entry_path)
        assert "Seed swap stall" in entry.text and "<em>one</em>" in entry.text
        assert "Zoë Fan" in entry.text and f'href="{campaign_path}"' in entry.text

        gallery = await fan.get(campaign_path)
        assert gallery_ids(gallery.text) == [entry_path.removeprefix("/e/")]
        assert "1 idea" in gallery.text

    home = await manager.get("/")
    assert "Ideas for the spring fair" in home.text and "Greenleaf Co-op" in home.text


async def test_a_form_post_without_the_csrf_token_is_refused(client):
    browser = Browser(client)
    await browser.get("/signup")
    email = "no-token@example.test"
    response = await browser.post("/signup", {
        "email": email, "password": PASSWORD, "display_name": "No Token",
    }, csrf=False)
    assert response.status_code == 403
    forged = await browser.post("/signup", {
        "email": email, "password": PASSWORD, "display_name": "No Token", "csrf_token": "forged",
    }, csrf=False)
    assert forged.status_code == 403
    assert not await User.exists(email=email)


async def test_an_invalid_signup_shows_field_errors_and_creates_no_one(client, app):
    browser = Browser(client)
    await browser.get("/signup")
    response = await browser.post("/signup", {
        "email": "not-an-email", "password": "short", "display_name": " ",
    })
    assert response.status_code == 422
    assert "Enter a valid email address." in response.text
    assert "Use at least 10 characters." in response.text
    assert "Display name is required." in response.text
    assert response.text.count('aria-invalid="true"') == 3
    assert 'value="not-an-email"' in response.text  # what was typed is kept
    assert "short" not in re.findall(r'name="password"[^>]*', response.text)[0]
    assert not await User.exists(email="not-an-email")

    await browser.sign_up("First")
    async with new_client(app) as other:
        again = Browser(other)
        await again.get("/signup")
        taken = await again.post("/signup", {
            "email": browser.email, "password": PASSWORD, "display_name": "Second",
        })
    assert taken.status_code == 409
    assert "This email is already registered." in taken.text
    assert await User.filter(email=browser.email).count() == 1


async def test_logging_in_honours_local_next_rotates_the_session_and_logging_out_revokes_it(client):
    browser = Browser(client)
    await browser.sign_up("Rotating Rita")
    first_session = client.cookies["cc_session"]

    bad = await browser.post("/login", {"email": browser.email, "password": "wrong password"})
    assert bad.status_code == 401 and "Wrong email or password." in bad.text

    await browser.get("/login?next=/u/somebody")
    back = await browser.post("/login", {
        "email": browser.email, "password": PASSWORD, "next": "/u/somebody",
    })
    assert back.status_code == 303 and back.headers["location"] == "/u/somebody"
    second_session = client.cookies["cc_session"]
    assert second_session != first_session
    assert "httponly" in back.headers["set-cookie"].lower()
    assert "samesite=lax" in back.headers["set-cookie"].lower()
    assert await AuthToken.filter(user__email=browser.email, kind="session").count() == 1

    elsewhere = await browser.post("/login", {
        "email": browser.email, "password": PASSWORD, "next": "https://evil.example/phish",
    })
    assert elsewhere.headers["location"] == "/"
    sneaky = await browser.post("/login", {
        "email": browser.email, "password": PASSWORD, "next": "//evil.example/phish",
    })
    assert sneaky.headers["location"] == "/"

    session = client.cookies["cc_session"]
    out = await browser.post("/logout", {})
    assert out.status_code == 303
    assert "cc_session" not in client.cookies
    client.cookies.set("cc_session", session)  # replaying the old cookie gets nobody in
    assert (await browser.get("/orgs/new")).headers["location"] == "/login?next=/orgs/new"


async def test_only_managers_reach_the_campaign_form_and_owners_add_managers_with_htmx(client, app):
    owner = Browser(client)
    await owner.sign_up("Olive Owner")
    org_path = await owner.create_org("Olive Oils")

    async with new_client(app) as other:
        colleague = Browser(other)
        await colleague.sign_up("Colin Colleague")
        refused = await colleague.get(f"{org_path}/campaigns/new")
        assert refused.status_code == 403 and "Only managers of Olive Oils" in refused.text
        page = await colleague.get(org_path)
        assert "Launch a campaign" not in page.text and "Add a teammate" not in page.text

        await owner.get(org_path)
        unknown = await owner.post(f"{org_path}/members", {"email": "nobody@example.test"},
                                   htmx=True)
        assert unknown.status_code == 422
        assert unknown.text.lstrip().startswith('<div class="panel member-panel" id="member-form">')
        assert "Ask them to sign up first" in unknown.text

        added = await owner.post(f"{org_path}/members", {"email": colleague.email}, htmx=True)
        assert added.status_code == 200
        assert "Colin Colleague is now a manager of Olive Oils." in added.text
        assert "<html" not in added.text

        now_manager = await colleague.get(org_path)
        assert "Launch a campaign" in now_manager.text and "Add a teammate" not in now_manager.text
        assert (await colleague.get(f"{org_path}/campaigns/new")).status_code == 200


async def test_campaign_form_errors_come_back_with_the_fields_kept(client):
    manager = Browser(client)
    await manager.sign_up("Manager")
    org_path = await manager.create_org("Form Checkers")
    await manager.get(f"{org_path}/campaigns/new")
    response = await manager.post(f"{org_path}/campaigns/new", {
        "title": "Ok", "description": "A brief", "closes_at": "not a date",
    })
    assert response.status_code == 422
    assert "Use a date and time like" in response.text
    past = await manager.post(f"{org_path}/campaigns/new", {
        "title": "Yesterday's news", "description": "A brief", "closes_at": "2001-01-01T10:00",
    })
    assert past.status_code == 422 and "Choose a time in the future" in past.text
    assert 'value="Yesterday&#39;s news"' in past.text


async def test_titles_are_escaped_on_the_campaign_and_entry_pages(client, app):
    manager = Browser(client)
    await manager.sign_up("Manager")
    org_path = await manager.create_org("Escape Artists")
    campaign_path = await manager.launch_campaign(org_path, "<b>Bold</b> campaign",
                                                  "<script>alert(2)</script> **fine**")
    async with new_client(app) as other:
        fan = Browser(other)
        await fan.sign_up("<img src=x onerror=alert(3)>")
        entry_path = await fan.submit_idea(campaign_path, "<script>alert(1)</script>")
        for path in (campaign_path, entry_path):
            html = (await fan.get(path)).text
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path
            assert "<script>alert(1)" not in html and "<script>alert(2)" not in html
            assert "<img src=x" not in html
            assert "&lt;b&gt;Bold&lt;/b&gt; campaign" in html


async def test_the_idea_form_with_htmx_returns_the_form_with_errors_or_a_redirect(client, app):
    manager = Browser(client)
    await manager.sign_up("Manager")
    campaign_path = await manager.launch_campaign(await manager.create_org("Htmx Hats"), "Hats!")
    async with new_client(app) as other:
        fan = Browser(other)
        await fan.sign_up("Fan")
        await fan.get(campaign_path)
        invalid = await fan.post(f"{campaign_path}/entries", {"title": "x", "body": "kept"},
                                 htmx=True)
        assert invalid.status_code == 422
        assert invalid.text.lstrip().startswith('<div class="form-card entry-form-card"')
        assert "Title needs at least 3 characters." in invalid.text
        assert ">kept</textarea>" in invalid.text
        assert "<html" not in invalid.text and 'id="gallery"' not in invalid.text

        done = await fan.post(f"{campaign_path}/entries", {"title": "Top hat"}, htmx=True)
        assert done.status_code == 200
        assert re.fullmatch(r"/e/[a-z0-9]+", done.headers["HX-Redirect"])

        plain_invalid = await fan.post(f"{campaign_path}/entries", {"title": ""})
        assert plain_invalid.status_code == 422
        assert "<html" in plain_invalid.text and 'id="gallery"' in plain_invalid.text

        await manager.get(f"{campaign_path}/manage")
        moved = await manager.post(f"{campaign_path}/phase", {"phase": "voting"})
        assert moved.status_code == 303
        closed = await fan.post(f"{campaign_path}/entries", {"title": "Too late"}, htmx=True)
        assert closed.status_code == 403 and "This campaign has closed" in closed.text
        closed_plain = await fan.post(f"{campaign_path}/entries", {"title": "Too late"})
        assert closed_plain.status_code == 403 and "This campaign has closed" in closed_plain.text
        assert "Entries are closed" in closed_plain.text
        assert 'action="' + campaign_path + '/entries"' not in closed_plain.text

    async with new_client(app) as nobody:
        anonymous = await Browser(nobody).post(f"{campaign_path}/entries", {"title": "Sneaky"})
    assert anonymous.status_code == 303
    assert anonymous.headers["location"] == f"/login?next={campaign_path}"


async def test_voting_with_htmx_swaps_only_the_button(client, app):
    manager = Browser(client)
    await manager.sign_up("Manager")
    campaign_path = await manager.launch_campaign(await manager.create_org("Vote Co"), "Votes")
    async with new_client(app) as author_client, new_client(app) as voter_client:
        author = Browser(author_client)
        await author.sign_up("Author")
        entry_path = await author.submit_idea(campaign_path, "Vote for me")
        voter = Browser(voter_client)
        await voter.sign_up("Voter")
        page = await voter.get(entry_path)
        assert 'aria-pressed="false"' in page.text

        voted = await voter.post(f"{entry_path}/vote", {"action": "vote"}, htmx=True)
        assert voted.status_code == 200
        assert voted.text.lstrip().startswith('<form class="vote-form"')
        assert 'aria-pressed="true"' in voted.text
        assert re.search(r'data-vote-count>1<span class="sr-only"> vote</span>', voted.text)
        assert 'name="action" value="unvote"' in voted.text and "<html" not in voted.text

        gallery = await voter.get(campaign_path)
        assert 'aria-pressed="true"' in gallery.text

        unvoted = await voter.post(f"{entry_path}/vote", {"action": "unvote"}, htmx=True)
        assert 'aria-pressed="false"' in unvoted.text and "data-vote-count>0<" in unvoted.text

        plain = await voter.post(f"{entry_path}/vote", {"action": "vote"},
                                 headers={"Referer": f"http://testserver{campaign_path}?sort=new"})
        assert plain.status_code == 303 and plain.headers["location"] == f"{campaign_path}?sort=new"
        offsite = await voter.post(f"{entry_path}/vote", {"action": "vote"},
                                   headers={"Referer": "https://elsewhere.example/x"})
        assert offsite.headers["location"] == entry_path

        for own_page in (await author.get(entry_path), await author.get(campaign_path)):
            assert 'class="vote-own"' in own_page.text and "Your entry" in own_page.text
            assert 'class="vote-form"' not in own_page.text  # no button for their own entry
        own = await author.post(f"{entry_path}/vote", {"action": "vote"}, htmx=True)
        assert own.status_code == 403 and "can&#39;t vote for your own entry" in own.text
        assert 'aria-pressed="false"' in own.text and "data-vote-count>1<" in own.text
        assert "<html" not in own.text
        own_plain = await author.post(f"{entry_path}/vote", {"action": "vote"})
        assert own_plain.status_code == 403 and "<html" in own_plain.text
        assert 'class="vote-message" role="alert">You can&#39;t vote' in own_plain.text
        assert "Vote for me" in own_plain.text  # the entry's own page, not an error page

    stranger = Browser(client)
    await stranger.post("/logout", {})
    login = await stranger.post(f"{entry_path}/vote", {"action": "vote"})
    assert login.status_code == 303 and login.headers["location"] == f"/login?next={entry_path}"
    hx_login = await stranger.post(f"{entry_path}/vote", {"action": "vote"}, htmx=True)
    assert hx_login.headers["HX-Redirect"] == f"/login?next={entry_path}"


async def test_sort_tabs_order_the_gallery_and_load_more_pages_through(client, app):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": "Many Ideas", "kind": "brand"})).json()
    campaign = (await manager.post(f"/orgs/{org['slug']}/campaigns", {
        "title": "So many ideas", "kind": "idea", "description": "Go",
    })).json()
    slug = campaign["slug"]
    fans = [await sign_up(client, f"Fan {n}") for n in range(3)]
    ids = []
    for n in range(26):  # one more page than fits (24 a page)
        created = await fans[n % 3].post(f"/campaigns/{slug}/entries", {"title": f"Idea {n:02}"})
        assert created.status_code == 201, created.text
        ids.append(created.json()["id"])
    voter = await sign_up(client, "Voter")
    for entry_id, voters in ((ids[5], [voter, fans[0]]), (ids[20], [voter])):
        for person in voters:
            assert (await person.put(f"/entries/{entry_id}/vote")).status_code == 200

    browser = Browser(client)
    top = await browser.get(f"/c/{slug}")
    assert gallery_ids(top.text)[:3] == [ids[5], ids[20], ids[0]]
    assert len(gallery_ids(top.text)) == 24
    newest = await browser.get(f"/c/{slug}?sort=new", htmx=True)
    assert newest.text.lstrip().startswith('<div id="gallery"') and "<html" not in newest.text
    assert gallery_ids(newest.text)[:2] == [ids[25], ids[24]]
    assert 'href="/c/' + slug + '?sort=new" hx-get' in newest.text
    assert re.search(r'href="/c/[^"]+\?sort=new"[^>]*aria-current="page"', newest.text)

    cursor = re.search(r'href="/c/[^"?]+\?sort=top&amp;cursor=([^"]+)"', top.text).group(1)
    more = await browser.get(f"/c/{slug}?sort=top&cursor={cursor}", htmx=True)
    assert more.text.lstrip().startswith('<li class="card entry-card">')
    assert "gallery-more" not in more.text and 'id="gallery"' not in more.text
    seen = gallery_ids(top.text) + gallery_ids(more.text)
    assert sorted(seen) == sorted(ids)  # every idea exactly once

    plain_next = await browser.get(f"/c/{slug}?sort=top&cursor={cursor}")
    assert "<html" in plain_next.text and gallery_ids(plain_next.text) == gallery_ids(more.text)


async def test_entry_and_badge_pages_carry_share_tags_and_a_1200x630_card(client, app, settings):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": "Card Makers", "kind": "brand",
                                        "color": "#ff5a36"})).json()
    campaign = (await manager.post(f"/orgs/{org['slug']}/campaigns", {
        "title": "Cards for everyone", "kind": "idea", "description": "Share",
    })).json()
    api_fan = await sign_up(client, "Zoë Sharer")
    media = await upload(api_fan, png_bytes((800, 600), "#22aa88"))
    assert media["status"] == "ready"

    async with new_client(app) as fan_client:
        fan = Browser(fan_client)
        await fan.get("/login")
        logged_in = await fan.post("/login", {"email": api_fan.email, "password": PASSWORD})
        assert logged_in.status_code == 303
        entry_path = await fan.submit_idea(f"/c/{campaign['slug']}", "Shiny card",
                                           "Look at it", media["media_id"])
        entry_html = (await fan.get(entry_path)).text
        assert "See and share your badge" in entry_html
        award_id = re.search(r'href="/b/([a-z0-9]+)"', entry_html).group(1)

    async with new_client(app) as crawler:  # no cookies at all
        card_path = f"/b/{award_id}/card.png"
        for _ in range(200):
            card = await crawler.get(card_path)
            if card.status_code == 302:
                break
            assert card.status_code == 404
            await asyncio.sleep(0.1)
        assert card.status_code == 302
        async with httpx.AsyncClient() as s3:
            png = await s3.get(card.headers["location"])
        assert png.status_code == 200
        image = Image.open(io.BytesIO(png.content))
        assert (image.format, image.size) == ("PNG", (1200, 630))

        # The entry page shows the entry's own card, the badge page the badge's.
        for path, og_type, image_path in ((entry_path, "article", f"{entry_path}/card.png"),
                                          (f"/b/{award_id}", "article", card_path)):
            card_url = f"http://testserver{image_path}"
            page = await crawler.get(path)
            assert page.status_code == 200, path
            tags = meta_tags(page.text)
            assert tags["og:url"] == f"http://testserver{path}"
            assert tags["og:site_name"] == "cocreate" and tags["og:type"] == og_type
            assert tags["og:title"] and tags["og:description"]
            assert tags["og:image"] == card_url
            assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
            assert tags["og:image:type"] == "image/png"
            assert tags["twitter:card"] == "summary_large_image"
            assert tags["twitter:image"] == card_url
            assert tags["twitter:title"] == tags["og:title"]
            assert tags["twitter:description"] == tags["og:description"]

        badge = await crawler.get(f"/b/{award_id}")
        text = re.sub(r"<[^>]+>", "", badge.text)
        assert ("Zoë Sharer earned the Contributor badge in Cards for everyone by Card Makers"
                in text)
        page_url = quote(f"http://testserver/b/{award_id}", safe="")
        assert f"https://twitter.com/intent/tweet?url={page_url}&amp;text=" in badge.text
        assert "facebook.com/sharer/sharer.php?u=" in badge.text
        assert "linkedin.com/sharing/share-offsite/?url=" in badge.text
        assert 'hx-trigger="every 2s"' not in badge.text  # ready: nothing left to poll
        assert f'href="{card_path}"' in badge.text and "Download image" in badge.text

        campaign_tags = meta_tags((await crawler.get(f"/c/{campaign['slug']}")).text)
        assert campaign_tags["og:url"] == f"http://testserver/c/{campaign['slug']}"
        assert campaign_tags["og:title"].startswith("Cards for everyone")

        profile = await crawler.get(f"/u/{api_fan.handle}")
        assert f'href="/b/{award_id}"' in profile.text and "Shiny card" in profile.text


async def test_a_badge_still_rendering_polls_and_its_card_is_not_found_yet(client):
    """The card area asks again every 2s while the worker draws, and only the area."""
    manager = Browser(client)
    await manager.sign_up("Manager")
    campaign_path = await manager.launch_campaign(await manager.create_org("Slow Cards"), "Slow")
    entry_path = await manager.submit_idea(campaign_path, "Mine")
    award_id = re.search(r'href="/b/([a-z0-9]+)"', (await manager.get(entry_path)).text).group(1)
    for _ in range(200):  # let the worker finish first, so it cannot overwrite what we set
        if (await manager.get(f"/b/{award_id}/card.png")).status_code == 302:
            break
        await asyncio.sleep(0.1)
    await Award.filter(id=award_id).update(status="rendering", image_key=None)
    page = await manager.get(f"/b/{award_id}")
    assert f'hx-get="/b/{award_id}" hx-trigger="every 2s"' in page.text
    fragment = await manager.get(f"/b/{award_id}", htmx=True)
    assert fragment.text.lstrip().startswith('<div id="share-card"')
    assert "<html" not in fragment.text
    assert (await manager.get(f"/b/{award_id}/card.png")).status_code == 404
    assert (await manager.get("/b/nonexistent")).status_code == 404
    profile = await manager.get(re.search(r'href="(/u/[a-z0-9-]+)"', page.text).group(1))
    assert "rendering…" in profile.text and f'href="/b/{award_id}"' in profile.text


async def test_a_campaign_gets_a_cover_image_from_the_uploader_field(client, app, settings):
    manager = await sign_up(client, "Cover Manager")
    cover = await upload(manager, png_bytes((1000, 750), "#ffcc00"))
    async with new_client(app) as browser_client:
        browser = Browser(browser_client)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        org_path = await browser.create_org("Cover Stories")
        form = await browser.get(f"{org_path}/campaigns/new")
        assert 'name="cover_media_id"' in form.text and "data-uploader hidden" in form.text
        await browser.get(f"{org_path}/campaigns/new")
        launched = await browser.post(f"{org_path}/campaigns/new", {
            "title": "Covered", "description": "With a picture", "cover_media_id": "nope",
        })
        assert launched.status_code == 422 and "finished processing" in launched.text
        campaign_path = await browser.launch_campaign(org_path, "Covered", "With a picture",
                                                      closes_at="")
        assert (await browser.get(campaign_path)).status_code == 200
        await browser.get(f"{org_path}/campaigns/new")
        with_cover = await browser.post(f"{org_path}/campaigns/new", {
            "title": "Covered", "description": "Yes", "cover_media_id": cover["media_id"],
        })
        page = await browser.get(with_cover.headers["location"])
        tags = meta_tags(page.text)
        # A stable address crawlers may keep, sending them to the stored picture
        cover_image = await browser_client.get(tags["og:image"])
    assert 'class="campaign-hero has-cover"' in page.text
    assert tags["og:image"] == f"http://testserver{with_cover.headers['location']}/cover"
    assert cover_image.status_code == 302
    assert cover_image.headers["location"].startswith(settings.s3_endpoint_url)
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1000", "750")
    assert tags["twitter:card"] == "summary_large_image"
