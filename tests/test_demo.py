"""The demo graph: conforms to the SHACL shapes, and the committed sample in exports/ is current."""
from pathlib import Path

import pytest
from rdflib import Graph

from graph.demo import run_demo
from graph.validate import validate_graph

EXPORTS = Path(__file__).resolve().parents[1] / "exports"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, pipeline):
    out = tmp_path_factory.mktemp("demo")
    lines = list(run_demo(out))
    return out, lines


def test_demo_writes_graph_page_and_answers(demo_dir):
    out, lines = demo_dir
    assert (out / "demo.ttl").stat().st_size > 0 and (out / "explorer.html").stat().st_size > 0
    assert any(line.startswith("Who met whom") for line in lines)


def test_demo_graph_conforms_to_the_shapes(demo_dir):
    out, _ = demo_dir
    conforms, report = validate_graph(Graph().parse(out / "demo.ttl", format="turtle"))
    assert conforms, report


def test_demo_page_references_nothing_online(demo_dir):
    out, _ = demo_dir
    html = (out / "explorer.html").read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html


def test_demo_committed_exports_are_current(demo_dir):
    out, _ = demo_dir
    for name in ("demo.ttl", "demo.trig", "explorer.html"):
        assert (EXPORTS / name).read_bytes() == (out / name).read_bytes(), f"run `diplograph demo` to refresh exports/{name}"


def test_demo_two_runs_give_identical_turtle(demo_dir, tmp_path):
    out, _ = demo_dir
    list(run_demo(tmp_path))
    assert (tmp_path / "demo.ttl").read_bytes() == (out / "demo.ttl").read_bytes()
