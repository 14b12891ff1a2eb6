"""Errors with a status and a message, raised by services (and the rate-limit door); web and
API map them to responses in one place each."""

from __future__ import annotations


class DomainError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class Invalid(DomainError):
    status = 422
    code = "invalid"


class Unauthenticated(DomainError):
    status = 401
    code = "unauthenticated"


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class RateLimited(DomainError):
    status = 429
    code = "rate_limited"


class Unavailable(DomainError):
    """A service we depend on (a payment provider) did not answer: try again later."""

    status = 503
    code = "unavailable"


class ServiceUnavailable(Unavailable):
    """Something the site runs on (the database, Redis, media storage) did not answer: the
    request changed nothing and can be tried again in a few seconds."""

    code = "service_unavailable"
    retry_after = 5
