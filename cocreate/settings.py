"""Settings, read once from the environment and passed down explicitly."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from cocreate.lib.openbadges.signing import load_private_key

DEV_SECRET_KEY = "dev-secret-key-change-me"


def local_base_url(host: str, port: int) -> str:
    """The address a browser on this machine reaches a server listening on host:port at."""
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


class Settings(BaseSettings):
    """Every option of a cocreate process. Documented in the README's configuration table."""

    # Inputs stay out of error messages: several settings are secrets (keys, passwords).
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True,
                                      hide_input_in_errors=True)

    environment: Literal["development", "production", "test"] = "development"
    secret_key: str = DEV_SECRET_KEY
    # Unset: the address this process serves on (`http://127.0.0.1:$PORT`), so links, images and
    # the page's content policy work on any port; `cocreate serve` sets it from --host/--port.
    base_url: str = ""
    database_url: str = "sqlite://var/cocreate.sqlite3"
    redis_url: str | None = None
    media_root: Path = Path("var/media")
    s3_endpoint_url: str | None = None
    s3_bucket: str | None = None
    s3_region: str = "us-east-1"
    aws_access_key_id: str | None = None
    aws_secret_access_key: str | None = None
    media_public_base_url: str | None = None
    port: int = 8000
    # On SIGTERM, `cocreate serve` first answers /readyz with 503 for this long, so a load
    # balancer stops sending it requests; then it stops, finishing those in flight.
    drain_seconds: float = Field(default=0.0, ge=0, le=300)
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    mail_from: str = "cocreate <no-reply@cocreate.localhost>"
    mail_dir: Path = Path("var/mail")

    max_upload_bytes: int = 10 * 1024 * 1024
    max_video_bytes: int = 200 * 1024 * 1024
    max_image_pixels: int = 40_000_000
    session_days: int = 30
    api_token_days: int = 90  # how long a new API token works (services/accounts/api_tokens.py)
    rate_limit_login: str = "10/minute"
    rate_limit_signup: str = "5/minute"
    rate_limit_votes: str = "60/minute"
    rate_limit_votes_per_ip: str = "300/minute"
    rate_limit_uploads: str = "20/minute"
    rate_limit_submissions: str = "10/minute"
    rate_limit_comments: str = "20/minute"
    rate_limit_moderation: str = "120/minute"
    rate_limit_ambassadors: str = "30/minute"
    rate_limit_tags: str = "30/minute"
    rate_limit_searches: str = "120/minute"
    rate_limit_gifts: str = "10/minute"
    # Velocity rules: votes for one entry from one network within the window are held for a
    # manager's review when more than `vote_hold_new_accounts` come from accounts younger than
    # `vote_hold_account_hours`, or more than `vote_hold_network_votes` come at all.
    vote_hold_window_minutes: int = Field(default=10, ge=1)
    vote_hold_account_hours: int = Field(default=24, ge=0)
    vote_hold_new_accounts: int = Field(default=5, ge=1)
    vote_hold_network_votes: int = Field(default=25, ge=1)
    job_relay_interval: float = Field(default=5.0, gt=0)
    schedule_interval: int = 10
    digest_hour_utc: int = Field(default=7, ge=0, le=23)  # when daily email digests go out
    # Open Badges 3.0: an Ed25519 private key (PEM, or base64 of its 32-byte seed). Unset:
    # only Open Badges 2.0 (hosted) is offered.
    open_badges_signing_key: SecretStr | None = None
    # Gifts to fundraisers: "offline" records pledges a manager marks paid; "stripe" sends
    # donors to Stripe Checkout and learns the outcome from its signed webhooks.
    payment_provider: Literal["offline", "stripe"] = "offline"
    stripe_secret_key: SecretStr | None = None
    stripe_webhook_secret: SecretStr | None = None
    stripe_api_base: str | None = None  # another address for Stripe's API (tests, proxies)

    @model_validator(mode="after")
    def _base_url_follows_port(self) -> Settings:
        if not self.base_url.strip():
            object.__setattr__(self, "base_url", local_base_url("127.0.0.1", self.port))
        return self

    @field_validator("schedule_interval")
    @classmethod
    def _divides_a_minute(cls, value: int) -> int:
        if value < 1 or 60 % value:
            raise ValueError("SCHEDULE_INTERVAL must divide 60 (1, 2, 5, 10, 15, 20, 30 or 60)")
        return value

    @field_validator("open_badges_signing_key")
    @classmethod
    def _an_ed25519_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        load_private_key(value.get_secret_value())  # ValueError with a plain message
        return value

    @model_validator(mode="after")
    def _refuse_dev_secret_outside_development(self) -> Settings:
        if self.environment != "development" and self.secret_key == DEV_SECRET_KEY:
            raise ValueError("SECRET_KEY must be set outside development")
        return self

    @model_validator(mode="after")
    def _stripe_needs_its_keys(self) -> Settings:
        if self.payment_provider == "stripe" and not (
                self.stripe_secret_key and self.stripe_webhook_secret):
            raise ValueError("PAYMENT_PROVIDER=stripe needs STRIPE_SECRET_KEY and "
                             "STRIPE_WEBHOOK_SECRET")
        return self

    @property
    def uses_s3(self) -> bool:
        return bool(self.s3_bucket)

    @property
    def uses_redis(self) -> bool:
        return bool(self.redis_url)

    @property
    def secure_cookies(self) -> bool:
        return self.base_url.startswith("https://")

    def absolute_url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")
