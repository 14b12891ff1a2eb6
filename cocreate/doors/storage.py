"""Media storage: S3 (spoken with boto3) or a local folder, behind one small interface.

Browsers upload straight to storage with a presigned POST whose policy binds the key, the
content type and the size; reads go through presigned GETs, a public CDN base URL, or (local
folder) the app's signed, expiring URLs.

S3 that does not answer (refused, reset, timed out, or a 5xx of its own) raises
ServiceUnavailable, which every caller's error handling turns into a 503 "try again".
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import quote, urlencode

import anyio
import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from itsdangerous import BadSignature, URLSafeTimedSerializer

from cocreate.lib.errors import ServiceUnavailable
from cocreate.settings import Settings

T = TypeVar("T")
UNAVAILABLE = "Media storage is not answering right now. Nothing was changed; please try " \
    "again in a few seconds."


async def _s3(call: Callable[[], T]) -> T:
    """Run a blocking S3 call off the event loop; S3 not answering is ServiceUnavailable."""
    try:
        return await anyio.to_thread.run_sync(call)
    except BotoCoreError as error:  # endpoint unreachable, connection closed, timeouts
        raise ServiceUnavailable(UNAVAILABLE) from error
    except ClientError as error:
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        if status >= 500:
            raise ServiceUnavailable(UNAVAILABLE) from error
        raise


@dataclass(frozen=True)
class UploadForm:
    url: str
    fields: dict[str, str]


@dataclass(frozen=True)
class StoredObject:
    size: int
    content_type: str | None


class Storage(Protocol):
    async def presigned_upload(
        self, key: str, content_type: str, max_bytes: int, expires: int = 900
    ) -> UploadForm: ...
    async def head(self, key: str) -> StoredObject | None: ...
    async def read(self, key: str) -> bytes: ...
    async def write(self, key: str, data: bytes, content_type: str) -> None: ...
    async def delete(self, key: str) -> None: ...
    def url(self, key: str, expires: int = 3600) -> str: ...
    async def check(self) -> None: ...


class S3Storage:
    def __init__(self, settings: Settings) -> None:
        self.bucket = settings.s3_bucket or ""
        self.public_base = settings.media_public_base_url
        self.client = boto3.client(
            "s3",
            endpoint_url=settings.s3_endpoint_url,
            region_name=settings.s3_region,
            aws_access_key_id=settings.aws_access_key_id,
            aws_secret_access_key=settings.aws_secret_access_key,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                          connect_timeout=3, read_timeout=30,
                          retries={"mode": "standard", "max_attempts": 2}),
        )

    async def presigned_upload(
        self, key: str, content_type: str, max_bytes: int, expires: int = 900
    ) -> UploadForm:
        post = self.client.generate_presigned_post(
            Bucket=self.bucket,
            Key=key,
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=expires,
        )
        return UploadForm(url=post["url"], fields=post["fields"])

    async def head(self, key: str) -> StoredObject | None:
        try:
            meta = await _s3(lambda: self.client.head_object(Bucket=self.bucket, Key=key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise
        return StoredObject(size=meta["ContentLength"], content_type=meta.get("ContentType"))

    async def read(self, key: str) -> bytes:
        def _read() -> bytes:
            return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()

        return await _s3(_read)

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        await _s3(
            lambda: self.client.put_object(
                Bucket=self.bucket, Key=key, Body=data, ContentType=content_type
            )
        )

    async def delete(self, key: str) -> None:
        await _s3(lambda: self.client.delete_object(Bucket=self.bucket, Key=key))

    def url(self, key: str, expires: int = 3600) -> str:
        if self.public_base:
            return f"{self.public_base.rstrip('/')}/{quote(key)}"
        return self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=expires
        )

    async def check(self) -> None:
        await _s3(lambda: self.client.head_bucket(Bucket=self.bucket))


class LocalStorage:
    """A folder on disk; the app itself plays the part of the S3 endpoint."""

    UPLOAD_PATH = "/media-upload"
    READ_PATH = "/media/"

    def __init__(self, settings: Settings) -> None:
        self.root = Path(settings.media_root).resolve()
        self.base_url = settings.base_url.rstrip("/")
        self.public_base = settings.media_public_base_url
        self._secret = settings.secret_key.encode()
        self._policies = URLSafeTimedSerializer(settings.secret_key, salt="media-upload")

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root) or path == self.root:
            raise ValueError("key outside the media folder")
        return path

    async def presigned_upload(
        self, key: str, content_type: str, max_bytes: int, expires: int = 900
    ) -> UploadForm:
        policy = self._policies.dumps({"key": key, "type": content_type, "max": max_bytes})
        fields = {"key": key, "Content-Type": content_type, "policy": policy}
        return UploadForm(url=self.base_url + self.UPLOAD_PATH, fields=fields)

    def read_policy(self, policy: str, max_age: int = 900) -> dict:
        """The upload policy the app signed, or ValueError when forged or expired."""
        try:
            return self._policies.loads(policy, max_age=max_age)
        except BadSignature as error:
            raise ValueError("upload policy is invalid or expired") from error

    async def head(self, key: str) -> StoredObject | None:
        path = self._path(key)
        if not await anyio.Path(path).is_file():
            return None
        stat = await anyio.Path(path).stat()
        type_path = path.with_name(path.name + ".type")
        content_type = (
            await anyio.Path(type_path).read_text() if type_path.exists() else None
        )
        return StoredObject(size=stat.st_size, content_type=content_type)

    async def read(self, key: str) -> bytes:
        return await anyio.Path(self._path(key)).read_bytes()

    async def write(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        await anyio.Path(path.parent).mkdir(parents=True, exist_ok=True)
        await anyio.Path(path.with_name(path.name + ".type")).write_text(content_type)
        await anyio.Path(path).write_bytes(data)

    async def delete(self, key: str) -> None:
        path = self._path(key)
        for each in (path, path.with_name(path.name + ".type")):
            await anyio.Path(each).unlink(missing_ok=True)

    def _signature(self, key: str, expires_at: int) -> str:
        return hmac.new(self._secret, f"{key}:{expires_at}".encode(), "sha256").hexdigest()[:32]

    def url(self, key: str, expires: int = 3600) -> str:
        if self.public_base:
            return f"{self.public_base.rstrip('/')}/{quote(key)}"
        # Round the expiry up to the hour so URLs stay stable (cacheable) for a while.
        expires_at = (int(time.time()) + expires) // 3600 * 3600 + 3600
        query = urlencode({"e": expires_at, "s": self._signature(key, expires_at)})
        return f"{self.base_url}{self.READ_PATH}{quote(key)}?{query}"

    def signed_read_valid(self, key: str, expires_at: str, signature: str) -> bool:
        if not expires_at.isdigit() or int(expires_at) < time.time():
            return False
        return hmac.compare_digest(self._signature(key, int(expires_at)), signature)

    async def check(self) -> None:
        await anyio.Path(self.root).mkdir(parents=True, exist_ok=True)


def create_storage(settings: Settings) -> Storage:
    return S3Storage(settings) if settings.uses_s3 else LocalStorage(settings)


def content_key(prefix: str, data: bytes, extension: str) -> str:
    """A key derived from the bytes, so storing the same content twice costs nothing."""
    return f"{prefix}/{hashlib.sha256(data).hexdigest()[:32]}.{extension}"
