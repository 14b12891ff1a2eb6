"""An organization's audit log: its owners read what every manager did, newest first;
managers and everyone else may not."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.orgs import audit_log, orgs
from tests.domain.story import launch, person


async def test_owners_read_what_managers_did_newest_first(deps):
    owner, manager = await person("Owner"), await person("Manager")
    campaign = await launch(owner, "Next big flavour")
    await orgs.add_member(owner, campaign.org.slug, manager.email, "manager")
    await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(title="Flavours"))

    log = await audit_log.org_log(owner, campaign.org.slug)

    assert [(event.action, event.actor.display_name) for event in log] == [
        ("campaign.update", "Manager"), ("member.add", "Owner"), ("campaign.create", "Owner")]
    assert [event.action for event in await audit_log.org_log(owner, campaign.org.slug,
                                                              limit=1)] == ["campaign.update"]


async def test_managers_and_fans_may_not_read_it(deps):
    owner, manager, fan = await person("Owner"), await person("Manager"), await person("Fan")
    org = (await launch(owner)).org
    await orgs.add_member(owner, org.slug, manager.email, "manager")

    for someone in (manager, fan):
        with pytest.raises(Forbidden, match=f"Only owners of {org.name} can read its audit log"):
            await audit_log.org_log(someone, org.slug)
