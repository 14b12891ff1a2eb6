"""Jobs that fail for good are listed for operators with their error, and run again when an
operator asks: a person's notification is never silently dropped."""

from __future__ import annotations

import pytest

from cocreate.doors import jobs
from cocreate.lib.errors import NotFound
from cocreate.models import Job, Notification
from cocreate.services.core.context import Deps
from cocreate.services.notifications import notification_mail
from cocreate.services.operations import failed_jobs
from tests.domain.notifications.story_notifications import answered, mails
from tests.domain.story import person, run_jobs_named


async def _run_until_it_stops(deps: Deps, job: Job) -> None:
    """Every attempt the worker would make, without waiting out the backoff between them."""
    runner = deps.jobs
    assert isinstance(runner, jobs.InProcessRunner)
    for _ in range(jobs.MAX_ATTEMPTS):
        try:
            await jobs.execute(job.id, runner.context, runner.handlers)
        except jobs.RetryLater:
            continue


async def test_a_mail_that_fails_every_attempt_is_listed_and_sent_when_retried(deps):
    fan = await person("Fan")
    reply = await answered(deps, fan)
    job = await Job.get(name=notification_mail.EMAIL_JOB)
    told = await Notification.get(key=f"reply:{reply.id}")
    deps.settings.mail_dir.write_text("not a folder: every mail fails")

    await _run_until_it_stops(deps, job)

    [failed] = await failed_jobs.failed()
    assert (failed.id, failed.name, failed.attempts) == (job.id, notification_mail.EMAIL_JOB,
                                                         jobs.MAX_ATTEMPTS)
    assert failed.args == f"notification_id={told.id}"
    assert "Error" in failed.error and failed.failed_at is not None
    assert (await Notification.get(id=told.id)).emailed_at is None
    assert mails(deps) == []

    deps.settings.mail_dir.unlink()  # the operator fixes the mail folder
    await failed_jobs.retry(job.id)
    assert (await Job.get(id=job.id)).status == "pending"
    await run_jobs_named(deps, notification_mail.EMAIL_JOB)

    assert [m["To"] for m in mails(deps)] == [fan.email]
    assert await failed_jobs.failed() == []
    assert (await Job.get(id=job.id)).status == "done"
    with pytest.raises(NotFound, match="No failed job"):
        await failed_jobs.retry(job.id)  # done: nothing to retry


async def test_only_failed_jobs_can_be_retried_and_odd_ids_are_refused_cleanly(deps):
    for odd in ["nope", "x" * 100_000, "", "a\x00b", "ab cd"]:
        with pytest.raises(NotFound):
            await failed_jobs.retry(odd)


async def test_a_job_cut_short_on_every_attempt_is_marked_failed_instead_of_running_on(deps):
    fan = await person("Fan")
    await answered(deps, fan)
    job = await Job.get(name=notification_mail.EMAIL_JOB)
    # Each of its attempts started and was cut short: its worker was killed every time.
    await Job.filter(id=job.id).update(status="sent", attempts=jobs.MAX_ATTEMPTS)

    await _run_until_it_stops(deps, job)

    [failed] = await failed_jobs.failed()
    assert failed.id == job.id and failed.error.startswith("Gave up after 5 attempts, the "
                                                           "last cut short")
    assert mails(deps) == []
    await failed_jobs.retry(job.id)
    await run_jobs_named(deps, notification_mail.EMAIL_JOB)
    assert [m["To"] for m in mails(deps)] == [fan.email]
