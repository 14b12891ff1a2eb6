"""The foundation's story over the JSON API, against PostgreSQL, Redis, S3 and a worker."""

from __future__ import annotations

import io

import boto3
from PIL import Image

from tests.people import launch_campaign, png_bytes, sign_up, upload, wait_for


async def test_a_fan_submits_an_idea_with_an_image_gets_votes_and_a_badge(client, settings):
    manager = await sign_up(client, "Maya Manager")
    campaign = await launch_campaign(manager, "Flavour of the summer")
    assert campaign["kind"] == "idea" and campaign["is_open"]
    assert "<strong>everything</strong>" in campaign["description_html"]

    fan = await sign_up(client, "Zoë Fan")
    media = await upload(fan, png_bytes())
    assert media["status"] == "ready", media
    assert media["url"] and media["thumbnail_url"]

    created = await fan.post(f"/campaigns/{campaign['slug']}/entries", {
        "title": "Cucumber cooler", "body": "Cold and *fresh*.", "media_id": media["media_id"],
    })
    assert created.status_code == 201, created.text
    entry = created.json()
    assert entry["vote_count"] == 0 and entry["image_url"]

    voter = await sign_up(client, "Voter")
    voted = await voter.put(f"/entries/{entry['id']}/vote")
    assert voted.json() == {"voted": True, "vote_count": 1, "votes_left": None}
    again = await voter.put(f"/entries/{entry['id']}/vote")
    assert again.json() == {"voted": True, "vote_count": 1, "votes_left": None}

    board = await client.get(f"/api/v1/campaigns/{campaign['slug']}/leaderboard")
    assert [row["entry"]["id"] for row in board.json()["rows"]] == [entry["id"]]

    withdrawn = await voter.delete(f"/entries/{entry['id']}/vote")
    assert withdrawn.json() == {"voted": False, "vote_count": 0, "votes_left": None}
    assert (await voter.delete(f"/entries/{entry['id']}/vote")).json()["vote_count"] == 0

    badges = await wait_for(fan, f"/users/{fan.handle}/badges",
                            lambda body: body["awards"] and body["awards"][0]["status"] == "ready")
    award = badges["awards"][0]
    assert award["badge"] == "contributor" and award["share_url"].endswith(f"/b/{award['id']}")

    s3 = boto3.client("s3", endpoint_url=settings.s3_endpoint_url, region_name="us-east-1",
                      aws_access_key_id="test", aws_secret_access_key="test")
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=settings.s3_bucket)["Contents"]]
    card_keys = [key for key in keys if key.startswith("cards/")]
    assert card_keys, keys
    card = s3.get_object(Bucket=settings.s3_bucket, Key=card_keys[0])["Body"].read()
    image = Image.open(io.BytesIO(card))
    assert (image.format, image.size) == ("PNG", (1200, 630))


async def test_a_fan_cannot_vote_for_their_own_idea(client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager)
    fan = await sign_up(client, "Fan")
    entry = (await fan.post(f"/campaigns/{campaign['slug']}/entries",
                            {"title": "My own idea", "body": ""})).json()
    response = await fan.put(f"/entries/{entry['id']}/vote")
    assert response.status_code == 403
    assert "own entry" in response.json()["error"]["message"]


async def test_a_fan_cannot_launch_a_campaign_in_someone_elses_organization(client):
    owner = await sign_up(client, "Owner")
    org = (await owner.post("/orgs", {"name": "Owner Brand", "kind": "brand"})).json()
    intruder = await sign_up(client, "Intruder")
    response = await intruder.post(f"/orgs/{org['slug']}/campaigns", {
        "title": "Hijack", "kind": "idea", "description": "Not mine",
    })
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


async def test_an_owner_adds_a_co_manager_who_can_then_launch_campaigns(client):
    owner = await sign_up(client, "Owner")
    org = (await owner.post("/orgs", {"name": "Shared Brand", "kind": "nonprofit"})).json()
    colleague = await sign_up(client, "Colleague")
    added = await owner.post(f"/orgs/{org['slug']}/members",
                             {"email": colleague.email, "role": "manager"})
    assert added.status_code == 201, added.text
    launched = await colleague.post(f"/orgs/{org['slug']}/campaigns", {
        "title": "Spring drive", "kind": "idea", "description": "Ideas welcome",
    })
    assert launched.status_code == 201
    refused = await colleague.post(f"/orgs/{org['slug']}/members",
                                   {"email": owner.email, "role": "manager"})
    assert refused.status_code == 403
