"""Demo data: one brand with a manager, an open idea challenge, fans, ideas with images,
votes and badges, and a non-profit's fundraiser with gifts and two fans' own fundraising
pages in a team. Running it again changes nothing."""

from __future__ import annotations

import io
import math
import random
from datetime import UTC, datetime, timedelta

from PIL import Image, ImageDraw

from cocreate.doors import jobs
from cocreate.doors.ratelimit import Limiter
from cocreate.doors.storage import Storage, create_storage
from cocreate.models import (
    Campaign,
    CampaignImage,
    Comment,
    Entry,
    FundraisingPage,
    FundraisingTeam,
    Gift,
    Job,
    Media,
    Tag,
    User,
)
from cocreate.services.accounts import accounts
from cocreate.services.campaigns import campaigns, story_images
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.conversation import comments
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries, remix
from cocreate.services.fundraising import fundraising_pages, gifts
from cocreate.services.judging import prizes
from cocreate.services.media import media
from cocreate.services.orgs import orgs
from cocreate.services.tags import tag_curation
from cocreate.services.voting import voting
from cocreate.settings import Settings
from workers.tasks import HANDLERS

PASSWORD = "cocreate-demo"
MANAGER = ("manager@demo.cocreate.test", "Maya Okafor")
FANS = [
    ("ana@demo.cocreate.test", "Ana Souza"),
    ("kenji@demo.cocreate.test", "Kenji Watanabe"),
    ("lea@demo.cocreate.test", "Léa Martin"),
    ("omar@demo.cocreate.test", "Omar Haddad"),
]
ORG = {"slug": "fizzwell", "name": "Fizzwell Sparkling", "kind": "brand", "color": "#ff5a36"}
CAMPAIGN_TITLE = "Flavour of the summer"
CAMPAIGN_TEXT = """Which flavour should we bottle next? **Pitch us your idea**: the taste, the
name, the moment you'd drink it. The community votes; the top ideas go to our tasting lab.

- One idea per entry, add a picture if you have one
- Vote for the ideas you'd buy
"""
CAMPAIGN_RULES = """1. Ideas must be your own. Building on someone else's idea is welcome: say so.
2. One person, one account. Votes from fake accounts are removed.
3. By submitting, you let Fizzwell Sparkling show your idea on its channels with your name.
4. Winners are picked by the Fizzwell team from the ten most-voted ideas.
"""
PRIZES = [
    prizes.PrizeIn(1, "Your flavour, bottled", "We brew it, and your name goes on the label."),
    prizes.PrizeIn(2, "A year of Fizzwell", "A crate every month, on us."),
    prizes.PrizeIn(3, "Tasting-day invite", "Join the team for a day at the brewery."),
]
IDEAS = [  # title, description, author index, tags, a tag the author suggests
    ("Cucumber & mint cooler", "Ice-cold, barely sweet, for the hottest afternoon.", 0,
     ["herbal", "low-sugar"], None),
    ("Blood orange sunset", "Bitter-sweet and deep red: a drink for golden hour.", 1,
     ["citrus"], None),
    ("Yuzu spark", "Bright citrus with a little heat from ginger.", 2, ["citrus"], "Spicy"),
    ("Watermelon basil", "Picnic in a can. Fresh basil keeps it grown-up.", 3,
     ["herbal", "fruity"], None),
    ("Peach & jasmine tea", "Soft, floral, the sparkling iced tea nobody sells yet.", 0,
     ["floral", "fruity"], "Iced tea"),
]
TAGS = [("Citrus", "#c05621"), ("Herbal", "#2f855a"), ("Floral", "#b83280"),
        ("Fruity", "#c53030"), ("Low sugar", "#2b6cb0")]
COMMENTS = [  # idea index, commenter index, text
    (0, 1, "Cucumber and mint after a run would be perfect. Less sugar, please!"),
    (0, 2, "Yes to low sugar. Mint makes it taste sweeter anyway."),
    (2, 3, "Ginger heat with yuzu sounds amazing. Maybe a low sugar version too?"),
    (4, 1, "Jasmine tea with sparkle: I would buy a crate."),
]


