"""Fans follow an idea: they hear of its new comments (once, and not twice when they were
answered or mentioned anyway) and of the brand's answers to it; a merged idea's followers
follow the idea it went into; the follow button works with and without htmx."""

from __future__ import annotations

from cocreate.models import Follow, Notification, User
from tests.browser import Browser, new_client
from tests.people import Person, launch_campaign, sign_up, wait_for


async def _texts(person: Person, words: str) -> list[str]:
    found = (await person.get("/notifications")).json()["notifications"]
    return [n["text"] for n in found if words in n["text"]]


async def _idea(fan: Person, slug: str, title: str) -> str:
    made = await fan.post(f"/campaigns/{slug}/entries", {"title": title})
    assert made.status_code == 201, made.text
    return made.json()["id"]


async def test_followers_hear_of_new_comments_and_answers_once(client, make_client):
    manager = await sign_up(client, "Follow manager")
    slug = (await launch_campaign(manager, "Greener stores"))["slug"]
    ida = await sign_up(make_client(), "Ida Idea")
    fay, gus, hal = [await sign_up(make_client(), n) for n in ("Fay", "Gus", "Hal")]
    idea = await _idea(ida, slug, "Paper bags only")

    followed = await fay.put(f"/entries/{idea}/follow")
    assert followed.status_code == 200, followed.text
    assert followed.json() == {"following": True, "followers": 1}
    assert (await fay.put(f"/entries/{idea}/follow")).json()["followers"] == 1  # idempotent
    assert (await gus.put(f"/entries/{idea}/follow")).json()["followers"] == 2
    assert (await fay.put("/entries/nosuchentry/follow")).status_code == 404

    said = await hal.post(f"/entries/{idea}/comments", {"body": "Bags for life instead? @" +
                                                         gus.handle})
    assert said.status_code == 201, said.text
    told = await wait_for(fay, "/notifications", lambda body: any(
        "which you follow" in n["text"] for n in body["notifications"]))
    assert [n["text"] for n in told["notifications"] if "which you follow" in n["text"]] == [
        "Hal commented on “Paper bags only”, which you follow."]
    # Gus was mentioned: that one notification is all he gets for this comment.
    assert await _texts(gus, "which you follow") == []
    assert len(await _texts(gus, "mentioned you")) == 1
    # The author hears as the author, Hal does not hear of his own comment.
    assert await _texts(ida, "which you follow") == []
    assert await _texts(hal, "which you follow") == []

    assert (await gus.delete(f"/entries/{idea}/follow")).json() == {
        "following": False, "followers": 1}
    answered = await manager.put(f"/entries/{idea}/status", {"status": "planned",
                                                           "note": "Next month."})
    assert answered.status_code == 200, answered.text
    await wait_for(fay, "/notifications", lambda body: any(
        "marked “Paper bags only” planned" in n["text"] for n in body["notifications"]))
    assert await _texts(gus, "planned") == []
    assert await Notification.filter(key__startswith="follow-comment:").count() == 1


async def test_a_merged_ideas_followers_follow_the_idea_kept(client, make_client):
    manager = await sign_up(client, "Merge follow manager")
    slug = (await launch_campaign(manager, "Cleaner parks"))["slug"]
    ann, bea = await sign_up(make_client(), "Ann"), await sign_up(make_client(), "Bea")
    kept = await _idea(ann, slug, "More bins in parks")
    twin = await _idea(bea, slug, "More park bins")
    fan = await sign_up(make_client(), "Cal Follower")
    await fan.put(f"/entries/{twin}/follow")
    merged = await manager.post(f"/entries/{twin}/merge", {"into": kept})
    assert merged.status_code == 200, merged.text
    follower = await User.get(handle=fan.handle)
    assert await Follow.exists(follower=follower, entry_id=kept)  # moved by the merge
    assert not await Follow.exists(entry_id=twin)


async def test_the_entry_follow_button_works_with_and_without_htmx(app, make_client):
    manager = await sign_up(make_client(), "Button manager")
    slug = (await launch_campaign(manager, "Buttons for ideas"))["slug"]
    idea = await _idea(await sign_up(make_client(), "Ola"), slug, "Refill stations")
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.sign_up("Pia")
        page = await browser.get(f"/e/{idea}")
        assert f'action="/e/{idea}/follow"' in page.text and "0 followers" in page.text
        swapped = await browser.post(f"/e/{idea}/follow", {"action": "follow"}, htmx=True)
        assert swapped.status_code == 200 and "<html" not in swapped.text
        assert 'value="unfollow"' in swapped.text and "1 follower" in swapped.text
        back = await browser.post(f"/e/{idea}/follow", {"action": "unfollow"})
        assert back.status_code == 303 and back.headers["location"] == f"/e/{idea}"
        assert "0 followers" in (await browser.get(f"/e/{idea}")).text
    async with new_client(app) as http:
        stranger = Browser(http)
        await stranger.get(f"/e/{idea}")
        anonymous = await stranger.post(f"/e/{idea}/follow", {"action": "follow"})
        assert anonymous.status_code == 303
        assert anonymous.headers["location"].startswith("/login?next=")
