"""The self-contained HTML explorer (graph/view.py); browser tests drive headless Chromium."""
from __future__ import annotations

import json
import re
import time

import pytest

from graph import view
from helpers_graph import (HOSTILE_NAME, HOSTILE_SCRIPT, chrome, chromedriver_path, event_graph, hostile_store,
                           sample_store)


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("view") / "sample.html"
    summary = view.render_explorer(sample_store(), out)
    return out, summary


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("view") / "hostile.html"
    view.render_explorer(hostile_store(), out)
    return out


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_view_summary_counts(sample_page):
    assert sample_page[1] == "6 nodes, 4 edges"


def test_view_has_no_remote_references(sample_page, hostile_page):
    for page in (sample_page[0], hostile_page):
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html and "https://" not in html
        assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)


def test_view_inlines_vis(sample_page):
    html = sample_page[0].read_text(encoding="utf-8")
    assert "vis-network" in html and "stabilizationIterationsDone" in html
    assert ".vis-tooltip" in html
    assert len(html) > 400_000


def test_view_escapes_hostile_text(hostile_page):
    html = hostile_page.read_text(encoding="utf-8")
    for evil in (HOSTILE_NAME, HOSTILE_SCRIPT, "<img", "\u2028"):
        assert evil not in html
    assert html.count("</script>") == 3
    data = _data(html)
    labels = {n["label"] for n in data["nodes"]}
    assert f"Evil {HOSTILE_NAME}" in labels
    assert HOSTILE_SCRIPT in data["edges"][0]["evidence"] and "\u2028" in data["edges"][0]["evidence"]
    assert data["edges"][0]["doc"] == f"doc-{HOSTILE_SCRIPT}"


def test_view_focus_note_is_escaped(tmp_path):
    view.render_explorer(hostile_store(), tmp_path / "h.html", focus="evil")
    html = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "Ego network of Evil &lt;img src=x onerror=alert(1)&gt; (depth 1)." in html
    assert HOSTILE_NAME not in html


def test_view_csp_allows_only_own_scripts(sample_page):
    html = sample_page[0].read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", csp)) == 2
    assert html.count("</script>") == 3  # vis, the page's script, and the JSON data block


def test_view_big_graph_gets_seeded_positions():
    edges = [(f"n{i:03d}", f"n{(i * 7 + 1) % 400:03d}", "VerbalConflict", -1) for i in range(400)]
    G = event_graph(edges, kinds={"lonely": "Person"})
    page = view.render_html(G)
    assert view.render_html(G) == page
    data = _data(page)
    assert data["big"] is True
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    small = _data(view.render_html(event_graph(edges[:10])))
    assert small["big"] is False and "x" not in small["nodes"][0]


