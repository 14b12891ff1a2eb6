"""Fixtures: one fresh PostgreSQL database, a Redis database, moto's S3 server, a worker
process and the app, shared by the tests of one process (each xdist worker has its own set);
a client per test from its own address. Markers `e2e` and `slow` are given here by path and
by measured duration."""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from argon2 import PasswordHasher
from xdist.scheduler import LoadScopeScheduling

from cocreate.app import create_app
from cocreate.lib import security
from cocreate.settings import Settings
from tests import services

TEST_SECRET = "test-secret-key-" + uuid.uuid4().hex

# Tests taking more than about 5 s on a busy 2-core machine, longest first (`pytest
# --durations=40`). Under xdist (`--dist loadgroup --no-loadscope-reorder`: a process is handed
# one test, or the browser journeys together, at a time, in this order) they are handed out
# first, so no process is left with a long one at the end.
SLOW_TESTS = [
    "tests/integration/test_api_fuzz.py::"
    "test_no_generated_request_gets_a_5xx_or_an_undeclared_status",
    "tests/integration/test_hostile_forms.py::test_no_hostile_form_post_answers_5xx",
    "tests/integration/test_voting.py::"
    "test_a_storm_of_three_hundred_requests_keeps_every_total_equal_to_its_ledger",
    "tests/integration/test_migrations.py::"
    "test_the_embedded_default_migrates_and_loads_the_demo_twice",
    "tests/e2e/test_accessibility.py::"
    "test_every_page_type_has_no_serious_accessibility_violation_on_desktop_and_phone",
    "tests/integration/test_lifecycle.py::"
    "test_the_embedded_default_moves_phases_on_time_without_redis",
    "tests/e2e/test_live_votes.py::test_two_fans_vote_and_undo_and_both_keep_their_buttons",
    "tests/integration/test_migrations.py::"
    "test_applying_all_migrations_gives_the_schema_the_models_describe",
    "tests/e2e/test_directory_journey.py::test_a_visitor_narrows_the_directory_in_place",
    "tests/integration/test_rolling_restart.py::"
    "test_restarting_each_app_process_in_turn_loses_no_request",
    "tests/integration/test_live.py::test_a_vote_on_one_instance_reaches_the_stream_of_another",
    "tests/integration/test_worker_kill.py::"
    "test_a_killed_workers_jobs_are_done_once_by_the_next_worker",
    "tests/integration/test_budget_voting.py::test_no_sequence_of_votes_exceeds_a_budget",
    "tests/e2e/test_keyboard_journey.py::"
    "test_a_fan_signs_up_votes_comments_and_gives_with_the_keyboard_alone",
    "tests/integration/test_acknowledgements.py::test_a_manager_thanks_a_fan_by_name",
    "tests/e2e/test_api_tokens_journey.py::"
    "test_a_fan_makes_a_token_sees_its_use_and_revokes_it",
    "tests/integration/test_outages.py::"
    "test_login_limits_hold_while_redis_is_down_and_live_pages_say_come_back",
    "tests/e2e/test_thanks_journey.py::test_a_manager_thanks_a_fan_who_sees_it_at_once",
    "tests/e2e/test_phone_header.py::test_a_fan_on_a_phone_finds_everything_in_the_menu",
    "tests/integration/test_live.py::"
    "test_winners_are_revealed_to_everyone_watching_when_results_are_due",
    "tests/integration/test_hidden_entry_pages.py::"
    "test_no_entry_page_shows_a_hidden_entry_to_those_who_may_not_see_it",
    "tests/integration/test_vote_sequences.py::test_totals_equal_the_ledger_after_any_sequence",
    "tests/integration/test_entry_cards.py::"
    "test_votes_crossing_1_and_10_redraw_the_card_once_per_milestone",
    "tests/e2e/test_fundraising_journey.py::"
    "test_a_fan_raises_money_on_their_own_page_and_a_friend_gives_through_its_link",
    "tests/integration/test_failed_jobs.py::"
    "test_a_notification_mail_that_failed_for_good_is_listed_and_retried",
    "tests/e2e/test_refused_in_place.py::"
    "test_an_author_sees_no_vote_button_and_a_late_vote_is_told_why_at_the_button",
    "tests/integration/test_migrations.py::"
    "test_the_models_have_no_changes_missing_from_the_migrations",
    "tests/integration/test_campaign_words.py::"
    "test_remix_and_team_challenges_never_speak_of_ideas",
    "tests/e2e/test_duplicate_ideas.py::"
    "test_a_fan_sees_a_similar_idea_while_typing_and_a_manager_merges_the_twin",
    "tests/e2e/test_team_remix.py::"
    "test_a_team_forms_by_invite_link_and_submits_a_remix_of_the_kit",
    "tests/e2e/test_fan_journey.py::"
    "test_a_fan_shares_an_idea_with_an_image_gets_a_vote_and_shares_the_badge",
]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark browser journeys `e2e` and long tests `slow`; order the run: the SQLite service
    tests (tests/domain) come first, since a process cannot go back to them once its
    PostgreSQL app is up, and under xdist the slow tests come next, longest first."""
    parallel = "PYTEST_XDIST_WORKER" in os.environ
    longest_first = {nodeid: place for place, nodeid in enumerate(SLOW_TESTS)}
    for item in items:
        if item.nodeid.startswith("tests/e2e/"):
            item.add_marker(pytest.mark.e2e)
        if item.nodeid.split("[", 1)[0] in longest_first:
            item.add_marker(pytest.mark.slow)

    def rank(item: pytest.Item) -> tuple[int, int]:
        if item.nodeid.startswith("tests/domain/"):
            return (0, 0)
        if parallel and item.nodeid.startswith("tests/e2e/"):
            return (1, -1)  # the journeys' process starts on them as soon as it can
        if parallel and item.get_closest_marker("slow"):
            return (1, longest_first.get(item.nodeid.split("[", 1)[0], len(SLOW_TESTS)))
        return (2, 0)

    items.sort(key=rank)  # stable: otherwise in the collected order
    _check_slow_tests_exist(items)


def _check_slow_tests_exist(items: list[pytest.Item]) -> None:
    """A renamed test left in SLOW_TESTS would silently lose its place in the order."""
    collected = {item.nodeid.split("[", 1)[0] for item in items}
    files = {nodeid.split("::", 1)[0] for nodeid in collected}
    missing = [nodeid for nodeid in SLOW_TESTS
               if nodeid.split("::", 1)[0] in files and nodeid not in collected]
    if missing:
        raise pytest.UsageError(f"SLOW_TESTS names tests that do not exist: {missing}")


class JourneysTogether(LoadScopeScheduling):
    """`--dist loadgroup` as make test uses it: the browser journeys go to one process as one
    unit (one `cocreate serve`, one Chromium), every other test on its own. (xdist 3.8's own
    loadgroup renames a test to tag its group, which pytest 9 no longer lets it do.)"""

    def _split_scope(self, nodeid: str) -> str:
        return "browser journeys" if nodeid.startswith("tests/e2e/") else nodeid


def pytest_xdist_make_scheduler(config: pytest.Config, log):  # type: ignore[no-untyped-def]
    if config.getoption("dist") == "loadgroup":
        return JourneysTogether(config, log)
    return None


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    """Stories sign hundreds of people up and in through the app of this process: argon2id at
    its recommended cost (0.1 to 0.3 s of both cores a password) was most of the suite's CPU
    time, so here it runs at its lowest cost. Still argon2id through the same functions, and
    each hash names its parameters, so verifying works the same; the worker and `cocreate
    serve` processes keep the full cost."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(security, "_hasher",
                      PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with services.moto_server() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A Redis database of this test process's own (1 to 15): queues, job ids, crons and rate
    limits of two processes running at once (xdist workers, two developers) must not meet."""
    with services.claimed_redis_database() as url:
        yield url


@pytest.fixture(scope="session")
async def database_url() -> AsyncIterator[str]:
    """A database of this test process's own, a copy of the migrated template."""
    async with services.migrated_postgres_copy() as url:
        yield url


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[services.MailCatcher]:
    """A real SMTP server (aiosmtpd) that keeps what it receives, for the mail stories."""
    with services.mail_catcher() as catcher:
        yield catcher


