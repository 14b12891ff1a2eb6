"""Campaigns: launching them, changing their settings, and reading them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, NotFound
from cocreate.lib.ids import new_id
from cocreate.lib.markdown import render_markdown
from cocreate.models import (
    Campaign,
    CampaignKind,
    CampaignPhase,
    Fundraiser,
    Media,
    MediaStatus,
    ModerationMode,
    User,
    Vote,
    VotingMode,
)
from cocreate.services.campaigns import eligibility, fundraisers, phases
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors, Limit, slugify
from cocreate.services.orgs import orgs
from cocreate.services.sharing import fundraiser_cards

KINDS = tuple(CampaignKind)
MAX_TEAM_SIZE = 50
MODERATION = tuple(ModerationMode)
VOTING_MODES = tuple(VotingMode)
MAX_SHARED_JURY_WEIGHT = 99  # at 100 the jury decides alone: that is jury mode
DATE_FIELDS = tuple(phases.STARTS.values())
# What each number may be (settings_input.py documents them for forms and the API).
MIN_AGE = Limit(1, 120, "Use an age between 1 and 120, or leave it empty.")
REPORT_THRESHOLD = Limit(1, 1000, "Use a number from 1 to 1000.")
MAX_VIDEO_MB = Limit(1, 1024, "Use a size from 1 to 1024 MB.")
VOTE_BUDGET = Limit(1, 1000, "Give each person from 1 to 1000 votes.")
TEAM_SIZE = Limit(1, MAX_TEAM_SIZE, f"Team sizes go from 1 to {MAX_TEAM_SIZE}, and the largest "
                  "can't be smaller than the smallest.")
SHARED_JURY_WEIGHT = Limit(0, MAX_SHARED_JURY_WEIGHT, "Give the jury from 0 (no jury) to "
                           f"{MAX_SHARED_JURY_WEIGHT} percent of the result; for a jury alone, "
                           "choose jury mode.")


@dataclass
class CampaignSettings:
    """What a manager sets on a campaign. Fields left None keep their current value."""

    title: str | None = None
    description: str | None = None
    cover_media_id: str | None = None
    dates: dict[str, datetime | None] = field(default_factory=dict)  # opens_at ... archives_at
    vote_in_open: bool | None = None
    rules: str | None = None
    min_age: int | None = None
    eligible_countries: list[str] | None = None
    moderation: str | None = None
    report_threshold: int | None = None
    team_min_size: int | None = None
    team_max_size: int | None = None
    max_video_mb: int | None = None
    voting_mode: str | None = None
    vote_budget: int | None = None
    jury_weight: int | None = None  # percent of the result the jury decides (jury mode: 100)
    verified_voters: bool | None = None
    clear_min_age: bool = False
    fundraiser: FundraiserSettings | None = None  # fundraisers only


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


async def _apply(actor: User, campaign: Campaign, wanted: CampaignSettings,
                 errors: FieldErrors, *, creating: bool) -> list[str]:
    """Validate `wanted` onto `campaign` (unsaved); returns the names of changed fields."""
    changed: list[str] = []

    def set_(name: str, value: object) -> None:
        if getattr(campaign, name, None) != value:
            setattr(campaign, name, value)
            changed.append(name)

    if creating or wanted.title is not None:
        set_("title", errors.text("title", wanted.title, label="Title", min_len=3, max_len=140))
    if creating or wanted.description is not None:
        description = errors.text("description", wanted.description, label="Description",
                                  min_len=1, max_len=20_000, multiline=True)
        set_("description", description)
        set_("description_html", render_markdown(description))
    if wanted.cover_media_id:
        cover = await Media.get_or_none(id=wanted.cover_media_id, owner=actor,
                                        status=MediaStatus.READY)
        if cover is None:
            errors.add("cover_media_id", "Use an image you uploaded that has finished processing.")
        else:
            set_("cover", cover)
    now = datetime.now(UTC)
    for name, value in wanted.dates.items():
        value = _aware(value)
        if value == getattr(campaign, name):
            continue
        phase = phases.phase_started_by(campaign, name)
        if phase is None:
            if value is not None:
                errors.add(name, "A fundraiser has no voting: leave this date empty.")
            continue
        not_reached = phases.index(phase) > phases.index(campaign.phase)
        if value is not None and not_reached and value <= now:
            errors.add(name, "Choose a time in the future (or move the phase by hand).")
        set_(name, value)
    for name, problem in phases.validate_schedule(campaign).items():
        errors.add(name, problem)
    if wanted.vote_in_open is not None:
        set_("vote_in_open", wanted.vote_in_open)
    if wanted.rules is not None:
        rules = errors.text("rules", wanted.rules, label="Rules", min_len=0, max_len=50_000,
                            multiline=True)
        if rules != campaign.rules:
            set_("rules", rules)
            set_("rules_html", render_markdown(rules))
            set_("rules_version", campaign.rules_version + 1 if rules else campaign.rules_version)
    if wanted.clear_min_age:
        set_("min_age", None)
    elif wanted.min_age is not None:
        MIN_AGE.check(errors, "min_age", wanted.min_age)
        set_("min_age", wanted.min_age)
    if wanted.eligible_countries is not None:
        codes, problem = eligibility.parse_countries(wanted.eligible_countries)
        if problem:
            errors.add("eligible_countries", problem)
        set_("eligible_countries", codes or None)
    if wanted.moderation is not None:
        if wanted.moderation not in MODERATION:
            errors.add("moderation", "Choose post-moderation or pre-moderation.")
        set_("moderation", wanted.moderation)
    if wanted.report_threshold is not None:
        REPORT_THRESHOLD.check(errors, "report_threshold", wanted.report_threshold)
        set_("report_threshold", wanted.report_threshold)
    if wanted.team_min_size is not None:
        set_("team_min_size", wanted.team_min_size)
    if wanted.team_max_size is not None:
        set_("team_max_size", wanted.team_max_size)
    await _apply_voting(campaign, wanted, errors, set_, creating)
    if wanted.verified_voters is not None:
        set_("verified_voters", wanted.verified_voters)
    if wanted.max_video_mb is not None:
        set_("max_video_mb", wanted.max_video_mb)
    MAX_VIDEO_MB.check(errors, "max_video_mb", campaign.max_video_mb)
    if not TEAM_SIZE.low <= campaign.team_min_size <= campaign.team_max_size <= TEAM_SIZE.high:
        errors.add("team_max_size", TEAM_SIZE.message)
    return changed


async def _apply_voting(campaign: Campaign, wanted: CampaignSettings, errors: FieldErrors,
                        set_: Callable[[str, object], None], creating: bool) -> None:
    """The voting mode, which can change only until the first vote, and the jury's share of
    the result, which can change until the results are out."""
    mode = wanted.voting_mode or campaign.voting_mode or VotingMode.UPVOTE
    if mode not in VOTING_MODES:
        errors.add("voting_mode", "Choose upvotes, a vote budget or a jury.")
        return
    _apply_jury_weight(campaign, wanted, mode, errors, set_)
    budget = wanted.vote_budget if wanted.vote_budget is not None else campaign.vote_budget
    if mode == VotingMode.BUDGET:
        VOTE_BUDGET.check(errors, "vote_budget", budget or 0)
    changing = mode != campaign.voting_mode or budget != campaign.vote_budget
    if changing and not creating and await Vote.exists(entry__campaign_id=campaign.id):
        errors.add("voting_mode", "People have voted already; the voting rules stay as they are.")
        return
    set_("voting_mode", mode)
    set_("vote_budget", budget if mode == VotingMode.BUDGET else None)


def _apply_jury_weight(campaign: Campaign, wanted: CampaignSettings, mode: str,
                       errors: FieldErrors, set_: Callable[[str, object], None]) -> None:
    """Jury mode: the jury decides alone (100). Upvotes and budgets: 0 (no jury) to 99."""
    if mode == VotingMode.JURY:
        weight = 100
    else:
        if wanted.jury_weight is not None:
            weight = wanted.jury_weight
        else:  # leaving jury mode drops the jury unless a share is given
            weight = 0 if campaign.voting_mode == VotingMode.JURY else campaign.jury_weight or 0
        if not SHARED_JURY_WEIGHT.low <= weight <= SHARED_JURY_WEIGHT.high:
            errors.add("jury_weight", SHARED_JURY_WEIGHT.message)
            return
    if weight != campaign.jury_weight and phases.shows_results(campaign):
        errors.add("jury_weight", "The results are out; the jury's share stays as it is.")
        return
    set_("jury_weight", weight)


async def create_campaign(
    actor: User, org_slug: str, kind: str | None, wanted: CampaignSettings,
    start_as_draft: bool = False,
) -> Campaign:
    """Launch a campaign: open now, or a draft (opened by hand or at `opens_at`)."""
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    errors = FieldErrors()
    if kind not in KINDS:
        errors.add("kind", "Choose an idea, remix or team challenge, or a fundraiser.")
    now = datetime.now(UTC)
    opens_at = _aware(wanted.dates.get("opens_at"))
    draft = start_as_draft or (opens_at is not None and opens_at > now)
    campaign = Campaign(org=org, kind=kind, created_by=actor, description="",
                        phase=CampaignPhase.DRAFT if draft else CampaignPhase.OPEN,
                        phase_changed_at=now,
                        rules="", rules_html="", rules_version=0,
                        team_min_size=2 if kind == CampaignKind.TEAM else 1, team_max_size=5,
                        max_video_mb=50, voting_mode=VotingMode.UPVOTE)
    await _apply(actor, campaign, wanted, errors, creating=True)
    fundraiser = None
    if kind == CampaignKind.FUNDRAISER:
        fundraiser = Fundraiser()
        await fundraisers.apply(fundraiser, wanted.fundraiser or FundraiserSettings(), errors,
                                creating=True)
    errors.raise_if_any()
    phases.refresh_next_phase_at(campaign)
    campaign.slug = f"{slugify(campaign.title, 50) or 'campaign'}-{new_id(5)}"
    try:
        async with in_transaction():
            await campaign.save()
            if fundraiser is not None:
                fundraiser.campaign = campaign
                await fundraiser.save()
                await fundraiser_cards.refresh(campaign.id)
            await audit.record(org.id, actor, "campaign.create", "campaign", campaign.id,
                               f"Launched “{campaign.title}” ({phases.label(campaign)})")
    except IntegrityError as error:
        raise Conflict("Please try again.") from error
    return await get_campaign(campaign.slug)


async def update_campaign(actor: User, slug: str, wanted: CampaignSettings) -> Campaign:
    campaign = await get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    errors = FieldErrors()
    changed = await _apply(actor, campaign, wanted, errors, creating=False)
    fundraiser, money_changed = None, []
    if campaign.kind == CampaignKind.FUNDRAISER and wanted.fundraiser is not None:
        fundraiser = await fundraisers.of(campaign)
        money_changed = await fundraisers.apply(fundraiser, wanted.fundraiser, errors,
                                                creating=False)
    errors.raise_if_any()
    if not changed and not money_changed:
        return campaign
    changed += money_changed
    phases.refresh_next_phase_at(campaign)
    async with in_transaction():
        columns = {f"{name}_id" if name == "cover" else name for name in changed}
        await campaign.save(update_fields=[*columns - set(money_changed), "next_phase_at"])
        if fundraiser is not None and money_changed:
            await fundraiser.save(update_fields=money_changed)
            await fundraiser_cards.refresh(campaign.id)
        if campaign.kind == CampaignKind.FUNDRAISER and fundraiser_cards.SHOWN & set(changed):
            await fundraiser_cards.redraw(campaign.id, new_id(6))
        await audit.record(campaign.org_id, actor, "campaign.update", "campaign", campaign.id,
                           f"Changed {', '.join(sorted(set(changed)))} of “{campaign.title}”",
                           {"fields": sorted(set(changed))})
    return await get_campaign(slug)


async def get_campaign(slug: str) -> Campaign:
    """Any campaign, drafts included: for services that check the actor themselves."""
    campaign = await Campaign.get_or_none(slug=slug).select_related("org", "cover")
    if campaign is None:
        raise NotFound("There is no campaign at this address.")
    return campaign


async def can_manage(viewer: User | None, campaign: Campaign) -> bool:
    return await orgs.role_of(viewer, campaign.org) in orgs.ROLES


async def view_campaign(viewer: User | None, slug: str) -> Campaign:
    """A campaign as `viewer` may see it: drafts only for its organization's managers."""
    campaign = await get_campaign(slug)
    if not phases.is_public(campaign) and not await can_manage(viewer, campaign):
        raise NotFound("There is no campaign at this address.")
    return campaign


