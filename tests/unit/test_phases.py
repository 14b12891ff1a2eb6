"""The lifecycle's rules on their own: which phase is due, and when the next one starts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cocreate.models import Campaign
from cocreate.services.campaigns import phases

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def _campaign(phase: str = "open", since: datetime | None = None, **dates: datetime
              ) -> Campaign:
    return Campaign(phase=phase, phase_changed_at=since or NOW - timedelta(days=10), **dates)


def test_nothing_is_due_before_the_next_date():
    campaign = _campaign(closes_at=NOW + timedelta(minutes=1))
    assert phases.due_phase(campaign, NOW) is None
    assert phases.next_scheduled(campaign) == ("voting", NOW + timedelta(minutes=1))


def test_passed_dates_are_followed_in_order_to_the_furthest_phase():
    campaign = _campaign(closes_at=NOW - timedelta(days=3), voting_ends_at=NOW - timedelta(days=2),
                         results_at=NOW - timedelta(days=1), archives_at=NOW + timedelta(days=9))
    assert phases.due_phase(campaign, NOW) == "results"


def test_a_phase_without_a_date_waits_for_a_manager():
    campaign = _campaign(closes_at=NOW - timedelta(days=3), results_at=NOW - timedelta(days=1))
    assert phases.due_phase(campaign, NOW) == "voting"  # judging has no date: stop there
    voting = _campaign("voting", closes_at=NOW - timedelta(days=3),
                       results_at=NOW - timedelta(days=1))
    assert phases.due_phase(voting, NOW) is None
    assert phases.next_scheduled(voting) is None


def test_a_date_that_passed_before_a_move_by_hand_does_not_fire():
    reopened = _campaign(since=NOW - timedelta(hours=1), closes_at=NOW - timedelta(days=1))
    assert phases.due_phase(reopened, NOW) is None
    assert phases.next_scheduled(reopened) is None


def test_what_each_phase_allows():
    allowed = {
        phase: (phases.takes_entries(c), phases.takes_votes(c), phases.shows_results(c))
        for phase in phases.PHASES
        for c in [_campaign(phase)]
    }
    assert allowed == {
        "draft": (False, False, False), "open": (True, True, False),
        "voting": (False, True, False), "judging": (False, False, False),
        "results": (False, False, True), "archived": (False, False, True),
    }
    no_early_votes = _campaign("open")
    no_early_votes.vote_in_open = False
    assert not phases.takes_votes(no_early_votes)


def test_dates_out_of_order_are_named():
    campaign = _campaign(closes_at=NOW + timedelta(days=2), voting_ends_at=NOW + timedelta(days=1))
    assert set(phases.validate_schedule(campaign)) == {"voting_ends_at"}


def test_a_fundraiser_runs_from_open_to_closed_without_voting():
    fundraiser = _campaign(closes_at=NOW - timedelta(days=1), archives_at=NOW + timedelta(days=9))
    fundraiser.kind = "fundraiser"
    assert phases.phases_of(fundraiser) == ("draft", "open", "closed", "archived")
    assert phases.due_phase(fundraiser, NOW) == "closed"
    assert phases.takes_gifts(fundraiser) and not phases.takes_entries(fundraiser)
    assert not phases.takes_votes(fundraiser)
    assert phases.label(fundraiser) == "Open for gifts"
    assert phases.phase_started_by(fundraiser, "voting_ends_at") is None
    closed = _campaign("closed", closes_at=NOW - timedelta(days=1),
                       archives_at=NOW + timedelta(days=9))
    closed.kind = "fundraiser"
    assert phases.next_scheduled(closed) == ("archived", NOW + timedelta(days=9))
    assert not phases.takes_gifts(closed)
