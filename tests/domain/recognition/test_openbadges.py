"""Every award is an Open Badges 2.0 assertion hosted by its organization: the recipient a
salted hash of their email, the badge class existing once awarded; managers revoke an award
with a reason, and it is then listed as revoked. 3.0 credentials need the site's key."""

from __future__ import annotations

import jwt
import pytest
from pydantic import SecretStr

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.lib.openbadges import signing
from cocreate.models import AuditEvent
from cocreate.services.badges import badges
from cocreate.services.recognition import openbadges
from tests.domain.story import idea, launch, person


async def test_an_award_is_an_assertion_about_a_hashed_email(deps):
    manager, author = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign, "Floating table")
    award = await badges.award_for_entry(entry.id)

    hosted = await openbadges.assertion(deps.settings, award.id)
    again = await openbadges.assertion(deps.settings, award.id)

    document = hosted.document
    recipient = document["recipient"]
    assert not hosted.revoked and document["type"] == "Assertion"
    assert recipient["identity"] == openbadges.identity_hash(author.email, recipient["salt"])
    assert author.email not in openbadges.serialize(document)
    assert again.document == document  # the salt is made once
    assert document["evidence"] == {"id": f"http://testserver/e/{entry.id}",
                                    "name": "Floating table"}
    badge_class = await openbadges.badge_class(deps.settings, campaign.org_id, "contributor")
    assert badge_class["id"] == document["badge"]
    with pytest.raises(NotFound, match="no badge class"):
        await openbadges.badge_class(deps.settings, campaign.org_id, "winner")


async def test_managers_revoke_an_award_once_with_a_reason_everyone_can_read(deps):
    manager, author, fan = await person("Manager"), await person("Ana"), await person("Fan")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)
    award = await badges.award_for_entry(entry.id)

    with pytest.raises(Forbidden):
        await openbadges.revoke(fan, award.id, "Mine now")
    with pytest.raises(Invalid) as no_reason:
        await openbadges.revoke(manager, award.id, "  ")
    assert no_reason.value.fields == {"reason": "Reason is required."}
    await openbadges.revoke(manager, award.id, "Copied from another brand.")
    with pytest.raises(Conflict, match="already revoked"):
        await openbadges.revoke(manager, award.id, "Again")

    hosted = await openbadges.assertion(deps.settings, award.id)
    assert hosted.revoked and hosted.document["revocationReason"] == "Copied from another brand."
    listed = await openbadges.revocation_list(deps.settings, campaign.org_id)
    assert [r["revocationReason"] for r in listed["revokedAssertions"]] == [
        "Copied from another brand."]
    with pytest.raises(openbadges.Gone):
        await openbadges.bake_order(deps.settings, award.id)
    assert await AuditEvent.exists(action="award.revoke", target_id=award.id)


async def test_a_credential_needs_the_sites_signing_key(deps):
    manager, author = await person("Manager"), await person("Ana")
    entry = await idea(deps, author, await launch(manager))
    award = await badges.award_for_entry(entry.id)

    with pytest.raises(NotFound, match="credentials are not enabled"):
        await openbadges.credential(deps.settings, award.id)
    with pytest.raises(Conflict, match="still being drawn"):
        await openbadges.bake_order(deps.settings, award.id)


async def test_with_the_sites_key_an_award_is_a_signed_credential_checked_by_its_public_key(
        deps):
    manager, author = await person("Manager"), await person("Ana")
    entry = await idea(deps, author, await launch(manager))
    award = await badges.award_for_entry(entry.id)
    settings = deps.settings.model_copy(
        update={"open_badges_signing_key": SecretStr(signing.new_key_base64())})

    token = await openbadges.credential(settings, award.id)

    kid = jwt.get_unverified_header(token)["kid"]
    published = openbadges.public_key(settings, kid.rsplit("/", 1)[1])
    claims = jwt.decode(token, jwt.PyJWK(published).key, algorithms=["EdDSA"])
    subject = claims["vc"]["credentialSubject"]
    assert subject["id"] == f"http://testserver/u/{author.handle}"
    assert subject["achievement"]["name"] == "Contributor"
    await openbadges.revoke(manager, award.id, "Copied.")
    with pytest.raises(openbadges.Gone):
        await openbadges.credential(settings, award.id)
