"""The lifecycle in the browser: a manager sets a campaign up and runs it from its screens,
a fan accepts the rules and waits for approval, moderators work the queue, and everyone sees
the winners."""

from __future__ import annotations

import re

from tests.browser import CARD_LINK, Browser, new_client


async def test_a_campaign_run_from_the_manager_screens(client, app):
    manager = Browser(client)
    await manager.sign_up("Mia Manager")
    org_path = await manager.create_org("Green Parks")
    campaign_path = await manager.launch_campaign(
        org_path, "Ideas for the park", rules="1. Be kind.", moderation="pre")
    slug = campaign_path.removeprefix("/c/")

    manage = await manager.get(f"{campaign_path}/manage")
    assert manage.status_code == 200 and "Save settings" in manage.text
    assert 'value="2031-06-30T18:00"' in manage.text
    saved = await manager.post(f"{campaign_path}/manage", {
        "title": "Ideas for the park", "description": "Make it green.", "rules": "1. Be kind.",
        "closes_at": "2031-06-30T18:00", "vote_in_open": "1", "moderation": "pre",
        "report_threshold": "2", "min_age": "", "eligible_countries": "",
    }, htmx=True)
    assert saved.status_code == 200 and "Saved." in saved.text and "<html" not in saved.text
    prizes = await manager.post(f"{campaign_path}/prizes", {
        "prize_1_title": "A tree in your name", "prize_1_description": "Planted in spring",
    })
    assert prizes.status_code == 303

    async with new_client(app) as other:
        fan = Browser(other)
        await fan.sign_up("Finn Fan")
        page = await fan.get(campaign_path)
        assert "Rules" in page.text and "Be kind." in page.text
        assert "A tree in your name" in page.text and 'name="accept_rules"' in page.text
        refused = await fan.post(f"{campaign_path}/entries", {"title": "Bee hotel"}, htmx=True)
        assert refused.status_code == 422 and "accept the rules" in refused.text
        sent = await fan.post(f"{campaign_path}/entries",
                              {"title": "Bee hotel", "accept_rules": "1"})
        assert sent.status_code == 303
        entry_path = sent.headers["location"]
        waiting = await fan.get(entry_path)
        assert "Waiting for Green Parks to approve it" in waiting.text
        assert 'name="accept_rules"' not in (await fan.get(campaign_path)).text

    queue = await manager.get(f"{campaign_path}/moderation")
    assert queue.status_code == 200 and "Bee hotel" in queue.text
    approved = await manager.post(f"{entry_path}/moderate", {"action": "approve"},
                                  headers={"Referer": f"http://testserver{campaign_path}/moderation"})
    assert approved.status_code == 303
    assert approved.headers["location"] == f"{campaign_path}/moderation"
    assert "All clear" in (await manager.get(f"{campaign_path}/moderation")).text
    entry_id = entry_path.removeprefix("/e/")
    assert entry_id in CARD_LINK.findall((await manager.get(campaign_path)).text)

    async with new_client(app) as other:
        reporter = Browser(other)
        await reporter.sign_up("Rita Reporter")
        await reporter.get(entry_path)
        reported = await reporter.post(f"{entry_path}/report", {"reason": "spam"}, htmx=True)
        assert reported.status_code == 200 and "Thanks for telling us" in reported.text

    for phase in ("voting", "judging"):
        moved = await manager.post(f"{campaign_path}/phase", {"phase": phase})
        assert moved.status_code == 303
    manage = await manager.get(f"{campaign_path}/manage")
    prize_id = re.search(r'<option value="([a-z0-9]+)">A tree in your name', manage.text)
    assert prize_id, manage.text
    picked = await manager.post(f"{campaign_path}/winners",
                                {"prize_id": prize_id.group(1), "entry_id": entry_id})
    assert picked.status_code == 303
    await manager.post(f"{campaign_path}/phase", {"phase": "results"})

    async with new_client(app) as other:
        visitor = Browser(other)
        results = await visitor.get(campaign_path)
        assert "The results are in" in results.text
        assert re.search(r'id="winners-title">Winners', results.text)
        assert "Bee hotel" in results.text

    log = await manager.get(f"{org_path}/audit")
    assert log.status_code == 200
    for summary in ("Launched “Ideas for the park”", "Approved “Bee hotel” by Finn Fan",
                    "Picked “Bee hotel” by Finn Fan for A tree in your name",
                    "moved from judging to results by hand"):
        assert summary in log.text, summary
    assert slug in (await manager.get(org_path)).text


async def test_drafts_and_the_manage_screen_are_for_the_team_only(client, app):
    manager = Browser(client)
    await manager.sign_up("Dana Draft")
    org_path = await manager.create_org("Draft Drinks")
    draft_path = await manager.launch_campaign(org_path, "Secret flavour", start="draft")
    assert "A draft: only your team can see this page." in (await manager.get(draft_path)).text
    async with new_client(app) as other:
        fan = Browser(other)
        await fan.sign_up("Nosy")
        assert (await fan.get(draft_path)).status_code == 404
        assert "Secret flavour" not in (await fan.get(org_path)).text
        assert (await fan.get(f"{draft_path}/manage")).status_code == 403
        assert (await fan.get(f"{org_path}/audit")).status_code == 403


async def test_a_manager_is_asked_before_moving_a_live_campaign_back_or_over_a_phase(client):
    manager = Browser(client)
    await manager.sign_up("Mia Manager")
    campaign_path = await manager.launch_campaign(await manager.create_org("Careful Co"),
                                                  "Ideas for the square")

    manage = await manager.get(f"{campaign_path}/manage")
    assert 'aria-label="The campaign in numbers"' in manage.text  # it opens with its numbers
    assert "<strong>0</strong> ideas" in manage.text
    assert "<strong>0</strong> people voting" in manage.text
    assert '<option value="voting" selected>Voting</option>' in manage.text  # the next phase
    assert '<option value="draft">Draft (back)</option>' in manage.text
    assert '<option value="results">Results (skips ahead)</option>' in manage.text

    asked = await manager.post(f"{campaign_path}/phase", {"phase": "draft"})
    assert asked.status_code == 409
    assert "Moving back to Draft: the campaign leaves the site" in asked.text
    assert 'name="confirmed" value="yes"' in asked.text and "Yes, move to draft" in asked.text
    assert "Open for entries" in (await manager.get(campaign_path)).text  # nothing moved yet

    confirmed = await manager.post(f"{campaign_path}/phase",
                                   {"phase": "draft", "confirmed": "yes"})
    assert confirmed.status_code == 303
    manage = await manager.get(f"{campaign_path}/manage")
    assert '<option value="open" selected>Open for entries</option>' in manage.text
