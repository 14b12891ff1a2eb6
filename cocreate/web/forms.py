"""One policy for what a form's action answers when a service refuses it: the same form again,
where the person was, with what they typed, the reason and each field's message.

A handler declares its form once, as a function that shows it with the submitted values kept
(`FormView`), and lets domain errors rise:

    async def _signup_form(request: Request, sent: dict[str, str]) -> Form:
        return Form("pages/accounts/signup.html", {"form": sent}, block="form")

    @form_action(_signup_form)
    async def signup(request: Request) -> Response: ...
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from cocreate.http import wants_fragment
from cocreate.lib.errors import DomainError, Unauthenticated
from cocreate.lib.text import without_control_characters
from cocreate.web.common import local_referer, login_first, page, submitted_text

Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Form:
    """A form as it is shown again: the page it is on, that page's context with the submitted
    values kept, and what htmx swaps: a `block` of the page, or `template` is the fragment
    itself (a partial) when there is no block."""

    template: str
    context: dict[str, Any]
    block: str | None = None
    message_key: str = "message"  # the template's name for the reason (a vote button's differs)


FormView = Callable[[Request, dict[str, str]], Awaitable[Form]]
# The service's field messages (with what was sent) → the form's, when they name fields apart.
FieldNames = Callable[[dict[str, str], dict[str, str]], dict[str, str]]


def form_action(view: FormView, *, fields: FieldNames | None = None,
                logs_in: bool = False) -> Callable[[Handler], Handler]:
    """The handler of a form's action: whatever domain error it raises answers as `refused`
    says. `logs_in`: the login form, whose refusal (a wrong password) is its own answer."""
    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except DomainError as error:
                return await refused(request, error, view, fields=fields, logs_in=logs_in)

        return handle

    return decorate


async def refused(request: Request, error: DomainError, view: FormView, *,
                  fields: FieldNames | None = None, logs_in: bool = False) -> Response:
    """What a refused action answers. The rule, for every form:

    - `Unauthenticated`: nobody is signed in, so the form cannot be used yet: log in first,
      then back to the page the form was on (the login form itself shows its refusal).
    - Any other domain error (`Invalid` 422, `Forbidden` 403, `NotFound` 404, `Conflict` 409,
      `RateLimited` 429, `Unavailable` 503): the form again, with the submitted values, the
      error's message (`message`) and its field messages (`errors`), under the error's own
      status; htmx gets the fragment it swaps (base.html's htmx-config swaps these statuses),
      a plain POST the whole page, so nobody is sent to an error page from the page they were
      on (a fan voting on their own entry, a form posted after its phase closed, a gift the
      payment provider could not take...).
    - The page is about something that must exist and be theirs to see (the campaign, the
      entry, the organization): when it cannot be shown, e.g. it was deleted or they may not
      see it, the error raised while showing the form again is the answer (the 404 or 403
      error page), whichever error the action raised. A `NotFound` from the action of a page
      that can still be shown is about something the form names (an entry to merge into, a
      handle) and is shown on the form.
    """
    if isinstance(error, Unauthenticated) and not logs_in:
        return login_first(request, local_referer(request, "/"))
    sent = {name: without_control_characters(value)
            for name, value in (await submitted_text(request)).items()}
    shown = await view(request, sent)  # may raise: the page itself cannot be shown
    messages = fields(dict(error.fields), sent) if fields else dict(error.fields)
    return show_refused(request, shown, error.message, messages, error.status)


def show_refused(request: Request, shown: Form, message: str, errors: dict[str, str],
                 status: int) -> Response:
    """The form again, with its message and field messages: htmx gets the fragment, a plain
    POST the page. `failed_form` (the block) tells a page of several forms which one it was."""
    context = {**shown.context, "errors": errors, shown.message_key: message,
               "failed_form": shown.block}
    block = shown.block if wants_fragment(request) else None
    return page(request, shown.template, context, status_code=status, block=block)


def renamed(**names: str) -> FieldNames:
    """Field messages under the form's names: renamed(media_id="kit_media_id")."""
    def rename(messages: dict[str, str], sent: dict[str, str]) -> dict[str, str]:
        return {names.get(name, name): text for name, text in messages.items()}

    return rename
