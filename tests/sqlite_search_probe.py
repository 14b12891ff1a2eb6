"""Run in a subprocess by the similar-ideas test: the SQLite (FTS5) path of similar_ideas on a
database `cocreate migrate` built, with the rows written, edited and deleted through the ORM
so the triggers keep the index in step. Prints what each search found, as JSON."""

from __future__ import annotations

import asyncio
import json
import sys

from tortoise import Tortoise

from cocreate.doors.db import tortoise_config
from cocreate.models import Campaign, Entry, Organization, User
from cocreate.services.listening.similar import similar_ideas
from cocreate.settings import Settings


async def _idea(campaign: Campaign, author: User, title: str, body: str = "",
                status: str = "published") -> Entry:
    return await Entry.create(campaign=campaign, author=author, kind="idea", title=title,
                              body=body, body_html=body, status=status)


async def _main(url: str) -> None:
    await Tortoise.init(config=tortoise_config(Settings(database_url=url)))
    try:
        author = await User.create(handle="probe", email="probe@example.test",
                                   password_hash="-", display_name="Probe")
        org = await Organization.create(slug="probe", name="Probe", kind="brand")
        here, there = [await Campaign.create(
            slug=slug, org=org, kind="idea", title=slug, description="", description_html="",
            created_by=author) for slug in ("here", "there")]
        await _idea(here, author, "Refillable bottles in every store",
                    "Bring your empty bottle back and we refill it.")
        await _idea(here, author, "Recycling points for used batteries")
        await _idea(here, author, "Refill bottles at the station", status="hidden")
        await _idea(there, author, "Refillable bottles in every store")
        edited = await _idea(here, author, "Solar chargers")
        await Entry.filter(id=edited.id).update(title="Soap refills by post")
        gone = await _idea(here, author, "Compostable coffee pods")
        await gone.delete()

        async def titles(text: str) -> list[str]:
            return [e.title for e in await similar_ideas(here, text)]

        print(json.dumps({
            "word_forms": await titles("refilling a bottle"),
            "prefix": await titles("batteries recyc"),
            "edited": await titles("soap"),
            "replaced": await titles("solar"),
            "deleted": await titles("coffee pods"),
            "short": await titles("re"),
        }))
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(_main(sys.argv[1]))
