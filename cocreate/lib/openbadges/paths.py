"""Public paths of the Open Badges documents. Verifiers keep these URLs for years: never
change them. Organizations are named by id (a slug could be renamed), awards by id."""

from __future__ import annotations

from urllib.parse import quote


def issuer_path(org_id: str) -> str:
    return f"/ob/issuers/{org_id}"


def issuer_logo_path(org_id: str) -> str:
    return f"/ob/issuers/{org_id}/logo.png"


def revocation_list_path(org_id: str) -> str:
    return f"/ob/issuers/{org_id}/revocations"


def badge_class_path(org_id: str, badge: str) -> str:
    return f"/ob/issuers/{org_id}/badges/{quote(badge, safe=':')}"


def badge_image_path(org_id: str, badge: str) -> str:
    return f"{badge_class_path(org_id, badge)}/image.png"


def assertion_path(award_id: str) -> str:
    return f"/ob/assertions/{award_id}"


def baked_path(award_id: str) -> str:
    """The share card with the assertion baked in."""
    return f"/b/{award_id}/baked.png"


def credential_path(award_id: str) -> str:
    """The Open Badges 3.0 credential, a signed VC-JWT."""
    return f"/b/{award_id}/credential.jwt"


def key_path(kid: str) -> str:
    return f"/ob/keys/{kid}"
