"""A public profile: what people show of themselves (checked field by field), cards drawn
again when the name or picture changes, and the portfolio others see."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid
from cocreate.models import User
from cocreate.services.accounts import profiles
from cocreate.services.badges import badges
from cocreate.services.entries import entries, teams
from cocreate.services.moderation import merging
from cocreate.services.recognition import acknowledgements, openbadges, org_badges
from cocreate.services.sharing import profile_cards
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import png, ready_image, uploaded
from tests.domain.story import idea, launch, launch_kind, person


async def test_each_wrong_field_is_named_and_nothing_is_saved(deps):
    ana, ben = await person("Ana"), await person("Ben")
    bens_picture = await ready_image(deps, ben)
    unchecked = await uploaded(deps, ana, png())

    for wrong, field in [({"display_name": " "}, "display_name"), ({"bio": "x" * 301}, "bio"),
                         ({"avatar_media_id": bens_picture.id}, "avatar_media_id"),
                         ({"avatar_media_id": unchecked.id}, "avatar_media_id")]:
        with pytest.raises(Invalid) as refused:
            await profiles.update_profile(ana, **{"bio": "Saved?", **wrong})
        assert set(refused.value.fields) == {field}

    stored = await User.get(id=ana.id)
    assert (stored.display_name, stored.bio, stored.avatar_media_id) == ("Ana", "", None)


async def test_a_new_name_or_picture_draws_the_cards_again_and_a_bio_does_not(deps):
    manager, ana = await person("Manager"), await person("Ana")
    await idea(deps, ana, await launch(manager))
    await idea(deps, ana, await launch(manager, "Second"))
    cards = len(await recorded(badges.RENDER_JOB)) + len(await recorded(profile_cards.RENDER_JOB))

    async def queued() -> int:
        return (len(await recorded(badges.RENDER_JOB))
                + len(await recorded(profile_cards.RENDER_JOB)) - cards)

    ana = await profiles.update_profile(ana, bio="Mango person.")
    ana = await profiles.update_profile(ana, display_name="Ana")  # unchanged
    assert await queued() == 0

    ana = await profiles.update_profile(ana, display_name="Ana Maria")
    assert await queued() == 3  # the profile card and her two badges
    picture = await ready_image(deps, ana)
    ana = await profiles.update_profile(ana, avatar_media_id=picture.id)
    assert (await profiles.avatar(ana)).id == picture.id
    ana = await profiles.update_profile(ana, clear_avatar=True)
    assert await queued() == 9 and await profiles.avatar(ana) is None


async def test_the_portfolio_names_teams_remixes_merged_ideas_and_who_thanked(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    ideas = await launch(manager, "Ideas")
    first = await idea(deps, ana, ideas, "Mango chili")
    bens = await idea(deps, ben, ideas, "Chili mango")
    remix = await entries.submit(deps, ana, ideas.slug, "Mango chili, frozen", "",
                                 accept_rules=True, remix_of=[bens.id])
    twin = await idea(deps, ana, ideas, "Mango with chili")
    await merging.merge(deps, manager, twin.id, bens.id)  # Ana is credited on Ben's idea
    team = await teams.create_team(ana, (await launch_kind(manager, "team")).slug, "Mangoes")
    await acknowledgements.acknowledge(manager, first.id, "Thank you Ana, a great flavour!")
    brand = await person("Brand manager")
    elsewhere = await launch(brand, "Elsewhere")
    own = await org_badges.create_badge(brand, elsewhere.org.slug, "Taste maker", "Found it.")
    await org_badges.give(brand, elsewhere.org.slug, own.id, ana.handle, elsewhere.slug)
    third = await person("Third manager")
    unthanked = await launch(third, "Unthanked")
    oops = await org_badges.create_badge(third, unthanked.org.slug, "Oops", "A mistake.")
    mistake = await org_badges.give(third, unthanked.org.slug, oops.id, ana.handle,
                                    unthanked.slug)
    await openbadges.revoke(third, mistake.id, "Given by mistake.")

    shown = await profiles.portfolio(ana, [first.id, remix.id, bens.id])

    assert [t.id for t in shown.teams] == [team.id]
    assert shown.remix_ids == {remix.id}
    assert shown.credited_ids == {bens.id}
    assert {org.id for org in shown.thanked_by} == {ideas.org_id, elsewhere.org_id}
