"""Email notifications through a real SMTP server (aiosmtpd): what a person opted into is
mailed once, by a worker, with a one-click unsubscribe link honoured at once; people who
prefer a daily digest get one mail listing everything instead."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from email.message import EmailMessage

from cocreate.doors import jobs
from cocreate.models import Job, Notification, User
from cocreate.services.notifications import notification_mail
from tests.browser import Browser, new_client
from tests.people import Person, launch_campaign, sign_up

VERIFY_SUBJECT = "Confirm your email for cocreate"
UNSUBSCRIBE = re.compile(r"^<(http://testserver(/unsubscribe/[^>]+))>$")


def _notes(smtp_server, address: str) -> list[EmailMessage]:  # type: ignore[no-untyped-def]
    """Mail to `address` other than the verification link every signup gets."""
    return [m for m in smtp_server.to(address) if m["Subject"] != VERIFY_SUBJECT]


async def _wait_for_notes(smtp_server, address: str, count: int) -> list[EmailMessage]:  # type: ignore[no-untyped-def]
    for _ in range(200):
        received = _notes(smtp_server, address)
        if len(received) >= count:
            return received
        await asyncio.sleep(0.1)
    raise AssertionError(f"fewer than {count} notification mails to {address}")


def _parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


async def _thread(client, make_client):  # type: ignore[no-untyped-def]
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Mail me")
    author = await sign_up(make_client(), "Author")
    entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Picnic flavour"})).json()["id"]
    return entry


async def _comment(person: Person, entry: str, body: str, parent: str | None = None) -> str:
    payload = {"body": body, **({"parent_id": parent} if parent else {})}
    response = await person.post(f"/entries/{entry}/comments", payload)
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def test_a_reply_is_mailed_once_with_a_one_click_unsubscribe(client, make_client, app,
                                                                   smtp_server, settings):
    entry = await _thread(client, make_client)
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    first = await _comment(ana, entry, "Strawberry and basil?")
    reply = await _comment(ben, entry, "Yes please!", parent=first)

    [mail] = await _wait_for_notes(smtp_server, ana.email, 1)
    assert mail["Subject"] == "Ben replied to you on “Picnic flavour”."
    text, html = _parts(mail)
    link = f"http://testserver/e/{entry}#comment-{reply}"
    assert "Hi Ana" in text and link in text and link in html
    assert "because you asked for email about replies to your comments" in text
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url, unsubscribe_path = UNSUBSCRIBE.match(mail["List-Unsubscribe"]).groups()
    assert unsubscribe_url in text and unsubscribe_url in html

    # The job delivered again, and two workers at once: still one mail per notification.
    notification = await Notification.get(key=f"reply:{reply}")
    assert notification.emailed_at is not None
    assert await notification_mail.send_one(settings, notification.id) is False
    await jobs.requeue(f"email:reply:{reply}")
    racing = await Notification.create(user_id=notification.user_id, kind="reply",
                                       text="Cleo replied to you.", url="/", key=f"race:{reply}")
    sent = await asyncio.gather(notification_mail.send_one(settings, racing.id),
                                notification_mail.send_one(settings, racing.id),
                                return_exceptions=True)
    [waits] = [outcome for outcome in sent if isinstance(outcome, jobs.RetryLater)]
    assert True in sent and waits.delay > 30  # it looks again once a lost send would show
    assert await notification_mail.send_one(settings, racing.id) is False
    await asyncio.sleep(1.5)  # time for the requeued job to run on the worker
    assert [m["Subject"] for m in _notes(smtp_server, ana.email)] == [
        "Ben replied to you on “Picnic flavour”.", "Cleo replied to you."]

    # Following the link only asks; a mail client's one-click POST needs no session or CSRF.
    async with new_client(app) as stranger:
        asked = await stranger.get(unsubscribe_path)
        assert asked.status_code == 200 and "Unsubscribe?" in asked.text
        assert "reply" in (await ana.get("/me/email-preferences")).json()["kinds"]
        done = await stranger.post(unsubscribe_path, content=b"List-Unsubscribe=One-Click",
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200 and "unsubscribed" in done.text
    assert (await ana.get("/me/email-preferences")).json()["kinds"] == ["mention",
                                                                       "acknowledgement"]

    # Honoured at once: the next reply is not mailed, nor is one already queued.
    again = await _comment(ben, entry, "Or mint?", parent=first)
    assert not await Job.exists(key=f"email:reply:{again}")
    queued = await Notification.create(user_id=notification.user_id, kind="reply",
                                       text="Queued before.", url="/", key=f"queued:{reply}")
    assert await notification_mail.send_one(settings, queued.id) is False
    await asyncio.sleep(1)
    assert len(_notes(smtp_server, ana.email)) == 2


async def test_replies_turned_off_are_not_mailed(client, make_client, smtp_server):
    entry = await _thread(client, make_client)
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    defaults = (await ana.get("/me/email-preferences")).json()
    assert defaults["kinds"] == ["reply", "mention", "acknowledgement"]
    assert defaults["digest"] is False and len(defaults["available"]) == 7
    changed = await ana.put("/me/email-preferences", {"kinds": ["mention"], "digest": False})
    assert changed.status_code == 200 and changed.json()["kinds"] == ["mention"]
    refused = await ana.put("/me/email-preferences", {"kinds": ["spam"], "digest": False})
    assert refused.status_code == 422 and "kinds" in refused.json()["error"]["fields"]

    first = await _comment(ana, entry, "Strawberry and basil?")
    reply = await _comment(ben, entry, "Yes please!", parent=first)
    assert await Notification.exists(key=f"reply:{reply}")  # still told in the app
    assert not await Job.exists(key=f"email:reply:{reply}")
    await _comment(ben, entry, f"What do you say, @{ana.handle}?")  # mentions still mailed
    [mail] = await _wait_for_notes(smtp_server, ana.email, 1)
    assert mail["Subject"] == "Ben mentioned you on “Picnic flavour”."
    await asyncio.sleep(1)
    assert len(_notes(smtp_server, ana.email)) == 1


async def test_a_daily_digest_lists_everything_once(client, make_client, smtp_server, settings):
    entry = await _thread(client, make_client)
    ben, cleo = await sign_up(make_client(), "Ben"), await sign_up(make_client(), "Cleo")
    chosen = await ben.put("/me/email-preferences",
                           {"kinds": ["reply", "mention", "acknowledgement"], "digest": True})
    assert chosen.json()["digest"] is True
    first = await _comment(ben, entry, "Lemon?")
    replies = [await _comment(cleo, entry, f"Answer {n}", parent=first) for n in (1, 2, 3)]
    assert not await Job.filter(key__in=[f"email:reply:{r}" for r in replies]).exists()

    assert await notification_mail.send_digests(settings, datetime.now(UTC)) >= 1
    [digest] = _notes(smtp_server, ben.email)
    assert digest["Subject"] == "Your cocreate digest: 3 updates"
    text, html = _parts(digest)
    assert text.count("Cleo replied to you on “Picnic flavour”.") == 3
    assert all(f"http://testserver/e/{entry}#comment-{r}" in html for r in replies)
    assert UNSUBSCRIBE.match(digest["List-Unsubscribe"])
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    user = await User.get(handle=ben.handle)
    assert user.digest_sent_at is not None
    assert not await Notification.filter(user_id=user.id, emailed_at=None).exists()

    assert await notification_mail.send_digests(settings, datetime.now(UTC)) == 0
    assert len(_notes(smtp_server, ben.email)) == 1


async def test_the_email_settings_page_with_and_without_htmx(app):
    async with new_client(app) as http:
        fan = Browser(http)
        await fan.sign_up("Dana")
        profile = await fan.get("/me/email")
        assert profile.status_code == 200
        assert 'value="reply" checked' in profile.text
        assert 'value="badge" checked' not in profile.text

        saved = await fan.post("/me/email", {"kinds": ["badge", "phase"], "digest": "1"})  # type: ignore[dict-item]
        assert saved.status_code == 303 and saved.headers["location"] == "/me/email?saved=1"
        user = await User.get(email=fan.email)
        assert user.email_kinds == ["badge", "phase"] and user.email_digest is True
        shown = await fan.get("/me/email?saved=1")
        assert "Saved." in shown.text and 'value="phase" checked' in shown.text

        fragment = await fan.post("/me/email", {"kinds": "reply"}, htmx=True)
        assert fragment.status_code == 200 and "<html" not in fragment.text
        assert 'id="email-form"' in fragment.text and "Saved." in fragment.text
        await user.refresh_from_db()
        assert user.email_kinds == ["reply"] and user.email_digest is False

        wrong = await fan.post("/me/email", {"kinds": "spam"}, htmx=True)
        assert wrong.status_code == 422 and "Unknown kind: spam" in wrong.text
        forged = await fan.post("/me/email", {"kinds": "badge"}, csrf=False)
        assert forged.status_code == 403


async def test_a_bad_unsubscribe_token_is_a_400(app):
    async with new_client(app) as stranger:
        page = await stranger.get("/unsubscribe/not-a-token")
        assert page.status_code == 400 and "not valid" in page.text
        posted = await stranger.post("/unsubscribe/not-a-token",
                                     content=b"List-Unsubscribe=One-Click",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert posted.status_code == 400 and "not valid" in posted.text


async def test_a_name_with_a_line_break_or_a_multi_line_thank_you_still_reaches_the_inbox(
        client, make_client, smtp_server):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Mail me")
    author = await sign_up(make_client(), "Author")
    entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Picnic flavour"})).json()["id"]
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    # Ben's name was stored before names were checked for line breaks.
    await User.filter(handle=ben.handle).update(display_name="Ben\nSubject: win a prize")
    first = await _comment(ana, entry, "Strawberry and basil?")
    await _comment(ben, entry, "Yes please!", parent=first)
    thanked = await manager.post(f"/entries/{entry}/acknowledgements", {
        "note": "Thanks, Author:\r\nwe loved it.\n\nCome to the tasting!"})
    assert thanked.status_code == 201, thanked.text

    [reply] = await _wait_for_notes(smtp_server, ana.email, 1)
    assert reply["Subject"] == "Ben Subject: win a prize replied to you on “Picnic flavour”."
    [thanks] = await _wait_for_notes(smtp_server, author.email, 1)
    assert thanks["Subject"].endswith(
        "thanked you for “Picnic flavour”: Thanks, Author: we loved it. Come to the tasting!")
    assert "we loved it.\r\n\r\nCome to the tasting!" in _parts(thanks)[0]  # lines kept
    assert not await Job.filter(status="failed", name=notification_mail.EMAIL_JOB).exists()
