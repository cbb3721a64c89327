"""Network analyses of the actor network: centralities, communities, dyads, timeline.

Each measure takes the MultiDiGraph of ``network.to_actor_network`` and returns
a dict keyed by node. An event's weight is |score|, or 1 when the score is 0.
``run_analyses`` writes CSV, JSON, GraphML and GEXF files and returns lines to print.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx

from . import network

BETWEENNESS_EXACT = 500  # exact betweenness up to this many nodes
BETWEENNESS_BUDGET = 2_000_000  # above it, about this many node+edge visits (sampled pivots)


def edge_weight(data: dict) -> float:
    """|score|, or 1 for events without a (non-zero) score."""
    return abs(float(data.get("score", 0.0))) or 1.0


def weighted_digraph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """Parallel events collapsed into one directed edge; weight is the sum of event weights."""
    D = nx.DiGraph()
    D.add_nodes_from(G.nodes)
    for u, v, data in G.edges(data=True):
        w = edge_weight(data)
        if D.has_edge(u, v):
            D[u][v]["weight"] += w
        else:
            D.add_edge(u, v, weight=w)
    return D


def undirected_projection(G: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph; weight is the sum of event weights both ways."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        w = edge_weight(data)
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def weighted_degree(G: nx.MultiDiGraph) -> dict[str, float]:
    """Sum of the weights of a node's events, sent and received."""
    out = {n: 0.0 for n in G.nodes}
    for u, v, data in G.edges(data=True):
        w = edge_weight(data)
        out[u] += w
        out[v] += w
    return out


