"""The audit record: written in the transaction of the manager's action, so an action that
is refused leaves no trace and one that happens always does."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid
from cocreate.models import AuditEvent
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.core import audit
from tests.domain.story import launch, person


async def test_a_launch_is_recorded_with_who_did_it_and_a_refused_change_is_not(deps):
    manager = await person("Manager")
    campaign = await launch(manager, "Next big flavour")

    with pytest.raises(Invalid):
        await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(title="No"))

    events = await AuditEvent.filter(org_id=campaign.org_id).select_related("actor")
    assert [(e.action, e.actor.id, e.target_id, e.summary) for e in events] == [
        ("campaign.create", manager.id, campaign.id,
         "Launched “Next big flavour” (Open for entries)")]


async def test_a_summary_is_cut_to_300_characters_and_data_defaults_to_empty(deps):
    manager = await person("Manager")
    campaign = await launch(manager)

    event = await audit.record(campaign.org_id, None, "campaign.phase", "campaign",
                               campaign.id, "x" * 400)

    stored = await AuditEvent.get(id=event.id)
    assert (len(stored.summary), stored.data, stored.actor_id) == (300, {}, None)
