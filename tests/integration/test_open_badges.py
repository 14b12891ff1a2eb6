"""Every award is an Open Badge: a verifier starting from the badge page or from the baked
image finds the assertion, its badge class and its issuer at stable public URLs, checks the
salted recipient hash, and learns when the organization revokes it."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import jwt
import pytest
from jwt.algorithms import OKPAlgorithm
from PIL import Image
from pydantic import SecretStr

from cocreate.lib.openbadges import signing
from cocreate.lib.openbadges.baking import unbake
from cocreate.models import Award, Campaign, OrgBadge, User
from tests.browser import Browser, new_client
from tests.people import PASSWORD, Person, launch_campaign, sign_up, wait_for

BASE = "http://testserver"
ALTERNATE = re.compile(r'<link rel="alternate" type="application/ld\+json" href="([^"]+)"')


@dataclasses.dataclass
class Earned:
    manager: Person
    fan: Person
    campaign: dict[str, Any]
    award_id: str


async def contributor_badge(client: httpx.AsyncClient, make_client: Any) -> Earned:
    """A fan shares an idea and the worker finishes drawing their Contributor card."""
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Greener packaging")
    fan = await sign_up(make_client(), "Zoë Verifiable")
    posted = await fan.post(f"/campaigns/{campaign['slug']}/entries",
                            {"title": "Paper straws, but good"})
    assert posted.status_code == 201, posted.text
    body = await wait_for(fan, f"/users/{fan.handle}/badges", lambda b: any(
        a["badge"] == "contributor" and a["status"] == "ready" for a in b["awards"]))
    award = next(a for a in body["awards"] if a["badge"] == "contributor")
    return Earned(manager, fan, campaign, award["id"])


async def fetch(client: httpx.AsyncClient, url: str, **kwargs: Any) -> httpx.Response:
    """What a verifier does: GET the absolute URL, with no cookies and no redirects."""
    assert url.startswith(BASE + "/"), url
    return await client.get(url, follow_redirects=False, **kwargs)


async def fetch_json(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    response = await fetch(client, url, headers={"Accept": "application/ld+json"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/ld+json")
    document = response.json()
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["id"] == url  # each document lives at its own id
    return document


async def test_a_verifier_follows_the_badge_from_its_page_to_the_issuer(
    client, make_client, app
):
    earned = await contributor_badge(client, make_client)
    async with new_client(app) as verifier:
        badge_page = await verifier.get(f"/b/{earned.award_id}")
        assertion_url = ALTERNATE.search(badge_page.text).group(1)
        assert f'href="{assertion_url}"' in badge_page.text  # the Verify link
        assert "Download the verifiable badge" in badge_page.text

        assertion = await fetch_json(verifier, assertion_url)
        assert assertion["type"] == "Assertion"
        assert assertion["verification"] == {"type": "hosted"}
        recipient = assertion["recipient"]
        assert recipient["type"] == "email" and recipient["hashed"] is True
        salted = (earned.fan.email + recipient["salt"]).encode()
        assert recipient["identity"] == "sha256$" + hashlib.sha256(salted).hexdigest()
        assert earned.fan.email not in json.dumps(assertion)
        assert assertion["issuedOn"].endswith("+00:00")
        assert "Greener packaging" in assertion["narrative"]
        evidence = assertion["evidence"]
        assert evidence["name"] == "Paper straws, but good"
        assert (await fetch(verifier, evidence["id"])).status_code == 200

        badge_class = await fetch_json(verifier, assertion["badge"])
        assert badge_class["type"] == "BadgeClass"
        assert badge_class["name"] == "Contributor"
        assert badge_class["description"] and badge_class["criteria"]["narrative"]
        image = await fetch(verifier, badge_class["image"])
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"
        with Image.open(io.BytesIO(image.content)) as emblem:
            assert emblem.format == "PNG"

        issuer = await fetch_json(verifier, badge_class["issuer"])
        assert issuer["type"] == "Issuer"
        assert issuer["name"].startswith("Brand ")
        assert (await fetch(verifier, issuer["url"])).status_code == 200  # the org's page
        revocations = await fetch_json(verifier, issuer["revocationList"])
        assert revocations["type"] == "RevocationList"
        assert revocations["issuer"] == issuer["id"]
        assert revocations["revokedAssertions"] == []

        plain = await fetch(verifier, assertion_url, headers={"Accept": "application/json"})
        assert plain.headers["content-type"].startswith("application/json")
        assert plain.json() == assertion
        again = await fetch_json(verifier, assertion_url)
        assert again["recipient"]["salt"] == recipient["salt"]  # made once, then kept

        missing = await fetch(verifier, f"{BASE}/ob/assertions/nosuchaward")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
        unknown_class = await fetch(verifier, assertion["badge"] + "-nope")
        assert unknown_class.status_code == 404


async def test_the_baked_png_carries_exactly_the_hosted_assertion(client, make_client, app):
    earned = await contributor_badge(client, make_client)
    async with new_client(app) as verifier:
        hosted = await fetch(verifier, f"{BASE}/ob/assertions/{earned.award_id}")
        baked = await fetch(verifier, hosted.json()["image"])
        assert baked.status_code == 200 and baked.headers["content-type"] == "image/png"

        text = unbake(baked.content)
        assert text == hosted.text  # byte for byte what the hosted URL serves
        assert json.loads(text) == hosted.json()
        with Image.open(io.BytesIO(baked.content)) as image:
            image.verify()
        with Image.open(io.BytesIO(baked.content)) as image:
            assert image.size == (1200, 630) and image.text["openbadges"] == text

        cached = await fetch(verifier, hosted.json()["image"],
                             headers={"If-None-Match": baked.headers["etag"]})
        assert cached.status_code == 304

    await Award.filter(id=earned.award_id).update(status="rendering", image_key=None)
    not_yet = await client.get(f"/b/{earned.award_id}/baked.png")
    assert not_yet.status_code == 409 and "still being drawn" in not_yet.text


async def test_an_organizations_own_badge_is_its_own_badge_class(client, make_client, app):
    manager = await sign_up(client, "Manager")
    campaign = await Campaign.get(slug=(await launch_campaign(manager))["slug"]).select_related(
        "org")
    fan = await User.get(handle=(await sign_up(make_client(), "Helper")).handle)
    boss = await User.get(handle=manager.handle)
    helpful = await OrgBadge.create(org=campaign.org, name="Super helper",
                                    description="Answered other fans' questions.",
                                    created_by=boss)
    award = await Award.create(user=fan, badge=f"org:{helpful.id}", campaign=campaign,
                               org_badge=helpful, awarded_by=boss, note="Thank you, truly.")
    async with new_client(app) as verifier:
        assertion = await fetch_json(verifier, f"{BASE}/ob/assertions/{award.id}")
        assert assertion["badge"].endswith(f"/badges/org:{helpful.id}")
        assert assertion["narrative"] == "Answered other fans' questions.\n\nThank you, truly."
        assert "evidence" not in assertion  # given by hand, for no one entry
        badge_class = await fetch_json(verifier, assertion["badge"])
        assert badge_class["name"] == "Super helper"
        assert badge_class["description"] == "Answered other fans' questions."
        assert (await fetch(verifier, badge_class["image"])).status_code == 200


async def test_requests_racing_for_the_first_salt_all_get_the_same_one(client, make_client):
    earned = await contributor_badge(client, make_client)
    await Award.filter(id=earned.award_id).update(salt=None)
    url = f"/ob/assertions/{earned.award_id}"
    answers = await asyncio.gather(*(make_client().get(url) for _ in range(6)))
    salts = {answer.json()["recipient"]["salt"] for answer in answers}
    assert salts == {(await Award.get(id=earned.award_id)).salt}


async def test_a_manager_revokes_a_badge_and_every_verifier_hears_of_it(client, make_client, app):
    earned = await contributor_badge(client, make_client)
    award_id, fan, manager = earned.award_id, earned.fan, earned.manager
    assertion_url = f"{BASE}/ob/assertions/{award_id}"
    issuer_url = (await client.get(assertion_url)).json()["badge"].split("/badges/")[0]

    refused = await fan.post(f"/awards/{award_id}/revoke", {"reason": "I changed my mind"})
    assert refused.status_code == 403
    no_reason = await manager.post(f"/awards/{award_id}/revoke", {"reason": "  "})
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["error"]["fields"]

    revoked = await manager.post(f"/awards/{award_id}/revoke",
                                 {"reason": "The idea was copied from another fan."})
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["revoked"] is True
    assert revoked.json()["assertion_url"] == assertion_url
    twice = await manager.post(f"/awards/{award_id}/revoke", {"reason": "Again"})
    assert twice.status_code == 409

    async with new_client(app) as verifier:
        gone = await fetch(verifier, assertion_url)
        assert gone.status_code == 410
        assert gone.json() == {
            "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
            "id": assertion_url, "revoked": True,
            "revocationReason": "The idea was copied from another fan."}
        listed = await fetch_json(verifier, f"{issuer_url}/revocations")
        assert listed["revokedAssertions"] == [
            {"id": assertion_url, "revocationReason": "The idea was copied from another fan."}]
        assert (await verifier.get(f"/b/{award_id}/baked.png")).status_code == 410

        page = await verifier.get(f"/b/{award_id}")
        assert page.status_code == 200
        assert "revoked this badge" in page.text
        assert "The idea was copied from another fan." in page.text
        assert "Download the verifiable badge" not in page.text
        profile = await verifier.get(f"/u/{fan.handle}")
        assert f'href="/b/{award_id}"' not in profile.text
    badges = (await fan.get(f"/users/{fan.handle}/badges")).json()["awards"]
    assert award_id not in {a["id"] for a in badges}

    log = (await manager.get(f"/orgs/{earned.campaign['org']['slug']}/audit")).json()["events"]
    assert log[0]["action"] == "award.revoke" and log[0]["target_id"] == award_id
    assert log[0]["data"]["reason"] == "The idea was copied from another fan."


async def test_only_the_organizations_managers_see_and_use_the_revoke_form(
    client, make_client, app
):
    earned = await contributor_badge(client, make_client)
    award_id = earned.award_id
    async with new_client(app) as fan_client, new_client(app) as manager_client:
        fan = Browser(fan_client)
        await fan.get("/login")
        await fan.post("/login", {"email": earned.fan.email, "password": PASSWORD})
        assert "Revoke this badge" not in (await fan.get(f"/b/{award_id}")).text
        tried = await fan.post(f"/b/{award_id}/revoke", {"reason": "mine to take back"})
        assert tried.status_code == 403

        manager = Browser(manager_client)
        await manager.get("/login")
        await manager.post("/login", {"email": earned.manager.email, "password": PASSWORD})
        assert "Revoke this badge" in (await manager.get(f"/b/{award_id}")).text
        empty = await manager.post(f"/b/{award_id}/revoke", {"reason": ""}, htmx=True)
        assert empty.status_code == 422 and "Reason is required." in empty.text
        assert "<html" not in empty.text
        done = await manager.post(f"/b/{award_id}/revoke", {"reason": "Entered twice."})
        assert done.status_code == 303 and done.headers["location"] == f"/b/{award_id}"
        page = (await manager.get(f"/b/{award_id}")).text
        assert "Entered twice." in page and "Revoke this badge" not in page


@pytest.fixture
def signing_key(app) -> Iterator[str]:
    """The site gets an Ed25519 key for Open Badges 3.0 (restored afterwards)."""
    key = signing.new_key_base64()
    live = app.state.deps
    settings = live.settings.model_copy(update={"open_badges_signing_key": SecretStr(key)})
    app.state.deps = dataclasses.replace(live, settings=settings)
    yield key
    app.state.deps = live


async def test_without_a_signing_key_there_is_no_3_0_credential(client, make_client):
    earned = await contributor_badge(client, make_client)
    response = await client.get(f"/b/{earned.award_id}/credential.jwt")
    assert response.status_code == 404
    assert "not enabled" in response.json()["error"]["message"]
    assert "credential.jwt" not in (await client.get(f"/b/{earned.award_id}")).text


async def test_the_3_0_credential_verifies_with_the_published_key(
    client, make_client, app, signing_key
):
    earned = await contributor_badge(client, make_client)
    async with new_client(app) as verifier:
        page = await verifier.get(f"/b/{earned.award_id}")
        assert f'href="/b/{earned.award_id}/credential.jwt"' in page.text
        response = await verifier.get(f"/b/{earned.award_id}/credential.jwt")
        assert response.status_code == 200, response.text
        token = response.text

        header = jwt.get_unverified_header(token)
        assert header["alg"] == "EdDSA" and header["typ"] == "JWT"
        published = await fetch(verifier, header["kid"])
        assert published.status_code == 200
        jwk = published.json()
        assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519" and "d" not in jwk
        claims = jwt.decode(token, OKPAlgorithm.from_jwk(json.dumps(jwk)),
                            algorithms=["EdDSA"])

        hosted = (await verifier.get(f"/ob/assertions/{earned.award_id}")).json()
        issuer_url = hosted["badge"].split("/badges/")[0]
        credential = claims["vc"]
        assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
        assert claims["iss"] == credential["issuer"]["id"] == issuer_url
        assert claims["sub"] == credential["credentialSubject"]["id"] == (
            f"{BASE}/u/{earned.fan.handle}")
        assert claims["jti"] == credential["id"] == (
            f"{BASE}/b/{earned.award_id}/credential.jwt")
        assert credential["validFrom"] == hosted["issuedOn"]
        identifier = credential["credentialSubject"]["identifier"][0]
        salted = (earned.fan.email + identifier["salt"]).encode()
        assert identifier["identityHash"] == "sha256$" + hashlib.sha256(salted).hexdigest()
        assert credential["credentialSubject"]["achievement"]["id"] == hosted["badge"]

        other = signing.load_private_key(signing.new_key_base64())
        with pytest.raises(jwt.InvalidSignatureError):
            jwt.decode(token, other.public_key(), algorithms=["EdDSA"])
        stale = await fetch(verifier, f"{BASE}/ob/keys/{signing.thumbprint(other)}")
        assert stale.status_code == 404
