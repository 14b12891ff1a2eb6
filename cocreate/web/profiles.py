"""A person's public profile: their ideas and their badges."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user
from cocreate.services import badges, entries, users
from cocreate.web.common import page


async def profile(request: Request) -> Response:
    person = await users.get_by_handle(request.path_params["handle"])
    viewer = current_user(request)
    return page(request, "pages/profile.html", {
        "person": person,
        "is_me": viewer is not None and viewer.id == person.id,
        "entries": await entries.entries_by_author(person, viewer),
        "awards": await badges.awards_of(person),
        "badge_label": badges.label,
    })


ROUTES = [Route("/u/{handle}", profile, methods=["GET"])]
