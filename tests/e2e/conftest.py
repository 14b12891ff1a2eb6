"""Fixtures of the end-to-end tests: a real `cocreate serve` process and headless Chromium."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest
from playwright.async_api import Browser, async_playwright, expect

from tests.services import cocreate_process, free_port

# What a journey waits for (a page, a swap, a live update) may take a few seconds on a busy
# 2-core machine running four test processes; a real failure still fails, later.
expect.set_options(timeout=15_000)

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server(settings_env: dict[str, str], worker: None) -> Iterator[str]:
    """`cocreate serve` on a free port, media in S3 (the browser uploads to moto directly)."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**settings_env, "BASE_URL": base_url}
    with cocreate_process(["serve", "--port", str(port)], env, ready_url=f"{base_url}/healthz"):
        yield base_url


@pytest.fixture(scope="session")
async def chromium_process() -> AsyncIterator[Browser]:
    """One headless Chromium per test process (launching one takes a second or two)."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            headless=True, args=CHROMIUM_ARGS,
        )
        try:
            yield browser
        finally:
            await browser.close()


@pytest.fixture
async def chromium(chromium_process: Browser) -> AsyncIterator[Browser]:
    """The browser of a journey: the contexts (people) it opened are closed after it."""
    yield chromium_process
    for context in chromium_process.contexts:
        await context.close()
