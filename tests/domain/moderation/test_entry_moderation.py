"""Moderators approve, hide, restore and reject entries (hiding and rejecting with a reason
for the author), each decision from the state it was read in and closing the open reports;
fans report entries, and enough open reports hide one until a moderator looks."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import Campaign, Report
from cocreate.services.entries import entries
from cocreate.services.moderation import moderation
from cocreate.services.operations import reconcile
from cocreate.services.orgs import orgs
from tests.domain.story import idea, launch, person


async def _entry_count(campaign: Campaign) -> int:
    return (await Campaign.get(id=campaign.id)).entry_count


async def test_moderators_decide_with_a_reason_for_the_author_when_they_take_an_entry_down(
        deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    moderator = await person("Moderator")
    campaign = await launch(manager)
    await orgs.add_member(manager, campaign.org.slug, moderator.email, "moderator")
    entry = await idea(deps, author, campaign)

    with pytest.raises(Forbidden, match="Only managers and moderators of"):
        await moderation.act(deps, fan, entry.id, "hide", "Spam")
    with pytest.raises(Invalid) as no_reason:
        await moderation.act(deps, moderator, entry.id, "hide", "")
    assert no_reason.value.fields == {
        "reason": "A reason for the author needs at least 3 characters."}
    with pytest.raises(Invalid) as unknown:
        await moderation.act(deps, moderator, entry.id, "delete")
    assert unknown.value.fields == {"action": "Use approve, hide, restore or reject."}

    hidden = await moderation.act(deps, moderator, entry.id, "hide", "Shares a phone number.")
    assert (hidden.status, hidden.moderation_reason) == ("hidden", "Shares a phone number.")
    assert await _entry_count(campaign) == 0
    assert (await entries.view_entry(author, entry.id)).moderation_reason  # the author sees why
    with pytest.raises(Conflict, match="This entry is hidden; it can't be hid now"):
        await moderation.act(deps, moderator, entry.id, "hide", "Again")

    restored = await moderation.act(deps, moderator, entry.id, "restore")
    assert (restored.status, restored.moderation_reason) == ("published", None)
    assert await _entry_count(campaign) == 1
    assert await reconcile.find_differences() == []


async def test_enough_reports_hide_an_entry_until_a_moderator_dismisses_them(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager, report_threshold=2)
    entry = await idea(deps, author, campaign)
    first, second = await person("First"), await person("Second")

    with pytest.raises(Forbidden, match="can't report your own entry"):
        await moderation.report(author, entry.id, "spam", "")
    with pytest.raises(Invalid) as no_reason:
        await moderation.report(first, entry.id, "boring", "")
    assert set(no_reason.value.fields) == {"reason"}
    await moderation.report(first, entry.id, "spam", "Selling sunglasses")
    with pytest.raises(Conflict, match="already reported this entry"):
        await moderation.report(first, entry.id, "offensive", "")
    assert (await entries.get_entry(entry.id)).status == "published"
    await moderation.report(second, entry.id, "spam", "")

    hidden = await entries.get_entry(entry.id)
    assert (hidden.status, hidden.open_reports) == ("hidden", 2)
    assert hidden.moderation_reason == moderation.REPORT_HIDE_REASON
    assert await _entry_count(campaign) == 0

    shown = await moderation.dismiss_reports(manager, entry.id)
    assert (shown.status, shown.open_reports) == ("published", 0)
    assert set(await Report.filter(entry_id=entry.id).values_list("resolution", flat=True)) == {
        "dismissed"}
    assert await _entry_count(campaign) == 1
    assert await reconcile.find_differences() == []


async def test_a_decision_closes_the_open_reports_with_what_was_decided(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    await moderation.report(fan, entry.id, "copyright", "That is our photo")

    await moderation.act(deps, manager, entry.id, "reject", "Uses a photo without permission.")

    [closed] = await Report.filter(entry_id=entry.id)
    assert (closed.status, closed.resolution) == ("resolved", "reject")
    assert (await entries.get_entry(entry.id)).open_reports == 0
