"""The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright), fully offline.

Install the browser with `apt-get install -y chromium`; never `playwright install` (it downloads).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from test_api import Built, build_db, running_server
from wirecoder.schema import HIDDEN_MODALITIES

CHROMIUM = Path(os.environ.get("WIRECODER_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOT = Path(os.environ.get("WIRECODER_SCREENSHOT", "/tmp/wirecoder-web.png"))

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"{CHROMIUM} not found: apt-get install -y chromium to run the browser tests")
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="playwright not installed: pip install 'wirecoder[test]'")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_db(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def base_url(built: Built) -> Iterator[str]:
    with running_server(built.url) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    """A loaded page; records page errors and every request that leaves our server."""
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    pg.errors, pg.foreign = [], []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    host = urlparse(base_url).netloc

    def on_request(req):
        url = urlparse(req.url)
        if url.scheme in ("http", "https") and url.netloc != host:
            pg.foreign.append(req.url)

    pg.on("request", on_request)
    pg.goto(base_url + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=20_000)
    yield pg
    pg.close()


def located_places(events: list[dict]) -> set[tuple[float, float]]:
    return {(round(e["location"]["lat"], 3), round(e["location"]["lon"], 3))
            for e in events if e["location"] and e["location"]["lat"] is not None}


def test_map_timeline_network_and_list_are_drawn(page, built):
    visible = built.visible
    # One marker per distinct location of the visible events, drawn over the offline basemap.
    assert page.locator("path.event-marker").count() == len(located_places(visible)) > 0
    assert page.locator(".leaflet-overlay-pane path").count() > 150  # country outlines + markers
    assert page.locator(".leaflet-tile").count() == 0  # no tiles: nothing to fetch
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#network g.node").count() >= 2 and page.locator("#network line.edge").count() >= 1
    assert page.locator("#event-list tr").count() == len(visible)
    assert page.locator("#actors li").count() > 0
    assert not page.errors and not page.foreign


def test_clicking_an_event_shows_its_evidence(page, built):
    target = next(e for e in built.visible if e["trigger"] and e["trigger"] in e["sentence"] and e["actor"])
    page.locator(f"#event-list tr[data-id='{target['id']}']").click()
    page.wait_for_selector(f"#evidence[data-event-id='{target['id']}']")
    sentence = page.locator("#evidence .sentence")
    assert sentence.inner_text().strip() == target["sentence"].strip()
    assert page.locator("#evidence .sentence mark.trigger").inner_text() == target["trigger"]
    facts = page.locator("#evidence dl.facts").inner_text()
    assert target["event_type"] in facts and target["modality"] in facts
    assert (target["actor"][0]["name"] or target["actor"][0]["text"]) in facts
    assert "Test Wire" in facts or "East Desk" in facts or "Lagos Ledger" in facts  # the source outlet


def test_clicking_a_marker_shows_an_event_there(page, built):
    marker = page.locator("path.event-marker").first
    marker.scroll_into_view_if_needed()
    # The map may still be settling its view when a busy machine gets here: click again if the first
    # click landed while it moved.
    for _ in range(3):
        marker.click(force=True)
        try:
            page.wait_for_selector("#evidence .sentence", timeout=5_000)
            break
        except playwright_api.TimeoutError:
            continue
    page.wait_for_selector("#evidence .sentence")
    shown = page.locator("#evidence").get_attribute("data-event-id")
    event = next(e for e in built.visible if e["id"] == shown)
    assert event["location"] and event["location"]["lat"] is not None


def test_filters_and_hidden_events(page, built):
    page.select_option("#f-type", "ASSAULT")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")
    assaults = [e for e in built.visible if e["event_type"] == "ASSAULT"]
    assert page.locator("#event-list tr").count() == len(assaults) > 0
    assert page.locator("path.event-marker").count() == len(located_places(assaults))
    page.check("#f-hidden")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready='1']")
    every_assault = [e for e in built.events if e["event_type"] == "ASSAULT"]
    assert page.locator("#event-list tr").count() == len(every_assault)
    hidden_rows = page.locator("#event-list td:last-child").all_inner_texts()
    assert HIDDEN_MODALITIES & set(hidden_rows)


def test_bad_filter_shows_the_api_message(page):
    page.fill("#f-country", "")
    page.fill("#f-since", "2023-06-30")
    page.fill("#f-until", "2023-01-01")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert "until" in page.locator("#error").inner_text()


def test_screenshot(page, built):
    """One picture of the whole page after selecting an event, for a person to look at."""
    page.locator("#event-list tr").first.click()
    page.wait_for_selector("#evidence .sentence")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 20_000
