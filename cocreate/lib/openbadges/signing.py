"""The Ed25519 key that signs Open Badges 3.0 credentials, and its public JWK.

OPEN_BADGES_SIGNING_KEY holds the private key as PEM (PKCS#8) or as the base64 of its
32-byte seed. Verifiers find the public key by dereferencing the JWT's `kid`, a URL that
ends in the key's RFC 7638 thumbprint, so a rotated key never masquerades as the old one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from functools import lru_cache
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ALGORITHM = "EdDSA"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@lru_cache(maxsize=4)
def load_private_key(value: str) -> Ed25519PrivateKey:
    """Parse the setting; ValueError with a plain message when it is not an Ed25519 key."""
    text = value.strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_private_key(text.encode(), password=None)
        except (ValueError, TypeError) as error:
            raise ValueError("OPEN_BADGES_SIGNING_KEY is not a readable PEM private key") from error
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("OPEN_BADGES_SIGNING_KEY must be an Ed25519 key")
        return key
    try:
        seed = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("OPEN_BADGES_SIGNING_KEY is neither PEM nor base64") from error
    if len(seed) != 32:
        raise ValueError("OPEN_BADGES_SIGNING_KEY in base64 must hold a 32-byte Ed25519 seed")
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_jwk(key: Ed25519PrivateKey) -> dict[str, str]:
    """The public half as a JWK (never the private `d`)."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw,
                                        serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


def thumbprint(key: Ed25519PrivateKey) -> str:
    """RFC 7638: SHA-256 over the required members in lexicographic order."""
    canonical = json.dumps(public_jwk(key), sort_keys=True, separators=(",", ":"))
    return _b64url(hashlib.sha256(canonical.encode()).digest())


def sign_jwt(key: Ed25519PrivateKey, kid: str, claims: dict[str, Any]) -> str:
    """A compact JWS (header alg EdDSA, typ JWT, kid) over `claims`."""
    return jwt.encode(claims, key, algorithm=ALGORITHM, headers={"kid": kid, "typ": "JWT"})


def new_key_base64() -> str:
    """A fresh key in the setting's base64 form (for the operator's first set-up)."""
    seed = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption())
    return base64.b64encode(seed).decode()
