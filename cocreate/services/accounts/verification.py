"""Email verification: a signed, expiring link mailed by a worker; following it marks the
address verified. Campaigns can let only verified accounts vote."""

from __future__ import annotations

from datetime import UTC, datetime

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from cocreate.doors import jobs
from cocreate.doors.mailer import compose, create_mailer
from cocreate.lib import urls
from cocreate.lib.errors import Forbidden, Invalid
from cocreate.lib.ids import new_id
from cocreate.models import User
from cocreate.services.core.context import Deps
from cocreate.settings import Settings

SEND_JOB = "accounts.verify"
LINK_DAYS = 7
_SALT = "verify-email"


def _signer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key, salt=_SALT)


def link_for(settings: Settings, user: User) -> str:
    token = _signer(settings).dumps({"user": user.id, "email": user.email})
    return settings.absolute_url(urls.verify_path(token))


async def request_link(deps: Deps, user: User) -> None:
    """Mail a fresh link (at signup, and when the person asks again)."""
    if user.email_verified_at is not None:
        return
    await deps.limiter.hit("signup", f"verify:{user.id}")
    await jobs.enqueue(SEND_JOB, {"user_id": user.id}, key=f"verify:{user.id}:{new_id(6)}")
    deps.jobs.kick()


async def send_link(settings: Settings, user_id: str) -> None:
    """The worker's half: compose and send the message."""
    user = await User.get_or_none(id=user_id)
    if user is None or user.email_verified_at is not None:
        return
    text = (
        f"Hi {user.display_name},\n\n"
        f"Please confirm this is your email address for cocreate:\n\n"
        f"{link_for(settings, user)}\n\n"
        f"The link works for {LINK_DAYS} days. If you did not sign up, ignore this message.\n"
    )
    await create_mailer(settings).send(
        compose(settings, user.email, "Confirm your email for cocreate", text))


async def verify(settings: Settings, token: str | None) -> User:
    try:
        data = _signer(settings).loads(token or "", max_age=LINK_DAYS * 24 * 3600)
    except SignatureExpired as error:
        raise Invalid("This link has expired. Ask for a new one from your profile.") from error
    except BadSignature as error:
        raise Invalid("This link is not valid.") from error
    user = await User.get_or_none(id=data.get("user"), email=data.get("email"))
    if user is None:
        raise Invalid("This link is for an address that is no longer on an account.")
    if user.email_verified_at is None:
        await User.filter(id=user.id, email_verified_at=None).update(
            email_verified_at=datetime.now(UTC))
        await user.refresh_from_db()
    return user


def require_verified_voter(user: User) -> None:
    if user.email_verified_at is None:
        raise Forbidden("This campaign counts votes from verified accounts only. Confirm your "
                        "email with the link we sent you (you can ask for a new one on your "
                        "profile).")
