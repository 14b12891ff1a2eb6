"""What people do over the API, as small helpers the stories reuse."""

from __future__ import annotations

import asyncio
import io
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from PIL import Image

PASSWORD = "correct horse battery"


@dataclass
class Person:
    client: httpx.AsyncClient
    email: str
    handle: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return await self.client.get(f"/api/v1{path}", headers=self.auth, **kwargs)

    async def post(self, path: str, json: Any = None) -> httpx.Response:
        return await self.client.post(f"/api/v1{path}", json=json, headers=self.auth)

    async def put(self, path: str, json: Any = None) -> httpx.Response:
        return await self.client.put(f"/api/v1{path}", json=json, headers=self.auth)

    async def patch(self, path: str, json: Any = None) -> httpx.Response:
        return await self.client.patch(f"/api/v1{path}", json=json, headers=self.auth)

    async def delete(self, path: str) -> httpx.Response:
        return await self.client.delete(f"/api/v1{path}", headers=self.auth)


async def sign_up(client: httpx.AsyncClient, name: str = "Fan") -> Person:
    email = f"{uuid.uuid4().hex[:10]}@example.test"
    response = await client.post("/api/v1/auth/signup", json={
        "email": email, "password": PASSWORD, "display_name": name,
    })
    assert response.status_code == 201, response.text
    handle = response.json()["user"]["handle"]
    token = await client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
    assert token.status_code == 200, token.text
    return Person(client, email, handle, token.json()["token"])


async def launch_campaign(manager: Person, title: str = "Next big flavour") -> dict[str, Any]:
    org = await manager.post("/orgs", {
        "name": f"Brand {uuid.uuid4().hex[:6]}", "kind": "brand", "color": "#ff5a36",
    })
    assert org.status_code == 201, org.text
    campaign = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": title, "kind": "idea", "description": "Tell us **everything**.",
    })
    assert campaign.status_code == 201, campaign.text
    return campaign.json()


def png_bytes(size: tuple[int, int] = (640, 480), color: str = "#3366ff") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


async def upload(person: Person, data: bytes, content_type: str = "image/png",
                 filename: str = "picture.png") -> dict[str, Any]:
    """Upload like a browser does: presigned POST straight to storage, then complete."""
    started = await person.post("/media/uploads", {
        "filename": filename, "content_type": content_type, "size": len(data),
    })
    assert started.status_code == 201, started.text
    form = started.json()["upload"]
    async with httpx.AsyncClient() as storage_client:
        stored = await _post_to_storage(person.client, storage_client, form, data, content_type)
    assert stored.status_code in (200, 201, 204), stored.text
    media_id = started.json()["media_id"]
    completed = await person.post(f"/media/{media_id}/complete")
    assert completed.status_code == 202, completed.text
    return await wait_for(person, f"/media/{media_id}", lambda m: m["status"] != "processing")


async def _post_to_storage(app_client: httpx.AsyncClient, storage_client: httpx.AsyncClient,
                           form: dict[str, Any], data: bytes, content_type: str
                           ) -> httpx.Response:
    files = {"file": ("upload", data, content_type)}
    if form["url"].startswith("http://testserver"):
        return await app_client.post(form["url"], data=form["fields"], files=files)
    return await storage_client.post(form["url"], data=form["fields"], files=files)


# How long a story waits for the worker process. A job takes a fraction of a second alone,
# but on a busy 2-core machine the worker may first work through the jobs earlier stories of
# its test process left (cards, mail): this bounds a wait, it is not a timing under test.
WORKER_PATIENCE = 60.0


async def eventually(condition: Callable[[], Awaitable[bool]], what: str,
                     seconds: float = WORKER_PATIENCE) -> None:
    """Wait until a worker has made `condition` true (checked every tenth of a second)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not await condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds} seconds")
        await asyncio.sleep(0.1)


async def wait_for(person: Person, path: str, done: Any,
                   seconds: float = WORKER_PATIENCE) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        response = await person.get(path)
        assert response.status_code == 200, response.text
        body = response.json()
        if done(body):
            return body
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{path} did not settle: {body}")
        await asyncio.sleep(0.1)
