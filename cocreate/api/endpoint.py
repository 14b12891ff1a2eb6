"""One declaration per API endpoint, from which both the route and its OpenAPI entry come,
so the document cannot drift from what the endpoints accept and return."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cocreate.api.access import Authorize
from cocreate.errors import api_error
from cocreate.http import require_user
from cocreate.services.core.validation import (
    field_messages,
    refuse_control_characters,
    strings_in,
)

Handler = Callable[..., Awaitable[BaseModel]]

MAX_DEPTH = 32  # no body of ours nests deeper than a few levels
# Nothing on the platform happened before it existed: an earlier time is a mistake (or -1).
EARLIEST = datetime(2020, 1, 1, tzinfo=UTC)


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
    # Asked before the body is read, for endpoints whose permission does not depend on it.
    authorize: Authorize | None = None

    def route(self) -> Route:
        return Route(self.path, self._asgi, methods=[self.method], name=self.handler.__name__)

    async def _asgi(self, request: Request) -> Response:
        kwargs: dict[str, Any] = dict(request.path_params)
        if self.auth:
            kwargs["user"] = require_user(request)
            if self.authorize is not None:
                await self.authorize(kwargs["user"], request.path_params)
        try:
            if self.body is not None:
                raw, sent = await _json(request)
                refuse_control_characters(strings_in(sent))  # the text policy: never a NUL
                # Strict: a JSON body says what it means (no true for 1, no -1 for a date).
                kwargs["body"] = self.body.model_validate_json(raw, strict=True)
                too_early = _before_the_platform(kwargs["body"])
                if too_early:
                    return api_error(422, "invalid", "Please correct the fields.", too_early)
            if self.query is not None:
                # A query string is text by nature: "?limit=5" is the number 5.
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


async def _json(request: Request) -> tuple[bytes, Any]:
    """The body as sent and as parsed; _BadJson when it is not JSON or nests too deep (the
    body's size is bounded by the API's mount)."""
    raw = await request.body() or b"{}"
    try:
        sent = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _BadJson("The request body is not valid JSON.") from error
    except RecursionError as error:
        raise _BadJson(_TOO_DEEP) from error
    if _depth(sent) > MAX_DEPTH:
        raise _BadJson(_TOO_DEEP)
    return raw, sent


_TOO_DEEP = f"The request body nests more than {MAX_DEPTH} levels deep."


def _depth(value: Any) -> int:
    """How deep lists and objects nest in `value`, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(
            item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _before_the_platform(model: BaseModel, prefix: str = "") -> dict[str, str]:
    """Each time in the body (nested ones as `a.0.b`) earlier than the platform itself."""
    found: dict[str, str] = {}
    for name, value in model:
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            key = f"{prefix}{name}" + (f".{index}" if isinstance(value, list) else "")
            if isinstance(item, datetime):
                aware = item if item.tzinfo else item.replace(tzinfo=UTC)
                if aware < EARLIEST:
                    found[key] = f"Pick a time from {EARLIEST:%B %-d, %Y} on."
            elif isinstance(item, BaseModel):
                found.update(_before_the_platform(item, key + "."))
    return found
