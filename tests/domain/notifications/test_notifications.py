"""In-app notifications: told once per event, read by their person, and mailed alone only
when the person wants that kind mailed one by one."""

from __future__ import annotations

from cocreate.models import Notification
from cocreate.services.notifications import email_prefs, notification_mail, notifications
from tests.domain.core.story_core import recorded
from tests.domain.notifications.story_notifications import answered
from tests.domain.story import person


async def test_a_reply_is_told_once_and_its_mail_queued_once(deps):
    fan = await person("Fan")
    reply = await answered(deps, fan)

    await notifications.notify(fan.id, "reply", "Again", "/e/x", f"reply:{reply.id}")  # replay

    told = await Notification.filter(user=fan)
    assert [(n.kind, n.key) for n in told] == [("reply", f"reply:{reply.id}")]
    assert told[0].text.startswith("Author replied to you on “Mango chili”")
    assert [(job.key, job.payload) for job in await recorded(notification_mail.EMAIL_JOB)] == [
        (f"email:reply:{reply.id}", {"notification_id": told[0].id})]


async def test_a_kind_not_mailed_by_default_is_told_in_the_app_only(deps):
    fan = await person("Fan")
    reply = await answered(deps, fan)  # the idea's author hears of fan's comment: "comment"

    comment_told = await Notification.get(kind="comment")
    assert comment_told.user_id != fan.id
    assert "comment" not in email_prefs.DEFAULT_KINDS
    assert [job.payload["notification_id"] for job in
            await recorded(notification_mail.EMAIL_JOB)] == [
        (await Notification.get(key=f"reply:{reply.id}")).id]


async def test_someone_on_the_daily_digest_gets_no_single_mail(deps):
    fan = await person("Fan")
    await email_prefs.set_prefs(fan, ["reply"], digest=True)

    await answered(deps, fan)

    assert await Notification.filter(user=fan).count() == 1
    assert await recorded(notification_mail.EMAIL_JOB) == []


async def test_a_key_too_long_for_the_job_column_is_hashed_into_it(deps):
    fan = await person("Fan")
    key = "mention:" + "x" * 110

    await notifications.notify(fan.id, "mention", "You were mentioned", "/e/x", key)

    [job] = await recorded(notification_mail.EMAIL_JOB)
    assert job.key.startswith("email:#") and len(job.key) <= 120


async def test_people_read_their_own_notifications_and_no_one_elses(deps):
    ana, ben = await person("Ana"), await person("Ben")
    for n in range(3):
        await notifications.notify(ana.id, "badge", f"Badge {n}", "/b/x", f"ana:{n}")
    await notifications.notify(ben.id, "badge", "Badge", "/b/y", "ben:0")
    bens = await Notification.filter(user=ben).values_list("id", flat=True)
    first = (await notifications.recent(ana))[-1]

    assert await notifications.mark_read(ana, bens) == 0  # not hers: nothing changes
    assert await notifications.mark_read(ana, [first.id]) == 1
    assert await notifications.unread_count(ana) == 2
    assert [n.text for n in await notifications.recent(ana)] == ["Badge 2", "Badge 1", "Badge 0"]

    assert await notifications.mark_read(ana) == 2
    assert (await notifications.unread_count(ana), await notifications.unread_count(ben)) == (0, 1)
    assert await notifications.unread_count(None) == 0