def test_view_json_for_script_escapes():
    text = view.json_for_script({"a": "</script><b>&\u2028\u2029", "iri": "https://x"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u2029","iri":"https:\\/\\/x"}'
    assert json.loads(text) == {"a": "</script><b>&\u2028\u2029", "iri": "https://x"}


def test_view_is_deterministic(tmp_path):
    store = sample_store()
    view.render_explorer(store, tmp_path / "a.html")
    view.render_explorer(store, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_view_focus_keeps_ego_network(tmp_path):
    assert view.render_explorer(sample_store(), tmp_path / "f.html", focus="Lavrov", depth=1) == "2 nodes, 1 edges"
    assert "Ego network of Sergei Lavrov (depth 1)." in (tmp_path / "f.html").read_text(encoding="utf-8")
    with pytest.raises(LookupError):
        view.render_explorer(sample_store(), tmp_path / "g.html", focus="Nobody")


def test_view_max_nodes_keeps_most_central(tmp_path):
    summary = view.render_explorer(sample_store(), tmp_path / "m.html", max_nodes=3)
    assert summary.startswith("3 nodes")
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "Showing the 3 most central of 6 actors (by PageRank)." in html
    assert "United States" in {n["label"] for n in _data(html)["nodes"]}


# ------------------------------------------------------------------ browser

@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    if chromedriver_path() is None:
        pytest.skip("chromedriver is not installed (apt-get install chromium chromium-driver)")
    drv = chrome(tmp_path_factory.mktemp("chrome-profile"))
    yield drv
    drv.quit()


def _open(drv, path, timeout: float = 30.0):
    drv.get_log("browser")
    drv.get(path.as_uri())
    end = time.time() + timeout
    while not drv.execute_script("return !!(window.diplograph && window.diplograph.ready)"):
        assert time.time() < end, "the explorer did not become ready"
        time.sleep(0.05)


def _severe(drv) -> list:
    return [e for e in drv.get_log("browser") if e["level"] == "SEVERE"]


def _alert_open(drv) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        drv.switch_to.alert.text
    except NoAlertPresentException:
        return False
    return True


def _hover(drv, js_point: str) -> str:
    """Move the mouse to a canvas point (JS expression giving {x, y}) and return the tooltip text."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = drv.find_element(By.CSS_SELECTOR, "#network canvas")
    x, y, w, h = drv.execute_script(
        f"var p = {js_point}, r = arguments[0].getBoundingClientRect();"
        "return [p.x, p.y, r.width, r.height];", canvas)
    ActionChains(drv).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).perform()
    end = time.time() + 5
    while time.time() < end:
        text = drv.execute_script(
            "var t = document.querySelector('.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' ? t.textContent : '';")
        if text:
            return text
        time.sleep(0.05)
    return ""


@pytest.mark.browser
def test_view_browser_loads_with_counts_and_no_errors(driver, sample_page):
    _open(driver, sample_page[0])
    counts = driver.execute_script(
        "var d = window.diplograph; return [d.nodes.length, d.edges.length,"
        " Object.keys(d.network.getPositions()).length, document.getElementById('stats').textContent];")
    assert counts == [6, 4, 6, "6 of 6 actors, 4 of 4 events shown"]
    assert driver.execute_script("return window.diplograph.network.physics.options.enabled") is False
    assert _severe(driver) == []


@pytest.mark.browser
def test_view_browser_title_has_evidence(driver, sample_page):
    _open(driver, sample_page[0])
    titles = driver.execute_script(
        "return window.diplograph.edges.get().map(function (e) { return e.title.textContent; });")
    assert any("Blinken urged Russia to return to the New START treaty." in t and "document: A" in t
               and "REQUEST" in t and "2023-03-02" in t for t in titles)


@pytest.mark.browser
def test_view_browser_search_and_filters(driver, sample_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(driver, sample_page[0])
    box = driver.find_element(By.ID, "search")
    box.send_keys("lavrov", Keys.ENTER)
    selected = driver.execute_script("return window.diplograph.network.getSelectedNodes()"
                                     ".map(function (id) { return window.diplograph.nodes.get(id).label; });")
    assert selected == ["Sergei Lavrov"]

    driver.find_element(By.ID, "dateFrom").send_keys("2023-03")
    shown = "return window.diplograph.edges.get({filter: function (e) { return !e.hidden; }}).length;"
    assert driver.execute_script(shown) == 2
    driver.find_element(By.ID, "dateFrom").clear()
    driver.execute_script("document.getElementById('dateFrom').dispatchEvent(new Event('input'));")
    assert driver.execute_script(shown) == 4
    driver.find_element(By.ID, "catNone").click()
    assert driver.execute_script(shown) == 0
    driver.find_element(By.ID, "catAll").click()
    driver.find_element(By.CSS_SELECTOR, "#kinds input[value=Person]").click()
    assert driver.execute_script(shown) == 2
    assert _severe(driver) == []


@pytest.mark.browser
def test_view_browser_hostile_text_stays_text(driver, hostile_page):
    _open(driver, hostile_page)
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert not _alert_open(driver)
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert driver.execute_script("return document.scripts.length") == 3
    assert driver.execute_script("return [window.diplograph.nodes.length, window.diplograph.edges.length]") == [2, 1]

    tip = _hover(driver, "(function () { var d = window.diplograph, e = d.edges.get()[0],"
                         " p = d.network.getPositions([e.from, e.to]);"
                         " return d.network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2,"
                         " y: (p[e.from].y + p[e.to].y) / 2}); })()")
    assert f"He said {HOSTILE_NAME} and {HOSTILE_SCRIPT}" in tip
    tip = _hover(driver, "(function () { var d = window.diplograph,"
                         " n = d.nodes.get({filter: function (n) { return n.kind === 'Person'; }})[0];"
                         " return d.network.canvasToDOM(d.network.getPositions([n.id])[n.id]); })()")
    assert f"Evil {HOSTILE_NAME}" in tip and HOSTILE_SCRIPT in tip

    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.find_element(By.ID, "search").send_keys("evil", Keys.ENTER)
    assert HOSTILE_SCRIPT in driver.find_element(By.ID, "details").text
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert not _alert_open(driver)
    assert _severe(driver) == []
