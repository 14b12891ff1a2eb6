"""What each kind of campaign calls its entries and asks fans to do, in one place.

Pages, cards, notifications and mails speak of "ideas" only on an idea challenge: a remix
challenge takes remixes, a team challenge team entries, and a fundraiser takes gifts, not
entries. Pure: no database, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cocreate.lib.text import counted
from cocreate.models.campaign import CampaignKind


@dataclass(frozen=True)
class Words:
    """One kind's words. `entry`/`entries` are lower case, to sit inside a sentence."""

    kind: CampaignKind
    challenge: str  # "Idea challenge"
    entry: str  # "idea"
    entries: str  # "ideas"
    share: str  # the call to action: "Share your idea"
    submit: str  # the form's button: "Submit your idea"
    pitch: str  # under the call to action, for someone not logged in
    name_it: str  # the title field's placeholder
    how: str  # the first step of "how taking part works"
    empty: str  # an empty gallery's heading
    be_first: str  # ...while the campaign takes entries
    closed_empty: str  # ...once it no longer does
    checks_similar: bool  # a fan typing an entry sees similar ones (duplicates are merged)

    @property
    def entry_title(self) -> str:
        """"Idea", "Remix", "Team entry": a label on its own."""
        return self.entry[:1].upper() + self.entry[1:]

    @property
    def entries_title(self) -> str:
        """"Ideas", "Remixes", "Team entries": a gallery's heading."""
        return self.entries[:1].upper() + self.entries[1:]

    @property
    def one(self) -> str:
        """"an idea", "a remix", "a team entry"."""
        return ("an " if self.entry[:1] in "aeiou" else "a ") + self.entry

    def count(self, number: int) -> str:
        """"1 idea", "3 remixes", "2 team entries"."""
        return counted(number, self.entry, self.entries)

    def tally(self, campaign: Any) -> str:
        """What a campaign's card counts: its entries, or that it is a fundraiser."""
        if self.kind == CampaignKind.FUNDRAISER:
            return "Fundraiser"
        return self.count(campaign.entry_count)


KINDS: dict[CampaignKind, Words] = {
    CampaignKind.IDEA: Words(
        CampaignKind.IDEA, "Idea challenge", "idea", "ideas",
        share="Share your idea", submit="Submit your idea",
        pitch="Pitch {org} your idea, collect votes and earn a Contributor badge to show off.",
        name_it="Give your idea a name",
        how="with a title, a few words and a picture if you like.",
        empty="No ideas yet", be_first="Be the first: your idea could be the one everybody "
        "votes for.", closed_empty="This campaign closed without ideas.",
        checks_similar=True),
    CampaignKind.REMIX: Words(
        CampaignKind.REMIX, "Remix challenge", "remix", "remixes",
        share="Submit your remix", submit="Submit your remix",
        pitch="Remix {org}’s kit, collect votes and earn a Contributor badge to show off.",
        name_it="Give your remix a name",
        how="made from the kit, crediting what it builds on.",
        empty="No remixes yet", be_first="Be the first: download the kit and make it yours.",
        closed_empty="This campaign closed without remixes.", checks_similar=False),
    CampaignKind.TEAM: Words(
        CampaignKind.TEAM, "Team challenge", "team entry", "team entries",
        share="Submit your team’s entry", submit="Submit your team’s entry",
        pitch="Form a team, make something for {org} together and earn a Contributor badge "
        "each.",
        name_it="Give your team’s entry a name",
        how="once your team has enough members: every member is a co-author.",
        empty="No team entries yet", be_first="Be the first: start a team or join one.",
        closed_empty="This campaign closed without team entries.", checks_similar=False),
    CampaignKind.FUNDRAISER: Words(
        CampaignKind.FUNDRAISER, "Fundraiser", "gift", "gifts",
        share="Give", submit="Give", pitch="Give to {org}’s cause and spread the word.",
        name_it="", how="and share the page with friends.", empty="No gifts yet",
        be_first="Be the first to give.", closed_empty="This fundraiser closed without gifts.",
        checks_similar=False),
}


def words_for(kind: str | CampaignKind) -> Words:
    """A kind's words."""
    return KINDS[CampaignKind(kind)]


def words(subject: Any) -> Words:
    """The words of a campaign, an entry (it has its campaign's kind) or a kind itself."""
    return words_for(subject if isinstance(subject, str) else subject.kind)
