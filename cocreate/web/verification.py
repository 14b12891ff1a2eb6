"""Following the emailed link, and asking for a new one."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user
from cocreate.lib import urls
from cocreate.lib.errors import Invalid
from cocreate.services.accounts import verification
from cocreate.web.common import page, redirect


async def verify_page(request: Request) -> Response:
    try:
        user = await verification.verify(deps(request).settings, request.path_params["token"])
    except Invalid as error:
        return page(request, "pages/accounts/verified.html",
                    {"problem": error.message}, status_code=400)
    return page(request, "pages/accounts/verified.html", {"verified_user": user})


async def resend(request: Request) -> Response:
    user = require_user(request)
    await verification.request_link(deps(request), user)
    return redirect(urls.user_path(user.handle) + "?verification=sent")


ROUTES = [
    Route("/verify/{token}", verify_page, methods=["GET"]),
    Route("/me/verification", resend, methods=["POST"]),
]
