"""Every operation of the API document, driven with generated input by a signed-in manager:
no answer is a 5xx, and every status is one the document declares for that operation.

schemathesis generates the cases from `/api/v1/openapi.json` (valid and invalid bodies, queries
and path parameters); they are sent through the same app and services as every other test.
Half of each operation's cases name real things (the manager's campaign, organization, an
entry, a fan) so that the bodies reach the services instead of stopping at a 404."""

from __future__ import annotations

import os
import time
from collections import Counter
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.generation.case import Case

from tests.people import launch_campaign, sign_up

# About a minute; more on a machine shared with other work (the suite's default stop is 180 s).
pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

# Per operation and kind of case: about 140 operations x 3 kinds x 2 in about a minute. A
# longer hunt: FUZZ_EXAMPLES=20 .venv/bin/python -m pytest tests/integration/test_api_fuzz.py
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))
CHUNK = 12


def _generate(plans: list[tuple[Any, GenerationMode, dict[str, str] | None]]) -> list[Case]:
    """EXAMPLES cases for each (operation, mode, fixed path parameters), drawn in one
    hypothesis run per chunk of plans: each run has a fixed cost (it collects garbage), so
    one run per operation would take most of the test's time."""
    found: list[Case] = []
    for start in range(0, len(plans), CHUNK):
        _draw_chunk([operation.as_strategy(generation_mode=mode, path_parameters=path or None)
                     for operation, mode, path in plans[start:start + CHUNK]], found)
    return found


def _draw_chunk(strategies: list[st.SearchStrategy[Case]], found: list[Case]) -> None:
    @settings(max_examples=EXAMPLES, database=None, deadline=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        drawn = [data.draw(strategy) for strategy in strategies]
        found.extend(drawn)  # only whole examples: one that ran out of room is drawn again

    collect()


async def _real_things(client) -> tuple[Any, dict[str, str]]:  # type: ignore[no-untyped-def]
    manager = await sign_up(client, "Fuzz Manager")
    campaign = await launch_campaign(manager, "Fuzzed flavours")
    fan = await sign_up(client, "Fuzz Fan")
    entry = await fan.post(f"/campaigns/{campaign['slug']}/entries",
                           {"title": "A generated idea", "body": "Fresh."})
    assert entry.status_code == 201, entry.text
    org = (await manager.get(f"/campaigns/{campaign['slug']}")).json()["org"]["slug"]
    return manager, {"campaign": campaign["slug"], "org": org, "entry": entry.json()["id"],
                     "handle": fan.handle}


async def test_no_generated_request_gets_a_5xx_or_an_undeclared_status(app):
    # A 500 is an answer to count here, not an exception to stop at.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False,
                                    client=("10.99.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        await _fuzz(client)


async def _fuzz(client: httpx.AsyncClient) -> None:
    manager, things = await _real_things(client)
    document = (await client.get("/api/v1/openapi.json")).json()
    schema = schemathesis.openapi.from_dict(document)
    sent: Counter[int] = Counter()
    problems: list[str] = []
    operations = 0
    plans = []
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        names = {p.name for p in operation.path_parameters}
        real = {name: value for name, value in things.items() if name in names}
        invalid = operation.body or operation.query  # something a negative case can break
        plans += [(operation, GenerationMode.POSITIVE, None)]
        if real:
            plans += [(operation, GenerationMode.POSITIVE, real)]
        if invalid:
            plans += [(operation, GenerationMode.NEGATIVE, real)]
    started = time.monotonic()
    generated = _generate(plans)
    generating = time.monotonic() - started
    # Revoking one's own tokens answers 401 to everything after it: those cases go last.
    cases = sorted(generated, key=lambda case: case.operation.path.startswith(
        "/auth/tokens") and case.method == "DELETE")
    for case in cases:
        operation = case.operation
        declared = {int(code) for code in document["paths"][operation.path]
                    [operation.method.lower()]["responses"]}
        request = case.as_transport_kwargs(base_url="http://testserver/api/v1")
        request["headers"]["Authorization"] = f"Bearer {manager.token}"
        request.pop("cookies", None)
        if "data" in request:
            request["content"] = request.pop("data")
        response = await client.request(**request)
        sent[response.status_code] += 1
        if response.status_code >= 500 or response.status_code not in declared:
            problems.append(f"{operation.method} {operation.path} -> "
                            f"{response.status_code}: {case.as_curl_command()[:300]}"
                            f"\n    {response.text[:200]}")
    server_errors = sum(n for status, n in sent.items() if status >= 500)
    print(f"\nfuzzed {operations} operations with {sum(sent.values())} requests: "
          f"{server_errors} answered 5xx; statuses {dict(sorted(sent.items()))}; "
          f"{generating:.0f} s generating, {time.monotonic() - started - generating:.0f} s "
          "sending")
    assert operations >= 130
    assert not problems, f"{len(problems)} bad answers:\n" + "\n".join(problems[:40])
