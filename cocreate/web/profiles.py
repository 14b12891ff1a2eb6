"""A person's public profile: their ideas and their badges."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user
from cocreate.lib import urls
from cocreate.lib.errors import Invalid
from cocreate.models import Award, User
from cocreate.services.accounts import accounts, profiles
from cocreate.services.badges import badges
from cocreate.services.conversation import follows
from cocreate.services.entries import entries
from cocreate.services.influence import referrals
from cocreate.services.reach import reach
from cocreate.services.recognition import ambassadors
from cocreate.web.common import after_post, form_data, form_failed, page, share_links
from cocreate.web.follows import user_button
from cocreate.web.share_cards import profile_image_url


def _share(request: Request, award: Award, person: User, is_me: bool,
           code: str | None) -> dict[str, object]:
    """What the share menu of one badge offers: its link (carrying the sharer's code),
    intents and the card to download."""
    url = referrals.with_code(
        deps(request).settings.absolute_url(urls.award_path(award.id)), code)
    label, campaign = badges.label(award), award.campaign
    text = (f"I earned the {label} badge in “{campaign.title}” by {campaign.org.name}!"
            if is_me else f"{person.display_name} earned the {label} badge in "
            f"“{campaign.title}” by {campaign.org.name}!")
    return {"url": url, "links": share_links(url, text)}


async def profile(request: Request) -> Response:
    person = await accounts.get_by_handle(request.path_params["handle"])
    viewer = current_user(request)
    is_me = viewer is not None and viewer.id == person.id
    awards = await badges.awards_of(person)
    code = await referrals.code_for(viewer) if viewer else None
    listed = await entries.entries_by_author(person, viewer)
    return page(request, "pages/profile.html", {
        "person": person,
        "is_me": is_me,
        "entries": listed,
        "portfolio": await profiles.portfolio(person, [e.id for e in listed]),
        "avatar": await profiles.avatar(person),
        "awards": awards,
        "shares": {award.id: _share(request, award, person, is_me, code) for award in awards},
        "reach": await reach.reach_of(person) if is_me else None,
        "ambassador_of": await ambassadors.orgs_of(person),
        "badge_label": badges.label,
        "share_image": profile_image_url(request, person),
        "follow": user_button(person, await follows.user_state(viewer, person)),
    })


async def edit_page(request: Request) -> Response:
    user = require_user(request)
    return page(request, "pages/profile_edit.html", {
        "form": {"display_name": user.display_name, "bio": user.bio},
        "avatar": await profiles.avatar(user)})


async def save(request: Request) -> Response:
    user = require_user(request)
    submitted = await form_data(request)
    try:
        await profiles.update_profile(user, submitted.get("display_name"), submitted.get("bio"),
                                      submitted.get("avatar_media_id"),
                                      clear_avatar=submitted.get("clear_avatar") == "1")
    except Invalid as error:
        context = {"form": submitted, "avatar": await profiles.avatar(user)}
        return form_failed(request, "pages/profile_edit.html", context, error, "form")
    return after_post(request, urls.user_path(user.handle))


ROUTES = [
    Route("/u/{handle}", profile, methods=["GET"]),
    Route("/me/profile", edit_page, methods=["GET"]),
    Route("/me/profile", save, methods=["POST"]),
]
