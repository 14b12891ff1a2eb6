"""Launching and changing campaigns: only the organization's managers may, every wrong field
is named before anything is saved, and drafts stay with their managers until they open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.models import AuditEvent, Campaign, CampaignPhase
from cocreate.services.campaigns import campaigns, lifecycle
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.orgs import orgs
from tests.domain.media.story_media import png, ready_image, uploaded
from tests.domain.story import launch, person


async def test_only_the_organizations_managers_launch_and_change_its_campaigns(deps):
    manager, fan, moderator = await person("Manager"), await person("Fan"), await person("Mod")
    campaign = await launch(manager)
    await orgs.add_member(manager, campaign.org.slug, moderator.email, "moderator")
    wanted = CampaignSettings(title="Mine now", description="Mine.")

    for someone in (fan, moderator):
        with pytest.raises(Forbidden, match=f"Only managers of {campaign.org.name}"):
            await campaigns.create_campaign(someone, campaign.org.slug, "idea", wanted)
        with pytest.raises(Forbidden):
            await campaigns.update_campaign(someone, campaign.slug, wanted)

    assert await Campaign.all().values_list("title", flat=True) == [campaign.title]


async def test_a_launch_names_every_wrong_field_and_saves_nothing(deps):
    manager = await person("Manager")
    org = (await launch(manager)).org

    with pytest.raises(Invalid) as refused:
        await campaigns.create_campaign(manager, org.slug, "contest", CampaignSettings(
            title="No", description=" ", min_age=0, eligible_countries=["DE", "XX"],
            moderation="never", team_min_size=6))

    assert set(refused.value.fields) == {"kind", "title", "description", "min_age",
                                         "eligible_countries", "moderation", "team_max_size"}
    assert "XX" in refused.value.fields["eligible_countries"]
    assert await Campaign.all().count() == 1


async def test_a_campaign_opening_later_is_a_draft_only_its_managers_see(deps):
    manager, fan = await person("Manager"), await person("Fan")
    opens = datetime.now(UTC) + timedelta(days=2)
    public = await launch(manager, "Open now")
    draft = await campaigns.create_campaign(manager, public.org.slug, "idea", CampaignSettings(
        title="Coming soon", description="Soon.", dates={"opens_at": opens}))

    assert (draft.phase, draft.next_phase_at) == (CampaignPhase.DRAFT, opens)
    for viewer in (fan, None):
        with pytest.raises(NotFound):
            await campaigns.view_campaign(viewer, draft.slug)
    assert (await campaigns.view_campaign(manager, draft.slug)).id == draft.id
    assert [c.title for c in await campaigns.list_campaigns()] == ["Open now"]
    assert [c.title for c in await campaigns.open_campaigns()] == ["Open now"]
    assert [c.title for c in await campaigns.org_campaigns(fan, public.org.slug)] == ["Open now"]
    assert [c.title for c in await campaigns.org_campaigns(manager, public.org.slug)] == [
        "Coming soon", "Open now"]


async def test_a_running_campaign_takes_as_cover_only_its_managers_finished_image(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    not_theirs = await ready_image(deps, fan)
    still_checked = await uploaded(deps, manager, png())

    for media in (not_theirs, still_checked):
        with pytest.raises(Invalid) as refused:
            await campaigns.update_campaign(manager, campaign.slug,
                                            CampaignSettings(cover_media_id=media.id))
        assert set(refused.value.fields) == {"cover_media_id"}

    cover = await ready_image(deps, manager)
    changed = await campaigns.update_campaign(manager, campaign.slug,
                                              CampaignSettings(cover_media_id=cover.id))

    assert changed.cover.id == cover.id
    assert await AuditEvent.filter(action="campaign.update").values_list("summary", flat=True) \
        == [f"Changed cover of “{campaign.title}”"]


async def test_an_update_records_what_changed_and_nothing_when_nothing_did(deps):
    manager = await person("Manager")
    campaign = await launch(manager, "Next big flavour")

    await campaigns.update_campaign(manager, campaign.slug,
                                    CampaignSettings(title="Next big flavour"))
    assert not await AuditEvent.exists(action="campaign.update")

    await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        title="Flavour of the summer", rules="Be kind."))
    [event] = await AuditEvent.filter(action="campaign.update")
    assert event.data == {"fields": ["rules", "rules_html", "rules_version", "title"]}
    stored = await campaigns.get_campaign(campaign.slug)
    assert (stored.title, stored.rules_version) == ("Flavour of the summer", 1)


@pytest.mark.parametrize(("mode", "weight", "field"), [
    ("upvote", 100, "jury_weight"), ("budget", -1, "jury_weight"), ("ballot", 0, "voting_mode")])
async def test_the_jury_decides_alone_only_in_jury_mode(deps, mode, weight, field):
    manager = await person("Manager")
    campaign = await launch(manager)

    with pytest.raises(Invalid) as refused:
        await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
            voting_mode=mode, vote_budget=3, jury_weight=weight))

    assert field in refused.value.fields


async def test_the_jurys_share_follows_the_mode_until_the_results_are_out(deps):
    manager = await person("Manager")
    campaign = await launch(manager)

    shared = await campaigns.update_campaign(manager, campaign.slug,
                                             CampaignSettings(jury_weight=30))
    jury = await campaigns.update_campaign(manager, campaign.slug,
                                           CampaignSettings(voting_mode="jury"))
    back = await campaigns.update_campaign(manager, campaign.slug,
                                           CampaignSettings(voting_mode="upvote"))
    assert (shared.jury_weight, jury.jury_weight, back.jury_weight) == (30, 100, 0)

    await lifecycle.move_by_hand(manager, back, CampaignPhase.RESULTS)
    with pytest.raises(Invalid) as refused:
        await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(jury_weight=50))
    assert "results are out" in refused.value.fields["jury_weight"]
