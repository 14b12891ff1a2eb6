"""Open Badges: every award is a verifiable credential.

2.0 (hosted verification): the organization is the Issuer, each (organization, badge kind) a
BadgeClass, each award an Assertion, all JSON-LD at stable URLs; the recipient is a salted
SHA-256 of their email. Revoked assertions answer 410 with `revoked: true` and are listed on
the issuer's RevocationList. 3.0: the same award as an OpenBadgeCredential in a VC-JWT signed
with the site's Ed25519 key, when one is configured.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import anyio
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tortoise.transactions import in_transaction

from cocreate.doors.storage import Storage
from cocreate.lib import urls
from cocreate.lib.errors import Conflict, DomainError, NotFound
from cocreate.lib.openbadges import artwork, baking, paths, signing
from cocreate.models import Award, CardStatus, EntryStatus, MediaStatus, Organization, User
from cocreate.services.badges import badges
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors
from cocreate.services.notifications import activity
from cocreate.services.orgs import orgs
from cocreate.settings import Settings

CONTEXT_V2 = "https://w3id.org/openbadges/v2"
CONTEXT_VC = "https://www.w3.org/ns/credentials/v2"
CONTEXT_OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
REASON_MAX = 300


class Gone(DomainError):
    """The award was revoked: what it pointed to is gone for good."""

    status = 410
    code = "revoked"


@dataclass(frozen=True)
class Hosted:
    """A hosted assertion: the document, and whether it says the award was revoked."""

    document: dict[str, Any]
    revoked: bool


def serialize(document: dict[str, Any]) -> str:
    """One JSON text for both the hosted and the baked assertion, so they match byte for byte."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def identity_hash(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _url(settings: Settings, path: str) -> str:
    return settings.absolute_url(path)


async def _salt(found: Award) -> str:
    """The award's salt, made on first need; the conditional UPDATE lets concurrent
    requests race safely: whichever writes first wins and everyone reads that one."""
    if not found.salt:
        await Award.filter(id=found.id, salt__isnull=True).update(salt=secrets.token_hex(16))
        found.salt = (await Award.filter(id=found.id).values_list("salt", flat=True))[0]
    assert found.salt
    return found.salt


def _class_text(found: Award) -> tuple[str, str, str]:
    """The badge class's name, description and criteria (the same for every award of it)."""
    name, org = badges.label(found), found.campaign.org.name
    if found.org_badge_id and found.org_badge:
        return name, found.org_badge.description, f"Given by hand by the managers of {org}."
    kind = badges.kind_of(found)
    criteria = kind.criteria if kind else f"Earned in a campaign by {org}."
    return name, f"The {name} badge of {org}’s campaigns on cocreate.", criteria


def _narrative(found: Award) -> str:
    note = (found.note or "").strip()
    return badges.description(found) + (f"\n\n{note}" if note else "")


def _evidence_url(settings: Settings, found: Award) -> str | None:
    entry = found.entry
    if entry is None or entry.status not in (EntryStatus.PUBLISHED, EntryStatus.MERGED):
        return None  # a merged idea's address leads to the idea it went into
    return _url(settings, urls.entry_path(entry.id))


def assertion_document(settings: Settings, found: Award, salt: str) -> dict[str, Any]:
    org_id = found.campaign.org.id
    document: dict[str, Any] = {
        "@context": CONTEXT_V2,
        "type": "Assertion",
        "id": _url(settings, paths.assertion_path(found.id)),
        "recipient": {"type": "email", "hashed": True, "salt": salt,
                      "identity": identity_hash(found.user.email, salt)},
        "badge": _url(settings, paths.badge_class_path(org_id, found.badge)),
        "verification": {"type": "hosted"},
        "issuedOn": _iso(found.created_at),
        "image": _url(settings, paths.baked_path(found.id)),
        "narrative": _narrative(found),
    }
    evidence = _evidence_url(settings, found)
    if evidence:
        document["evidence"] = {"id": evidence, "name": found.entry.title}
    return document


async def assertion(settings: Settings, award_id: str) -> Hosted:
    return await _hosted(settings, await badges.get_award(award_id))


