"""Request and response bodies of API v1."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from cocreate.lib.identifiers import Email, HandleRef, Id
from cocreate.models import (
    CampaignKind,
    CampaignPhase,
    CardStatus,
    EntryStatus,
    IdeaStatus,
    MediaKind,
    MediaStatus,
    ModerationMode,
    OrgKind,
    ReportReason,
    ReportStatus,
    TagStatus,
    VotingMode,
)
from cocreate.services.campaigns.settings_input import CampaignSettingsInput
from cocreate.services.entries.entry_input import EntryInput
from cocreate.services.moderation.moderation import EntryAction


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SignupIn(Body):
    email: Email
    password: str
    display_name: str
    ref: str | None = Field(default=None, max_length=12,
                            description="The referral code of the share link that brought you")


class UserOut(BaseModel):
    handle: str
    display_name: str
    url: str


class MeOut(UserOut):
    email: str
    email_verified: bool
    bio: str = ""


class ProfileIn(Body):
    display_name: str | None = Field(default=None, max_length=200)
    bio: str | None = Field(default=None, max_length=1000)
    avatar_media_id: Id | None = Field(default=None, description="A processed image of yours")
    clear_avatar: bool = False


class VerifyIn(Body):
    token: str


class SignupOut(BaseModel):
    user: MeOut


class OrgIn(Body):
    name: str
    slug: str | None = None
    kind: OrgKind
    color: str | None = None


class OrgUpdateIn(Body):
    name: str | None = None
    color: str | None = None
    logo_media_id: Id | None = Field(default=None, description="A processed image of yours")
    clear_logo: bool = False


class OrgOut(BaseModel):
    slug: str
    name: str
    kind: str
    color: str
    url: str
    logo_url: str | None = None


class MemberIn(Body):
    email: Email
    role: Literal["manager", "moderator"]


class MemberOut(BaseModel):
    org: str
    user: UserOut
    role: str


class CampaignSettingsIn(CampaignSettingsInput):  # the manage form's input too
    """Campaign settings a manager may change; fields left out keep their value."""


class CampaignIn(CampaignSettingsIn):
    title: str
    kind: CampaignKind
    description: str
    draft: bool = Field(False, description="Start as a draft only managers see")


class PhaseIn(Body):
    phase: CampaignPhase


class ScheduleOut(BaseModel):
    opens_at: datetime | None
    closes_at: datetime | None
    voting_ends_at: datetime | None
    results_at: datetime | None
    archives_at: datetime | None


class PrizeIn(Body):
    rank: int = Field(ge=1, le=100)
    title: str
    description: str = ""


class PrizesIn(Body):
    prizes: list[PrizeIn]


class PrizeOut(BaseModel):
    id: str
    rank: int
    title: str
    description: str


class PrizeList(BaseModel):
    prizes: list[PrizeOut]


class WinnerIn(Body):
    prize_id: Id
    entry_id: Id


class ProgressOut(BaseModel):
    """A fundraiser's progress. Amounts are minor units of `currency`."""

    goal: int
    currency: str
    raised: int = Field(description="From succeeded gifts")
    matched: int = Field(description="Added by the sponsor")
    total: int = Field(description="raised + matched")
    total_display: str
    goal_display: str
    gift_count: int
    percent: int = Field(description="Percent of the goal reached (may pass 100)")
    days_left: int | None = Field(description="Until gifts close; null without a date")
    takes_gifts: bool
    suggested_amounts: list[int]
    sponsor_name: str
    match_percent: int
    match_cap: int
    match_left: int
    fundraiser_badge_at: int = Field(description="What friends give through a fan's share "
                                     "links for the fan's Fundraiser badge, minor units")


class WordsOut(BaseModel):
    """What the campaign's kind calls its entries and asks fans to do, as its pages say it."""

    challenge: str = Field(description="Idea challenge, Remix challenge, Team challenge...")
    entry: str = Field(description="idea, remix, team entry (gift for a fundraiser)")
    entries: str = Field(description="ideas, remixes, team entries")
    call_to_action: str = Field(description="Share your idea, Submit your remix...")
    empty: str = Field(description="What an empty gallery says")
    checks_similar: bool = Field(description="Whether similar entries are offered as one "
                                             "is typed (ideas only: duplicates are merged)")


class CampaignOut(BaseModel):
    slug: str
    title: str
    kind: str
    words: WordsOut
    description: str
    description_html: str
    org: OrgOut
    phase: CampaignPhase
    phase_label: str
    schedule: ScheduleOut
    next_phase: CampaignPhase | None
    next_phase_at: datetime | None
    closes_at: datetime | None
    is_open: bool = Field(description="Takes entries now")
    takes_votes: bool
    vote_in_open: bool
    rules: str
    rules_html: str
    rules_version: int
    min_age: int | None
    eligible_countries: list[str]
    moderation: ModerationMode
    team_min_size: int
    team_max_size: int
    max_video_mb: int
    voting_mode: VotingMode
    vote_budget: int | None
    jury_weight: int = Field(description="Percent of the final result the jury decides")
    verified_voters: bool
    entry_count: int
    cover_url: str | None
    prizes: list[PrizeOut]
    url: str
    fundraiser: ProgressOut | None = Field(None, description="Fundraisers only")


