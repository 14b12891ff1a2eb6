"""What a person wants mailed: which notification kinds, one by one or in a daily digest, and
the signed one-click unsubscribe links every mail carries (RFC 8058)."""

from __future__ import annotations

from dataclasses import dataclass

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from cocreate.lib.errors import Invalid
from cocreate.models import NotificationKind, User
from cocreate.settings import Settings

# The kinds of notification people may have mailed, and what the settings page calls them.
KINDS: dict[str, str] = {
    NotificationKind.REPLY: "Replies to your comments",
    NotificationKind.MENTION: "Mentions of you",
    NotificationKind.COMMENT: "Comments on your entries and on entries you follow",
    NotificationKind.ACKNOWLEDGEMENT: "Thanks from campaign managers",
    NotificationKind.BADGE: "Badges you earn",
    NotificationKind.PHASE: "Phase changes of campaigns you follow",
    NotificationKind.PAGE_GIFT: "Gifts on your fundraising pages",
}
DEFAULT_KINDS: tuple[str, ...] = (NotificationKind.REPLY, NotificationKind.MENTION,
                                  NotificationKind.ACKNOWLEDGEMENT)
ALL = "all"
# Old mails keep working for a year; after that the settings page is one click away.
UNSUBSCRIBE_DAYS = 365
_UNSUBSCRIBE_SALT = "email-unsubscribe"


@dataclass(frozen=True)
class EmailPrefs:
    kinds: list[str]
    digest: bool


def kinds_of(user: User) -> list[str]:
    """The kinds the person has mailed (their choice, or the defaults)."""
    chosen = user.email_kinds if user.email_kinds is not None else DEFAULT_KINDS
    return [kind for kind in KINDS if kind in chosen]


def wants(user: User, kind: str) -> bool:
    return kind in kinds_of(user)


def get(user: User) -> EmailPrefs:
    return EmailPrefs(kinds=kinds_of(user), digest=bool(user.email_digest))


async def set_prefs(user: User, kinds: list[str], digest: bool) -> EmailPrefs:
    """Replace the person's choice; unknown kinds are refused with a field message."""
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise Invalid("Please choose from the listed kinds of email.",
                      {"kinds": f"Unknown kind: {', '.join(unknown[:5])[:100]}."})
    chosen = [kind for kind in KINDS if kind in kinds]
    await User.filter(id=user.id).update(email_kinds=chosen, email_digest=digest)
    user.email_kinds, user.email_digest = chosen, digest
    return get(user)


def _signer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key, salt=_UNSUBSCRIBE_SALT)


def unsubscribe_token(settings: Settings, user_id: str, kind: str) -> str:
    """A token that turns one kind (or, with ALL, every email) off for one person."""
    return _signer(settings).dumps({"user": user_id, "kind": kind})


def unsubscribe_url(settings: Settings, user_id: str, kind: str) -> str:
    return settings.absolute_url(f"/unsubscribe/{unsubscribe_token(settings, user_id, kind)}")


def kind_label(kind: str) -> str:
    return "all email from cocreate" if kind == ALL else KINDS[kind].lower()


async def read_token(settings: Settings, token: str | None) -> tuple[User, str]:
    """The person and kind a token names; Invalid when forged, expired or outdated."""
    try:
        data = _signer(settings).loads(token or "", max_age=UNSUBSCRIBE_DAYS * 24 * 3600)
    except SignatureExpired as error:
        raise Invalid("This unsubscribe link has expired. Change what we mail you on your "
                      "email settings page.") from error
    except BadSignature as error:
        raise Invalid("This unsubscribe link is not valid.") from error
    kind = data.get("kind") if isinstance(data, dict) else None
    user = await User.get_or_none(id=data.get("user")) if isinstance(data, dict) else None
    if user is None or (kind != ALL and kind not in KINDS):
        raise Invalid("This unsubscribe link is for an account that no longer exists.")
    return user, kind


async def unsubscribe(settings: Settings, token: str | None) -> tuple[User, str]:
    """Turn the token's kind (or all email) off at once; doing it twice is harmless."""
    user, kind = await read_token(settings, token)
    remaining = [] if kind == ALL else [k for k in kinds_of(user) if k != kind]
    await User.filter(id=user.id).update(email_kinds=remaining)
    user.email_kinds = remaining
    return user, kind
