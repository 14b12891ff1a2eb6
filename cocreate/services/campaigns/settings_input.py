"""Campaign settings as they come in, from the manage and launch forms (web/campaign_forms.py
reads the form's text into it) or as the JSON body of the API: one shape, one meaning of
"sent", the limits each number may take (checked by the service, with a message per field,
all problems at once) and what it asks the service to change."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from cocreate.models import ModerationMode, VotingMode
from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.campaigns.campaigns import DATE_FIELDS, CampaignSettings
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.core.validation import Limit, MultiLineText, SingleLineText

FUNDRAISER_FIELDS = frozenset({"goal", "currency", "suggested_amounts", "sponsor_name",
                               "match_percent", "match_cap", "fundraiser_badge_at"})


def _within(limit: Limit) -> Any:
    """An integer documented with the limit the service checks it against."""
    return Annotated[int, Field(json_schema_extra=limit.schema())]


MinAge = _within(campaigns.MIN_AGE)
ReportThreshold = _within(campaigns.REPORT_THRESHOLD)
TeamSize = _within(campaigns.TEAM_SIZE)
VideoMegabytes = _within(campaigns.MAX_VIDEO_MB)
VoteBudget = _within(campaigns.VOTE_BUDGET)
Goal = _within(fundraisers.GOAL)
MatchCap = _within(fundraisers.MATCH_CAP)
BadgeAt = _within(fundraisers.BADGE_AT)


class CampaignSettingsInput(BaseModel):
    """Campaign settings a manager may change; fields left out keep their value."""

    model_config = ConfigDict(extra="forbid")

    title: SingleLineText | None = None
    description: MultiLineText | None = None
    cover_media_id: SingleLineText | None = None
    opens_at: datetime | None = Field(None, description="Start of open (submissions)")
    closes_at: datetime | None = Field(None, description="End of submissions, start of voting")
    voting_ends_at: datetime | None = Field(None, description="Start of judging")
    results_at: datetime | None = Field(None, description="Results are announced")
    archives_at: datetime | None = Field(None, description="The campaign is archived")
    vote_in_open: bool | None = Field(None, description="Fans may vote while entries come in")
    rules: MultiLineText | None = Field(
        None, description="Markdown; a change asks fans to accept again")
    min_age: MinAge | None = None
    eligible_countries: list[SingleLineText] | None = Field(
        None, description="ISO 3166 alpha-2 codes")
    moderation: ModerationMode | None = None
    report_threshold: ReportThreshold | None = None
    team_min_size: TeamSize | None = Field(
        None, description="Team challenges: members to submit")
    max_video_mb: VideoMegabytes | None = Field(
        None, description="Largest video entry, in MB")
    voting_mode: VotingMode | None = Field(
        None, description="upvote: any number of entries; budget: vote_budget votes each; "
        "jury: judges score the entries and there is no public vote")
    vote_budget: VoteBudget | None = None
    jury_weight: int | None = Field(
        None, description="Percent of the final result the jury decides: 0 (no jury) to 99 "
        "with upvotes or a budget, the rest from the public vote; always 100 in jury mode")
    verified_voters: bool | None = Field(None, description="Only verified accounts vote")
    team_max_size: TeamSize | None = Field(
        None, description="Team challenges: most members")
    goal: Goal | None = Field(
        None, description="Fundraisers: the goal, in minor units")
    currency: SingleLineText | None = Field(
        None, description="Fundraisers: ISO 4217 code, e.g. EUR")
    suggested_amounts: list[int] | None = Field(
        None, description="Fundraisers: amounts offered to donors, minor units, ascending",
        json_schema_extra={"maxItems": fundraisers.MAX_SUGGESTED})
    sponsor_name: SingleLineText | None = Field(
        None, description="Fundraisers: who matches the gifts")
    match_percent: int | None = Field(
        None, description="Fundraisers: the sponsor adds this percent of each gift: 50, 100 "
        "(1:1), 200 or 300")
    match_cap: MatchCap | None = Field(
        None, description="Fundraisers: the most the sponsor adds, minor units (0: no match)")
    fundraiser_badge_at: BadgeAt | None = Field(
        None, description="Fundraisers: what friends give through a fan's share links for "
        "the fan's Fundraiser badge, minor units (0: 100 whole units of the currency)")

    def to_settings(self) -> CampaignSettings:
        """What to change: only what was sent. A date or the minimum age sent empty (null)
        clears it; any other field sent empty keeps its value."""
        sent = self.model_fields_set
        return CampaignSettings(
            title=self.title, description=self.description, cover_media_id=self.cover_media_id,
            dates={name: getattr(self, name) for name in DATE_FIELDS if name in sent},
            vote_in_open=self.vote_in_open, rules=self.rules, min_age=self.min_age,
            clear_min_age="min_age" in sent and self.min_age is None,
            eligible_countries=self.eligible_countries, moderation=self.moderation,
            report_threshold=self.report_threshold, team_min_size=self.team_min_size,
            team_max_size=self.team_max_size, max_video_mb=self.max_video_mb,
            voting_mode=self.voting_mode, vote_budget=self.vote_budget,
            jury_weight=self.jury_weight, verified_voters=self.verified_voters,
            fundraiser=FundraiserSettings(
                goal=self.goal, currency=self.currency, suggested_amounts=self.suggested_amounts,
                sponsor_name=self.sponsor_name, match_percent=self.match_percent,
                match_cap=self.match_cap, fundraiser_badge_at=self.fundraiser_badge_at,
            ) if sent & FUNDRAISER_FIELDS else None,
        )