class CampaignList(BaseModel):
    campaigns: list[CampaignOut]


class UploadIn(Body):
    filename: str
    content_type: str
    size: int = Field(gt=0)


class UploadForm(BaseModel):
    url: str
    fields: dict[str, str]


class UploadOut(BaseModel):
    media_id: str
    upload: UploadForm


class MediaOut(BaseModel):
    media_id: str
    kind: MediaKind
    status: MediaStatus
    reason: str | None
    url: str | None
    thumbnail_url: str | None
    poster_url: str | None = Field(description="A video's still frame")
    width: int | None
    height: int | None
    seconds: float | None = Field(description="How long a video or audio clip runs")


class IdeaStatusIn(Body):
    status: IdeaStatus
    note: str = Field(default="", max_length=5000)


class EntryIn(EntryInput):  # the campaign page's entry form sends it too
    pass


class EntryEditIn(Body):
    title: str | None = Field(None, description="The new title (left out: kept)")
    body: str | None = Field(None, description="The new description, Markdown (left out: kept)")


class TeamRef(BaseModel):
    id: str
    name: str
    url: str


class TagRef(BaseModel):
    slug: str
    name: str
    color: str | None
    status: TagStatus = Field(
        description="Suggested tags show to the entry's author and the managers only")


class EntryOut(BaseModel):
    id: str
    campaign: str
    kind: str
    title: str
    body: str
    body_html: str
    author: UserOut
    team: TeamRef | None = Field(description="Team entries: the team that made it")
    vote_count: int
    remix_count: int = Field(description="Published entries that remix this one")
    jury_score: float | None = Field(
        description="The judges' mean score, 1 to 10: null until results unless you manage "
        "the campaign")
    final_score: float | None = Field(
        description="Jury and public vote by their weights, 0 to 100: set in results")
    status: EntryStatus
    moderation_reason: str | None
    media_kind: MediaKind | None
    image_url: str | None = Field(description="The image, or a video's poster frame")
    video_url: str | None
    thumbnail_url: str | None
    created_at: datetime
    edited_at: datetime | None = Field(None, description="When its author last changed it")
    url: str
    idea_status: IdeaStatus | None = None
    idea_status_note: str = ""
    tags: list[TagRef] | None = Field(None, description="Its tags as you may see them: given "
                                      "by the entry, entry list and leaderboard endpoints")
    merged_into: str | None = Field(
        default=None, description="Merged ideas: the id of the idea it was merged into")
    credited: list[UserOut] | None = Field(
        default=None, description="People whose merged ideas live on in this one (one entry's "
        "own endpoints; null in lists)")


class WinnerOut(BaseModel):
    id: str
    prize: PrizeOut
    entry: EntryOut


class WinnerList(BaseModel):
    winners: list[WinnerOut]


class RulesAcceptedOut(BaseModel):
    campaign: str
    version: int


class ModerationIn(Body):
    action: EntryAction
    reason: str = ""


class ReportIn(Body):
    reason: ReportReason
    note: str = ""


class ReportOut(BaseModel):
    id: str
    entry_id: str
    reason: str
    note: str
    status: ReportStatus
    created_at: datetime


class QueueItemOut(BaseModel):
    entry: EntryOut
    reports: list[ReportOut]
    waiting_since: datetime


class AuditEventOut(BaseModel):
    id: str
    action: str
    actor: UserOut | None
    target_type: str
    target_id: str
    summary: str
    data: dict[str, object]
    created_at: datetime


class AuditLog(BaseModel):
    org: str
    events: list[AuditEventOut]


class EntryPageQuery(Body):
    sort: Literal["top", "trending", "new"] = "top"
    tag: str | None = Field(None, description="Only entries carrying this tag (its slug)")
    cursor: str | None = None
    limit: int = Field(default=24, ge=1, le=100)


class EntryPage(BaseModel):
    entries: list[EntryOut]
    next_cursor: str | None


class VoteOut(BaseModel):
    voted: bool
    vote_count: int
    votes_left: int | None = Field(description="Budget voting: the votes you have left")


class LeaderboardRow(BaseModel):
    rank: int
    entry: EntryOut


class Leaderboard(BaseModel):
    campaign: str
    rows: list[LeaderboardRow]


class AwardOut(BaseModel):
    id: str
    badge: str
    label: str
    description: str
    campaign: str
    status: CardStatus
    image_url: str | None
    cards: dict[str, str] = Field(default_factory=dict, description=(
        "The share card by format: og (1200x630), square (1080x1080), story (1080x1920)"))
    share_url: str
    created_at: datetime


class AwardList(BaseModel):
    awards: list[AwardOut]


class HandleIn(Body):
    handle: HandleRef


class ContributorRow(BaseModel):
    rank: int = Field(description="Equal votes share a rank")
    user: UserOut
    votes: int = Field(description="Votes received (a team entry's count for each member)")


class ContributorRanking(BaseModel):
    scope: str = Field(description="The campaign's or the organization's slug")
    rows: list[ContributorRow]
