"""``--format html``: a self-contained page, checked as text and in a real headless Chromium.

The browser tests use Debian's chromium and chromium-driver (``.ci/run`` installs them)
through Selenium; nothing downloads a browser. Without ``/usr/bin/chromium`` they are
skipped, unless CHECKER_REQUIRE_BROWSER is set (as ``.ci/run`` sets it), when they fail.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_checker

from checker.engine.session import FileResult
from checker.finding import Finding, Location, Severity
from checker.report.html import HtmlReporter

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
INJECTION = "sample_articles/pasted-embed-code.txt"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = run_checker("--format", "html", "-o", str(out), "--timings", "--no-cache", "sample_articles")
    assert result.returncode == 1, result.stderr
    return out


@pytest.fixture(scope="module")
def expected() -> dict[str, list[dict]]:
    result = run_checker("--format", "json", "--no-cache", "sample_articles")
    return {entry["path"]: entry["findings"] for entry in json.loads(result.stdout)["files"] if entry["findings"]}


class Elements(HTMLParser):
    """Every start tag with its attributes, and the tags inside each article's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_text = 0
        self.inside_text: list[str] = []
        self.text_content: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if self.in_text:
            self.inside_text.append(tag)
        if tag == "pre":
            self.in_text += 1

    def handle_endtag(self, tag):
        if tag == "pre":
            self.in_text -= 1

    def handle_data(self, data):
        if self.in_text:
            self.text_content.append(data)


def parsed(path: Path) -> Elements:
    elements = Elements()
    elements.feed(path.read_text(encoding="utf-8"))
    return elements


# ---- the file ------------------------------------------------------------------------------


def test_the_report_is_self_contained_and_article_text_is_only_text(report):
    page = report.read_text(encoding="utf-8")
    elements = parsed(report)
    scripts = [attrs for tag, attrs in elements.tags if tag == "script"]
    assert len(scripts) == 1 and scripts[0].get("nonce") and "src" not in scripts[0]
    policy = next(attrs["content"] for _, attrs in elements.tags
                  if attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and f"script-src 'nonce-{scripts[0]['nonce']}'" in policy
    for tag, attrs in elements.tags:  # nothing to fetch: no external script, style, font, image or frame
        assert tag not in ("link", "iframe", "img", "object", "embed")
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith("#"), (tag, attrs)
    # Inside the articles' text there is no element but the highlights.
    assert set(elements.inside_text) == {"mark"}
    shown = "".join(elements.text_content)
    assert '<script>window.__pwned = (window.__pwned || 0) + 1; document.body.innerHTML = "hijacked";</script>' in shown
    assert '" onmouseover="window.__pwned=4" data-x="' in shown
    assert "<script>window.__pwned" not in page  # only escaped
    assert page.count("<script") == 1


def test_articles_are_written_as_they_are_checked():
    stream = io.StringIO()
    reporter = HtmlReporter(config=None, stream=stream)  # type: ignore[arg-type]
    reporter.start(session=None)
    text = "Title: A\n\nShare this:\n"
    where = Location(3, 1, 3, 12, 10, 11, "Share this:")
    finding = Finding("boilerplate-share", "boilerplate", Severity.ERROR, "remove <it>", where, ("",))
    reporter.file_done(FileResult("a.txt", findings=[finding], text=text))
    written = stream.getvalue()
    assert 'data-name="a.txt"' in written and ">Share this:</mark>" in written
    assert "remove &lt;it&gt;" in written
    reporter.file_done(FileResult("b.txt", text="clean"))
    assert stream.getvalue() == written  # a clean article is only counted, for the summary


def test_overlapping_and_zero_length_findings_are_cut_into_segments():
    text = "abcdefghij"

    def at(start: int, end: int, rule: str) -> Finding:
        return Finding(rule, "style", Severity.INFO, "m", Location(1, start + 1, 1, end + 1, start, end - start,
                                                                    text[start:end]))

    reporter = HtmlReporter(config=None, stream=io.StringIO())  # type: ignore[arg-type]
    body, _ = reporter.marked_text("a0", text, [at(1, 6, "one"), at(4, 9, "two"), at(2, 2, "point")])
    elements = Elements()
    elements.feed(f"<pre>{body}</pre>")
    assert "".join(elements.text_content) == text  # nothing lost or doubled
    tokens = [attrs["data-f"] for tag, attrs in elements.tags if tag == "mark"]
    assert tokens == ["0", "2", "0", "0 1", "1"]


# ---- in the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        if os.environ.get("CHECKER_REQUIRE_BROWSER"):
            pytest.fail(f"no Chromium at {CHROMIUM} or no driver at {CHROMEDRIVER} "
                        "(apt install chromium chromium-driver)")
        pytest.skip("Chromium is not installed")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for downloads
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1300,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, report):
    browser.get(report.as_uri())
    assert browser.execute_script("return document.body.dataset.ready") == "true"
    return browser


def section_of(driver, path: str):
    from selenium.webdriver.common.by import By

    name = path.lower()
    return next(s for s in driver.find_elements(By.CSS_SELECTOR, "section.article")
                if s.get_attribute("data-name") == name)


