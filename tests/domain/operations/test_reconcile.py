"""Reconcile proves the counters: each is recounted from its ledger and a difference is named
(counter, row, stored, ledger) and, when asked, repaired; after a busy day there is none."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from tortoise.expressions import F

from cocreate.models import (
    Campaign,
    CampaignScore,
    Comment,
    Entry,
    Fundraiser,
    FundraisingPage,
    Tag,
    Team,
    VoteBudget,
)
from cocreate.services.conversation import comments, reactions
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries, teams
from cocreate.services.fundraising import fundraising_pages
from cocreate.services.fundraising.fundraising_pages import PageInput
from cocreate.services.judging import jury
from cocreate.services.operations import reconcile
from cocreate.services.tags import tag_curation
from cocreate.services.voting import voting
from tests.domain.fundraising.story_fundraising import fundraiser, paid
from tests.domain.judging.story_judging import judge, judged_campaign, scores
from tests.domain.story import launch, launch_kind, person


@dataclass(frozen=True)
class Busy:
    """What a busy day left: one row behind each kind of counter."""

    entry: Entry
    tag: Tag
    team: Team
    comment: Comment
    budget: VoteBudget
    fundraiser: Fundraiser
    page: FundraisingPage


async def _busy_day(deps: Deps) -> Busy:
    manager, author, fan = await person("Manager"), await person("Author"), await person("Fan")
    campaign = await launch(manager, voting_mode="budget", vote_budget=3)
    tag = await tag_curation.create(deps, manager, campaign.slug, "Outdoors")
    entry = await entries.submit(deps, author, campaign.slug, "Floating table", "",
                                 accept_rules=True, tag_slugs=["outdoors"])
    await voting.cast(deps, fan, entry.id)
    said = await comments.post(deps, fan, entry.id, "Would it hold four?")
    await reactions.react(deps, author, said.id, "helpful", on=True)
    crew = await launch_kind(manager, "team", team_min_size=1)
    team = await teams.create_team(author, crew.slug, "Crew")
    await teams.join_with_code(fan, team.invite_code)
    river = await fundraiser(manager)
    page = await fundraising_pages.create_page(deps, author, river.slug, PageInput(goal=9_000))
    await paid(deps, manager, fan, river, 2_500, page_id=page.id)
    return Busy(entry, tag, team, said, await VoteBudget.get(user_id=fan.id),
                await Fundraiser.get(campaign_id=river.id), page)


Breaking = Callable[[Busy], Awaitable[object]]
BROKEN: dict[str, Breaking] = {  # what a bug might do to one counter, behind the ledger's back
    "entries.vote_count": lambda b: Entry.filter(id=b.entry.id).update(vote_count=7),
    "entries.trend": lambda b: Entry.filter(id=b.entry.id).update(trend=F("trend") + 1),
    "campaigns.entry_count": lambda b: Campaign.filter(id=b.entry.campaign_id).update(
        entry_count=0),
    "tags.entry_count": lambda b: Tag.filter(id=b.tag.id).update(entry_count=0),
    "teams.member_count": lambda b: Team.filter(id=b.team.id).update(member_count=9),
    "entries.comment_count": lambda b: Entry.filter(id=b.entry.id).update(comment_count=0),
    "comments.helpfuls": lambda b: Comment.filter(id=b.comment.id).update(helpfuls=3),
    "vote_budgets.used": lambda b: VoteBudget.filter(id=b.budget.id).update(used=3),
    "fundraisers.raised": lambda b: Fundraiser.filter(id=b.fundraiser.id).update(raised=1),
    "fundraising_pages.gift_count": lambda b: FundraisingPage.filter(id=b.page.id).update(
        gift_count=5),
    "campaign_scores.votes": lambda b: CampaignScore.filter(user_id=b.entry.author_id).delete(),
}


async def test_after_a_busy_day_every_counter_equals_its_ledger(deps):
    await _busy_day(deps)

    assert await reconcile.reconcile() == []


@pytest.mark.parametrize("counter", list(BROKEN))
async def test_a_broken_counter_is_named_and_repaired_to_its_ledger(deps, counter):
    busy = await _busy_day(deps)
    await BROKEN[counter](busy)

    [found] = await reconcile.reconcile()
    assert found.counter == counter and found.stored != found.ledger
    assert await reconcile.find_differences() == [found]  # reporting repaired nothing

    await reconcile.reconcile(repair=True)
    assert await reconcile.find_differences() == []


async def test_a_jury_score_that_drifted_is_recounted_from_the_judges_rows(deps):
    manager = await person("Manager")
    campaign, [entry], criteria = await judged_campaign(deps, manager, "Floating table")
    await jury.score_entry(await judge(manager, campaign), entry.id, scores(criteria, 7, 4))
    await Entry.filter(id=entry.id).update(jury_score=9.5, jury_judges=3)

    found = {d.counter: (d.stored, d.ledger) for d in await reconcile.reconcile(repair=True)}

    assert found == {"entries.jury_score": (9.5, 6.0), "entries.jury_judges": (3, 1)}
    repaired = await Entry.get(id=entry.id)
    assert (repaired.jury_score, repaired.jury_judges) == (6.0, 1)
    assert await reconcile.find_differences() == []
