"""One declaration per API endpoint, from which both the route and its OpenAPI entry come,
so the document cannot drift from what the endpoints accept and return."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cocreate.errors import api_error
from cocreate.http import require_user
from cocreate.services.core.validation import (
    field_messages,
    refuse_control_characters,
    strings_in,
)

Handler = Callable[..., Awaitable[BaseModel]]


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    handler: Handler
    summary: str
    response: type[BaseModel]
    status: int = 200
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    auth: bool = True
    errors: tuple[int, ...] = ()

    def route(self) -> Route:
        return Route(self.path, self._asgi, methods=[self.method], name=self.handler.__name__)

    async def _asgi(self, request: Request) -> Response:
        kwargs: dict[str, Any] = dict(request.path_params)
        if self.auth:
            kwargs["user"] = require_user(request)
        try:
            if self.body is not None:
                sent = await _json(request)
                refuse_control_characters(strings_in(sent))  # the text policy: never a NUL
                kwargs["body"] = self.body.model_validate(sent)
            if self.query is not None:
                kwargs["query"] = self.query.model_validate(dict(request.query_params))
        except _BadJson as error:
            return api_error(400, "bad_json", str(error))
        except ValidationError as error:
            return api_error(422, "invalid", "Please correct the fields.",
                             field_messages(error))
        result = await self.handler(request, **kwargs)
        return JSONResponse(result.model_dump(mode="json"), status_code=self.status)


class _BadJson(Exception):
    pass


async def _json(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _BadJson("The request body is not valid JSON.") from error
