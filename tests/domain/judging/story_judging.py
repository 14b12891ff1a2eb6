"""A campaign with a jury, for the judging stories."""

from __future__ import annotations

from cocreate.models import Campaign, Criterion, Entry, User
from cocreate.services.campaigns import lifecycle
from cocreate.services.core.context import Deps
from cocreate.services.judging import jury
from cocreate.services.judging.jury import CriterionIn
from tests.domain.story import idea, launch, person


async def judged_campaign(deps: Deps, manager: User, *titles: str, jury_weight: int = 50
                          ) -> tuple[Campaign, list[Entry], list[Criterion]]:
    """Ideas of different authors, two criteria (originality counts twice), in voting."""
    campaign = await launch(manager, "Best picnic idea", jury_weight=jury_weight)
    ideas = [await idea(deps, await person(f"Author of {title}"), campaign, title)
             for title in titles]
    criteria = await jury.set_criteria(manager, campaign.slug, [
        CriterionIn("Originality", 2), CriterionIn("Feasibility", 1)])
    await lifecycle.move_by_hand(manager, campaign, "voting")
    return campaign, ideas, criteria


async def judge(manager: User, campaign: Campaign, name: str = "Judge") -> User:
    """Someone the manager put on the jury."""
    person_ = await person(name)
    await jury.add_judge(manager, campaign.slug, f"@{person_.handle}")
    return person_


def scores(criteria: list[Criterion], *values: int) -> dict[str, int]:
    """Scores for the criteria, in their order."""
    return {criterion.id: value for criterion, value in zip(criteria, values, strict=True)}
