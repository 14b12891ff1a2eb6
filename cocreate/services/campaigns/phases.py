"""The rules of a campaign's phases: which phase a campaign is in, what each phase allows,
and which phase is due when. Pure: moving a campaign (with its side effects) is
services/campaigns/lifecycle.py.

Phases run draft → open → voting → judging → results → archived; a fundraiser's run draft →
open (for gifts) → closed → archived, without voting. Each phase after draft may
have a start date; when it passes, the scheduler moves the campaign on, jumping over phases
whose dates have passed too, and stopping at the first phase without a date (a manager moves
it by hand). A date that had already passed when a manager last moved the phase by hand never
fires again, so a hand-made move is not undone a minute later.
"""

from __future__ import annotations

from datetime import datetime

from cocreate.lib.errors import Conflict, Forbidden
from cocreate.models import Campaign, CampaignKind, CampaignPhase

# The date field that starts each phase after draft, for each kind of campaign.
STARTS = {
    CampaignPhase.OPEN: "opens_at", CampaignPhase.VOTING: "closes_at",
    CampaignPhase.JUDGING: "voting_ends_at", CampaignPhase.RESULTS: "results_at",
    CampaignPhase.ARCHIVED: "archives_at",
}
FUNDRAISER_STARTS = {
    CampaignPhase.OPEN: "opens_at", CampaignPhase.CLOSED: "closes_at",
    CampaignPhase.ARCHIVED: "archives_at",
}
PHASES = (CampaignPhase.DRAFT, *STARTS)
FUNDRAISER_PHASES = (CampaignPhase.DRAFT, *FUNDRAISER_STARTS)
LABELS = {
    CampaignPhase.DRAFT: "Draft", CampaignPhase.OPEN: "Open for entries",
    CampaignPhase.VOTING: "Voting", CampaignPhase.JUDGING: "Judging",
    CampaignPhase.RESULTS: "Results", CampaignPhase.CLOSED: "Closed",
    CampaignPhase.ARCHIVED: "Archived",
}
FUNDRAISER_LABELS = {**LABELS, CampaignPhase.OPEN: "Open for gifts"}
ORDER = tuple(CampaignPhase)  # every kind's phases in one order
PUBLIC_PHASES = ORDER[1:]
ANNOUNCED = (CampaignPhase.VOTING, CampaignPhase.RESULTS)  # shown in the feeds of followers


def index(phase: str) -> int:
    """A phase's place in the order of every kind's phases."""
    return ORDER.index(phase)


def phases_of(campaign: Campaign) -> tuple[str, ...]:
    return FUNDRAISER_PHASES if campaign.kind == CampaignKind.FUNDRAISER else PHASES


def starts_of(campaign: Campaign) -> dict[str, str]:
    """Each phase of the campaign's kind after draft, and the date field that starts it."""
    return FUNDRAISER_STARTS if campaign.kind == CampaignKind.FUNDRAISER else STARTS


def phase_started_by(campaign: Campaign, date_field: str) -> str | None:
    """The phase a date starts for this kind of campaign (None: the kind has no such date)."""
    return next((p for p, name in starts_of(campaign).items() if name == date_field), None)


def label(campaign: Campaign, phase: str | None = None) -> str:
    """What a phase (the campaign's own by default) is called for this kind of campaign."""
    labels = FUNDRAISER_LABELS if campaign.kind == CampaignKind.FUNDRAISER else LABELS
    return labels[phase or campaign.phase]


def later_phases(campaign: Campaign) -> tuple[str, ...]:
    sequence = phases_of(campaign)
    return sequence[sequence.index(campaign.phase) + 1:]


def schedule(campaign: Campaign) -> list[tuple[str, datetime | None]]:
    """Each phase after draft with its start date (None: started by hand)."""
    return [(phase, getattr(campaign, date_field))
            for phase, date_field in starts_of(campaign).items()]


def next_scheduled(campaign: Campaign) -> tuple[str, datetime] | None:
    """The next phase the scheduler will move to, and when; None when it waits for a hand."""
    following = later_phases(campaign)
    if not following:
        return None
    upcoming = following[0]
    starts = getattr(campaign, starts_of(campaign)[upcoming])
    since = campaign.phase_changed_at
    if starts is None or (since is not None and starts <= since):
        return None
    return upcoming, starts


def due_phase(campaign: Campaign, now: datetime) -> str | None:
    """The furthest phase whose start has passed, following the chain of dates; or None."""
    reached = None
    since = campaign.phase_changed_at
    for phase in later_phases(campaign):
        starts = getattr(campaign, starts_of(campaign)[phase])
        if starts is None or starts > now or (since is not None and starts <= since):
            break
        reached = phase
    return reached


def refresh_next_phase_at(campaign: Campaign) -> None:
    """Keep the indexed `next_phase_at` (what the scheduler looks for) in step."""
    upcoming = next_scheduled(campaign)
    campaign.next_phase_at = upcoming[1] if upcoming else None


def validate_schedule(campaign: Campaign) -> dict[str, str]:
    """Dates must follow the phases' order."""
    problems: dict[str, str] = {}
    previous: tuple[str, datetime] | None = None
    for phase, starts in schedule(campaign):
        if starts is None:
            continue
        if previous is not None and starts < previous[1]:
            problems[starts_of(campaign)[phase]] = (
                f"{label(campaign, phase)} can't start before "
                f"{label(campaign, previous[0]).lower()}."
            )
        previous = (phase, starts)
    return problems


