"""Saved replies: managers keep notes with {name} in them, and start a thank-you from one,
filled in with the person's first name, over the API, in the inbox and on the entry page.
Each note is still addressed to one person and stays editable before it is sent."""

from __future__ import annotations

from cocreate.models import Acknowledgement, AuditEvent, Campaign, SavedReply, User
from cocreate.services.recognition import saved_replies
from tests.browser import Browser, new_client
from tests.people import PASSWORD, Person, launch_campaign, sign_up

COUPON = "Thanks, {name}: good catch on the coupon date."


async def _setup(make_client) -> tuple[Person, str, list[Person], list[str]]:  # type: ignore[no-untyped-def]
    manager = await sign_up(make_client(), "Reply manager")
    campaign = await launch_campaign(manager, "Coupon ideas")
    fans = [await sign_up(make_client(), name) for name in ("Ann Lee", "Bo Kim")]
    ids = [(await fan.post(f"/campaigns/{campaign['slug']}/entries",
                           {"title": f"Idea from {fan.handle}"})).json()["id"] for fan in fans]
    return manager, campaign["org"]["slug"], fans, ids


async def _login(browser: Browser, email: str) -> None:
    await browser.get("/login")
    await browser.post("/login", {"email": email, "password": PASSWORD})


async def test_managers_keep_saved_replies_over_the_api(app, make_client):
    manager, org, fans, ids = await _setup(make_client)
    path = f"/orgs/{org}/saved-replies"

    made = await manager.post(path, {"title": "Coupon", "body": COUPON})
    assert made.status_code == 201, made.text
    reply = made.json()["id"]
    assert made.json()["created_by"]["handle"] == manager.handle
    vague = await manager.post(path, {"title": "Vague", "body": "Thanks for your idea!"})
    assert vague.status_code == 422
    assert "must name the person" in vague.json()["error"]["fields"]["body"]
    untitled = await manager.post(path, {"title": " ", "body": COUPON})
    assert untitled.json()["error"]["fields"] == {"title": "Title is required."}
    twin = await manager.post(path, {"title": "Coupon", "body": "Hi {name}, thanks a lot."})
    assert twin.status_code == 409 and "title" in twin.json()["error"]["fields"]

    fan = fans[0]
    assert (await fan.post(path, {"title": "Mine", "body": COUPON})).status_code == 403
    assert (await fan.get(path)).status_code == 403
    assert (await fan.get(f"{path}/{reply}/filled", params={"entry": ids[0]})).status_code == 403
    assert (await fan.delete(f"{path}/{reply}")).status_code == 403

    listed = (await manager.get(path)).json()["saved_replies"]
    assert [(r["title"], r["body"]) for r in listed] == [("Coupon", COUPON)]
    filled = await manager.get(f"{path}/{reply}/filled", params={"entry": ids[0]})
    assert filled.json() == {"note": "Thanks, Ann: good catch on the coupon date."}
    assert (await manager.get(f"{path}/{reply}/filled")).status_code == 422  # which entry?
    other_org = (await launch_campaign(manager, "Elsewhere"))["org"]["slug"]
    assert (await manager.get(f"/orgs/{other_org}/saved-replies/{reply}/filled",
                              params={"entry": ids[0]})).status_code == 404

    edited = await manager.patch(f"{path}/{reply}", {"body": "Well spotted, {name}!"})
    assert edited.status_code == 200 and edited.json()["body"] == "Well spotted, {name}!"
    assert (await manager.patch(f"{path}/{reply}", {"body": "Well spotted!"})).status_code == 422

    note = (await manager.get(f"{path}/{reply}/filled", params={"entry": ids[0]})).json()["note"]
    thanked = await manager.post(f"/entries/{ids[0]}/acknowledgements", {"note": note})
    assert thanked.status_code == 201 and thanked.json()["note"] == "Well spotted, Ann!"

    gone = await manager.delete(f"{path}/{reply}")
    assert gone.status_code == 200 and gone.json() == {"saved_replies": []}
    assert (await manager.delete(f"{path}/{reply}")).status_code == 404
    actions = await AuditEvent.filter(target_id=reply).values_list("action", flat=True)
    assert sorted(actions) == ["saved_reply.create", "saved_reply.delete", "saved_reply.update"]


async def test_an_organization_keeps_at_most_fifty(app, make_client):
    manager, org, _, _ = await _setup(make_client)
    org_id = (await Campaign.filter(org__slug=org).first()).org_id  # type: ignore[union-attr]
    author = await User.get(handle=manager.handle)
    await SavedReply.bulk_create([
        SavedReply(org_id=org_id, title=f"Reply {n}", body=COUPON, created_by=author)
        for n in range(saved_replies.MAX_PER_ORG)])
    full = await manager.post(f"/orgs/{org}/saved-replies", {"title": "One more", "body": COUPON})
    assert full.status_code == 409 and "delete one" in full.json()["error"]["message"]


