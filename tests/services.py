"""Real services for the test suite: a fresh PostgreSQL database per run, a Redis database,
moto's S3 server over HTTP, and cocreate's own processes (worker, server)."""

from __future__ import annotations

import email
import email.message
import email.policy
import fcntl
import hashlib
import importlib.metadata
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import boto3
import httpx
import redis

ROOT = Path(__file__).resolve().parent.parent
ADMIN_DATABASE_URL = os.environ.get(
    "TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float = 90.0) -> None:
    """Until `url` answers; the start of a process on a busy 2-core machine can take a minute."""
    deadline = time.monotonic() + timeout
    # One client for all the tries: each new one builds a TLS context (tens of ms of CPU),
    # which, ten times a second, slowed down the very process being waited for.
    with httpx.Client(timeout=1) as http:
        while time.monotonic() < deadline:
            try:
                if http.get(url).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up within {timeout}s")


# Take a registry entry over only if it still names the holder that is gone.
_TAKE_OVER = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('set', KEYS[1], ARGV[2], 'EX', 7200)
end
return false
"""


def _holder_is_gone(holder: bytes | None) -> bool:
    """A registry entry left by a process of this machine that no longer runs (a run that was
    killed): its database may be taken again."""
    host, _, pid = (holder or b"").decode().rpartition(":")
    return host == socket.gethostname() and pid.isdigit() and not running(int(pid))


def _claim_redis_database(registry: redis.Redis) -> int | None:
    me = f"{socket.gethostname()}:{os.getpid()}"
    for number in range(1, 16):
        key = f"cocreate:test-db:{number}"
        if registry.set(key, me, nx=True, ex=7200):
            return number
        holder = registry.get(key)
        if _holder_is_gone(holder) and registry.eval(_TAKE_OVER, 1, key, holder or b"", me):
            return number
    return None


@contextmanager
def claimed_redis_database() -> Iterator[str]:
    """The URL of an empty Redis database (1 to 15) no other process uses until this ends;
    database 0 holds the registry of who has which."""
    base = REDIS_URL.rsplit("/", 1)[0]
    with redis.Redis.from_url(f"{base}/0") as registry:
        number = _claim_redis_database(registry)
        if number is None:
            raise RuntimeError("every Redis test database (1 to 15) is taken by another process")
        url = f"{base}/{number}"
        with redis.Redis.from_url(url) as connection:
            connection.flushdb()
        try:
            yield url
        finally:
            registry.delete(f"cocreate:test-db:{number}")


def database_url(name: str) -> str:
    parts = urlsplit(ADMIN_DATABASE_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


# This machine and process, in the names of the databases a test process creates, so that
# those of a killed run can be told apart and dropped by the next one.
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]
_OWNED = re.compile(r"cocreate_(?:test|schema)_([0-9a-f]{6})_(\d+)_[0-9a-f]{6}")


MIGRATIONS = ROOT / "cocreate" / "migrations"


def schema_key() -> str:
    """Names the schema the committed migrations build: it changes whenever a migration (or
    the ORM applying them) does, so a database migrated once can be copied until then."""
    digest = hashlib.sha256(importlib.metadata.version("tortoise-orm").encode())
    for path in sorted(MIGRATIONS.rglob("*.py")):
        digest.update(str(path.relative_to(MIGRATIONS)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _migrate_from_nothing(url: str) -> None:
    """`cocreate migrate` on the database at `url`, with none of this shell's service settings."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("S3_", "REDIS_", "AWS_", "DATABASE_"))}
    run_cocreate(["migrate"], {**env, "DATABASE_URL": url})


def migrated_sqlite_template() -> Path:
    """A SQLite database that `cocreate migrate` built from nothing, shared by every test
    process of this user until a migration (or the ORM) changes: migrating takes over ten
    seconds of CPU, copying the result a millisecond. Tests of the embedded default copy it."""
    folder = Path(tempfile.gettempdir()) / f"cocreate-test-schema-{os.getuid()}"
    folder.mkdir(exist_ok=True)
    template = folder / f"{schema_key()}.sqlite3"
    with open(folder / "lock", "w") as lock:  # one process builds it; the others wait for it
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            building = folder / f"{template.stem}-{os.getpid()}.sqlite3"
            building.unlink(missing_ok=True)
            _migrate_from_nothing(f"sqlite://{building}")
            os.replace(building, template)
    return template


def migrated_sqlite_copy(folder: Path, name: str = "cocreate.sqlite3") -> str:
    """The DATABASE_URL of a fresh copy of the migrated SQLite template in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_sqlite_template(), folder / name)
    return f"sqlite://{folder / name}"


async def _migrated_postgres_template(admin: asyncpg.Connection) -> str:
    """A database `cocreate migrate` built from nothing, kept for copying until a migration
    changes (migrating takes seconds of CPU; copying a database a fraction of one). Call under
    the templates' advisory lock."""
    template = f"cocreate_template_{schema_key()}"
    existing = [row["datname"] for row in await admin.fetch("SELECT datname FROM pg_database")]
    for stale in left_behind(existing):
        await admin.execute(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')
    for old in existing:
        if old.startswith("cocreate_template_") and old != template:
            with suppress(asyncpg.PostgresError):  # in use by an older checkout
                await admin.execute(f'DROP DATABASE "{old}"')
    if template not in existing:
        building = new_database_name("cocreate_test")
        await admin.execute(f'CREATE DATABASE "{building}"')
        try:
            _migrate_from_nothing(database_url(building))
        except BaseException:
            await admin.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            raise
        await admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
    return template


@asynccontextmanager
async def migrated_postgres_copy() -> AsyncIterator[str]:
    """The URL of a new PostgreSQL database, a copy of the migrated template, dropped after."""
    name = new_database_name()
    admin = await asyncpg.connect(ADMIN_DATABASE_URL)
    try:
        await admin.execute("SELECT pg_advisory_lock(hashtext('cocreate test templates'))")
        try:
            template = await _migrated_postgres_template(admin)
            await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        finally:
            await admin.execute("SELECT pg_advisory_unlock(hashtext('cocreate test templates'))")
        try:
            yield database_url(name)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def new_database_name(prefix: str = "cocreate_test") -> str:
    return f"{prefix}_{_HOST}_{os.getpid()}_{uuid.uuid4().hex[:6]}"


def left_behind(names: list[str]) -> list[str]:
    """Test databases whose process, on this machine, is gone (a run that was killed)."""
    gone = []
    for name in names:
        owner = _OWNED.fullmatch(name)
        if owner and owner[1] == _HOST and not running(int(owner[2])):
            gone.append(name)
    return gone


def running(pid: int) -> bool:
    """Whether a process of this machine has this id."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _bin(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


@contextmanager
def moto_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [_bin("moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/moto-api/")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def create_bucket(endpoint: str, bucket: str) -> None:
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id="test", aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=bucket)
    client.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [{
        "AllowedOrigins": ["*"], "AllowedMethods": ["GET", "POST", "PUT"],
        "AllowedHeaders": ["*"], "MaxAgeSeconds": 3000,
    }]})


@contextmanager
def cocreate_process(args: list[str], env: dict[str, str],
                     ready_url: str | None = None) -> Iterator[subprocess.Popen]:
    (ROOT / "var").mkdir(exist_ok=True)
    log = open(ROOT / "var" / f"test-{args[0]}-{uuid.uuid4().hex[:6]}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [_bin("cocreate"), *args], env={**os.environ, **env}, cwd=ROOT,
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        if ready_url:
            wait_for_http(ready_url)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def run_cocreate(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([_bin("cocreate"), *args], env={**os.environ, **env}, cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"cocreate {' '.join(args)} failed:\n{done.stderr}")
    return done


class MailCatcher:
    """aiosmtpd's handler: every message delivered, parsed, in order."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def]
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(parsed)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


@contextmanager
def mail_catcher() -> Iterator[MailCatcher]:
    from aiosmtpd.controller import Controller

    catcher = MailCatcher(free_port())
    controller = Controller(catcher, hostname="127.0.0.1", port=catcher.port)
    controller.start()
    try:
        yield catcher
    finally:
        controller.stop()
