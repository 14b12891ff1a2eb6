"""What people do, called straight on the services: the helpers the domain stories reuse."""

from __future__ import annotations

import uuid
from typing import Any

from cocreate.doors import jobs
from cocreate.models import Campaign, Entry, Job, User
from cocreate.services.accounts import accounts
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries
from cocreate.services.orgs import orgs

PASSWORD = "correct horse battery"


async def person(name: str = "Fan") -> User:
    """Someone who signed up."""
    return await accounts.create_user(f"{uuid.uuid4().hex[:10]}@example.test", PASSWORD, name)


async def launch(manager: User, title: str = "Next big flavour", **settings: Any) -> Campaign:
    """An organization of the manager's own and an idea campaign of it, open now."""
    org = await orgs.create_org(manager, f"Brand {uuid.uuid4().hex[:6]}", "brand")
    return await campaigns.create_campaign(manager, org.slug, "idea", CampaignSettings(
        title=title, description="Tell us **everything**.", **settings))


async def idea(deps: Deps, author: User, campaign: Campaign, title: str = "Mango chili"
               ) -> Entry:
    """An idea the author submitted (accepting the rules), published at once."""
    return await entries.submit(deps, author, campaign.slug, title, "Sweet, then hot.",
                                accept_rules=True)


async def run_jobs(deps: Deps) -> None:
    """Run the jobs recorded so far, and those they record, as the embedded runner would."""
    runner = deps.jobs
    assert isinstance(runner, jobs.InProcessRunner)
    while await runner.relay_once():
        await runner.drain()


async def run_jobs_named(deps: Deps, *names: str) -> None:
    """Run only the recorded jobs of these names (and those of the same names they record),
    as the runner would: a story about a notification need not wait for share cards."""
    runner = deps.jobs
    assert isinstance(runner, jobs.InProcessRunner)
    while pending := await Job.filter(name__in=names, status="pending").order_by("created_at"):
        for job in pending:
            await jobs.execute(job.id, runner.context, runner.handlers)


async def launch_kind(manager: User, kind: str, title: str = "Make it yours",
                      **settings: Any) -> Campaign:
    """An organization of the manager's own and a campaign of that kind (remix, team,
    fundraiser...) of it, open now; a fundraiser needs `fundraiser=FundraiserSettings(...)`."""
    org = await orgs.create_org(manager, f"Brand {uuid.uuid4().hex[:6]}", "brand")
    return await campaigns.create_campaign(manager, org.slug, kind, CampaignSettings(
        title=title, description="Tell us **everything**.", **settings))
