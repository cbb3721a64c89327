"""Network analyses on tiny graphs with known answers (graph/analyze.py)."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graph import analyze
from helpers_graph import LAVROV, USA, event_graph, sample_store


@pytest.fixture
def star():
    """Four leaves each send one event (score -2) to the hub."""
    return event_graph([(leaf, "hub", "VerbalConflict", -2) for leaf in "abcd"])


def test_analyze_star_weighted_degree(star):
    wd = analyze.weighted_degree(star)
    assert wd["hub"] == 8.0 and wd["a"] == 2.0


def test_analyze_star_pagerank_hub_highest(star):
    pr = analyze.pagerank(star)
    assert pytest.approx(sum(pr.values())) == 1.0
    assert max(pr, key=pr.get) == "hub"
    assert pr["a"] == pytest.approx(pr["d"])


def test_analyze_star_betweenness(star):
    bc = analyze.betweenness(star)
    assert bc["hub"] == pytest.approx(1.0)
    assert all(bc[leaf] == 0.0 for leaf in "abcd")


def test_analyze_pagerank_weights_by_absolute_score():
    G = event_graph([("a", "x", "MaterialConflict", -9), ("a", "y", "VerbalCooperation", 1)])
    pr = analyze.pagerank(G)
    assert pr["x"] > pr["y"]


def test_analyze_zero_score_weighs_one():
    G = event_graph([("a", "b", "VerbalConflict", 0)])
    assert analyze.weighted_degree(G) == {"a": 1.0, "b": 1.0}


def test_analyze_two_cliques_two_communities():
    left, right = "abcd", "wxyz"
    edges = [(u, v, "VerbalCooperation", 5) for group in (left, right) for u in group for v in group if u < v]
    edges.append(("d", "w", "VerbalConflict", -1))
    cm = analyze.communities(event_graph(edges))
    assert len(set(cm.values())) == 2
    assert len({cm[n] for n in left}) == 1 and len({cm[n] for n in right}) == 1
    assert cm["a"] != cm["z"]
    assert cm["a"] == 0  # ties in size: the community with the smallest node first


def test_analyze_empty_graph():
    G = nx.MultiDiGraph()
    assert analyze.pagerank(G) == {} and analyze.communities(G) == {} and analyze.betweenness(G) == {}


def test_analyze_dyad_balance_over_time_sums():
    G = event_graph([("a", "b", "VerbalCooperation", 4, "2023-03-02"), ("a", "b", "VerbalConflict", -2, "2023-03-20"),
                     ("a", "b", "MaterialConflict", -6, "2023-01"), ("a", "b", "VerbalConflict", -1, ""),
                     ("b", "a", "VerbalCooperation", 3, "2023")])
    bal = analyze.dyad_balance_over_time(G)
    assert bal[("a", "b")] == [("2023-01", 1, -6.0), ("2023-03", 2, 2.0), ("undated", 1, -1.0)]
    assert bal[("b", "a")] == [("2023", 1, 3.0)]
    dy = analyze.network.dyads(G)
    for pair, periods in bal.items():
        assert sum(c for _, c, _ in periods) == dy[pair]["count"]
        assert sum(s for _, _, s in periods) == pytest.approx(dy[pair]["net_score"])


def test_analyze_timeline_sorted_by_date_undated_last():
    G = event_graph([("a", "b", "VerbalConflict", -1, ""), ("a", "b", "VerbalConflict", -1, "2023-03-02"),
                     ("b", "a", "VerbalConflict", -1, "2022-12")])
    assert [e["date"] for e in analyze.timeline(G)] == ["2022-12", "2023-03-02", ""]
    assert analyze.timeline(G)[0]["source_label"] == "B"


def test_analyze_run_writes_files(tmp_path):
    lines = analyze.run_analyses(sample_store(), tmp_path, focus="Lavrov")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["actors.gexf", "actors.graphml", "centrality.csv", "dyads.csv", "ego-lavrov.graphml",
                     "summary.json", "timeline.csv"]
    rows = list(csv.DictReader((tmp_path / "centrality.csv").open()))
    assert list(rows[0]) == ["node", "label", "kind", "code", "weighted_degree", "pagerank", "betweenness",
                             "community"]
    assert rows[0]["node"] == USA and len(rows) == 6
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["actors"] == 6 and summary["events"] == 4 and summary["documents"] == 2
    assert nx.read_graphml(tmp_path / "actors.graphml").number_of_edges() == 4
    assert nx.read_gexf(tmp_path / "actors.gexf").number_of_nodes() == 6
    assert sorted(nx.read_graphml(tmp_path / "ego-lavrov.graphml")) == sorted([LAVROV, USA])
    assert len(list(csv.DictReader((tmp_path / "timeline.csv").open()))) == 4
    assert any("United States" in line for line in lines)
    assert any(str(tmp_path / "actors.gexf") in line for line in lines)


def test_analyze_run_unknown_focus_writes_nothing(tmp_path):
    with pytest.raises(LookupError):
        analyze.run_analyses(sample_store(), tmp_path / "out", focus="Nobody")
    assert not (tmp_path / "out").exists()


def test_analyze_run_is_deterministic(tmp_path):
    store = sample_store()
    analyze.run_analyses(store, tmp_path / "1")
    analyze.run_analyses(store, tmp_path / "2")
    for name in ("centrality.csv", "dyads.csv", "timeline.csv", "summary.json", "actors.graphml"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()
