"""The coaching page in a real browser: headless Chromium, driven by Selenium.

Skipped, saying why, where Chromium or its driver is not installed (.ci/run
installs Debian's chromium and chromium-driver; a failed install only skips
these tests). The server runs in this process on a free loopback port.
Set RECORDCHECK_SCREENSHOTS to a folder to keep a screenshot of the page.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from recordcheck.engine import NoteChecker, PipelineOptions
from recordcheck.serve.server import bind, make_server, page_address

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
DRIVER = shutil.which("chromedriver")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (CHROMIUM and DRIVER),
        reason="no headless browser: install Debian's chromium and chromium-driver",
    ),
]
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as shows  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

NOTE = "Dad seemed drunk when I arrived. Concerns passed to police."


@pytest.fixture(scope="module")
def address(real_nlp):
    """The page's address, served from a thread of this process on a free port."""
    sock = bind(0)
    server = make_server(NoteChecker.for_pipeline(real_nlp, PipelineOptions()))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield page_address(sock)
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,1400", "--disable-gpu", "--no-first-run"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=webdriver.ChromeService(DRIVER), options=options)
    yield driver
    driver.quit()


def wait(browser, condition, seconds: float = 20):
    return WebDriverWait(browser, seconds).until(condition)


def keep_screenshot(browser, name: str) -> None:
    folder = os.environ.get("RECORDCHECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(Path(folder) / name))


def test_typing_a_note_shows_the_highlight_reason_and_rewrite(address, browser):
    browser.get(address)
    note = browser.find_element(By.ID, "note")
    note.send_keys(NOTE)
    note.send_keys(Keys.CONTROL, Keys.ENTER)  # checks without leaving the keyboard

    wait(browser, shows.presence_of_element_located((By.ID, "finding-2")))
    marks = browser.find_elements(By.CSS_SELECTOR, "#marked-note mark")
    assert [mark.text for mark in marks] == [
        "Dad seemed drunk when I arrived", "Concerns passed to police"
    ]
    first = browser.find_element(By.ID, "finding-1")
    assert "Opinion recorded as fact" in first.text and "Hedge" in first.text
    assert "recorded without saying what it was based on" in first.text
    rewrite = first.find_element(By.CSS_SELECTOR, ".rewrite")
    assert rewrite.text == (
        "Dad [what you saw or heard: e.g. slurred speech, smelled of alcohol] when I arrived."
    )
    gap = rewrite.find_element(By.CSS_SELECTOR, ".gap")
    assert gap.text == "[what you saw or heard: e.g. slurred speech, smelled of alcohol]"
    status = browser.find_element(By.ID, "status").text
    assert status.startswith("2 findings")
    keep_screenshot(browser, "coach-findings.png")

    marks[1].find_element(By.TAG_NAME, "a").send_keys(Keys.ENTER)  # a mark leads to its finding
    assert browser.switch_to.active_element.get_attribute("id") == "finding-2"


def test_the_keyboard_reaches_everything_in_order(address, browser):
    browser.get(address)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    order = []
    for _ in range(5):
        active = browser.switch_to.active_element
        order.append(active.get_attribute("id") or active.get_attribute("class"))
        active.send_keys(Keys.TAB)
    assert order == ["skip-link", "note", "note-type", "check-button", "clear-button"]


def test_an_example_from_the_standard_is_a_click_away(address, browser):
    browser.get(address)
    details = wait(browser, shows.element_to_be_clickable((By.CSS_SELECTOR, "#standard-opinion")))
    details.find_element(By.TAG_NAME, "summary").click()
    label = "Try it: He is manipulative."
    button = details.find_element(By.CSS_SELECTOR, f"button[aria-label='{label}']")
    button.click()

    wait(browser, shows.presence_of_element_located((By.ID, "finding-1")))
    assert browser.find_element(By.ID, "note").get_attribute("value") == "He is manipulative."
    assert browser.find_element(By.CSS_SELECTOR, "#marked-note mark").text == "He is manipulative"
    assert browser.find_element(By.CSS_SELECTOR, "#finding-1 .rewrite").text == (
        "He [what they said or did]."
    )
    keep_screenshot(browser, "coach-example.png")


def test_every_control_is_labelled_and_headings_do_not_skip_levels(address, browser):
    browser.get(address)
    wait(browser, shows.presence_of_element_located((By.CSS_SELECTOR, "#standard-opinion")))
    note = browser.find_element(By.ID, "note")
    note.send_keys("Mum seemed drunk.", Keys.CONTROL, Keys.ENTER)
    wait(browser, shows.presence_of_element_located((By.ID, "finding-1")))
    unlabelled = browser.execute_script(
        "return [...document.querySelectorAll('textarea, input, select')]"
        ".filter(e => !e.labels.length).map(e => e.id)"
    )
    nameless = browser.execute_script(
        "return [...document.querySelectorAll('button, a[href]')]"
        ".filter(e => !(e.getAttribute('aria-label') || e.textContent).trim()).length"
    )
    levels = browser.execute_script(
        "return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
        ".map(h => Number(h.tagName[1]))"
    )
    assert unlabelled == [] and nameless == 0
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))
