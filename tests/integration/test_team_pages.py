"""A team challenge in the browser: start a team, invite a friend by link, accept a request,
and submit together."""

from __future__ import annotations

import re

from tests.browser import Browser, new_client

INVITE = re.compile(r'id="invite-url" type="url" value="http://testserver(/join/[^"]+)"')


async def test_two_fans_form_a_team_and_submit_together(client, app):
    manager = Browser(client)
    await manager.sign_up("Manager")
    org_path = await manager.create_org("Parade Co")
    campaign_path = await manager.launch_campaign(
        org_path, "Build a parade float", kind="team", team_min_size="2", team_max_size="3")

    async with new_client(app) as a, new_client(app) as b, new_client(app) as c:
        ana, ben, cy = Browser(a), Browser(b), Browser(c)
        for person, name in ((ana, "Ana Captain"), (ben, "Ben Friend"), (cy, "Cy Asker")):
            await person.sign_up(name)

        page = await ana.get(campaign_path)
        assert "Team challenge" in page.text and "Start a team" in page.text
        created = await ana.post(f"{campaign_path}/teams", {"name": "Owls"}, htmx=True)
        team_path = created.headers["HX-Redirect"]
        assert re.fullmatch(r"/t/[a-z0-9]+", team_path)
        team_page = await ana.get(team_path)
        invite_path = INVITE.search(team_page.text).group(1)
        too_few = await ana.post(f"{campaign_path}/entries", {"title": "Owl float"})
        assert too_few.status_code == 403 and "needs 1 more member" in too_few.text

        invite = await ben.get(invite_path)
        assert "Join Owls" in invite.text and "Ana Captain invites you" in invite.text
        joined = await ben.post(invite_path, {})
        assert joined.status_code == 303 and joined.headers["location"] == team_path
        assert "Ben Friend" in (await ben.get(team_path)).text

        await cy.get(team_path)
        asked = await cy.post(team_path, {"action": "request"})
        assert asked.status_code == 303
        captain_view = await ana.get(team_path)
        request_id = re.search(r'name="request_id" value="([a-z0-9]+)"', captain_view.text)
        accepted = await ana.post(team_path, {"action": "accept",
                                              "request_id": request_id.group(1)})
        assert accepted.status_code == 303
        assert "3 members" in (await cy.get(team_path)).text

        assert "You submit for <strong>Owls</strong>" in (await ana.get(campaign_path)).text
        sent = await ana.post(f"{campaign_path}/entries", {"title": "Owl float"})
        assert sent.status_code == 303
        entry_page = await cy.get(sent.headers["location"])
        byline = r'by <a href="/t/[a-z0-9]+">Owls</a>: .*Ana Captain.*Ben Friend.*Cy Asker'
        assert re.search(byline, entry_page.text)
