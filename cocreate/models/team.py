"""Teams fans form for a team challenge: members, and requests to join."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from cocreate.models.base import created_field, id_field


class JoinRequestStatus(StrEnum):
    """A request to join a team waits for its captain, who accepts or declines it."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class Team(Model):
    id = id_field()
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name="teams", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=80)
    captain: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.RESTRICT
    )
    invite_code = fields.CharField(max_length=24, unique=True)
    member_count = fields.IntField(default=0, db_default=0)
    created_at = created_field()

    class Meta:
        table = "teams"
        unique_together = (("campaign", "name"),)


class TeamMember(Model):
    """One team per person per campaign: the unique pair (campaign, user) says so."""

    id = id_field()
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", on_delete=fields.CASCADE
    )
    campaign: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Campaign", related_name=False, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name="team_memberships", on_delete=fields.CASCADE
    )
    joined_at = created_field()

    class Meta:
        table = "team_members"
        unique_together = (("campaign", "user"),)


class JoinRequest(Model):
    id = id_field()
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="join_requests", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.User", related_name=False, on_delete=fields.CASCADE
    )
    status = fields.CharField(max_length=10, default=JoinRequestStatus.PENDING)
    created_at = created_field()

    class Meta:
        table = "team_join_requests"
        unique_together = (("team", "user"),)
