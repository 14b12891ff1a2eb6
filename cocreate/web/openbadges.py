"""Open Badges at stable public URLs: the JSON-LD documents verifiers fetch (issuer, badge
class, assertion, revocation list), the badge images, the baked card, and the 3.0 credential
with its public key. No session is needed and the documents never redirect."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from cocreate.http import deps
from cocreate.lib.errors import DomainError
from cocreate.services.recognition import openbadges

PUBLIC = {"Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=60"}
Handler = Callable[[Request], Awaitable[Response]]


def _json_errors(handler: Handler) -> Handler:
    """Machines asked: they get the API's JSON error shape, not an HTML error page."""

    @wraps(handler)
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except DomainError as error:
            body = {"error": {"code": error.code, "message": error.message,
                              "fields": error.fields}}
            return JSONResponse(body, status_code=error.status,
                                headers={"Access-Control-Allow-Origin": "*"})

    return wrapped


def _media_type(request: Request) -> str:
    """JSON-LD by default; plain JSON for a client that asks only for that (as the spec says)."""
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "application/ld+json" not in accept:
        return "application/json"
    return "application/ld+json"


def _document(request: Request, document: dict[str, Any], status_code: int = 200) -> Response:
    return Response(openbadges.serialize(document).encode(), status_code=status_code,
                    media_type=_media_type(request), headers=PUBLIC)


@_json_errors
async def issuer(request: Request) -> Response:
    org_id = request.path_params["org"]
    return _document(request, await openbadges.issuer(deps(request).settings, org_id))


@_json_errors
async def revocation_list(request: Request) -> Response:
    org_id = request.path_params["org"]
    return _document(request, await openbadges.revocation_list(deps(request).settings, org_id))


@_json_errors
async def badge_class(request: Request) -> Response:
    params = request.path_params
    document = await openbadges.badge_class(deps(request).settings, params["org"],
                                            params["badge"])
    return _document(request, document)


@_json_errors
async def assertion(request: Request) -> Response:
    """A revoked assertion answers 410 Gone with `revoked: true` (hosted verification)."""
    hosted = await openbadges.assertion(deps(request).settings, request.path_params["award"])
    return _document(request, hosted.document, status_code=410 if hosted.revoked else 200)


@_json_errors
async def public_key(request: Request) -> Response:
    jwk = openbadges.public_key(deps(request).settings, request.path_params["kid"])
    return JSONResponse(jwk, media_type="application/jwk+json", headers=PUBLIC)


@_json_errors
async def credential(request: Request) -> Response:
    """Open Badges 3.0: the award as a VC-JWT (404 when no signing key is configured)."""
    award_id = request.path_params["award"]
    token = await openbadges.credential(deps(request).settings, award_id)
    return Response(token, media_type="application/jwt", headers={
        **PUBLIC, "Content-Disposition": f'inline; filename="cocreate-{award_id}.jwt"'})


async def badge_image(request: Request) -> Response:
    params = request.path_params
    png = await openbadges.badge_image(params["org"], params["badge"])
    return Response(png, media_type="image/png",
                    headers={**PUBLIC, "Cache-Control": "public, max-age=86400"})


async def issuer_logo(request: Request) -> Response:
    key = await openbadges.issuer_logo_key(request.path_params["org"])
    return RedirectResponse(deps(request).storage.url(key), status_code=302,
                            headers={"Cache-Control": "public, max-age=300"})


async def baked_card(request: Request) -> Response:
    """The share card with its assertion baked in; unchanged badges answer 304."""
    award_id = request.path_params["award"]
    order = await openbadges.bake_order(deps(request).settings, award_id)
    headers = {**PUBLIC, "ETag": f'"{order.etag}"',
               "Content-Disposition": f'inline; filename="cocreate-badge-{award_id}.png"'}
    if request.headers.get("if-none-match", "").strip() == f'"{order.etag}"':
        return Response(status_code=304, headers=headers)
    png = await openbadges.baked_card(deps(request).storage, order)
    return Response(png, media_type="image/png", headers=headers)


ROUTES = [
    Route("/ob/issuers/{org:id}", issuer, methods=["GET"]),
    Route("/ob/issuers/{org:id}/logo.png", issuer_logo, methods=["GET"]),
    Route("/ob/issuers/{org:id}/revocations", revocation_list, methods=["GET"]),
    Route("/ob/issuers/{org:id}/badges/{badge:badge_class}", badge_class, methods=["GET"]),
    Route("/ob/issuers/{org:id}/badges/{badge:badge_class}/image.png", badge_image,
          methods=["GET"]),
    Route("/ob/assertions/{award:id}", assertion, methods=["GET"]),
    Route("/ob/keys/{kid}", public_key, methods=["GET"]),
    Route("/b/{award:id}/baked.png", baked_card, methods=["GET"]),
    Route("/b/{award:id}/credential.jwt", credential, methods=["GET"]),
]
