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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import boto3
import httpx

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
            env = {key: value for key, value in os.environ.items()
                   if not key.startswith(("S3_", "REDIS_", "AWS_", "DATABASE_"))}
            run_cocreate(["migrate"], {**env, "DATABASE_URL": f"sqlite://{building}"})
            os.replace(building, template)
    return template


def migrated_sqlite_copy(folder: Path, name: str = "cocreate.sqlite3") -> str:
    """The DATABASE_URL of a fresh copy of the migrated SQLite template in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_sqlite_template(), folder / name)
    return f"sqlite://{folder / name}"


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
