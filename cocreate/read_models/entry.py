"""The entry page's read model: what one viewer may see of an entry, and do with it.

`entry_view` builds the whole page (`/e/{entry}`). Each panel a form of the page swaps with
htmx (tags, the idea's status, thanks, the vote button, the conversation) has its own
function computing only that part, and `entry_view` is made of those same functions. The
API's entry endpoints build from them too (`summary`, `visible_tags`, `vote_panel`), so the
page, its panels and `GET /api/v1/entries/{entry}` cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocreate.lib import urls
from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.services.badges import badges
from cocreate.services.campaigns import campaigns
from cocreate.services.conversation import comments, follows, idea_status, reactions
from cocreate.services.entries import entries, entry_edits, teams
from cocreate.services.influence import referrals
from cocreate.services.judging import jury_views, prizes
from cocreate.services.lineage import lineage
from cocreate.services.moderation import merging
from cocreate.services.orgs import orgs
from cocreate.services.recognition import acknowledgements, saved_replies
from cocreate.services.tags import tags
from cocreate.services.voting import voting

if TYPE_CHECKING:
    from cocreate.models import Acknowledgement, Award, Comment, Entry, Tag, User
    from cocreate.settings import Settings


class Viewing:
    """An entry one viewer may see. Whether they manage its campaign is asked by most parts,
    so it is asked once, and only by a part that needs it."""

    def __init__(self, viewer: User | None, entry: Entry) -> None:
        self.viewer = viewer
        self.entry = entry
        self._manages: bool | None = None

    @property
    def published(self) -> bool:
        return entries.is_published(self.entry)

    @property
    def is_author(self) -> bool:
        return self.viewer is not None and self.viewer.id == self.entry.author_id

    async def manages(self) -> bool:
        if self._manages is None:
            self._manages = await campaigns.can_manage(self.viewer, self.entry.campaign)
        return self._manages


async def viewing(viewer: User | None, entry_id: str) -> Viewing:
    """The entry as `viewer` may see it (NotFound when they may not)."""
    return Viewing(viewer, await entries.view_entry(viewer, entry_id))


async def kept_idea(seen: Viewing) -> str | None:
    """For a merged duplicate, the id of the idea kept: the page leads there."""
    return await merging.kept_entry_id(seen.entry)


# What the page and the API both show --------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    """What every view of the entry shows besides the entry itself."""

    tags: list[Tag]  # as the viewer may see them
    credited: list[User]  # whose merged ideas live on in it
    jury_visible: bool  # the viewer may see the jury's and the final scores


async def visible_tags(seen: Viewing) -> list[Tag]:
    """Approved tags for everyone; suggestions for the entry's author and the managers."""
    found = await tags.for_entries(seen.viewer, [seen.entry], manager=await seen.manages())
    return found.get(seen.entry.id, [])


async def summary(seen: Viewing) -> Summary:
    return Summary(await visible_tags(seen), await merging.credited_authors(seen.entry),
                   await jury_views.scores_visible(seen.viewer, seen.entry.campaign))


# The panels htmx swaps ----------------------------------------------------------------------

@dataclass(frozen=True)
class TagsPanel:
    tags: list[Tag]  # as the viewer may see them
    can_tag: bool
    choices: list[Tag]  # what the editor offers (none to whom may not tag)


async def tags_panel(seen: Viewing, shown: list[Tag] | None = None) -> TagsPanel:
    """`shown`: the visible tags, when the caller has them already."""
    shown = await visible_tags(seen) if shown is None else shown
    manager = await seen.manages()
    can_tag = manager or tags.may_tag(seen.viewer, seen.entry)
    choices = await tags.offered(seen.viewer, seen.entry.campaign, manager=manager,
                                 keep=[tag.id for tag in shown]) if can_tag else []
    return TagsPanel(shown, can_tag, choices)


@dataclass(frozen=True)
class StatusPanel:
    """The brand's answer to the idea (its status and note are on the entry)."""

    note_html: str
    can_set: bool
    choices: dict[str, str]


async def status_panel(seen: Viewing) -> StatusPanel:
    return StatusPanel(idea_status.note_html(seen.entry),
                       seen.published and await seen.manages(), idea_status.STATUSES)


@dataclass(frozen=True)
class ThanksPanel:
    thanks: list[Acknowledgement]
    can_thank: bool
    team: list[User]  # on a team entry, whom a thank-you may name
    note: str  # how a new note starts: the greeting, or the saved reply picked
    replies: list[tuple[str, str]]  # the saved replies to start from: (id, title)
    picked_reply: str
    reply_message: str | None  # why the picked reply could not be used


async def thanks_panel(seen: Viewing, *, reply: str | None = None,
                       team: list[User] | None = None) -> ThanksPanel:
    """`reply`: a saved reply to start the note from; `team`: the members, when known."""
    thanks = await acknowledgements.of_entry(seen.entry)
    if seen.viewer is None or not (seen.published and await seen.manages()):
        return ThanksPanel(thanks, False, [], "", [], "", None)
    entry = seen.entry
    note, message = acknowledgements.draft(entry.author), None
    if reply:
        try:
            note = await saved_replies.note_for(seen.viewer, entry.id, reply)
        except (Invalid, NotFound) as error:
            message = error.message
    try:
        found = await saved_replies.of_org(seen.viewer, entry.campaign.org.slug)
    except Forbidden:
        found = []
    return ThanksPanel(thanks, True, await _team(entry) if team is None else team, note,
                       [(saved.id, saved.title) for saved in found], reply or "", message)


