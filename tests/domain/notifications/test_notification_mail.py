"""Mailing notifications: one by one by a job, or in a daily digest; never twice, always with
a one-click unsubscribe, and what people turned off after a mail was queued is not sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.doors import jobs, mailer
from cocreate.models import Job, Notification, User
from cocreate.services.conversation import comments
from cocreate.services.notifications import email_prefs, notification_mail, notifications
from cocreate.services.recognition import acknowledgements
from tests.domain.notifications.story_notifications import answered, mails, text_of
from tests.domain.story import idea, launch, person, run_jobs_named


async def test_a_reply_is_mailed_once_with_its_link_and_a_one_click_unsubscribe(deps):
    fan = await person("Fan")
    reply = await answered(deps, fan)

    await run_jobs_named(deps, notification_mail.EMAIL_JOB)
    told = await Notification.get(key=f"reply:{reply.id}")
    assert not await notification_mail.send_one(deps.settings, told.id)  # a second delivery

    [mail] = mails(deps)
    assert (mail["To"], mail["Subject"]) == (fan.email, told.text)
    assert mail["List-Unsubscribe"].startswith("<http://testserver/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"http://testserver/e/{reply.entry_id}#comment-{reply.id}" in text_of(mail)
    assert "Replies to your comments".lower() in text_of(mail)
    assert told.emailed_at is not None


async def test_a_kind_turned_off_after_the_mail_was_queued_is_not_sent(deps):
    fan = await person("Fan")
    reply = await answered(deps, fan)

    await email_prefs.set_prefs(fan, ["mention"], digest=False)
    await run_jobs_named(deps, notification_mail.EMAIL_JOB)

    assert mails(deps) == []
    assert (await Notification.get(key=f"reply:{reply.id}")).emailed_at is None


async def test_a_mail_that_fails_is_released_so_the_retry_sends_it(deps):
    fan = await person("Fan")
    reply = await answered(deps, fan)
    told = await Notification.get(key=f"reply:{reply.id}")
    deps.settings.mail_dir.write_text("not a folder: the mailer fails")

    with pytest.raises(OSError):
        await notification_mail.send_one(deps.settings, told.id)
    assert (await Notification.get(id=told.id)).emailed_at is None

    deps.settings.mail_dir.unlink()
    assert await notification_mail.send_one(deps.settings, told.id)
    assert len(mails(deps)) == 1


async def test_a_mail_whose_worker_was_killed_mid_send_is_sent_when_the_job_runs_again(deps):
    fan = await person("Fan")
    reply = await answered(deps, fan)
    told = await Notification.get(key=f"reply:{reply.id}")
    # A worker took the mail and was killed before handing it over: its claim stays behind.
    killed_at = datetime.now(UTC)
    await Notification.filter(id=told.id).update(email_claimed_at=killed_at)

    # Run again at once, the job cannot tell a dead sender from a slow one: it looks again
    # once the claim is older than any send can take.
    job = await Job.get(name=notification_mail.EMAIL_JOB)
    assert isinstance(deps.jobs, jobs.InProcessRunner)
    with pytest.raises(jobs.RetryLater) as waiting:
        await jobs.execute(job.id, deps.jobs.context, deps.jobs.handlers)
    assert waiting.value.delay >= notification_mail.CLAIM_TIMEOUT.total_seconds() - 1
    assert mails(deps) == [] and (await Job.get(id=job.id)).last_error is None
    # ...when the claim is that old (its worker is gone), it takes the mail over.
    await Notification.filter(id=told.id).update(
        email_claimed_at=killed_at - notification_mail.CLAIM_TIMEOUT)
    assert await notification_mail.send_one(deps.settings, told.id)
    assert not await notification_mail.send_one(deps.settings, told.id)
    assert [m["To"] for m in mails(deps)] == [fan.email]
    assert (await Notification.get(id=told.id)).emailed_at is not None


async def test_a_digest_lists_what_is_wanted_once_and_comes_at_most_twice_a_day(deps):
    fan = await person("Fan")
    await email_prefs.set_prefs(fan, ["reply", "mention"], digest=True)
    for n, kind in enumerate(["reply", "badge", "mention"]):
        await notifications.notify(fan.id, kind, f"Update {n} ({kind})", f"/e/{n}", f"k:{n}")
    await Notification.filter(key="k:0").update(
        created_at=datetime.now(UTC) - timedelta(days=8))  # older than any digest looks
    first = datetime.now(UTC)

    assert await notification_mail.send_digests(deps.settings, first) == 1
    assert await notification_mail.send_digests(deps.settings, first + timedelta(hours=1)) == 0

    [digest] = mails(deps)
    assert digest["Subject"] == "Your cocreate digest: 1 update"
    assert "Update 2 (mention)" in text_of(digest)
    assert "Update 0" not in text_of(digest) and "Update 1" not in text_of(digest)
    assert "Stop all email from cocreate" in text_of(digest)

    await notifications.notify(fan.id, "reply", "Update 3 (reply)", "/e/3", "k:3")
    assert await notification_mail.send_digests(deps.settings, first + timedelta(hours=13)) == 1
    [later] = [m for m in mails(deps) if m["Message-ID"] != digest["Message-ID"]]
    assert "Update 3 (reply)" in text_of(later)
    assert "Update 2" not in text_of(later)  # mailed in the first digest already


async def test_a_name_with_a_line_break_and_a_multi_line_thank_you_are_still_mailed(deps):
    fan = await person("Fan")
    author = await person("Author")
    # A name stored before names were checked for line breaks.
    await User.filter(id=author.id).update(display_name="Author\r\nBcc: everyone@example.test")
    entry = await idea(deps, author, await launch(manager := await person("Manager")))
    question = await comments.post(deps, fan, entry.id, "Is it very hot?")
    await comments.post(deps, await User.get(id=author.id), entry.id, "Just warm.",
                        parent_id=question.id)
    note = "Thanks, Author:\n\nwe loved it.\nSee you at the tasting!" + " Really." * 40
    await acknowledgements.acknowledge(manager, entry.id, note)

    await run_jobs_named(deps, notification_mail.EMAIL_JOB)

    reply = next(m for m in mails(deps) if m["To"] == fan.email)
    assert reply["Subject"] == ("Author Bcc: everyone@example.test replied to you on "
                                "“Mango chili”.")
    assert reply["Bcc"] is None
    thanks = next(m for m in mails(deps) if m["To"] == author.email)
    assert thanks["Subject"].startswith("Brand ")
    assert "“Mango chili”: Thanks, Author: we loved it. See you at the tasting!" in (
        thanks["Subject"])
    assert len(thanks["Subject"]) == mailer.SUBJECT_LENGTH and thanks["Subject"].endswith("…")
    assert "we loved it.\nSee you at the tasting!" in text_of(thanks)  # the body keeps lines
    assert not await Job.exists(status="failed")


def test_header_text_is_one_bounded_line():
    assert mailer.header_text("Ana\n\tO\u2028Neil\x00 \ud800!") == "Ana O Neil !"
    assert mailer.header_text("  ") == ""
    assert mailer.header_text("Idea " * 10, limit=12) == "Idea Idea I…"