async def _hosted(settings: Settings, found: Award) -> Hosted:
    if found.revoked_at is not None:
        return Hosted({
            "@context": CONTEXT_V2, "type": "Assertion",
            "id": _url(settings, paths.assertion_path(found.id)), "revoked": True,
            "revocationReason": found.revocation_reason or "Revoked by the issuer.",
        }, revoked=True)
    return Hosted(assertion_document(settings, found, await _salt(found)), revoked=False)


async def _org(org_id: str) -> Organization:
    org = await Organization.get_or_none(id=org_id).select_related("logo")
    if org is None:
        raise NotFound("There is no issuer at this address.")
    return org


def _png_logo_key(org: Organization) -> str | None:
    logo = org.logo
    if logo is None or logo.status != MediaStatus.READY or logo.content_type != "image/png":
        return None  # Open Badges images must be PNG or SVG
    return logo.key


async def issuer(settings: Settings, org_id: str) -> dict[str, Any]:
    org = await _org(org_id)
    document: dict[str, Any] = {
        "@context": CONTEXT_V2,
        "type": "Issuer",
        "id": _url(settings, paths.issuer_path(org.id)),
        "name": org.name,
        "url": _url(settings, urls.org_path(org.slug)),
        "revocationList": _url(settings, paths.revocation_list_path(org.id)),
    }
    if _png_logo_key(org):
        document["image"] = _url(settings, paths.issuer_logo_path(org.id))
    return document


async def issuer_logo_key(org_id: str) -> str:
    key = _png_logo_key(await _org(org_id))
    if key is None:
        raise NotFound("This organization has no PNG logo.")
    return key


async def revocation_list(settings: Settings, org_id: str) -> dict[str, Any]:
    org = await _org(org_id)
    revoked = await (Award.filter(campaign__org_id=org.id, revoked_at__isnull=False)
                     .order_by("revoked_at", "id").values("id", "revocation_reason"))
    return {
        "@context": CONTEXT_V2,
        "type": "RevocationList",
        "id": _url(settings, paths.revocation_list_path(org.id)),
        "issuer": _url(settings, paths.issuer_path(org.id)),
        "revokedAssertions": [
            {"id": _url(settings, paths.assertion_path(row["id"])),
             "revocationReason": row["revocation_reason"] or "Revoked by the issuer."}
            for row in revoked
        ],
    }


async def _first_award_of_class(org_id: str, badge: str) -> Award:
    """A badge class exists once its organization has awarded it."""
    found = await (Award.filter(campaign__org_id=org_id, badge=badge)
                   .select_related("campaign", "campaign__org", "org_badge")
                   .order_by("created_at").first())
    if found is None:
        raise NotFound("There is no badge class at this address.")
    return found


def _badge_class_document(settings: Settings, found: Award) -> dict[str, Any]:
    org = found.campaign.org
    name, description, criteria = _class_text(found)
    return {
        "@context": CONTEXT_V2,
        "type": "BadgeClass",
        "id": _url(settings, paths.badge_class_path(org.id, found.badge)),
        "name": name,
        "description": description,
        "image": _url(settings, paths.badge_image_path(org.id, found.badge)),
        "criteria": {"narrative": criteria},
        "issuer": _url(settings, paths.issuer_path(org.id)),
    }


async def badge_class(settings: Settings, org_id: str, badge: str) -> dict[str, Any]:
    return _badge_class_document(settings, await _first_award_of_class(org_id, badge))


async def badge_image(org_id: str, badge: str) -> bytes:
    found = await _first_award_of_class(org_id, badge)
    return await anyio.to_thread.run_sync(artwork.badge_png, found.campaign.org.color)


@dataclass(frozen=True)
class BakeOrder:
    """What a baked card is made of: the stored card and the assertion text baked into it.
    Together they name the result, so an unchanged badge is served from HTTP caches."""

    image_key: str
    text: str

    @property
    def etag(self) -> str:
        return hashlib.sha256(f"{self.image_key}\n{self.text}".encode()).hexdigest()[:32]


async def bake_order(settings: Settings, award_id: str) -> BakeOrder:
    found = await badges.get_award(award_id)
    hosted = await _hosted(settings, found)
    if hosted.revoked:
        raise Gone("This badge was revoked by its issuer.")
    if found.status != CardStatus.READY or not found.image_key:
        raise Conflict("The badge card is still being drawn. Try again in a moment.")
    return BakeOrder(found.image_key, serialize(hosted.document))


