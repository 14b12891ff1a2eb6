"""API: sign up, tokens (made, listed, revoked), the current user, people's badges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import present, profile_schemas, schemas, token_schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import client_ip, current_user, deps
from cocreate.lib import urls
from cocreate.read_models import profile as profile_rm
from cocreate.services.accounts import accounts, api_tokens, profiles, verification
from cocreate.services.media.media import media_urls

if TYPE_CHECKING:
    from cocreate.models import AuthToken, Organization, User
    from cocreate.settings import Settings


async def signup(request: Request, body: schemas.SignupIn) -> schemas.SignupOut:
    person = await accounts.signup(
        deps(request), body.email, body.password, body.display_name, client_ip(request),
        body.ref,
    )
    return schemas.SignupOut(user=present.me(deps(request).settings, person))


def _token_info(token: AuthToken) -> token_schemas.TokenInfo:
    return token_schemas.TokenInfo(
        id=token.id, name=token.name, created_at=token.created_at,
        last_used_at=token.last_used_at, expires_at=token.expires_at,
        expired=api_tokens.is_expired(token))


async def create_token(request: Request, body: token_schemas.TokenIn) -> token_schemas.TokenOut:
    """Limited as a login (per address and per email) by `authenticate`."""
    person = await accounts.authenticate(deps(request), body.email, body.password,
                                         client_ip(request))
    made = await api_tokens.create(deps(request), person, body.name)
    return token_schemas.TokenOut(token=made.secret, **_token_info(made.token).model_dump())


async def list_tokens(request: Request, user: User) -> token_schemas.TokenList:
    return token_schemas.TokenList(
        tokens=[_token_info(token) for token in await api_tokens.of_user(user)])


async def revoke_token(request: Request, user: User, token: str) -> token_schemas.TokenInfo:
    return _token_info(await api_tokens.revoke(deps(request), user, token, limit_key=user.id))


async def revoke_tokens(request: Request, user: User) -> token_schemas.RevokedOut:
    return token_schemas.RevokedOut(
        revoked=await api_tokens.revoke_all(deps(request), user, limit_key=user.id))


async def show_me(request: Request, user: User) -> schemas.MeOut:
    return present.me(deps(request).settings, user)


async def verify_email(request: Request, body: schemas.VerifyIn) -> schemas.MeOut:
    person = await verification.verify(deps(request).settings, body.token)
    return present.me(deps(request).settings, person)


async def resend_verification(request: Request, user: User) -> schemas.MeOut:
    await verification.request_link(deps(request), user)
    return present.me(deps(request).settings, user)


async def user_badges(request: Request, handle: str) -> schemas.AwardList:
    d = deps(request)
    return schemas.AwardList(awards=[present.award(d.settings, d.storage, a)
                                     for a in await profile_rm.awards(handle)])


def _org_ref(settings: Settings, org: Organization) -> profile_schemas.OrgRef:
    return profile_schemas.OrgRef(slug=org.slug, name=org.name,
                                  url=settings.absolute_url(urls.org_path(org.slug)))


async def show_profile(request: Request, handle: str) -> profile_schemas.ProfileOut:
    """The JSON twin of /u/{handle}: the same read model, so the same entries and badges."""
    shown = await profile_rm.profile(current_user(request), handle)
    d, portfolio = deps(request), shown.portfolio
    return profile_schemas.ProfileOut(
        user=present.user(d.settings, shown.person), bio=shown.person.bio or "",
        avatar_url=media_urls(d.storage, shown.avatar)["url"],
        followers=shown.follow.followers, following=shown.follow.following,
        entries=[present.entry(d.settings, d.storage, e, e.campaign.slug)
                 for e in shown.entries],
        remixes=[e.id for e in shown.entries if e.id in portfolio.remix_ids],
        credited=[e.id for e in shown.entries if e.id in portfolio.credited_ids],
        awards=[present.award(d.settings, d.storage, a) for a in shown.awards],
        teams=[profile_schemas.ProfileTeamOut(
            id=t.id, name=t.name, url=d.settings.absolute_url(urls.team_path(t.id)),
            campaign=t.campaign.slug, member_count=t.member_count) for t in portfolio.teams],
        thanked_by=[_org_ref(d.settings, o) for o in portfolio.thanked_by],
        ambassador_of=[_org_ref(d.settings, o) for o in shown.ambassador_of],
        reach_summary=shown.reach.summary if shown.reach else None,
    )


async def update_me(request: Request, user: User, body: schemas.ProfileIn) -> schemas.MeOut:
    person = await profiles.update_profile(user, body.display_name, body.bio,
                                           body.avatar_media_id, body.clear_avatar)
    return present.me(deps(request).settings, person)


ENDPOINTS = [
    Endpoint("POST", "/auth/signup", signup, "Create an account", schemas.SignupOut,
             status=201, body=schemas.SignupIn, auth=False, errors=(409, 422, 429)),
    Endpoint("POST", "/auth/token", create_token,
             "Exchange email and password for a new named token, which expires after "
             "API_TOKEN_DAYS (90 by default); its secret is shown this once",
             token_schemas.TokenOut, body=token_schemas.TokenIn, auth=False,
             errors=(401, 422, 429)),
    Endpoint("GET", "/auth/tokens", list_tokens,
             "Your API tokens with when each was made, last used and expires (never the "
             "secrets)", token_schemas.TokenList, errors=(401,)),
    Endpoint("DELETE", "/auth/tokens/{token:id}", revoke_token,
             "Revoke one of your API tokens: it answers 401 from now on",
             token_schemas.TokenInfo, errors=(401, 404, 429)),
    Endpoint("DELETE", "/auth/tokens", revoke_tokens,
             "Revoke all your API tokens, this one too", token_schemas.RevokedOut,
             errors=(401, 429)),
    Endpoint("GET", "/me", show_me, "The signed-in user", schemas.MeOut, errors=(401,)),
    Endpoint("PATCH", "/me", update_me,
             "Change your display name, about text or picture; your cards are drawn again",
             schemas.MeOut, body=schemas.ProfileIn, errors=(401, 422)),
    Endpoint("POST", "/auth/verify", verify_email,
             "Confirm an email address with the token from the emailed link", schemas.MeOut,
             body=schemas.VerifyIn, auth=False, errors=(422,)),
    Endpoint("POST", "/me/verification", resend_verification,
             "Mail a new confirmation link", schemas.MeOut, status=202, errors=(401, 429)),
    Endpoint("GET", "/users/{handle:handle}", show_profile,
             "A person's public profile: entries and remixes, badges, teams, the brands that "
             "thanked them", profile_schemas.ProfileOut, auth=False, errors=(404,)),
    Endpoint("GET", "/users/{handle:handle}/badges", user_badges, "A person's badges",
             schemas.AwardList, auth=False, errors=(404,)),
]
