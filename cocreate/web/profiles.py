"""A person's public profile: their ideas and their badges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user
from cocreate.lib import urls
from cocreate.read_models import profile as profile_rm
from cocreate.services.accounts import profiles
from cocreate.services.badges import badges
from cocreate.services.influence import referrals
from cocreate.web.common import after_post, form_data, page, share_links
from cocreate.web.follows import user_button
from cocreate.web.forms import Form, form_action
from cocreate.web.share_cards import profile_image_url

if TYPE_CHECKING:
    from cocreate.models import Award


def _share(request: Request, award: Award, shown: profile_rm.Profile) -> dict[str, object]:
    """What the share menu of one badge offers: its link (carrying the sharer's code),
    intents and the card to download."""
    url = referrals.with_code(
        deps(request).settings.absolute_url(urls.award_path(award.id)), shown.referral_code)
    label, campaign, person = badges.label(award), award.campaign, shown.person
    text = (f"I earned the {label} badge in “{campaign.title}” by {campaign.org.name}!"
            if shown.is_me else f"{person.display_name} earned the {label} badge in "
            f"“{campaign.title}” by {campaign.org.name}!")
    return {"url": url, "links": share_links(url, text)}


async def profile(request: Request) -> Response:
    shown = await profile_rm.profile(current_user(request), request.path_params["handle"])
    person = shown.person
    return page(request, "pages/accounts/profile.html", {
        "person": person,
        "is_me": shown.is_me,
        "entries": shown.entries,
        "portfolio": shown.portfolio,
        "avatar": shown.avatar,
        "awards": shown.awards,
        "shares": {award.id: _share(request, award, shown) for award in shown.awards},
        "reach": shown.reach,
        "ambassador_of": shown.ambassador_of,
        "badge_label": badges.label,
        "share_image": profile_image_url(request, person),
        "follow": user_button(person, shown.follow),
    })


async def edit_page(request: Request) -> Response:
    user = require_user(request)
    return page(request, "pages/accounts/profile_edit.html", {
        "form": {"display_name": user.display_name, "bio": user.bio},
        "avatar": await profiles.avatar(user)})


async def _profile_form(request: Request, sent: dict[str, str]) -> Form:
    avatar = await profiles.avatar(require_user(request))
    return Form("pages/accounts/profile_edit.html", {"form": sent, "avatar": avatar}, "form")


@form_action(_profile_form)
async def save(request: Request) -> Response:
    user = require_user(request)
    submitted = await form_data(request)
    await profiles.update_profile(user, submitted.get("display_name"), submitted.get("bio"),
                                  submitted.get("avatar_media_id"),
                                  clear_avatar=submitted.get("clear_avatar") == "1")
    return after_post(request, urls.user_path(user.handle))


ROUTES = [
    Route("/u/{handle:handle}", profile, methods=["GET"]),
    Route("/me/profile", edit_page, methods=["GET"]),
    Route("/me/profile", save, methods=["POST"]),
]
