"""An operator sees the jobs that failed for good with `cocreate jobs failed`, and runs one
again with `cocreate jobs retry ID` once its cause is fixed: the real worker then does it."""

from __future__ import annotations

import pytest
from tortoise.transactions import in_transaction

from cocreate.doors import jobs
from cocreate.models import Job, Notification, User
from cocreate.services.notifications import notification_mail, notifications
from tests import services
from tests.people import eventually, sign_up


async def test_a_notification_mail_that_failed_for_good_is_listed_and_retried(
        client, smtp_server, settings_env):
    ana = await sign_up(client, "Ana")
    person = await User.get(handle=ana.handle)
    # An address stored with a line break: every attempt to mail Ana fails on it.
    await User.filter(id=person.id).update(email=ana.email.replace("@", "\n@"))
    async with in_transaction():
        await notifications.notify(person.id, "reply", "Ben replied to you.", "/",
                                   key=f"failed-story:{person.id}")
        job = await Job.get(key=f"email:failed-story:{person.id}")
        # Four attempts failed already; the worker makes the last one.
        await Job.filter(id=job.id).update(attempts=jobs.MAX_ATTEMPTS - 1)
    await eventually(Job.filter(id=job.id, status="failed").exists,
                     "the worker giving up on the mail")

    listed = services.run_cocreate(["jobs", "failed"], settings_env).stdout.splitlines()
    at = next(n for n, row in enumerate(listed) if row.startswith(job.id))
    line, error = listed[at], listed[at + 1]  # the job, then its last error
    notification = await Notification.get(key=f"failed-story:{person.id}")
    assert f"{notification_mail.EMAIL_JOB}(notification_id={notification.id})" in line
    assert f"{jobs.MAX_ATTEMPTS} attempts" in line and "failed 20" in line
    assert "linefeed" in error
    assert notification.emailed_at is None

    await User.filter(id=person.id).update(email=ana.email)  # the operator fixes the address
    retried = services.run_cocreate(["jobs", "retry", job.id], settings_env)
    assert f"Job {job.id} will run again." in retried.stdout

    await eventually(Job.filter(id=job.id, status="done").exists, "the retried mail being sent")
    assert [m["Subject"] for m in smtp_server.to(ana.email)
            if m["Subject"] == "Ben replied to you."] == ["Ben replied to you."]
    assert job.id not in services.run_cocreate(["jobs", "failed"], settings_env).stdout


def test_retrying_a_job_that_did_not_fail_says_so(settings_env):
    with pytest.raises(RuntimeError, match="No failed job has the id 'nope'"):
        services.run_cocreate(["jobs", "retry", "nope"], settings_env)
