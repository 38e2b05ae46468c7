"""The HTML evidence report: escaping and structure, then the seed event's report in headless Chromium.

The browser test needs Debian's chromium and chromium-driver (.ci/run installs them) and selenium;
without them it is skipped with the reason shown in the test summary. The screenshot is kept at
tests/artifacts/seed_report.png.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summarizer import Article, EventSummary, Evidence, Meeting
from summarizer.evaluation.events import load_events
from summarizer.evaluation.runner import run_event
from summarizer.extract.pipeline import DEFAULT_MODEL, SummaryResult
from summarizer.report.html import render_html, segments, write_report
from tests.conftest import ROOT, SEED_EVENT

ARTIFACTS = ROOT / "tests" / "artifacts"


def test_segments_cover_the_text_and_overlaps() -> None:
    pieces = segments("abcdefghij", [(2, 6, "f0"), (4, 8, "f1")])
    assert "".join(p.text for p in pieces) == "abcdefghij"
    assert [(p.text, p.facts) for p in pieces] == [("ab", ""), ("cd", "f0"), ("ef", "f0 f1"), ("gh", "f1"),
                                                   ("ij", "")]


def test_article_text_is_escaped() -> None:
    article = Article(id="evil", text="<script>alert('x')</script> Xi met Putin in Beijing on Monday.")
    summary = EventSummary(title="<b>t</b>", meetings=[Meeting(participants=["Xi", "Putin"], location="Beijing",
                                                             evidence=[Evidence(article_id="evil",
                                                                                quote="Xi met Putin in Beijing")])])
    result = SummaryResult(summary=summary, model="m", prompt_version="p", prompt_hashes={}, usage={
        "total_tokens": 0, "calls": 0}, elapsed_seconds=0.0, article_ids=["evil"], articles=[article])
    page = render_html(result)
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<b>t</b>" not in page and 'class="ev" data-facts="f0">Xi met Putin in Beijing</mark>' in page
    assert "http://" not in page and "https://" not in page  # self-contained: nothing fetched


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> tuple[Path, SummaryResult]:
    event = next(e for e in load_events() if e.name == SEED_EVENT)
    result = run_event(event, DEFAULT_MODEL, "replay")
    path = tmp_path_factory.mktemp("report") / "seed_report.html"
    write_report(result, path)
    return path, result


def _browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e '.[dev]')")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("headless Chromium is absent: apt-get install chromium chromium-driver (.ci/run does)")
    options = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900"):
        options.add_argument(flag)
    options.binary_location = chromium
    return webdriver.Chrome(service=Service(driver), options=options)


def test_seed_report_in_chromium(seed_report) -> None:
    path, result = seed_report
    browser = _browser()
    try:
        browser.get(path.as_uri())
        facts = browser.find_elements("css selector", "li.fact")
        assert len(facts) == len(result.summary.facts())
        for fact in facts:  # every fact's evidence is highlighted in the sources
            fact_id = fact.get_attribute("data-fact")
            marks = browser.execute_script(
                "return Array.from(document.querySelectorAll('mark.ev'))"
                ".filter(m => m.dataset.facts.split(' ').includes(arguments[0])).length", fact_id)
            assert marks >= 1, f"{fact_id} ({fact.text[:60]}) has no highlighted span"
        verdicts = {f.get_attribute("data-verdict") for f in facts}
        assert "contradicted" in verdicts and "supported" in verdicts  # flagged facts are shown, not hidden
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "seed_report.png"))
        target = next(f for f in facts if f.get_attribute("data-verdict") == "contradicted")
        target.click()
        active = browser.find_elements("css selector", "mark.ev.active")
        assert active and all(target.get_attribute("data-fact") in m.get_attribute("data-facts").split()
                              for m in active)
        assert "selected" in target.get_attribute("class")
        assert browser.execute_script("var r = arguments[0].getBoundingClientRect(); "
                                      "return r.top >= 0 && r.bottom <= window.innerHeight;", active[0])
        browser.save_screenshot(str(ARTIFACTS / "seed_report_clicked.png"))
    finally:
        browser.quit()
