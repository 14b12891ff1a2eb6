"""Share cards rendered per second on one core, as ratios to a bare Pillow floor and to a
headless-Chromium screenshot of the same card in HTML, all measured in the same run.

    .venv/bin/python -m tests.bench.cards [--seconds 4] [--cpu N]

The whole process, and the Chromium it starts, is pinned to one CPU (`--cpu`, default the
first this process may use), so every figure is per core. For each format (og 1200×630,
square 1080×1080, story 1080×1920), three loops run for `--seconds` each after a warm-up:

- card: `render_card` of a badge card with a 2400×1600 entry photo, an avatar and a logo
  (decode, layout, per-script text, PNG encode), single-threaded, as a worker renders it;
- floor: a new canvas of the same size, one line of text in Noto Sans, PNG encode: the least
  any Pillow card costs;
- chromium: the same card as an HTML page (same size, texts and images, the locally installed
  Noto fonts) loaded into one reused Playwright page of Debian's Chromium and screenshot as
  PNG, which is what a headless-browser card service does per card.

Every iteration uses another name ("… 17"), so no cache holds a finished line. Not part of
the pass/fail suite.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import html
import os
import time
from collections.abc import Awaitable, Callable
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont
from playwright.async_api import Page, async_playwright

from cocreate.lib.cards import CARD_SIZES, CardContent, render_card
from cocreate.lib.cards.fonts import base_face, font_path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [  # as tests/e2e/conftest.py launches it
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
NAME, CAMPAIGN, ORG, BADGE, BRAND = (
    "Zoë Łukasiewicz", "Spring Remix Challenge", "Acme Outdoor", "Contributor", "#1B2A6B")


def _picture(size: tuple[int, int], color: tuple[int, int, int], kind: str) -> bytes:
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for y in range(0, size[1], 24):
        draw.rectangle((0, y, size[0], y + 10), fill=(color[0] // 2, color[1], 200))
    draw.ellipse((size[0] // 3, size[1] // 5, size[0] // 3 * 2, size[1] // 5 * 4), fill="white")
    out = BytesIO()
    image.save(out, kind)
    return out.getvalue()


ENTRY_JPEG = _picture((2400, 1600), (220, 120, 60), "JPEG")  # a photo as uploaded
AVATAR_JPEG = _picture((400, 400), (40, 160, 200), "JPEG")
LOGO_PNG = _picture((360, 120), (0, 150, 70), "PNG")


def card_content(i: int) -> CardContent:
    return CardContent(BADGE, f"{NAME} {i}", CAMPAIGN, ORG, BRAND, ENTRY_JPEG,
                       avatar_image=AVATAR_JPEG, logo_image=LOGO_PNG)


def floor_card(size: tuple[int, int], font: ImageFont.FreeTypeFont, i: int) -> bytes:
    canvas = Image.new("RGB", size, (27, 42, 107))
    ImageDraw.Draw(canvas).text((64, size[1] // 2), f"{NAME} {i}", font=font, fill="white")
    out = BytesIO()
    canvas.save(out, "PNG")
    return out.getvalue()


def _data_uri(data: bytes, kind: str) -> str:
    return f"data:image/{kind};base64,{base64.b64encode(data).decode()}"


ENTRY_URI, AVATAR_URI, LOGO_URI = (
    _data_uri(ENTRY_JPEG, "jpeg"), _data_uri(AVATAR_JPEG, "jpeg"), _data_uri(LOGO_PNG, "png"))


def card_html(size: tuple[int, int], i: int) -> str:
    """The badge card as a page: the same texts, pictures, colours and arrangement."""
    w, h = size
    landscape = w > h
    u = h / 630 if landscape else w / 1080
    pad = round(60 * u if landscape else 72 * u)
    visual_w = round(w * 0.38) if landscape else w - 2 * pad
    visual_h = h - 2 * pad if landscape else round(h * (0.43 if h == w else 0.49))
    name = html.escape(f"{NAME} {i}")
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; width: {w}px; height: {h}px; overflow: hidden; }}
body {{ font-family: "Noto Sans", "Noto Sans CJK JP", "Noto Color Emoji", sans-serif;
  background: linear-gradient(135deg, #1B2A6B, #172459); color: #fff; position: relative; }}
.visual {{ position: absolute; {'right' if landscape else 'left'}: {pad}px;
  top: {round(h * 0.14) if h > w * 1.4 else pad}px; width: {visual_w}px; height: {visual_h}px;
  border-radius: {round(28 * u)}px; overflow: hidden;
  box-shadow: 0 {round(9 * u)}px {round(36 * u)}px rgba(0,0,0,.35); }}
.visual img.entry {{ width: 100%; height: 100%; object-fit: cover; object-position: 50% 40%; }}
.avatar {{ position: absolute; left: {round(28 * u)}px; bottom: {round(28 * u)}px;
  width: {round(112 * u)}px; height: {round(112 * u)}px; border-radius: 50%;
  border: {round(6 * u)}px solid #1B2A6B; object-fit: cover; }}
.column {{ position: absolute; left: {pad}px; bottom: {pad}px;
  width: {w - 2 * pad - (visual_w + pad if landscape else 0)}px;
  {'top: ' + str(pad) + 'px;' if landscape else ''} display: flex; flex-direction: column;
  justify-content: space-between; gap: {round(18 * u)}px; }}
.pill {{ align-self: flex-start; background: #fff; color: #1B2A6B; font-weight: 700;
  border-radius: 999px; padding: {round(10 * u)}px {round(20 * u)}px;
  font-size: {round(22 * u)}px; text-transform: uppercase; }}
.pill::before {{ content: "★ "; }}
h1 {{ margin: 0; font-size: {round(80 * u)}px; line-height: 1.2; font-weight: 700; }}
.title {{ font-size: {round(32 * u)}px; }}
.org {{ display: flex; align-items: center; gap: {round(13 * u)}px; color: #D1D4E1;
  font-size: {round(26 * u)}px; }}
.org img {{ height: {round(40 * u)}px; padding: {round(8 * u)}px; background: #fff;
  border-radius: {round(13 * u)}px; }}
.mark {{ font-weight: 700; font-size: {round(26 * u)}px; }}
</style></head><body>
<div class="visual"><img class="entry" src="{ENTRY_URI}" alt=""><img class="avatar"
  src="{AVATAR_URI}" alt=""></div>
<div class="column"><span class="pill">{BADGE}</span>
  <div><h1>{name}</h1><div class="title">for {CAMPAIGN}</div>
  <div class="org"><img src="{LOGO_URI}" alt="">{ORG}</div></div>
  <div class="mark">∞ cocreate</div></div>
</body></html>"""


