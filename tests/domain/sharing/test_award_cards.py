"""A badge's card: the badge, the person, the campaign and the brand, with the entry's
picture (or an organization badge's artwork) and what a remix builds on."""

from __future__ import annotations

from cocreate.models import Award, CardStatus
from cocreate.services.badges import badges
from cocreate.services.entries import entries
from cocreate.services.orgs import orgs
from cocreate.services.recognition import org_badges
from cocreate.services.sharing import award_cards
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import ready_image
from tests.domain.story import idea, launch, person


async def _loaded(award_id: str) -> Award:
    return await Award.get(id=award_id).select_related(*badges.AWARD_RELATED, "entry__media")


async def test_a_contributor_card_shows_the_badge_person_brand_and_the_remix_credit(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    campaign = await launch(manager, "Next big flavour")
    logo = await ready_image(deps, manager, colour=(0, 0, 0))
    org = await orgs.update_org(manager, campaign.org.slug, color="#102030",
                                logo_media_id=logo.id)
    picture = await ready_image(deps, ben)
    original = await idea(deps, ana, campaign, "Mango chili")
    remix = await entries.submit(deps, ben, campaign.slug, "Mango chili, frozen", "",
                                 picture.id, accept_rules=True, remix_of=[original.id])
    contributor = await badges.award_for_entry(remix.id)

    shown = await award_cards.content_of(deps.storage, await _loaded(contributor.id))

    assert (shown.badge_label, shown.person_name, shown.campaign_title) == (
        "Contributor", "Ben", "Next big flavour")
    assert (shown.org_name, shown.brand_color) == (org.name, "#102030")
    assert shown.credit == "remix of Mango chili by Ana"
    assert shown.entry_image == await deps.storage.read(picture.key)
    assert shown.logo_image == await deps.storage.read(logo.key)
    assert contributor.status == CardStatus.RENDERING  # until the worker has drawn it


async def test_an_organizations_badge_shows_its_artwork_where_an_entry_would(deps):
    manager, ana = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    artwork = await ready_image(deps, manager, colour=(250, 200, 0))
    own = await org_badges.create_badge(manager, campaign.org.slug, "Taste maker",
                                        "Found the flavour of the summer.", artwork.id)

    given = await org_badges.give(manager, campaign.org.slug, own.id, ana.handle, campaign.slug)
    shown = await award_cards.content_of(deps.storage, await _loaded(given.id))

    assert (shown.badge_label, shown.credit) == ("Taste maker", "")
    assert shown.entry_image == await deps.storage.read(artwork.key)
    assert [job.payload for job in await recorded(badges.RENDER_JOB)][-1] == {
        "award_id": given.id}