async def baked_card(storage: Storage, order: BakeOrder) -> bytes:
    """The stored card with the assertion baked in (its pixels untouched)."""
    return baking.bake(await storage.read(order.image_key), order.text)


def _signing_key(settings: Settings) -> Ed25519PrivateKey:
    if settings.open_badges_signing_key is None:
        raise NotFound("Open Badges 3.0 credentials are not enabled on this site.")
    return signing.load_private_key(settings.open_badges_signing_key.get_secret_value())


def key_url(settings: Settings) -> str:
    return _url(settings, paths.key_path(signing.thumbprint(_signing_key(settings))))


def public_key(settings: Settings, kid: str) -> dict[str, str]:
    """The published verification key, a JWK, at the URL credentials name as their `kid`."""
    key = _signing_key(settings)
    if kid != signing.thumbprint(key):
        raise NotFound("There is no key at this address.")
    return {**signing.public_jwk(key), "kid": key_url(settings), "alg": signing.ALGORITHM,
            "use": "sig"}


def credential_document(settings: Settings, found: Award, salt: str) -> dict[str, Any]:
    org = found.campaign.org
    name, description, criteria = _class_text(found)
    document: dict[str, Any] = {
        "@context": [CONTEXT_VC, CONTEXT_OB3],
        "id": _url(settings, paths.credential_path(found.id)),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": _url(settings, paths.issuer_path(org.id)), "type": ["Profile"],
                   "name": org.name, "url": _url(settings, urls.org_path(org.slug))},
        "validFrom": _iso(found.created_at),
        "name": name,
        "credentialSubject": {
            "id": _url(settings, urls.user_path(found.user.handle)),
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "emailAddress",
                            "hashed": True, "salt": salt,
                            "identityHash": identity_hash(found.user.email, salt)}],
            "achievement": {
                "id": _url(settings, paths.badge_class_path(org.id, found.badge)),
                "type": ["Achievement"], "name": name, "description": description,
                "criteria": {"narrative": criteria},
                "image": {"id": _url(settings, paths.badge_image_path(org.id, found.badge)),
                          "type": "Image"},
            },
            "narrative": _narrative(found),
        },
    }
    evidence = _evidence_url(settings, found)
    if evidence:
        document["evidence"] = [{"id": evidence, "type": ["Evidence"],
                                 "name": found.entry.title}]
    return document


async def credential(settings: Settings, award_id: str) -> str:
    """The award as an Open Badges 3.0 VC-JWT (EdDSA)."""
    key = _signing_key(settings)
    found = await badges.get_award(award_id)
    if found.revoked_at is not None:
        raise Gone("This badge was revoked by its issuer.")
    document = credential_document(settings, found, await _salt(found))
    claims = {
        "iss": document["issuer"]["id"], "sub": document["credentialSubject"]["id"],
        "jti": document["id"], "nbf": int(found.created_at.timestamp()), "vc": document,
    }
    return signing.sign_jwt(key, key_url(settings), claims)


async def can_revoke(user: User | None, found: Award) -> bool:
    return await orgs.role_of(user, found.campaign.org) in orgs.ROLES


async def revoke(actor: User, award_id: str, reason: str | None) -> Award:
    """Managers of the awarding organization take a badge back, saying why (published)."""
    found = await badges.get_award(award_id)
    org = found.campaign.org
    await orgs.require_manager(actor, org)
    errors = FieldErrors()
    reason = errors.text("reason", reason, label="Reason", max_len=REASON_MAX)
    errors.raise_if_any()
    now = datetime.now(UTC)
    async with in_transaction():
        changed = await Award.filter(id=found.id, revoked_at__isnull=True).update(
            revoked_at=now, revocation_reason=reason)
        if not changed:
            raise Conflict("This badge was already revoked.")
        await audit.record(org.id, actor, "award.revoke", "award", found.id,
                           f"Revoked {found.user.display_name}’s {badges.label(found)} badge",
                           {"reason": reason, "user": found.user.handle})
        await activity.forget(f"award:{found.id}")
    found.revoked_at, found.revocation_reason = now, reason
    return found