async def list_campaigns(limit: int = 50) -> list[Campaign]:
    """Public campaigns (not drafts), newest first."""
    return (
        await Campaign.filter(phase__in=phases.PUBLIC_PHASES).select_related("org", "cover")
        .order_by("-created_at").limit(limit)
    )


async def org_campaigns(viewer: User | None, org_slug: str) -> list[Campaign]:
    """An organization's campaigns, newest first; its managers see drafts too."""
    org = await orgs.get_org(org_slug)
    query = Campaign.filter(org=org).select_related("org", "cover")
    if await orgs.role_of(viewer, org) not in orgs.ROLES:
        query = query.filter(phase__in=phases.PUBLIC_PHASES)
    return await query.order_by("-created_at")


async def open_campaigns(limit: int = 24) -> list[Campaign]:
    """Campaigns fans can take part in now (entries or votes), newest first."""
    return (
        await Campaign.filter(phase__in=(CampaignPhase.OPEN, CampaignPhase.VOTING))
        .select_related("org", "cover").order_by("-created_at").limit(limit)
    )


@dataclass(frozen=True)
class OpenNow:
    """The campaigns open now (the newest of them), and how many of all of them take
    entries, take votes or take gifts. A fundraiser takes gifts, never entries."""

    campaigns: list[Campaign]
    taking_entries: int
    voting: int
    taking_gifts: int


async def open_now(limit: int = 24) -> OpenNow:
    """What the home page lists and counts."""
    entries_open = Campaign.filter(phase=CampaignPhase.OPEN).exclude(kind=CampaignKind.FUNDRAISER)
    return OpenNow(
        campaigns=await open_campaigns(limit),
        taking_entries=await entries_open.count(),
        voting=await Campaign.filter(phase=CampaignPhase.VOTING).exclude(
            kind=CampaignKind.FUNDRAISER).count(),
        taking_gifts=await Campaign.filter(phase=CampaignPhase.OPEN,
                                           kind=CampaignKind.FUNDRAISER).count(),
    )