def pagerank(G: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over the directed events, weighted by |score| (or 1)."""
    if G.number_of_nodes() == 0:
        return {}
    return nx.pagerank(weighted_digraph(G), weight="weight")


def betweenness(G: nx.MultiDiGraph) -> dict[str, float]:
    """Normalised betweenness on the undirected simple projection (hop distance).

    Exact up to BETWEENNESS_EXACT nodes; larger graphs use sampled pivots
    (seed 0), as many as BETWEENNESS_BUDGET allows but at least 100.
    """
    U = undirected_projection(G)
    n = U.number_of_nodes()
    k = None
    if n > BETWEENNESS_EXACT:
        k = min(n, max(100, BETWEENNESS_BUDGET // (n + U.number_of_edges())))
    return nx.betweenness_centrality(U, k=k, seed=0 if k else None, normalized=True)


def communities(G: nx.MultiDiGraph) -> dict[str, int]:
    """Louvain communities (seed 0) of the undirected projection: node → community id.

    Ids are numbered from 0 by decreasing size, ties by the smallest node.
    """
    U = undirected_projection(G)
    if U.number_of_nodes() == 0:
        return {}
    parts = nx.community.louvain_communities(U, weight="weight", seed=0)
    ordered = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    return {n: i for i, part in enumerate(ordered) for n in part}


def _period(date: str) -> str:
    return date[:7] if date else "undated"


def dyad_balance_over_time(G: nx.MultiDiGraph) -> dict[tuple[str, str], list[tuple[str, int, float]]]:
    """Per directed pair: [(period YYYY-MM, event count, net score)], by period.

    Year-only dates give a YYYY period; undated events come last as "undated".
    """
    acc: dict[tuple[str, str], dict[str, list]] = defaultdict(dict)
    for u, v, data in G.edges(data=True):
        slot = acc[(u, v)].setdefault(_period(data.get("date", "")), [0, 0.0])
        slot[0] += 1
        slot[1] += float(data.get("score", 0.0))
    return {pair: [(p, c, s) for p, (c, s) in sorted(periods.items(), key=lambda i: (i[0] == "undated", i[0]))]
            for pair, periods in sorted(acc.items())}


def timeline(G: nx.MultiDiGraph) -> list[dict]:
    """Every event as a dict, sorted by date (undated last), then event IRI."""
    rows = []
    for u, v, data in G.edges(data=True):
        rows.append({
            "date": data.get("date", ""), "source": u, "source_label": G.nodes[u].get("label", u),
            "category": data.get("category", ""), "target": v, "target_label": G.nodes[v].get("label", v),
            "quad": data.get("quad", ""), "score": float(data.get("score", 0.0)),
            "modality": data.get("modality", ""), "doc": data.get("doc", ""),
            "evidence": data.get("evidence", ""), "event": data.get("event", ""),
        })
    return sorted(rows, key=lambda r: (r["date"] == "", r["date"], r["event"], r["source"], r["target"]))


def slug(text: str) -> str:
    """A file-name-safe lower-case slug."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "actor"


def _stringified(G: nx.Graph) -> nx.Graph:
    """A copy whose attributes GraphML/GEXF can write (str, int, float, bool only)."""
    def clean(attrs: dict) -> dict:
        out = {}
        for k, v in attrs.items():
            if v is None:
                v = ""
            elif isinstance(v, (list, tuple, set)):
                v = "; ".join(str(x) for x in v)
            elif not isinstance(v, (str, int, float, bool)):
                v = str(v)
            out[k] = v
        return out

    H = G.__class__()
    H.add_nodes_from((n, clean(d)) for n, d in G.nodes(data=True))
    if G.is_multigraph():
        H.add_edges_from((u, v, k, clean(d)) for u, v, k, d in G.edges(keys=True, data=True))
    else:
        H.add_edges_from((u, v, clean(d)) for u, v, d in G.edges(data=True))
    return H


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _r(x: float) -> float:
    return round(float(x), 6)


def centrality_table(G: nx.MultiDiGraph) -> list[dict]:
    """One row per actor with all measures, by decreasing PageRank then node."""
    wd, pr, bc, cm = weighted_degree(G), pagerank(G), betweenness(G), communities(G)
    rows = [{"node": n, "label": d.get("label", ""), "kind": d.get("kind", ""), "code": d.get("code", ""),
             "weighted_degree": _r(wd.get(n, 0.0)), "pagerank": _r(pr.get(n, 0.0)),
             "betweenness": _r(bc.get(n, 0.0)), "community": cm.get(n, -1)}
            for n, d in G.nodes(data=True)]
    return sorted(rows, key=lambda r: (-r["pagerank"], r["node"]))


def run_analyses(store, out_dir: Path, focus: str | None = None) -> list[str]:
    """Write the analyses of the store's actor network to ``out_dir``; return lines to print.

    Files: centrality.csv, dyads.csv, timeline.csv, summary.json, actors.graphml,
    actors.gexf and, with ``focus``, ego-<slug>.graphml. Raises LookupError
    (before writing anything) when ``focus`` matches no actor.
    """
    out_dir = Path(out_dir)
    G = network.to_actor_network(store)
    ego_graph = network.focus_graph(G, focus, 1)[0] if focus else None
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    table = centrality_table(G)
    cols = ["node", "label", "kind", "code", "weighted_degree", "pagerank", "betweenness", "community"]
    written.append(out_dir / "centrality.csv")
    _write_csv(written[-1], cols, [[r[c] for c in cols] for r in table])

    dy = network.dyads(G)
    written.append(out_dir / "dyads.csv")
    _write_csv(written[-1], ["source", "source_label", "target", "target_label", "count", "net_score",
                             "cooperation", "conflict"],
               [[u, G.nodes[u].get("label", ""), v, G.nodes[v].get("label", ""), d["count"], _r(d["net_score"]),
                 d["cooperation"], d["conflict"]] for (u, v), d in dy.items()])

    events = timeline(G)
    tcols = ["date", "source_label", "category", "target_label", "quad", "score", "modality", "doc", "evidence",
             "source", "target", "event"]
    written.append(out_dir / "timeline.csv")
    _write_csv(written[-1], tcols, [[e[c] for c in tcols] for e in events])

    community_sizes = Counter(r["community"] for r in table)
    summary = {
        "actors": G.number_of_nodes(),
        "events": G.number_of_edges(),
        "dyads": len(dy),
        "documents": len({e["doc"] for e in events if e["doc"]}),
        "communities": len(community_sizes),
        "actors_by_kind": dict(sorted(Counter(d.get("kind", "") for _, d in G.nodes(data=True)).items())),
        "events_by_quad": dict(sorted(Counter(e["quad"] for e in events).items())),
        "events_by_category": dict(sorted(Counter(e["category"] for e in events).items())),
        "first_date": min((e["date"] for e in events if e["date"]), default=""),
        "last_date": max((e["date"] for e in events if e["date"]), default=""),
        "top_pagerank": [{"node": r["node"], "label": r["label"], "pagerank": r["pagerank"]} for r in table[:10]],
        "focus": focus or "",
    }
    written.append(out_dir / "summary.json")
    written[-1].write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    clean = _stringified(G)
    written.append(out_dir / "actors.graphml")
    nx.write_graphml(clean, written[-1])
    written.append(out_dir / "actors.gexf")
    nx.write_gexf(clean, written[-1])
    if ego_graph is not None:
        written.append(out_dir / f"ego-{slug(focus)}.graphml")
        nx.write_graphml(_stringified(ego_graph), written[-1])

    lines = [f"{summary['actors']} actors, {summary['events']} events, {summary['dyads']} dyads, "
             f"{summary['communities']} communities, {summary['documents']} documents"]
    if table:
        lines += ["", "Top actors by PageRank:", f"{'#':>3}  {'actor':<32} {'kind':<12} {'pagerank':>9} "
                  f"{'w.degree':>9} {'comm.':>5}"]
        for i, r in enumerate(table[:10], 1):
            lines.append(f"{i:>3}  {r['label'][:32]:<32} {r['kind']:<12} {r['pagerank']:>9.4f} "
                         f"{r['weighted_degree']:>9.1f} {r['community']:>5}")
    if ego_graph is not None:
        lines += ["", f"ego network of {focus!r}: {ego_graph.number_of_nodes()} actors, "
                      f"{ego_graph.number_of_edges()} events"]
    lines += ["", "wrote:"] + [f"  {p}" for p in written]
    return lines
