"""The OpenAPI 3.1 document, built from the endpoint declarations themselves."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from cocreate.api.endpoint import Endpoint
from cocreate.lib.identifiers import SHAPES

_PARAMETER = re.compile(r"{(\w+)(?::(\w+))?}")  # {entry} or {entry:id}
_SHAPES = {shape.name: shape for shape in SHAPES}
# Answers any operation can give: an address with control characters (400), an outage of the
# database or Redis (503, try again).
ALWAYS = (400, 503)

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        }
    },
}


def build_document(endpoints: list[Endpoint], base_url: str) -> dict[str, Any]:
    models = {m for e in endpoints for m in (e.body, e.response) if m is not None}
    _, definitions = models_json_schema(
        [(m, "validation") for m in sorted(models, key=lambda m: m.__name__)],
        ref_template="#/components/schemas/{model}",
    )
    schemas = {**definitions.get("$defs", {}), "Error": ERROR_SCHEMA}
    for query in {e.query for e in endpoints if e.query is not None}:
        schemas.update(_query_schema(query).get("$defs", {}))  # the enums queries name
    paths: dict[str, dict[str, Any]] = {}
    for endpoint in endpoints:
        path = _PARAMETER.sub(r"{\1}", endpoint.path)  # the address as clients write it
        paths.setdefault(path, {})[endpoint.method.lower()] = _operation(endpoint)
    return {
        "openapi": "3.1.0",
        "info": {"title": "cocreate API", "version": "1"},
        "servers": [{"url": base_url.rstrip("/") + "/api/v1"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "cc_session"},
            },
        },
    }


def _ref(model: type) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _operation(endpoint: Endpoint) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": endpoint.handler.__name__,
        "summary": endpoint.summary,
        "responses": {
            str(endpoint.status): {
                "description": "Success",
                "content": {"application/json": {"schema": _ref(endpoint.response)}},
            },
            **{
                str(code): {
                    "description": "Error",
                    "content": {"application/json": {"schema": _ref_error()}},
                }
                for code in sorted(_errors(endpoint))
            },
        },
    }
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": _path_schema(kind)}
        for name, kind in _PARAMETER.findall(endpoint.path)
    ]
    if endpoint.query is not None:
        properties = _query_schema(endpoint.query)["properties"]
        for name, field in endpoint.query.model_fields.items():
            schema = properties[name]
            parameters.append({"name": name, "in": "query", "required": field.is_required(),
                               "schema": schema})
    if parameters:
        operation["parameters"] = parameters
    if endpoint.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(endpoint.body)}},
        }
    if endpoint.auth:
        operation["security"] = [{"bearer": []}, {"session": []}]
    return operation


def _errors(endpoint: Endpoint) -> set[int]:
    """The error statuses an operation can answer: its own, and those of what it takes."""
    codes = {*ALWAYS, *endpoint.errors}
    if endpoint.auth:
        codes.add(401)
    if _PARAMETER.search(endpoint.path):
        codes.add(404)  # nothing of that name, or a name of the wrong shape
    if endpoint.body is not None or endpoint.query is not None:
        codes.add(422)
    return codes


def _path_schema(kind: str) -> dict[str, Any]:
    shape = _SHAPES.get(kind)
    if shape is None:
        return {"type": "string"}
    return {"type": "string", "pattern": shape.pattern, "maxLength": shape.max_length}


def _query_schema(query: type[BaseModel]) -> dict[str, Any]:
    return query.model_json_schema(ref_template="#/components/schemas/{model}")


def _ref_error() -> dict[str, str]:
    return {"$ref": "#/components/schemas/Error"}
