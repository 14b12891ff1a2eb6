"""API: similar ideas, to vote for instead of repeating one."""

from __future__ import annotations

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import client_ip, current_user, deps
from cocreate.services.listening import similar


class SimilarQuery(schemas.Body):
    q: str = Field(default="", max_length=2000,
                   description="What the fan is typing: a title, or a title and description")
    limit: int = Field(default=similar.LIMIT, ge=1, le=20)


class SimilarIdeas(BaseModel):
    campaign: str
    ideas: list[schemas.EntryOut] = Field(description="Published ideas of the campaign, the "
                                          "most similar first; empty for under 3 characters")


async def similar_ideas(request: Request, campaign: str, query: SimilarQuery) -> SimilarIdeas:
    d = deps(request)
    found = await similar.search(d, current_user(request), campaign, query.q,
                                 client_ip(request), limit=query.limit)
    return SimilarIdeas(campaign=campaign, ideas=[
        present.entry(d.settings, d.storage, idea, campaign) for idea in found.ideas])


ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/similar", similar_ideas,
             "Ideas like the one being typed (full text and trigram similarity), to vote for "
             "instead", SimilarIdeas, query=SimilarQuery, auth=False, errors=(404, 422, 429)),
]
