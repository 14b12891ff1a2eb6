"""Models to API bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocreate.api import comment_schemas, remix_schemas, schemas
from cocreate.doors.storage import Storage
from cocreate.lib import money, urls
from cocreate.services.badges import badges
from cocreate.services.campaigns import phases, wording
from cocreate.services.campaigns.fundraisers import Progress
from cocreate.services.conversation import reactions
from cocreate.services.media.media import media_urls
from cocreate.services.moderation.comment_moderation import hidden_by_reports
from cocreate.settings import Settings

if TYPE_CHECKING:
    from cocreate.models import (
        AuditEvent,
        Award,
        Campaign,
        Comment,
        CommentReport,
        Entry,
        KitAsset,
        Organization,
        Prize,
        Report,
        Tag,
        Team,
        User,
        Winner,
    )


def user(settings: Settings, person: User) -> schemas.UserOut:
    return schemas.UserOut(
        handle=person.handle, display_name=person.display_name,
        url=settings.absolute_url(urls.user_path(person.handle)),
    )


def me(settings: Settings, person: User) -> schemas.MeOut:
    return schemas.MeOut(**user(settings, person).model_dump(), email=person.email,
                         email_verified=person.email_verified_at is not None,
                         bio=person.bio or "")


def org(settings: Settings, found: Organization,
        storage: Storage | None = None) -> schemas.OrgOut:
    logo = found.logo if found.logo_id and storage is not None else None
    return schemas.OrgOut(
        slug=found.slug, name=found.name, kind=found.kind, color=found.color,
        url=settings.absolute_url(urls.org_path(found.slug)),
        logo_url=storage.url(logo.key) if storage and logo and logo.key else None,
    )


def prize(found: Prize) -> schemas.PrizeOut:
    return schemas.PrizeOut(id=found.id, rank=found.rank, title=found.title,
                            description=found.description)


def progress(found: Progress) -> schemas.ProgressOut:
    return schemas.ProgressOut(
        goal=found.goal, currency=found.currency, raised=found.raised, matched=found.matched,
        total=found.total, total_display=money.format_money(found.total, found.currency),
        goal_display=money.format_money(found.goal, found.currency),
        gift_count=found.gift_count, percent=found.percent, days_left=found.days_left(),
        takes_gifts=found.takes_gifts, suggested_amounts=list(found.suggested_amounts),
        sponsor_name=found.sponsor_name, match_percent=found.match_percent,
        match_cap=found.match_cap, match_left=found.match_left,
        fundraiser_badge_at=found.fundraiser_badge_at,
    )


def campaign(settings: Settings, storage: Storage, found: Campaign,
             prizes: list[Prize], fundraiser: Progress | None = None) -> schemas.CampaignOut:
    upcoming = phases.next_scheduled(found)
    said = wording.words(found)
    return schemas.CampaignOut(
        slug=found.slug, title=found.title, kind=found.kind, description=found.description,
        words=schemas.WordsOut(challenge=said.challenge, entry=said.entry, entries=said.entries,
                               call_to_action=said.share, empty=said.empty,
                               checks_similar=said.checks_similar),
        description_html=found.description_html, org=org(settings, found.org),
        phase=found.phase, phase_label=phases.label(found),
        schedule=schemas.ScheduleOut(
            opens_at=found.opens_at, closes_at=found.closes_at,
            voting_ends_at=found.voting_ends_at, results_at=found.results_at,
            archives_at=found.archives_at,
        ),
        next_phase=upcoming[0] if upcoming else None,
        next_phase_at=upcoming[1] if upcoming else None,
        closes_at=found.closes_at, is_open=phases.takes_entries(found),
        takes_votes=phases.takes_votes(found) and found.voting_mode != "jury",
        vote_in_open=found.vote_in_open,
        rules=found.rules, rules_html=found.rules_html, rules_version=found.rules_version,
        min_age=found.min_age, eligible_countries=found.eligible_countries or [],
        moderation=found.moderation, team_min_size=found.team_min_size,
        team_max_size=found.team_max_size, max_video_mb=found.max_video_mb,
        voting_mode=found.voting_mode, vote_budget=found.vote_budget,
        jury_weight=found.jury_weight,
        verified_voters=found.verified_voters,
        entry_count=found.entry_count,
        cover_url=media_urls(storage, found.cover)["url"],
        prizes=[prize(p) for p in prizes],
        url=settings.absolute_url(urls.campaign_path(found.slug)),
        fundraiser=progress(fundraiser) if fundraiser else None,
    )


def tag_ref(found: Tag) -> schemas.TagRef:
    return schemas.TagRef(slug=found.slug, name=found.name, color=found.color,
                          status=found.status)


def entry(settings: Settings, storage: Storage, found: Entry, campaign_slug: str, *,
          jury: bool = False, tags: list[Tag] | None = None,
          credited: list[User] | None = None) -> schemas.EntryOut:
    """`jury`: the viewer may see the jury's scores (jury_views.scores_visible); `tags`: the
    entry's tags as the viewer sees them (services/tags/tags.py), when the endpoint gives them;
    `credited`: the people credited on it through merges, when the caller has them."""
    files = media_urls(storage, found.media)
    kind = found.media.kind if found.media and found.media.status == "ready" else None
    return schemas.EntryOut(
        id=found.id, campaign=campaign_slug, kind=found.kind, title=found.title,
        body=found.body, body_html=found.body_html, author=user(settings, found.author),
        team=team_ref(settings, found.team) if found.team_id else None,
        vote_count=found.vote_count, remix_count=found.remix_count, status=found.status,
        jury_score=found.jury_score if jury else None,
        final_score=found.final_score if jury else None,
        moderation_reason=found.moderation_reason, media_kind=kind,
        image_url=files["poster_url"] if kind == "video" else files["url"],
        video_url=files["url"] if kind == "video" else None,
        thumbnail_url=files["thumbnail_url"], created_at=found.created_at,
        edited_at=found.edited_at, url=settings.absolute_url(urls.entry_path(found.id)),
        idea_status=found.idea_status, idea_status_note=found.idea_status_note or "",
        tags=None if tags is None else [tag_ref(t) for t in tags],
        merged_into=found.merged_into_id,
        credited=[user(settings, p) for p in credited] if credited is not None else None,
    )


def award(settings: Settings, storage: Storage, found: Award) -> schemas.AwardOut:
    return schemas.AwardOut(
        id=found.id, badge=found.badge, label=badges.label(found),
        description=badges.description(found), campaign=found.campaign.slug,
        status="ready" if found.status == "ready" else "rendering",
        image_url=storage.url(found.image_key) if found.image_key else None,
        cards={size: storage.url(key) for size, key in (found.card_keys or {}).items()},
        share_url=settings.absolute_url(urls.award_path(found.id)),
        created_at=found.created_at,
    )


def winner(settings: Settings, storage: Storage, found: Winner, campaign_slug: str, *,
           jury: bool = False) -> schemas.WinnerOut:
    return schemas.WinnerOut(id=found.id, prize=prize(found.prize),
                             entry=entry(settings, storage, found.entry, campaign_slug,
                                         jury=jury))


def report(found: Report) -> schemas.ReportOut:
    return schemas.ReportOut(id=found.id, entry_id=found.entry_id, reason=found.reason,
                             note=found.note, status=found.status, created_at=found.created_at)


def comment(settings: Settings, found: Comment, *, revealed: bool,
            depth: int | None = None) -> comment_schemas.CommentOut:
    """`revealed`: the viewer may read its text (comments.revealed)."""
    shown = revealed and found.status != "removed"
    return comment_schemas.CommentOut(
        id=found.id, entry_id=found.entry_id, parent_id=found.parent_id,
        depth=found.depth if depth is None else depth, author=user(settings, found.author),
        status=found.status, pending_review=hidden_by_reports(found),
        body=found.body if shown else "", body_html=found.body_html if shown else "",
        moderation_reason=found.moderation_reason if shown else None,
        reply_count=found.reply_count, reactions=reactions.counts(found),
        edited_at=found.edited_at, created_at=found.created_at)


def comment_report(settings: Settings, found: CommentReport) -> comment_schemas.CommentReportOut:
    return comment_schemas.CommentReportOut(
        id=found.id, comment_id=found.comment_id, reporter=user(settings, found.reporter),
        reason=found.reason, note=found.note, status=found.status, created_at=found.created_at)


def audit_event(settings: Settings, found: AuditEvent) -> schemas.AuditEventOut:
    return schemas.AuditEventOut(
        id=found.id, action=found.action,
        actor=user(settings, found.actor) if found.actor else None,
        target_type=found.target_type, target_id=found.target_id, summary=found.summary,
        data=found.data, created_at=found.created_at,
    )


def team_ref(settings: Settings, found: Team) -> schemas.TeamRef:
    return schemas.TeamRef(id=found.id, name=found.name,
                           url=settings.absolute_url(urls.team_path(found.id)))


def kit_asset(storage: Storage, found: KitAsset) -> remix_schemas.KitAssetOut:
    files = media_urls(storage, found.media)
    return remix_schemas.KitAssetOut(
        id=found.id, title=found.title, licence=found.licence,
        content_type=found.media.content_type, url=files["url"],
        thumbnail_url=files["thumbnail_url"], remix_count=found.remix_count,
    )
