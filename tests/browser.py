"""Someone using the HTML pages: GET a page, read its CSRF token, post its forms (plainly, or
the way htmx does), and read what came back: meta tags, field errors, links."""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html.parser import HTMLParser
from typing import Any

import httpx

from tests.people import PASSWORD

CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]*)">')
CARD_LINK = re.compile(r'class="card-link" href="/e/([a-z0-9]+)"')
REFERRAL_CODE = re.compile(r'\?ref=([a-z0-9]+)')


@asynccontextmanager
async def new_client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """Another browser, from its own address (rate limits count per address)."""
    address = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


class Browser:
    """Holds one client's cookies and the CSRF token of the last page it loaded."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.csrf = ""
        self.email = ""

    async def get(self, path: str, *, htmx: bool = False, **kwargs: Any) -> httpx.Response:
        headers = {"HX-Request": "true"} if htmx else {}
        response = await self.client.get(path, headers=headers, **kwargs)
        found = CSRF_META.search(response.text)
        if found:
            self.csrf = found.group(1)
        return response

    async def post(self, path: str, data: dict[str, str], *, htmx: bool = False,
                   csrf: bool = True, headers: dict[str, str] | None = None) -> httpx.Response:
        """Submit a form. htmx=True sends what htmx sends: HX-Request and the token header."""
        if not self.csrf:
            await self.get("/")
        fields = {**({"csrf_token": self.csrf} if csrf and not htmx else {}), **data}
        sent = dict(headers or {})
        if htmx:
            sent["HX-Request"] = "true"
            if csrf:
                sent["X-CSRF-Token"] = self.csrf
        return await self.client.post(path, data=fields, headers=sent)

    # What people do, through the forms -------------------------------------------------

    async def log_in(self, email: str) -> Browser:
        await self.get("/login")
        await self.post("/login", {"email": email, "password": PASSWORD})
        self.email = email
        return self

    async def share_code(self, entry_id: str) -> str:
        """The referral code in the share links of an entry's page, as this person sees it."""
        found = REFERRAL_CODE.search((await self.get(f"/e/{entry_id}")).text)
        assert found, "no share link with a referral code on the entry page"
        return found.group(1)

    async def sign_up(self, name: str = "Fan") -> httpx.Response:
        self.email = f"{uuid.uuid4().hex[:10]}@example.test"
        await self.get("/signup")
        response = await self.post("/signup", {
            "email": self.email, "password": PASSWORD, "display_name": name,
        })
        assert response.status_code == 303, response.text
        return response

    async def create_org(self, name: str, color: str = "#0e7c66", kind: str = "brand") -> str:
        await self.get("/orgs/new")
        response = await self.post("/orgs/new", {"name": name, "kind": kind, "color": color})
        assert response.status_code == 303, response.text
        return response.headers["location"]

    async def launch_campaign(self, org_path: str, title: str, description: str = "Ideas, please.",
                              closes_at: str = "2031-06-30T18:00", **settings: str) -> str:
        """Fill in the launch form like a manager: the defaults it shows, plus `settings`."""
        await self.get(f"{org_path}/campaigns/new")
        response = await self.post(f"{org_path}/campaigns/new", {
            "title": title, "description": description, "closes_at": closes_at,
            "vote_in_open": "1", "moderation": "post", "report_threshold": "3", **settings,
        })
        assert response.status_code == 303, response.text
        return response.headers["location"]

    async def submit_idea(self, campaign_path: str, title: str, body: str = "",
                          media_id: str = "") -> str:
        await self.get(campaign_path)
        response = await self.post(f"{campaign_path}/entries",
                                   {"title": title, "body": body, "media_id": media_id})
        assert response.status_code == 303, response.text
        return response.headers["location"]


def gallery_ids(html: str) -> list[str]:
    """The entries a gallery shows, in order."""
    return CARD_LINK.findall(html)


class _MetaParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta":
            return
        values = dict(attrs)
        key = values.get("property") or values.get("name")
        if key and values.get("content") is not None:
            self.tags.setdefault(key, values["content"] or "")


def meta_tags(html: str) -> dict[str, str]:
    """<meta property|name=... content=...> as a dict (HTML entities decoded)."""
    parser = _MetaParser()
    parser.feed(html)
    return parser.tags