# Moving by hand ----------------------------------------------------------------------------

def next_phase(campaign: Campaign) -> str | None:
    """The phase a manager most likely moves to: the one after the campaign's own."""
    following = later_phases(campaign)
    return following[0] if following else None


def move_warning(campaign: Campaign, to: str) -> str | None:
    """What moving back or over a phase does to entries, votes and gifts, for the manager to
    confirm first; None for the next phase, which is what the schedule would do."""
    sequence = phases_of(campaign)
    here, there = sequence.index(campaign.phase), sequence.index(to)
    if there == here + 1:
        return None
    name = label(campaign, to)
    if there < here:
        return f"Moving back to {name}: {_back_to(campaign, to)}"
    skipped = [label(campaign, phase) for phase in sequence[here + 1:there]]
    effects = [_skipping(campaign, phase) for phase in sequence[here + 1:there]]
    return (f"Moving to {name} skips {' and '.join(skipped)}: "
            + "; ".join(effect for effect in effects if effect) + ".")


def _back_to(campaign: Campaign, to: str) -> str:
    fundraiser = campaign.kind == CampaignKind.FUNDRAISER
    if to == CampaignPhase.DRAFT:
        return ("the campaign leaves the site: fans no longer see it, its "
                f"{'gifts' if fundraiser else 'entries and votes'} until you open it again.")
    if to == CampaignPhase.OPEN and fundraiser:
        return "the fundraiser takes gifts again."
    if to == CampaignPhase.OPEN:
        votes = ("votes stay open." if campaign.vote_in_open else
                 "voting stops until you move it to voting again; the votes cast are kept.")
        return f"fans can submit entries again, and {votes}"
    if to == CampaignPhase.VOTING:
        return ("fans can vote again, so totals can still change"
                + ("; the results are hidden until you publish them again."
                   if shows_results(campaign) else "."))
    if to == CampaignPhase.JUDGING:
        return "the results are hidden again until you publish them."
    return "the campaign shows as current again."


def _skipping(campaign: Campaign, phase: str) -> str:
    if phase == CampaignPhase.OPEN:
        return ("nobody can give" if campaign.kind == CampaignKind.FUNDRAISER
                else "nobody can submit entries")
    if phase == CampaignPhase.VOTING:
        return "fans never get to vote"
    if phase == CampaignPhase.JUDGING:
        return "there is no judging round"
    if phase == CampaignPhase.RESULTS:
        return "the results are never announced"
    return "the fundraiser never shows as closed"


# What each phase allows --------------------------------------------------------------------

def is_public(campaign: Campaign) -> bool:
    return campaign.phase != CampaignPhase.DRAFT


def takes_entries(campaign: Campaign) -> bool:
    return campaign.phase == CampaignPhase.OPEN and campaign.kind != CampaignKind.FUNDRAISER


def takes_votes(campaign: Campaign) -> bool:
    if campaign.kind == CampaignKind.FUNDRAISER:
        return False
    return campaign.phase == CampaignPhase.VOTING or (
        campaign.phase == CampaignPhase.OPEN and campaign.vote_in_open)


def takes_gifts(campaign: Campaign) -> bool:
    return campaign.kind == CampaignKind.FUNDRAISER and campaign.phase == CampaignPhase.OPEN


def require_gifts_open(campaign: Campaign) -> None:
    if campaign.phase == CampaignPhase.DRAFT:
        raise Forbidden("This fundraiser has not opened yet.")
    if not takes_gifts(campaign):
        raise Forbidden("This fundraiser has closed; it no longer takes gifts.")


def shows_results(campaign: Campaign) -> bool:
    return campaign.phase in (CampaignPhase.RESULTS, CampaignPhase.ARCHIVED)


def ranks_by_final_score(campaign: Campaign) -> bool:
    """A campaign with a jury ranks its results by the stored final scores."""
    return campaign.jury_weight > 0 and shows_results(campaign)


def require_entry_kind(campaign: Campaign, what: str) -> None:
    """What only campaigns of entries have (`what`: tags, the gallery, the moderation
    queue...): a fundraiser answers 409 with the reason, never an empty page."""
    if campaign.kind == CampaignKind.FUNDRAISER:
        raise Conflict(f"“{campaign.title}” is a fundraiser: it takes gifts, not entries, so "
                       f"it has no {what}.")


def require_entries_open(campaign: Campaign) -> None:
    if campaign.kind == CampaignKind.FUNDRAISER:
        raise Forbidden("A fundraiser takes gifts, not entries.")
    if campaign.phase == CampaignPhase.DRAFT:
        raise Forbidden("This campaign has not opened yet.")
    if not takes_entries(campaign):
        raise Forbidden("This campaign has closed; it no longer takes entries.")


def require_votes_open(campaign: Campaign) -> None:
    if takes_votes(campaign):
        return
    if campaign.phase in (CampaignPhase.DRAFT, CampaignPhase.OPEN):
        raise Forbidden("Voting has not started yet for this campaign.")
    raise Forbidden("Voting has closed for this campaign.")