def test_highlights_sit_on_the_words_of_each_finding(page, expected):
    texts = page.execute_script("""
        var out = {};
        document.querySelectorAll("section.article").forEach(function (article) {
          var places = {};
          article.querySelectorAll("mark").forEach(function (mark) {
            mark.dataset.f.split(" ").forEach(function (token) {
              places[token] = (places[token] || "") + mark.textContent;
            });
          });
          out[article.dataset.name] = places;
        });
        return out;""")
    assert set(texts) == {path.lower() for path in expected}
    for path, findings in expected.items():
        places = texts[path.lower()]
        for index, finding in enumerate(findings):
            assert places.get(str(index), "") == finding["text"], (path, finding["rule"])
            for number, related in enumerate(finding.get("related", [])):
                assert places.get(f"{index}.{number}", "") == related["text"], (path, finding["rule"], number)


def test_a_category_filter_hides_its_highlights_and_findings(page):
    from selenium.webdriver.common.by import By

    def lit(category: str) -> int:
        return page.execute_script(
            "return Array.prototype.filter.call(document.querySelectorAll('mark.c-' + arguments[0]), function (m) {"
            " return getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)'; }).length;", category)

    assert lit("boilerplate") > 0 and lit("entity") > 0
    page.find_element(By.CSS_SELECTOR, 'input[name="c"][value="boilerplate"]').click()
    assert lit("boilerplate") == 0 and lit("entity") > 0
    hidden = [li for li in page.find_elements(By.CSS_SELECTOR, 'li.finding[data-c="boilerplate"]') if li.is_displayed()]
    assert hidden == []
    assert any(li.is_displayed() for li in page.find_elements(By.CSS_SELECTOR, 'li.finding[data-c="entity"]'))
    page.find_element(By.CSS_SELECTOR, 'input[name="s"][value="error"]').click()  # severity and rule filters too
    assert "Showing" in page.find_element(By.ID, "shown").text
    page.find_element(By.CSS_SELECTOR, 'input[name="s"][value="error"]').click()
    page.find_element(By.CSS_SELECTOR, 'input[name="c"][value="boilerplate"]').click()
    assert lit("boilerplate") > 0


def test_clicking_a_duplicate_jumps_to_its_twin_and_back(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    article = section_of(page, INJECTION)
    index = article.find_element(By.CSS_SELECTOR, 'li.finding[data-r="duplicate-paragraph"]').get_attribute("data-i")
    repeat = next(m for m in article.find_elements(By.TAG_NAME, "mark")
                  if index in m.get_attribute("data-f").split())
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", repeat)
    repeat.click()
    active = page.switch_to.active_element
    assert active.get_attribute("id") == repeat.get_attribute("data-twin")
    assert f"{index}.0" in active.get_attribute("data-f").split()
    assert page.execute_script("var r = arguments[0].getBoundingClientRect();"
                               "return r.top >= 0 && r.bottom <= window.innerHeight;", active)
    active.send_keys(Keys.ENTER)  # and back, from the keyboard
    assert page.switch_to.active_element.get_attribute("id") == repeat.get_attribute("id")


def test_the_injection_article_shows_as_text_and_runs_nothing(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    article = section_of(page, INJECTION)
    for mark in article.find_elements(By.TAG_NAME, "mark"):
        page.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        ActionChains(page).move_to_element(mark).click(mark).perform()
    text = article.find_element(By.CSS_SELECTOR, "pre.text").text
    assert '<script>window.__pwned = (window.__pwned || 0) + 1; document.body.innerHTML = "hijacked";</script>' in text
    assert '<img src="x" onerror="window.__pwned=5">' in text
    assert page.execute_script("return typeof window.__pwned") == "undefined"
    assert page.title == "checker report"
    assert "hijacked" not in page.execute_script("return document.body.innerHTML.slice(0, 200)")
    assert [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"] == []


def test_search_keyboard_and_print(page, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page.find_element(By.TAG_NAME, "body").send_keys("/")
    assert page.switch_to.active_element.get_attribute("id") == "search"
    page.switch_to.active_element.send_keys("spun")
    page.implicitly_wait(0)
    visible = lambda: [s.get_attribute("data-name") for s in page.find_elements(By.CSS_SELECTOR, "section.article")  # noqa: E731
                       if s.is_displayed()]
    for _ in range(50):
        if len(visible()) == 1:
            break
        page.execute_script("return new Promise(function (r) { setTimeout(r, 50); })")
    assert [Path(name).name for name in visible()] == ["spun-wire-story.txt"]
    search = page.switch_to.active_element
    search.send_keys(Keys.ESCAPE)
    page.find_element(By.TAG_NAME, "body").send_keys("n")  # next highlight
    assert page.switch_to.active_element.tag_name == "mark"
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not page.find_element(By.ID, "controls").is_displayed()
    assert page.find_element(By.ID, "summary").is_displayed()
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    shot = Path(os.environ.get("CHECKER_REPORT_SCREENSHOT") or tmp_path / "report.png")
    search.clear()
    search.send_keys(Keys.BACKSPACE)
    page.execute_script("window.scrollTo(0, 0)")
    assert page.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_a_parallel_run_writes_the_same_report(report, tmp_path):
    """Worker processes send each article's text back only for this report; the page is the same."""
    parallel = tmp_path / "parallel.html"
    run_checker("--format", "html", "-o", str(parallel), "--no-cache", "-j", "2", "sample_articles")
    serial = tmp_path / "serial.html"
    run_checker("--format", "html", "-o", str(serial), "--no-cache", "sample_articles")

    def stable(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        text = text.replace(text.split("nonce-", 1)[1].split("'", 1)[0], "NONCE")
        return text.rsplit("<footer>", 1)[0]

    assert stable(parallel) == stable(serial)
    assert parsed(parallel).text_content  # the articles' text is there
