"""Tortoise models, one module per aggregate. Persistence only: rules live in services."""

from cocreate.models.acknowledgement import Acknowledgement
from cocreate.models.activity import Activity, ActivityKind
from cocreate.models.audit import AuditEvent
from cocreate.models.badge import Award, CardStatus, OrgBadge
from cocreate.models.budget import VoteBudget
from cocreate.models.campaign import (
    Campaign,
    CampaignKind,
    CampaignPhase,
    ModerationMode,
    VotingMode,
)
from cocreate.models.comment import Comment, CommentReport, CommentStatus, SavedReply
from cocreate.models.entry import (
    CreditedAuthor,
    Entry,
    EntryStatus,
    IdeaStatus,
    Report,
    ReportReason,
    ReportStatus,
    Vote,
    VoteStatus,
)
from cocreate.models.follow import Follow
from cocreate.models.fundraising import Fundraiser, Gift, GiftStatus, ProviderEvent
from cocreate.models.job import Job
from cocreate.models.jury import Criterion, Judge, JuryScore
from cocreate.models.listening import TermMention
from cocreate.models.media import Media, MediaKind, MediaStatus
from cocreate.models.notification import Notification, NotificationKind
from cocreate.models.org import MemberRole, Membership, Organization, OrgKind
from cocreate.models.participation import RulesAcceptance
from cocreate.models.peer_fundraising import FundraisingPage, FundraisingPageStatus, FundraisingTeam
from cocreate.models.power import Ambassador, PowerScore
from cocreate.models.prize import Prize, Winner
from cocreate.models.reaction import Reaction, ReactionKind
from cocreate.models.referral import Referral, ReferralKind
from cocreate.models.remix import EntryCredit, KitAsset
from cocreate.models.score import CampaignScore, OrgScore
from cocreate.models.story import CampaignImage
from cocreate.models.tag import EntryTag, Tag, TagStatus
from cocreate.models.team import JoinRequest, JoinRequestStatus, Team, TeamMember
from cocreate.models.user import AuthToken, User

__all__ = [
    "Acknowledgement",
    "Activity",
    "ActivityKind",
    "Ambassador",
    "AuditEvent",
    "AuthToken",
    "Award",
    "Campaign",
    "CampaignImage",
    "CampaignKind",
    "CampaignPhase",
    "CampaignScore",
    "CardStatus",
    "Comment",
    "CommentReport",
    "CommentStatus",
    "CreditedAuthor",
    "Criterion",
    "Entry",
    "EntryCredit",
    "EntryStatus",
    "EntryTag",
    "Follow",
    "Fundraiser",
    "FundraisingPage",
    "FundraisingPageStatus",
    "FundraisingTeam",
    "Gift",
    "GiftStatus",
    "IdeaStatus",
    "Job",
    "JoinRequest",
    "JoinRequestStatus",
    "Judge",
    "JuryScore",
    "KitAsset",
    "Media",
    "MediaKind",
    "MediaStatus",
    "MemberRole",
    "Membership",
    "ModerationMode",
    "Notification",
    "NotificationKind",
    "OrgBadge",
    "OrgKind",
    "OrgScore",
    "Organization",
    "PowerScore",
    "Prize",
    "ProviderEvent",
    "Reaction",
    "ReactionKind",
    "Referral",
    "ReferralKind",
    "Report",
    "ReportReason",
    "ReportStatus",
    "RulesAcceptance",
    "SavedReply",
    "Tag",
    "TagStatus",
    "Team",
    "TeamMember",
    "TermMention",
    "User",
    "Vote",
    "VoteBudget",
    "VoteStatus",
    "VotingMode",
    "Winner",
]
