"""Email settings: what a person has mailed (/me/email), and the one-click unsubscribe links
every mail carries (/unsubscribe/<token>, RFC 8058)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user, wants_fragment
from cocreate.lib.errors import Invalid
from cocreate.services.notifications import email_prefs
from cocreate.web.common import form_data, form_list, fragment_or_page, page, redirect
from cocreate.web.forms import Form, form_action

SETTINGS_PAGE = "pages/notifications/email_settings.html"
UNSUBSCRIBE_PAGE = "pages/notifications/unsubscribe.html"


def _context(prefs: email_prefs.EmailPrefs, **extra: object) -> dict[str, object]:
    return {"kinds": email_prefs.KINDS, "chosen": prefs.kinds, "digest": prefs.digest, **extra}


async def settings_page(request: Request) -> Response:
    user = require_user(request)
    saved = request.query_params.get("saved") == "1"
    return page(request, SETTINGS_PAGE, _context(email_prefs.get(user), saved=saved))


async def _settings_form(request: Request, sent: dict[str, str]) -> Form:
    chosen = email_prefs.EmailPrefs(kinds=await form_list(request, "kinds"),
                                    digest=sent.get("digest") == "1")
    return Form(SETTINGS_PAGE, _context(chosen), "form")


@form_action(_settings_form)
async def save_settings(request: Request) -> Response:
    user = require_user(request)
    submitted = await form_data(request)
    prefs = await email_prefs.set_prefs(user, await form_list(request, "kinds"),
                                        submitted.get("digest") == "1")
    if wants_fragment(request):
        return fragment_or_page(request, SETTINGS_PAGE, _context(prefs, saved=True), "form")
    return redirect("/me/email?saved=1")


async def unsubscribe_page(request: Request) -> Response:
    """Only a confirmation: mail scanners follow links, so GET changes nothing."""
    try:
        user, kind = await email_prefs.read_token(deps(request).settings,
                                                 request.path_params["token"])
    except Invalid as error:
        return page(request, UNSUBSCRIBE_PAGE, {"problem": error.message}, status_code=400)
    return page(request, UNSUBSCRIBE_PAGE, {
        "person": user, "label": email_prefs.kind_label(kind),
        "token": request.path_params["token"]})


async def unsubscribe(request: Request) -> Response:
    """The page's button, or a mail client's one-click POST (`List-Unsubscribe=One-Click`).

    The signed token is the authorization, so this path is exempt from CSRF.
    """
    try:
        user, kind = await email_prefs.unsubscribe(deps(request).settings,
                                                  request.path_params["token"])
    except Invalid as error:
        return page(request, UNSUBSCRIBE_PAGE, {"problem": error.message}, status_code=400)
    return page(request, UNSUBSCRIBE_PAGE, {
        "person": user, "label": email_prefs.kind_label(kind), "done": True})


ROUTES = [
    Route("/me/email", settings_page, methods=["GET"]),
    Route("/me/email", save_settings, methods=["POST"]),
    Route("/unsubscribe/{token}", unsubscribe_page, methods=["GET"]),
    Route("/unsubscribe/{token}", unsubscribe, methods=["POST"]),
]