@dataclass(frozen=True)
class VotePanel:
    entry: Entry
    voted: bool
    count: int
    votes_left: int | None  # budget voting: the viewer's votes left
    own: bool  # the viewer's own entry: no vote button, a word instead


async def vote_panel(seen: Viewing, voted: bool | None = None) -> VotePanel:
    """`voted`: what the viewer's vote or withdrawal just did, when that is the question."""
    entry = seen.entry
    if voted is None:
        voted = await voting.has_voted(seen.viewer, entry.id)
    return VotePanel(entry, voted, entry.vote_count,
                     await voting.votes_left(seen.viewer, entry.campaign),
                     await voting.is_own_entry(seen.viewer, entry))


@dataclass(frozen=True)
class Conversation:
    thread: list[comments.ThreadItem]
    can_hide: bool
    reacted: dict[str, set[str]]  # the viewer's reactions, by comment
    viewer: User | None

    def editable(self, comment: Comment) -> bool:
        return comments.editable(self.viewer, comment)


async def conversation(seen: Viewing) -> Conversation:
    """The comments under a public entry."""
    thread = await comments.thread(seen.viewer, seen.entry.id)
    return Conversation(
        thread, await comments.can_moderate(seen.viewer, seen.entry),
        await reactions.mine_by_comment(seen.viewer, [item.comment.id for item in thread]),
        seen.viewer)


# The rest of the page -----------------------------------------------------------------------

@dataclass(frozen=True)
class Credits:
    team: list[User]  # a team entry's members
    sources: lineage.Credits  # what it remixes
    remixed_by: list[Entry]


@dataclass(frozen=True)
class MergePanel:
    candidates: list[Entry] | None  # ideas to merge it into; None: the viewer may not merge
    query: str


@dataclass(frozen=True)
class Share:
    url: str  # the entry's address, carrying the viewer's referral code
    text: str
    image_url: str  # its 1200x630 card, for og:image


@dataclass(frozen=True)
class Abilities:
    """What the viewer may do with the entry (the panels' own flags, gathered)."""

    edit: bool
    moderate: bool
    report: bool
    tag: bool
    thank: bool
    set_status: bool
    merge: bool


@dataclass(frozen=True)
class EntryView:
    entry: Entry
    summary: Summary
    may: Abilities
    is_author: bool
    is_winner: bool
    award: Award | None  # its author's Contributor badge (shown to its author)
    credits: Credits
    jury: jury_views.EntryJury | None
    tags: TagsPanel
    status: StatusPanel
    thanks: ThanksPanel
    vote: VotePanel
    merge: MergePanel
    follow: follows.FollowState | None  # public entries
    conversation: Conversation | None  # public entries
    share: Share | None  # public entries
    merged_from: Entry | None  # the duplicate whose address led here


async def _team(entry: Entry) -> list[User]:
    return await teams.members(entry.team) if entry.team_id else []


async def _share(seen: Viewing, settings: Settings) -> Share:
    entry, viewer = seen.entry, seen.viewer
    url = referrals.with_code(settings.absolute_url(urls.entry_path(entry.id)),
                              await referrals.code_for(viewer) if viewer else None)
    text = (f"My entry “{entry.title}” in “{entry.campaign.title}”: vote for it!"
            if seen.is_author
            else f"“{entry.title}” in “{entry.campaign.title}” by {entry.campaign.org.name}")
    return Share(url, text, settings.absolute_url(urls.entry_card_path(entry.id)))


async def entry_view(seen: Viewing, settings: Settings, *, merge_q: str | None = None,
                     merged: str | None = None, reply: str | None = None) -> EntryView:
    """The whole page. `merge_q`: the manager's search for an idea to merge into; `merged`:
    the duplicate the visitor came from; `reply`: a saved reply to start a thank-you from."""
    entry, viewer, public = seen.entry, seen.viewer, seen.published
    shown = await summary(seen)
    team = await _team(entry)
    tags_part = await tags_panel(seen, shown.tags)
    status = await status_panel(seen)
    thanks = await thanks_panel(seen, reply=reply, team=team)
    candidates = await merging.candidates(viewer, entry, merge_q)
    may = Abilities(
        edit=await entry_edits.can_edit(viewer, entry),
        moderate=await orgs.can_moderate(viewer, entry.campaign.org),
        report=viewer is not None and not seen.is_author and public,
        tag=tags_part.can_tag, thank=thanks.can_thank, set_status=status.can_set,
        merge=candidates is not None)
    return EntryView(
        entry=entry, summary=shown, may=may, is_author=seen.is_author,
        is_winner=entry.id in await prizes.winning_entry_ids(entry.campaign),
        award=await badges.award_for_entry(entry.id) if public and seen.is_author else None,
        credits=Credits(team, await lineage.remixes_of(entry), await lineage.remixed_by(entry)),
        jury=await jury_views.entry_jury(viewer, entry),
        tags=tags_part, status=status, thanks=thanks, vote=await vote_panel(seen),
        merge=MergePanel(candidates, merge_q or ""),
        follow=await follows.entry_state(viewer, entry) if public else None,
        conversation=await conversation(seen) if public else None,
        share=await _share(seen, settings) if public else None,
        merged_from=await merging.merged_here(entry, merged),
    )