def _demo_image(seed: int) -> bytes:
    """A colourful abstract picture, made here so the demo ships no image files."""
    rng = random.Random(seed)
    width, height = 1200, 900
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    top = tuple(rng.randint(120, 255) for _ in range(3))
    bottom = tuple(rng.randint(20, 140) for _ in range(3))
    for y in range(height):
        t = y / height
        shade = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=shade)
    for _ in range(9):
        radius = rng.randint(60, 220)
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        fill = tuple(rng.randint(150, 255) for _ in range(3))
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=fill)
    for i in range(0, width, 40):
        y = int(height * 0.75 + 30 * math.sin(i / 90 + seed))
        draw.ellipse([i, y, i + 16, y + 16], fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


async def _person(email: str, name: str) -> User:
    """A demo account, its email already confirmed."""
    person = await User.get_or_none(email=email)
    person = person or await accounts.create_user(email, PASSWORD, name)
    if person.email_verified_at is None:
        person.email_verified_at = datetime.now(UTC)
        await person.save(update_fields=["email_verified_at"])
    return person


async def _ready_image(deps: Deps, owner: User, seed: int) -> Media:
    data = _demo_image(seed)
    found, _ = await media.start_upload(deps, owner, f"idea-{seed}.jpg", "image/jpeg", len(data))
    await deps.storage.write(found.upload_key, data, "image/jpeg")
    await media.complete_upload(deps, owner, found.id)
    await media.process_upload(
        deps.storage, deps.settings, found.id
    )
    return await Media.get(id=found.id)


REMIX_TITLE = "Remix our summer ad"
REMIX_TEXT = """Our summer spot is in the kit below. **Make it yours**: recolour it, cut it up,
add your own twist, and credit what you built on. The best remixes run on our channels."""
KIT_LICENCE = ("Free to remix for this challenge. Credit Fizzwell Sparkling; do not use it "
               "to advertise anything else.")
REMIXES = [  # title, author index, remixes the kit, remixes the remix at this index
    ("Sunset fizz", 0, True, None),
    ("Sunset fizz, slowed down", 1, True, 0),
    ("Neon night version", 2, False, 1),
]


async def _remix_challenge(deps: Deps, manager: User, fans: list[User], org) -> Campaign:  # type: ignore[no-untyped-def]
    """A remix challenge with the brand's kit and a small family tree of remixes."""
    campaign = await Campaign.get_or_none(org=org, title=REMIX_TITLE)
    if campaign is None:
        campaign = await campaigns.create_campaign(manager, org.slug, "remix", CampaignSettings(
            title=REMIX_TITLE, description=REMIX_TEXT,
            dates={"closes_at": datetime.now(UTC) + timedelta(days=10)},
        ))
        still = await _ready_image(deps, manager, 7)
        await remix.add_kit_asset(manager, campaign.slug, still.id, "Summer spot, key frame",
                                  KIT_LICENCE)
    kit = await remix.kit(campaign)
    made: list[str] = []
    for title, author_index, uses_kit, source_index in REMIXES:
        found = await Entry.get_or_none(campaign=campaign, title=title)
        if found is None:
            image = await _ready_image(deps, fans[author_index], len(title) * 3)
            found = await entries.submit(
                deps, fans[author_index], campaign.slug, title, "", image.id,
                kit_asset_ids=[kit[0].id] if uses_kit and kit else [],
                remix_of=[made[source_index]] if source_index is not None else [],
            )
        made.append(found.id)
    return campaign


async def _tags(deps: Deps, manager: User, campaign: Campaign) -> None:
    for name, color in TAGS:
        if not await Tag.exists(campaign=campaign, name=name):
            await tag_curation.create(deps, manager, campaign.slug, name, color)


async def _comments(deps: Deps, fans: list[User], campaign: Campaign) -> None:
    """A little conversation, so the listening page has something to show."""
    for idea_index, fan_index, text in COMMENTS:
        entry = await Entry.get(campaign=campaign, title=IDEAS[idea_index][0])
        if not await Comment.exists(entry=entry, body=text):
            await comments.post(deps, fans[fan_index], entry.id, text)


CHARITY = {"slug": "riverside-kitchen", "name": "Riverside Community Kitchen",
           "kind": "nonprofit", "color": "#0e7c66"}
FUNDRAISER_TITLE = "Hot meals all winter"
FUNDRAISER_STORY = """Every evening our volunteers cook for **120 neighbours** who would
otherwise go without. This winter we want to keep the kitchen open seven days a week.

![Volunteers ladling soup at the kitchen's long table](image:1)

- €5 buys a hot meal
- €25 keeps the soup pots full for an evening
- €100 pays for a week of fresh bread

Fizzwell Sparkling doubles every gift, up to €500.
"""
GIFTS = [  # fan index, euros, anonymous, message, paid
    (0, 25, False, "Keep the soup coming!", True),
    (1, 50, True, "For the volunteers.", True),
    (2, 10, False, "", True),
    (3, 100, False, "Bread for a week, on me.", False),  # a pledge, not paid yet
]


async def _fundraiser(deps: Deps, manager: User, fans: list[User]) -> Campaign:
    """A non-profit's fundraiser, matched by a sponsor, with paid gifts and one pledge."""
    org = await orgs.Organization.get_or_none(slug=CHARITY["slug"])
    if org is None:
        org = await orgs.create_org(manager, CHARITY["name"], CHARITY["kind"], CHARITY["slug"],
                                    CHARITY["color"])
    campaign = await Campaign.get_or_none(org=org, title=FUNDRAISER_TITLE)
    if campaign is None:
        cover = await _ready_image(deps, manager, 42)
        campaign = await campaigns.create_campaign(manager, org.slug, "fundraiser",
                                                   CampaignSettings(
            title=FUNDRAISER_TITLE, description=FUNDRAISER_STORY, cover_media_id=cover.id,
            dates={"closes_at": datetime.now(UTC) + timedelta(days=30)},
            fundraiser=FundraiserSettings(
                goal=500_000, currency="EUR", suggested_amounts=[500, 2500, 5000, 10000],
                sponsor_name="Fizzwell Sparkling", match_percent=100, match_cap=50_000),
        ))
    if not await CampaignImage.exists(campaign=campaign):
        photo = await _ready_image(deps, manager, 7)
        await story_images.add_image(deps, manager, campaign.slug, photo.id,
                                     "Volunteers ladling soup at the kitchen's long table")
    if not await Gift.exists(campaign=campaign):
        for fan_index, euros, anonymous, message, paid in GIFTS:
            started = await gifts.give(deps, fans[fan_index], campaign.slug, euros * 100,
                                       anonymous=anonymous, message=message)
            if paid:
                await gifts.manage(deps, manager, started.gift.id, "paid")
    return campaign


PAGES = [  # fan index, title, euros goal, story, team: (start, name) or (join, name)
    (2, "Léa cycles 100 km for hot meals", 500,
     "I cycle to the coast and back in one day. **Every kilometre is a meal** for a "
     "neighbour: sponsor me!", ("start", "Riverside Riders")),
    (3, "Omar bakes for the kitchen", 300,
     "Bread every Saturday at the market stall; all the takings go to the kitchen.",
     ("join", "Riverside Riders")),
]
PAGE_GIFTS = [  # page index, fan index, euros, anonymous, message
    (0, 0, 40, False, "Go Léa, go!"),
    (0, 1, 25, True, "For the last ten kilometres."),
    (1, 0, 15, False, "Save me a loaf."),
]


async def _fundraising_pages(deps: Deps, manager: User, fans: list[User],
                             campaign: Campaign) -> None:
    """Two fans' own pages under the fundraiser, in one team, with a few paid gifts."""
    made = []
    for fan_index, title, goal, story, (how, team) in PAGES:
        page = await FundraisingPage.get_or_none(campaign=campaign, owner=fans[fan_index])
        if page is None:
            slug = await FundraisingTeam.filter(campaign=campaign, name=team).values_list(
                "slug", flat=True)
            page = await fundraising_pages.create_page(
                deps, fans[fan_index], campaign.slug, fundraising_pages.PageInput(
                    title=title, goal=goal * 100, story=story,
                    new_team=team if how == "start" else None,
                    team=slug[0] if how == "join" and slug else None))
        made.append(page)
    if await Gift.exists(campaign=campaign, page_id__isnull=False):
        return
    for page_index, fan_index, euros, anonymous, message in PAGE_GIFTS:
        started = await gifts.give(deps, fans[fan_index], campaign.slug, euros * 100,
                                   anonymous=anonymous, message=message,
                                   page_id=made[page_index].id)
        await gifts.manage(deps, manager, started.gift.id, "paid")


async def _run_jobs(deps: Deps, storage: Storage) -> None:
    context = jobs.JobContext(settings=deps.settings, storage=storage)
    if deps.settings.uses_redis:
        await deps.jobs.relay_once()  # a worker renders them
        return
    for job in await Job.filter(status="pending"):
        await jobs.execute(job.id, context, HANDLERS)


async def seed(settings: Settings) -> None:
    relaxed = settings.model_copy(update={
        name: "1000/minute" for name in (
            "rate_limit_signup", "rate_limit_votes", "rate_limit_uploads",
            "rate_limit_submissions", "rate_limit_comments", "rate_limit_tags",
            "rate_limit_gifts",
        )
    })
    storage = create_storage(settings)
    await storage.check()
    runner = jobs.create_job_runner(settings, jobs.JobContext(settings, storage), HANDLERS)
    deps = Deps(settings=relaxed, storage=storage, jobs=runner, limiter=Limiter(relaxed))

    manager = await _person(*MANAGER)
    fans = [await _person(email, name) for email, name in FANS]
    org = await orgs.Organization.get_or_none(slug=ORG["slug"])
    if org is None:
        org = await orgs.create_org(manager, ORG["name"], ORG["kind"], ORG["slug"], ORG["color"])
    campaign = await Campaign.get_or_none(org=org, title=CAMPAIGN_TITLE)
    if campaign is None:
        cover = await _ready_image(deps, manager, 99)
        now = datetime.now(UTC)
        campaign = await campaigns.create_campaign(manager, org.slug, "idea", CampaignSettings(
            title=CAMPAIGN_TITLE, description=CAMPAIGN_TEXT, cover_media_id=cover.id,
            rules=CAMPAIGN_RULES, dates={
                "closes_at": now + timedelta(days=14), "voting_ends_at": now + timedelta(days=21),
                "results_at": now + timedelta(days=28),
            },
        ))
        await prizes.set_prizes(manager, campaign.slug, PRIZES)
    await _tags(deps, manager, campaign)
    for title, body, author_index, tag_slugs, suggestion in IDEAS:
        author = fans[author_index]
        if await Entry.exists(campaign=campaign, title=title):
            continue
        image = await _ready_image(deps, author, len(title))
        entry = await entries.submit(deps, author, campaign.slug, title, body, image.id,
                                     accept_rules=True, tag_slugs=tag_slugs,
                                     suggested_tag=suggestion)
        for voter in fans[: (len(title) % len(fans)) + 1]:
            if voter.id != author.id:
                await voting.cast(deps, voter, entry.id)
    await _comments(deps, fans, campaign)
    remix_campaign = await _remix_challenge(deps, manager, fans, org)
    fundraiser = await _fundraiser(deps, manager, fans)
    await _fundraising_pages(deps, manager, fans, fundraiser)
    await _run_jobs(deps, storage)
    await runner.stop()

    print(f"Demo data is ready. Log in with any of these (password: {PASSWORD}):")
    print(f"  manager of {ORG['name']}: {MANAGER[0]}")
    for email, name in FANS:
        print(f"  fan {name}: {email}")
    print(f"Campaign: {settings.absolute_url('/c/' + campaign.slug)}")
    print(f"What its fans ask for: {settings.absolute_url('/c/' + campaign.slug + '/listening')}")
    print(f"Remix challenge: {settings.absolute_url('/c/' + remix_campaign.slug)}")
    print(f"Fundraiser: {settings.absolute_url('/c/' + fundraiser.slug)}")
    print("Its leaderboard of fans' own pages: "
          f"{settings.absolute_url('/c/' + fundraiser.slug + '/leaderboard')}")
