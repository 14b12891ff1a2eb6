"""Request and response bodies of the conversation under entries and of its moderation."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body, UserOut
from cocreate.lib.identifiers import Id
from cocreate.models import CommentStatus, ReportStatus
from cocreate.services.moderation.comment_moderation import CommentAction


class CommentIn(Body):
    body: str = Field(max_length=20_000, description="Markdown; mention people with @handle")
    parent_id: Id | None = Field(default=None, description="The comment this one answers")


class CommentEditIn(Body):
    body: str = Field(max_length=20_000)


class HideIn(Body):
    reason: str = Field(max_length=2000)


class CommentOut(BaseModel):
    id: str
    entry_id: str
    parent_id: str | None
    depth: int
    author: UserOut
    status: CommentStatus
    pending_review: bool = Field(description="Hidden by reports from the community until a "
                                 "moderator reviews it")
    body: str = Field(description="Empty unless visible; a hidden comment's text is kept for "
                      "its author and the moderators")
    body_html: str
    moderation_reason: str | None = Field(description="Why it is hidden: for its author and "
                                          "the moderators only")
    reply_count: int
    reactions: dict[str, int]
    edited_at: datetime | None
    created_at: datetime


class CommentThread(BaseModel):
    comments: list[CommentOut] = Field(description="In reading order: each comment, then "
                                       "its replies")


class CommentModerationIn(Body):
    action: CommentAction = Field(
        description="hide (with a reason for its author), restore a hidden comment, or "
        "dismiss its open reports (bringing back a comment they had hidden)")
    reason: str = Field(default="", max_length=2000)


class CommentReportOut(BaseModel):
    id: str
    comment_id: str
    reporter: UserOut
    reason: str
    note: str
    status: ReportStatus
    created_at: datetime


class EntryLink(BaseModel):
    id: str
    title: str
    url: str


class CommentQueueItemOut(BaseModel):
    comment: CommentOut
    entry: EntryLink = Field(description="The entry the comment is on")
    reports: list[CommentReportOut] = Field(description="Open reports, oldest first")
    waiting_since: datetime
