"""Mailing notifications: one by one (a job per notification) or in a daily digest.

A single mail is claimed before it is sent, with a conditional update of `email_claimed_at`,
and marked sent (`emailed_at`) after, so a job delivered twice or two workers send it once.
When sending fails the claim is released and the error re-raised, so the job tries again.
A claim older than `CLAIM_TIMEOUT` (longer than any send) was abandoned by a worker killed
mid-send: the job, run again, takes it over, so the mail is not lost; while a claim is young,
the job looks again once it would be abandoned. A digest claims its rows through `emailed_at`.
"""

from __future__ import annotations

import functools
import logging
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import jinja2
from tortoise.expressions import Q

from cocreate.doors import jobs
from cocreate.doors.mailer import SEND_TIMEOUT, compose, create_mailer
from cocreate.models import Notification, User
from cocreate.services.notifications import email_prefs
from cocreate.settings import Settings

log = logging.getLogger(__name__)

EMAIL_JOB = "notifications.email"
DIGEST_LOOKBACK = timedelta(days=7)  # the first digest never dumps an old backlog
DIGEST_GAP = timedelta(hours=12)  # at most one digest per person per day, whoever runs it
DIGEST_LIMIT = 100
CLAIM_TIMEOUT = timedelta(seconds=SEND_TIMEOUT + 15)
_TEMPLATES = Path(__file__).resolve().parents[3] / "templates" / "emails"


@functools.cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=False),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )


def render_mail(name: str, context: dict[str, Any]) -> tuple[str, str]:
    """The text and HTML of templates/emails/<name>.txt and .html."""
    env = _env()
    return (env.get_template(f"{name}.txt").render(context),
            env.get_template(f"{name}.html").render(context))


def _message(settings: Settings, user: User, subject: str, name: str,
             context: dict[str, Any], unsubscribe_kind: str) -> EmailMessage:
    """Plain text and HTML, with one-click unsubscribe headers (RFC 2369 and RFC 8058)."""
    unsubscribe = email_prefs.unsubscribe_url(settings, user.id, unsubscribe_kind)
    full = {**context, "user": user, "unsubscribe_url": unsubscribe,
            "unsubscribe_label": email_prefs.kind_label(unsubscribe_kind),
            "settings_url": settings.absolute_url("/me/email")}
    text, html = render_mail(name, full)
    message = compose(settings, user.email, subject, text)
    message.add_alternative(html, subtype="html")
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


async def wants_single_mail(user_id: str, kind: str) -> bool:
    """Whether a new notification of this kind is mailed alone (not later in a digest)."""
    user = await User.get_or_none(id=user_id)
    return user is not None and not user.email_digest and email_prefs.wants(user, kind)


async def send_one(settings: Settings, notification_id: str) -> bool:
    """The worker's half of a single mail; True when this call sent it.

    Raises jobs.RetryLater while another call holds a young claim on it (it is being sent,
    or its worker was killed: the next look tells)."""
    notification = await Notification.get_or_none(id=notification_id).select_related("user")
    if notification is None or notification.emailed_at is not None:
        return False
    user: User = notification.user
    # Preferences may have changed since the job was queued: honour them now.
    if user.email_digest or not email_prefs.wants(user, notification.kind):
        return False
    claim = datetime.now(UTC)
    free = Q(email_claimed_at=None) | Q(email_claimed_at__lt=claim - CLAIM_TIMEOUT)
    if not await Notification.filter(free, id=notification.id, emailed_at=None).update(
            email_claimed_at=claim):
        held = await Notification.get_or_none(id=notification.id, emailed_at=None)
        if held is None or held.email_claimed_at is None:
            return False  # sent (alone or in a digest) meanwhile
        left = held.email_claimed_at + CLAIM_TIMEOUT - claim
        raise jobs.RetryLater(delay=max(left.total_seconds(), 0) + 1)
    try:
        message = _message(settings, user, notification.text, "notification", {
            "notification": notification, "link": settings.absolute_url(notification.url),
            "reason": email_prefs.KINDS[notification.kind].lower(),
        }, notification.kind)
        await create_mailer(settings).send(message)
    except BaseException:
        await Notification.filter(id=notification.id, email_claimed_at=claim).update(
            email_claimed_at=None)
        raise
    await Notification.filter(id=notification.id).update(emailed_at=datetime.now(UTC))
    return True


async def send_digests(settings: Settings, now: datetime | None = None) -> int:
    """One mail per person on the digest listing what they have not been mailed yet.

    Returns how many digests were sent. Safe to run on several workers at once: each person
    is claimed with a conditional update of `digest_sent_at`, each row with one of
    `emailed_at`.
    """
    now = now or datetime.now(UTC)
    waiting = await Notification.filter(
        emailed_at=None, created_at__lte=now, created_at__gt=now - DIGEST_LOOKBACK,
        user__email_digest=True,
    ).distinct().values_list("user_id", flat=True)
    sent = 0
    for user_id in sorted(set(waiting)):
        try:
            sent += await _send_digest(settings, str(user_id), now)
        except Exception:
            log.exception("digest for user %s failed; it is tried again next run", user_id)
    return sent


async def _send_digest(settings: Settings, user_id: str, now: datetime) -> bool:
    user = await User.get_or_none(id=user_id)
    if user is None or not user.email_digest:
        return False
    last = user.digest_sent_at
    if last is not None and last > now - DIGEST_GAP:
        return False
    since = max(last, now - DIGEST_LOOKBACK) if last else now - DIGEST_LOOKBACK
    kinds = email_prefs.kinds_of(user)
    not_sending_alone = (Q(email_claimed_at=None)
                         | Q(email_claimed_at__lte=datetime.now(UTC) - CLAIM_TIMEOUT))
    ids = await Notification.filter(
        not_sending_alone, user_id=user.id, emailed_at=None, kind__in=kinds,
        created_at__gt=since, created_at__lte=now,
    ).order_by("created_at").limit(DIGEST_LIMIT).values_list("id", flat=True)
    if not kinds or not ids:
        return False
    if not await User.filter(id=user.id, digest_sent_at=last).update(digest_sent_at=now):
        return False  # another worker has this person's digest
    claim = datetime.now(UTC)
    await Notification.filter(id__in=list(ids), emailed_at=None).update(emailed_at=claim)
    items = await Notification.filter(user_id=user.id, emailed_at=claim).order_by("created_at")
    try:
        if not items:
            raise _NothingClaimed
        count = len(items)
        subject = f"Your cocreate digest: {count} update{'s' if count != 1 else ''}"
        message = _message(settings, user, subject, "digest", {
            "items": [(item, settings.absolute_url(item.url)) for item in items],
        }, email_prefs.ALL)
        await create_mailer(settings).send(message)
    except BaseException as error:
        await Notification.filter(user_id=user.id, emailed_at=claim).update(emailed_at=None)
        await User.filter(id=user.id, digest_sent_at=now).update(digest_sent_at=last)
        if isinstance(error, _NothingClaimed):
            return False
        raise
    return True


class _NothingClaimed(Exception):
    """Every row was mailed by someone else between listing and claiming."""
