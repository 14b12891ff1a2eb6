"""Jobs are recorded with the change that causes them, survive Redis being down, and retry."""

from __future__ import annotations

import pytest
import redis
from tortoise.transactions import in_transaction

from cocreate.doors import jobs
from cocreate.models import Award, Job, User
from cocreate.services.badges import badges
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries
from cocreate.services.sharing import award_cards
from tests.people import eventually, launch_campaign, sign_up, wait_for


async def test_a_badge_earned_while_redis_is_down_is_rendered_once_it_is_back(
    app, client, settings
):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager)
    fan = await sign_up(client, "Offline Fan")
    person = await User.get(handle=fan.handle)
    dead_redis = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    relay_without_redis = jobs.ArqRelay(dead_redis)
    live = app.state.deps
    deps = Deps(settings=live.settings, storage=live.storage, jobs=relay_without_redis,
                limiter=live.limiter)

    entry = await entries.submit(deps, person, campaign["slug"], "Idea while offline", "")
    award = await Award.get(user=person, campaign__slug=campaign["slug"])
    job = await Job.get(key=f"award:{award.id}")
    assert job.name == badges.RENDER_JOB and job.payload == {"award_id": award.id}
    with pytest.raises(redis.exceptions.ConnectionError):
        await relay_without_redis.relay_once()  # Redis is unreachable: the job stays recorded
    assert entry.id

    # The app's own relay (Redis up) hands it to the worker, which renders the card.
    body = await wait_for(fan, f"/users/{fan.handle}/badges",
                          lambda b: b["awards"] and b["awards"][0]["status"] == "ready")
    assert body["awards"][0]["image_url"]
    await eventually(Job.filter(key=f"award:{award.id}", status="done").exists,
                     "the worker marking the render job done")


async def test_recording_a_job_twice_keeps_one_job():
    async with in_transaction():
        first = await jobs.enqueue("badges.render", {"award_id": "x"}, key="test:twice")
        second = await jobs.enqueue("badges.render", {"award_id": "x"}, key="test:twice")
    assert first.id == second.id
    assert await Job.filter(key="test:twice").count() == 1


async def test_a_failed_job_is_retried_then_recorded_done(app):
    calls: list[int] = []

    async def flaky(context: jobs.JobContext, n: int) -> None:
        calls.append(n)
        if len(calls) == 1:
            raise RuntimeError("storage hiccup")

    job = await jobs.enqueue("test.flaky", {"n": 1}, key="test:flaky")
    context = jobs.JobContext(settings=app.state.settings, storage=app.state.deps.storage)
    handlers = {"test.flaky": flaky}
    with pytest.raises(jobs.RetryLater):
        await jobs.execute(job.id, context, handlers)
    failed_once = await Job.get(id=job.id)
    assert failed_once.attempts == 1 and "storage hiccup" in failed_once.last_error
    await jobs.execute(job.id, context, handlers)
    await jobs.execute(job.id, context, handlers)  # already done: nothing runs again
    done = await Job.get(id=job.id)
    assert (done.status, done.attempts, calls) == ("done", 2, [1, 1])


async def test_rendering_a_badge_twice_leaves_the_same_card(app, client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager)
    fan = await sign_up(client, "Twice")
    await fan.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Render me twice"})
    body = await wait_for(fan, f"/users/{fan.handle}/badges",
                          lambda b: b["awards"] and b["awards"][0]["status"] == "ready")
    award_id = body["awards"][0]["id"]
    before = (await Award.get(id=award_id)).image_key
    await award_cards.render(app.state.deps.storage, award_id)
    assert (await Award.get(id=award_id)).image_key == before
    assert await Award.filter(user__handle=fan.handle).count() == 1


async def test_a_job_stored_under_its_old_name_still_runs(app, client):
    """Jobs are named after the area that handles them now; rows recorded under a name from
    before (here "badges.render", now "sharing.award_card") are still run by the worker."""
    fan = await sign_up(client, "Fan From Before")
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager)
    person = await User.get(handle=fan.handle)
    await entries.submit(app.state.deps, person, campaign["slug"], "An idea from before", "")
    award = await Award.get(user=person, campaign__slug=campaign["slug"])
    assert badges.RENDER_JOB == "sharing.award_card"

    await jobs.enqueue("badges.render", {"award_id": award.id}, key=f"before-rename:{award.id}")
    app.state.deps.jobs.kick()
    await eventually(Job.filter(key=f"before-rename:{award.id}", status="done").exists,
                     "the worker running the job stored under its old name")