@pytest.fixture(scope="session")
def settings_env(database_url: str, redis_url: str, s3_endpoint: str,
                 smtp_server: services.MailCatcher) -> dict[str, str]:
    bucket = "cocreate-" + uuid.uuid4().hex[:8]
    services.create_bucket(s3_endpoint, bucket)
    return {
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "BASE_URL": "http://testserver",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_BUCKET": bucket,
        "S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "RATE_LIMIT_LOGIN": "20/minute",
        "RATE_LIMIT_SIGNUP": "20/minute",
        "RATE_LIMIT_VOTES": "120/minute",
        "RATE_LIMIT_UPLOADS": "60/minute",
        "RATE_LIMIT_SUBMISSIONS": "30/minute",
        "JOB_RELAY_INTERVAL": "0.5",
        "SCHEDULE_INTERVAL": "1",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_server.port),
        "SMTP_STARTTLS": "false",
    }


@pytest.fixture(scope="session")
def settings(settings_env: dict[str, str]) -> Settings:
    return Settings(**{key.lower(): value for key, value in settings_env.items()})


@pytest.fixture(scope="session")
def migrated(settings: Settings) -> Settings:
    """The schema comes from the committed migrations: the database is a copy of the template
    `cocreate migrate` built from nothing (`services.migrated_postgres_copy`)."""
    return settings


@pytest.fixture(scope="session")
def worker(migrated: Settings, settings_env: dict[str, str]) -> Iterator[None]:
    """A real `cocreate worker` process taking jobs from Redis."""
    with services.cocreate_process(["worker"], settings_env):
        yield


@pytest.fixture(scope="session")
async def app(migrated: Settings, worker: None):  # type: ignore[no-untyped-def]
    application = create_app(migrated)
    async with application.router.lifespan_context(application):
        yield application


def _random_address() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


@pytest.fixture
async def make_client(app) -> AsyncIterator:  # type: ignore[no-untyped-def]
    """Clients of their own, each from its own address (rate limits are per address)."""
    opened: list[httpx.AsyncClient] = []

    def new_client() -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(_random_address(), 40000))
        http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        opened.append(http)
        return http

    yield new_client
    for http in opened:
        await http.aclose()


@pytest.fixture
def client(make_client) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    return make_client()
