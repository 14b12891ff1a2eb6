"""The story's pictures on the manager's screen: add an uploaded image with its alt text,
change the alt text, move it up or down the list, remove it. Every form posts without
JavaScript (then the page comes back); htmx swaps just the list."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.services.campaigns import story_images
from cocreate.web.campaigns import manage_context
from cocreate.web.common import after_post, form_data, page
from cocreate.web.forms import Form, form_action

BLOCK = "story_images"
MOVES = {"up": -1, "down": 1}


async def _story_form(request: Request, sent: dict[str, str]) -> Form:
    context = await manage_context(request, request.path_params["campaign"], story_form=sent)
    return Form("pages/campaigns/campaign_manage.html", context, BLOCK)


def _story_fields(messages: dict[str, str], sent: dict[str, str]) -> dict[str, str]:
    """The upload field is story_media_id; an image's alt text message goes to that image."""
    named = {"media_id": "story_media_id"}
    if sent.get("image"):
        named["alt"] = f"alt-{sent['image']}"
    return {named.get(name, name): text for name, text in messages.items()}


@form_action(_story_form, fields=_story_fields)
async def story_image_action(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    image_id = submitted.get("image") or ""
    d = deps(request)
    if submitted.get("action") == "remove":
        await story_images.remove_image(d, user, slug, image_id)
    elif submitted.get("action") in MOVES:
        await story_images.move_image(d, user, slug, image_id, MOVES[submitted["action"]])
    elif image_id:
        await story_images.set_alt(d, user, slug, image_id, submitted.get("alt"))
    else:
        await story_images.add_image(d, user, slug, submitted.get("story_media_id"),
                                     submitted.get("alt"))
    if wants_fragment(request):
        context = await manage_context(request, slug, story_saved=True)
        return page(request, "pages/campaigns/campaign_manage.html", context, block=BLOCK)
    return after_post(request, urls.campaign_manage_path(slug) + "#story-images")


ROUTES = [
    Route("/c/{campaign:campaign_slug}/story-images", story_image_action, methods=["POST"]),
]
