"""No page about an entry shows it to someone who may not see it, whatever they send: every
HTML route of the app with an entry or one of its comments in its address (found from the
routes, so a new one is covered too) is asked about a hidden entry by a signed-in fan and by
a manager of another brand, plainly and the way htmx does, with empty and filled-in forms.
None answers with the entry's title or its author's name, and none with a 5xx."""

from __future__ import annotations

import re

import pytest
from starlette.routing import Route

from cocreate.web import routes
from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, sign_up

TITLE = "Zanzibar moonlight recipe"
AUTHOR = "Quillon Hidden"
FILLED = {"note": "Thanks, Quillon: a lovely idea.", "body": "Me too!", "title": "Changed",
          "reason": "spam", "action": "hide", "into": "abc", "tags": "spicy", "status": "planned",
          "score_taste": "5", "handle": "quillon-hidden"}


PARAM = re.compile(r"{(\w+)(?::\w+)?}")  # {entry} or {entry:id}


def _entry_routes() -> list[tuple[str, str]]:
    """(method, path) of every page route naming an entry, its parameters as {name}."""
    found = []
    for route in routes():
        if isinstance(route, Route) and {"entry", "comment"} & set(route.param_convertors):
            path = PARAM.sub(r"{\1}", route.path)
            found += [(method, path) for method in sorted(route.methods or ())
                      if method in ("GET", "POST")]
    return found


@pytest.mark.slow  # 170 requests: 20 to 45 s on a busy 2-core machine
async def test_no_entry_page_shows_a_hidden_entry_to_those_who_may_not_see_it(app,
                                                                                 make_client):
    manager = await sign_up(make_client(), "Keeper manager")
    campaign = await launch_campaign(manager, "Keeper campaign")
    author = await sign_up(make_client(), AUTHOR)
    made = await author.post(f"/campaigns/{campaign['slug']}/entries", {"title": TITLE})
    entry_id = made.json()["id"]
    said = await author.post(f"/entries/{entry_id}/comments", {"body": f"{TITLE}, in short"})
    assert said.status_code == 201, said.text
    hidden = await manager.post(f"/entries/{entry_id}/moderation",
                                {"action": "hide", "reason": "Off topic for this campaign."})
    assert hidden.status_code == 200
    fan = await sign_up(make_client(), "Nosy Fan")
    rival = await sign_up(make_client(), "Rival keeper")
    rival_org = (await launch_campaign(rival, "Rival keeper campaign"))["org"]["slug"]
    checked = _entry_routes()
    assert ("POST", "/o/{org}/inbox/{entry}") in checked and len(checked) > 20
    assert ("POST", "/comments/{comment}/edit") in checked

    for person, org in ((fan, campaign["org"]["slug"]), (rival, rival_org)):
        async with new_client(app) as http:
            browser = Browser(http)
            await browser.get("/login")
            await browser.post("/login", {"email": person.email, "password": PASSWORD})
            for method, path in checked:
                url = path.format(entry=entry_id, org=org, campaign=campaign["slug"],
                                  comment=said.json()["id"])
                for htmx in (False, True):
                    for sent in ({}, FILLED) if method == "POST" else ({},):
                        if method == "GET":
                            answer = await browser.get(url, htmx=htmx, params=sent)
                        else:
                            answer = await browser.post(url, sent, htmx=htmx)
                        where = (person.handle, method, url, htmx, bool(sent),
                                 answer.status_code)
                        assert answer.status_code < 500, where
                        body = answer.content.decode("utf-8", "replace")
                        assert TITLE not in body and AUTHOR not in body, where
                        assert "Quillon" not in answer.headers.get("HX-Redirect", ""), where
