"""Remix kits and teams for the entry stories."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image

from cocreate.models import Campaign, Entry, KitAsset, Media, Team, User
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries, remix, teams
from cocreate.services.media import media
from tests.domain.story import launch_kind, run_jobs_named

LICENCE = "Remix freely for this campaign; credit the brand."


async def ready_image(deps: Deps, owner: User, colour: tuple[int, int, int] = (255, 90, 54)
                      ) -> Media:
    """A PNG the owner uploaded (straight to storage) and the worker checked."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    data = buffer.getvalue()
    started, _form = await media.start_upload(deps, owner, "still.png", "image/png", len(data))
    await deps.storage.write(started.upload_key, data, "image/png")
    await media.complete_upload(deps, owner, started.id)
    await run_jobs_named(deps, media.PROCESS_JOB)
    return await Media.get(id=started.id, status="ready")


async def remix_challenge(deps: Deps, manager: User) -> tuple[Campaign, KitAsset]:
    """A remix challenge, open now, with one asset in its kit."""
    campaign = await launch_kind(manager, "remix", "Remix our summer ad")
    asset = await remix.add_kit_asset(manager, campaign.slug,
                                      (await ready_image(deps, manager)).id, "Beach still",
                                      LICENCE)
    return campaign, asset


async def remix_of(deps: Deps, author: User, campaign: Campaign, title: str, *,
                   kit: Sequence[KitAsset] = (), sources: Sequence[Entry] = ()) -> Entry:
    """The author's remix with their own image, crediting kit assets and other entries."""
    image = await ready_image(deps, author, colour=(20, 120, 200))
    return await entries.submit(deps, author, campaign.slug, title, "", image.id,
                                accept_rules=True, kit_asset_ids=[a.id for a in kit],
                                remix_of=[e.id for e in sources])


async def team_with(captain: User, campaign: Campaign, *members: User, name: str = "Crew"
                    ) -> Team:
    """The captain's team, with these members joined by its invite link."""
    team = await teams.create_team(captain, campaign.slug, name)
    for member in members:
        await teams.join_with_code(member, team.invite_code)
    return await teams.get_team(team.id)
