"""Request and response bodies of the jury's part of API v1."""

from __future__ import annotations

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body, EntryOut, UserOut


class CriterionIn(Body):
    name: str
    weight: int = Field(1, description="How many times it counts, 1 to 10")
    description: str = ""


class CriteriaIn(Body):
    criteria: list[CriterionIn] = Field(description="1 to 10 criteria, with distinct names")


class CriterionOut(BaseModel):
    id: str
    position: int
    name: str
    description: str
    weight: int


class CriteriaList(BaseModel):
    campaign: str
    locked: bool = Field(description="Fixed since a judge first scored")
    criteria: list[CriterionOut]


class JudgeOut(BaseModel):
    id: str
    user: UserOut
    scored: int = Field(description="Entries this judge has scored")
    total: int = Field(description="Entries this judge may score (not their own)")


class JudgeList(BaseModel):
    campaign: str
    judges: list[JudgeOut]


class JuryScoreIn(Body):
    scores: dict[str, int] = Field(
        description="Criterion id → score from 1 to 10, for every criterion of the campaign")


class ScoredOut(BaseModel):
    entry: EntryOut
    scores: dict[str, int] = Field(description="Your scores: criterion id → score")
    judge_score: float | None = Field(description="Your weighted mean, once all are scored")


class JuryScoreOut(BaseModel):
    entry_id: str
    scores: dict[str, int]
    judge_score: float | None
    scored: int = Field(description="Entries you have scored")
    total: int = Field(description="Entries you may score")


class JudgeQueueOut(BaseModel):
    entries: list[ScoredOut] = Field(description="Oldest first, at most 500")
    scored: int
    total: int
    open: bool = Field(description="Scoring is open now (voting or judging)")


class ResultRowOut(BaseModel):
    rank: int
    entry: EntryOut
    jury_score: float | None = Field(description="The judges' mean score, 1 to 10")
    jury_judges: int
    votes: int
    final_score: float = Field(description="0 to 100: jury and public vote by their weights")


class JuryOut(BaseModel):
    campaign: str
    criteria: list[CriterionOut]
    queue: JudgeQueueOut | None = Field(description="Judges: the entries to score")
    judges: list[JudgeOut] | None = Field(description="Managers: every judge's progress")
    ranking: list[ResultRowOut] | None = Field(
        description="Managers: the ranking so far (a preview until the results are out)")


class ResultsOut(BaseModel):
    campaign: str
    final: bool = Field(description="The published results (false: a managers' preview)")
    jury_weight: int
    rows: list[ResultRowOut]
