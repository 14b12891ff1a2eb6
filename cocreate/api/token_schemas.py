"""Bodies of the API token endpoints (/auth/token, /auth/tokens): the secret is in the answer
that makes a token and in no other."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body
from cocreate.services.accounts.api_tokens import DEFAULT_NAME, MAX_NAME


class TokenIn(Body):
    email: str
    password: str
    name: str | None = Field(default=None, max_length=MAX_NAME,
                             description=f"What the token is for (default “{DEFAULT_NAME}”)")


class TokenInfo(BaseModel):
    id: str
    name: str
    created_at: datetime
    last_used_at: datetime | None = Field(description="Recorded at most once a minute")
    expires_at: datetime | None
    expired: bool


class TokenOut(TokenInfo):
    token: str = Field(description="The secret: shown this once, stored only as a hash")
    token_type: Literal["bearer"] = "bearer"


class TokenList(BaseModel):
    tokens: list[TokenInfo] = Field(description="Newest first; revoked tokens are left out")


class RevokedOut(BaseModel):
    revoked: int = Field(description="How many tokens were revoked")