async def chromium_card(page: Page, size: tuple[int, int], i: int) -> bytes:
    await page.set_content(card_html(size, i), wait_until="load")
    return await page.screenshot(type="png")


def _rate_sync(work: Callable[[int], bytes], seconds: float) -> float:
    work(0)  # warm-up: fonts, caches, imports
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        done += 1
        work(done)
    return done / elapsed


async def _rate_async(work: Callable[[int], Awaitable[bytes]], seconds: float) -> float:
    await work(0)
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        done += 1
        await work(done)
    return done / elapsed


async def run(seconds: float) -> dict[str, dict[str, float]]:
    font_file = font_path(base_face(bold=True))
    results: dict[str, dict[str, float]] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for fmt, size in CARD_SIZES.items():
                font = ImageFont.truetype(str(font_file), round(80 * min(size) / 630)) \
                    if font_file else ImageFont.load_default(80)
                card = _rate_sync(lambda i, s=size: render_card(card_content(i), s), seconds)
                floor = _rate_sync(lambda i, s=size, f=font: floor_card(s, f, i), seconds)
                page = await browser.new_page(viewport={"width": size[0], "height": size[1]})
                chromium = await _rate_async(
                    lambda i, p=page, s=size: chromium_card(p, s, i), seconds)
                await page.close()
                results[fmt] = {"card": card, "floor": floor, "chromium": chromium}
        finally:
            await browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="per loop (default 4)")
    parser.add_argument("--cpu", type=int, default=min(os.sched_getaffinity(0)))
    args = parser.parse_args()
    os.sched_setaffinity(0, {args.cpu})  # Chromium inherits it: every figure is per core
    results = asyncio.run(run(args.seconds))
    print(f"one core (CPU {args.cpu}), {args.seconds:g} s per loop, cards per second:")
    print(f"{'format':8} {'size':>10} {'card':>8} {'floor':>8} {'chromium':>9} "
          f"{'card/floor':>11} {'card/chromium':>14}")
    for fmt, r in results.items():
        w, h = CARD_SIZES[fmt]
        print(f"{fmt:8} {f'{w}x{h}':>10} {r['card']:8.1f} {r['floor']:8.1f} "
              f"{r['chromium']:9.1f} {r['card'] / r['floor']:11.3f} "
              f"{r['card'] / r['chromium']:14.2f}")


if __name__ == "__main__":
    main()