async def test_fill_replaces_only_the_placeholder(app):
    reply = SavedReply(body="Hi {name}: {0} {name!r} {other} stay as typed.")
    person = User(display_name="Zoë {name} Ray", handle="zoe")
    assert saved_replies.fill(reply, person) == "Hi Zoë: {0} {name!r} {other} stay as typed."


async def test_a_manager_starts_thanks_from_a_saved_reply_on_the_pages(app, make_client):
    manager, org, fans, ids = await _setup(make_client)
    async with new_client(app) as http:
        browser = Browser(http)
        await _login(browser, manager.email)
        assert (await browser.get(f"/o/{org}/replies")).status_code == 200
        vague = await browser.post(f"/o/{org}/replies", {"title": "Vague", "body": "Thanks!"},
                                   htmx=True)
        assert vague.status_code == 422 and "must name the person" in vague.text
        saved = await browser.post(f"/o/{org}/replies", {"title": "Coupon", "body": COUPON})
        assert saved.status_code == 303 and saved.headers["location"] == f"/o/{org}/replies"
        reply = (await SavedReply.get(title="Coupon", org__slug=org)).id
        listing = await browser.get(f"/o/{org}/replies")
        assert "Coupon" in listing.text and f"/o/{org}/replies/{reply}/delete" in listing.text

        inbox = await browser.get(f"/o/{org}/inbox")
        assert f'href="/o/{org}/replies"' in inbox.text
        assert f'<option value="{reply}">Coupon</option>' in inbox.text

        # Without JavaScript: the picker's GET form reloads the inbox with that note filled in.
        picked = await browser.get(f"/o/{org}/inbox", params={"reply": reply, "entry": ids[0]})
        assert "Thanks, Ann: good catch on the coupon date.</textarea>" in picked.text
        assert "Thanks, Bo: </textarea>" in picked.text  # the other item is untouched
        assert f'<option value="{reply}" selected>' in picked.text
        moved = await browser.get(f"/o/{org}/inbox/{ids[1]}/note", params={"reply": reply})
        assert moved.status_code == 303
        assert moved.headers["location"].startswith(f"/o/{org}/inbox?reply={reply}&entry={ids[1]}")

        # With htmx: only that item's note comes back.
        swapped = await browser.get(f"/o/{org}/inbox/{ids[1]}/note", params={"reply": reply},
                                    htmx=True)
        assert swapped.status_code == 200
        assert swapped.text.lstrip().startswith(
            f'<div class="inbox-note" id="note-field-{ids[1]}">')
        assert "Thanks, Bo: good catch on the coupon date.</textarea>" in swapped.text
        assert "<li" not in swapped.text and "<form" not in swapped.text
        greeting = await browser.get(f"/o/{org}/inbox/{ids[1]}/note", params={"reply": ""},
                                     htmx=True)
        assert "Thanks, Bo: </textarea>" in greeting.text
        unknown = await browser.get(f"/o/{org}/inbox/{ids[1]}/note",
                                    params={"reply": "nope", "note": "Dear Bo, my own words"},
                                    htmx=True)
        assert unknown.status_code == 422 and "Dear Bo, my own words</textarea>" in unknown.text

        # The note stays editable and must still name the person.
        edited = await browser.post(f"/o/{org}/inbox/{ids[0]}",
                                    {"note": "Good catch on the coupon date."}, htmx=True)
        assert edited.status_code == 422 and "Address Ann by name" in edited.text
        assert f'<option value="{reply}">Coupon</option>' in edited.text
        sent = await browser.post(f"/o/{org}/inbox/{ids[0]}",
                                  {"note": "Thanks, Ann: good catch on the coupon date, again."})
        assert sent.status_code == 303
        thanks = await Acknowledgement.get(entry_id=ids[0])
        assert thanks.note == "Thanks, Ann: good catch on the coupon date, again."

        # The entry page's thanks form offers the same, with and without htmx.
        entry_page = await browser.get(f"/e/{ids[1]}", params={"reply": reply})
        assert "Thanks, Bo: good catch on the coupon date.</textarea>" in entry_page.text
        assert 'hx-get="/e/' + ids[1] + '/thanks/note"' in entry_page.text
        note = await browser.get(f"/e/{ids[1]}/thanks/note", params={"reply": reply}, htmx=True)
        assert note.status_code == 200 and 'id="thanks-note"' in note.text
        assert "Thanks, Bo: good catch on the coupon date.</textarea>" in note.text
        assert "<html" not in note.text and "Send thanks" not in note.text

        deleted = await browser.post(f"/o/{org}/replies/{reply}/delete", {}, htmx=True)
        assert deleted.status_code == 200 and "Coupon" not in deleted.text
        assert "Start from a saved reply" not in (await browser.get(f"/o/{org}/inbox")).text

    async with new_client(app) as other:
        fan = Browser(other)
        await _login(fan, fans[0].email)
        assert (await fan.get(f"/o/{org}/replies")).status_code == 403
        refused = await fan.post(f"/o/{org}/replies", {"title": "Mine", "body": COUPON})
        assert refused.status_code == 403
        assert not await SavedReply.exists(title="Mine")
