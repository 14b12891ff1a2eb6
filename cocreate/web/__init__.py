"""HTML pages and htmx partials, one module per area."""

from __future__ import annotations

from starlette.routing import BaseRoute

from cocreate.web import (
    accounts,
    ack_inbox,
    api_tokens,
    badges,
    campaigns,
    comment_moderation,
    comments,
    directory,
    email_prefs,
    entries,
    entry_edits,
    follows,
    fundraisers,
    fundraising_pages,
    fundraising_teams,
    health,
    home,
    jury,
    listening,
    live,
    local_media,
    merging,
    moderation,
    notifications,
    oembed,
    openbadges,
    org_badges,
    orgs,
    payments,
    power_users,
    profiles,
    reach,
    saved_replies,
    share_cards,
    similar,
    story_images,
    tags,
    teams,
    verification,
    vote_review,
)


def routes() -> list[BaseRoute]:
    return [
        *health.ROUTES, *local_media.ROUTES, *home.ROUTES, *accounts.ROUTES, *api_tokens.ROUTES,
        *directory.ROUTES,
        *orgs.ROUTES,
        *campaigns.ROUTES, *entries.ROUTES, *entry_edits.ROUTES, *moderation.ROUTES,
        *badges.ROUTES, *profiles.ROUTES,
        *teams.ROUTES, *jury.ROUTES, *live.ROUTES, *verification.ROUTES, *vote_review.ROUTES,
        *notifications.ROUTES, *org_badges.ROUTES, *oembed.ROUTES, *openbadges.ROUTES,
        *share_cards.ROUTES, *ack_inbox.ROUTES, *saved_replies.ROUTES, *comments.ROUTES,
        *comment_moderation.ROUTES,
        *email_prefs.ROUTES, *follows.ROUTES, *power_users.ROUTES,
        *tags.ROUTES, *listening.ROUTES, *similar.ROUTES, *merging.ROUTES,
        *fundraisers.ROUTES, *payments.ROUTES, *reach.ROUTES, *fundraising_pages.ROUTES,
        *fundraising_teams.ROUTES, *story_images.ROUTES,
    ]
