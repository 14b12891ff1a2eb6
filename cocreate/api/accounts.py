"""API: sign up, tokens, the current user, people's badges."""

from __future__ import annotations

from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import client_ip, deps
from cocreate.models import User
from cocreate.services.accounts import accounts, profiles, verification
from cocreate.services.badges import badges


async def signup(request: Request, body: schemas.SignupIn) -> schemas.SignupOut:
    person = await accounts.signup(
        deps(request), body.email, body.password, body.display_name, client_ip(request),
        body.ref,
    )
    return schemas.SignupOut(user=present.me(deps(request).settings, person))


async def create_token(request: Request, body: schemas.TokenIn) -> schemas.TokenOut:
    person = await accounts.authenticate(deps(request), body.email, body.password,
                                         client_ip(request))
    return schemas.TokenOut(token=await accounts.issue_token(person, "api", days=None))


async def show_me(request: Request, user: User) -> schemas.MeOut:
    return present.me(deps(request).settings, user)


async def verify_email(request: Request, body: schemas.VerifyIn) -> schemas.MeOut:
    person = await verification.verify(deps(request).settings, body.token)
    return present.me(deps(request).settings, person)


async def resend_verification(request: Request, user: User) -> schemas.MeOut:
    await verification.request_link(deps(request), user)
    return present.me(deps(request).settings, user)


async def user_badges(request: Request, handle: str) -> schemas.AwardList:
    person = await accounts.get_by_handle(handle)
    found = await badges.awards_of(person)
    d = deps(request)
    return schemas.AwardList(awards=[present.award(d.settings, d.storage, a) for a in found])


async def update_me(request: Request, user: User, body: schemas.ProfileIn) -> schemas.MeOut:
    person = await profiles.update_profile(user, body.display_name, body.bio,
                                           body.avatar_media_id, body.clear_avatar)
    return present.me(deps(request).settings, person)


ENDPOINTS = [
    Endpoint("POST", "/auth/signup", signup, "Create an account", schemas.SignupOut,
             status=201, body=schemas.SignupIn, auth=False, errors=(409, 422, 429)),
    Endpoint("POST", "/auth/token", create_token, "Exchange email and password for a token",
             schemas.TokenOut, body=schemas.TokenIn, auth=False, errors=(401, 429)),
    Endpoint("GET", "/me", show_me, "The signed-in user", schemas.MeOut, errors=(401,)),
    Endpoint("PATCH", "/me", update_me,
             "Change your display name, about text or picture; your cards are drawn again",
             schemas.MeOut, body=schemas.ProfileIn, errors=(401, 422)),
    Endpoint("POST", "/auth/verify", verify_email,
             "Confirm an email address with the token from the emailed link", schemas.MeOut,
             body=schemas.VerifyIn, auth=False, errors=(422,)),
    Endpoint("POST", "/me/verification", resend_verification,
             "Mail a new confirmation link", schemas.MeOut, status=202, errors=(401, 429)),
    Endpoint("GET", "/users/{handle}/badges", user_badges, "A person's badges",
             schemas.AwardList, auth=False, errors=(404,)),
]
