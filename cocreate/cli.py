"""The `cocreate` command: serve, worker, migrate, demo, reconcile, user create, jobs."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Awaitable, Callable

from tortoise import Tortoise

from cocreate.doors.db import migrate, tortoise_config
from cocreate.settings import Settings, local_base_url


def _serve(settings: Settings, args: argparse.Namespace) -> None:
    import uvicorn

    port = args.port or int(os.environ.get("PORT", settings.port))
    if not os.environ.get("BASE_URL", "").strip():
        # The app (and any uvicorn worker processes) read their settings from the environment.
        os.environ["BASE_URL"] = local_base_url(args.host, port)
    print(f"cocreate serves on {os.environ['BASE_URL']}", flush=True)
    uvicorn.run(
        "cocreate.app:create_app", factory=True, host=args.host, port=port,
        workers=args.workers, proxy_headers=True, log_level="info",
    )


def _worker(settings: Settings, args: argparse.Namespace) -> None:
    from workers.settings import create_worker

    if not settings.uses_redis:
        sys.exit("cocreate worker needs REDIS_URL; without it jobs run inside `cocreate serve`.")
    create_worker(settings).run()


async def _with_db(settings: Settings, work: Callable[[], Awaitable[None]]) -> None:
    await Tortoise.init(config=tortoise_config(settings))
    try:
        await work()
    finally:
        await Tortoise.close_connections()


def _migrate(settings: Settings, args: argparse.Namespace) -> None:
    asyncio.run(migrate(settings))
    print("Database is up to date.")


def _demo(settings: Settings, args: argparse.Namespace) -> None:
    from cocreate.demo import seed

    asyncio.run(_with_db(settings, lambda: seed(settings)))


def _reconcile(settings: Settings, args: argparse.Namespace) -> None:
    from cocreate.services.operations.reconcile import reconcile

    async def work() -> None:
        differences = await reconcile(repair=args.repair)
        for d in differences:
            print(f"{d.counter} of {d.row_id}: stored {d.stored}, ledger {d.ledger}"
                  + (" (repaired)" if args.repair else ""))
        if not differences:
            print("Every counter equals its ledger.")
        elif not args.repair:
            sys.exit(1)

    asyncio.run(_with_db(settings, work))


def _user_create(settings: Settings, args: argparse.Namespace) -> None:
    from cocreate.lib.errors import DomainError
    from cocreate.services.accounts import accounts
    from cocreate.services.orgs import orgs

    async def work() -> None:
        try:
            person = await accounts.create_user(args.email, args.password, args.name)
            if args.org:
                await orgs.add_membership(person, args.org, args.role)
        except DomainError as error:
            details = "; ".join(f"{k}: {v}" for k, v in error.fields.items())
            sys.exit(f"{error.message} {details}".strip())
        print(f"Created {person.display_name} <{person.email}> as @{person.handle}")

    asyncio.run(_with_db(settings, work))


def _jobs_failed(settings: Settings, args: argparse.Namespace) -> None:
    from cocreate.services.operations import failed_jobs

    async def work() -> None:
        rows = await failed_jobs.failed(limit=args.limit)
        if not rows:
            print("No failed jobs.")
        for row in rows:
            print(f"{row.id}  {row.name}({row.args})  {row.attempts} attempts  "
                  f"failed {row.failed_at:%Y-%m-%d %H:%M:%S} UTC\n    {row.error}")

    asyncio.run(_with_db(settings, work))


def _jobs_retry(settings: Settings, args: argparse.Namespace) -> None:
    from cocreate.lib.errors import NotFound
    from cocreate.services.operations import failed_jobs

    async def work() -> None:
        missing = []
        for job_id in args.ids:
            try:
                await failed_jobs.retry(job_id)
                print(f"Job {job_id} will run again.")
            except NotFound as error:
                missing.append(error.message)
        if missing:
            sys.exit("\n".join(missing))

    asyncio.run(_with_db(settings, work))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cocreate", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the web app (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=None, help="default: $PORT or 8000")
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=_serve)
    commands.add_parser("worker", help="run a background worker (arq)").set_defaults(run=_worker)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(run=_migrate)
    commands.add_parser("demo", help="load demo data (idempotent)").set_defaults(run=_demo)
    reconcile = commands.add_parser(
        "reconcile", help="recount every counter from its ledger and report differences")
    reconcile.add_argument("--repair", action="store_true", help="set counters to the ledger")
    reconcile.set_defaults(run=_reconcile)
    user = commands.add_parser("user", help="manage accounts")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    create = user_commands.add_parser("create", help="create an account")
    create.add_argument("--email", required=True)
    create.add_argument("--password", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--org", help="slug of an organization to join")
    create.add_argument("--role", default="manager", choices=["manager", "owner"])
    create.set_defaults(run=_user_create)
    jobs = commands.add_parser("jobs", help="background jobs that failed for good")
    jobs_commands = jobs.add_subparsers(dest="jobs_command", required=True)
    failed = jobs_commands.add_parser(
        "failed", help="list failed jobs: id, name(args), attempts, when, last error")
    failed.add_argument("--limit", type=int, default=100)
    failed.set_defaults(run=_jobs_failed)
    retry = jobs_commands.add_parser("retry", help="run failed jobs again, by id")
    retry.add_argument("ids", nargs="+", metavar="ID")
    retry.set_defaults(run=_jobs_retry)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    args.run(Settings(), args)


if __name__ == "__main__":
    main()
