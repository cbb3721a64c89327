"""The interactive explorer: one self-contained HTML file of the actor network.

vis-network's JS and CSS are inlined from the installed pyvis package and the
page loads nothing from the network. Article text reaches the page only as
JSON in a ``<script type="application/json">`` block (with ``<``, ``>``, ``&``,
U+2028 and U+2029 escaped); the page's script builds tooltips and lists with
``textContent``, so markup in an article is shown as text and never runs. A
Content-Security-Policy allows only the page's own scripts (by hash) and no
network access, as a second line of defence.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import defaultdict
from pathlib import Path

import networkx as nx

from . import analyze, network

TEMPLATE = Path(__file__).resolve().parent / "templates" / "explorer.html"
BIG_NODES, BIG_EDGES = 300, 1000
SPACING = 90.0  # pixels between neighbours in the seeded layout
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def vis_assets() -> tuple[str, str]:
    """The vis-network (JS, CSS) shipped with pyvis, safe to inline in a <script>/<style>.

    The URLs in vis's licence comment and string literals are written with
    escaped slashes (``https:\\/\\/``), which JS reads as the same string, so the
    page contains no ``http://`` or ``https://`` at all.
    """
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"(https?):/{2}", r"\1:\\/\\/", js).replace("</script", "<\\/script")
    css = css.replace("</style", "<\\/style")
    return js, css


def json_for_script(data) -> str:
    """JSON that is safe inside an HTML <script> element.

    Also writes ``://`` as ``:\\/\\/`` (same JSON string), so IRIs in the data
    never look like links.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)
    return text.replace("://", ":\\/\\/")


def is_big(G: nx.Graph) -> bool:
    """Graphs drawn with straight edges, seeded positions and a cheaper physics."""
    return G.number_of_nodes() > BIG_NODES or G.number_of_edges() > BIG_EDGES


def seed_positions(G: nx.MultiDiGraph, pagerank: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Deterministic start positions: communities laid out by a spring layout, members
    on a sunflower spiral around their community's centre, isolated actors on an outer ring.

    Starting near the final scale lets vis's capped stabilisation finish the layout.
    """
    degree = dict(G.degree())
    groups: dict[int, list[str]] = defaultdict(list)
    for node, c in analyze.communities(G).items():
        if degree[node]:
            groups[c].append(node)
    quotient = nx.Graph()
    quotient.add_nodes_from(sorted(groups))
    member = {n: c for c, nodes in groups.items() for n in nodes}
    for u, v in G.edges():
        if u in member and v in member and member[u] != member[v]:
            a, b = member[u], member[v]
            w = quotient.get_edge_data(a, b, {"weight": 0})["weight"]
            quotient.add_edge(a, b, weight=w + 1)
    centres = nx.spring_layout(quotient, weight="weight", seed=0) if len(quotient) > 1 else {c: (0, 0) for c in groups}
    radius = SPACING * math.sqrt(max(1, len(member)))
    pos: dict[str, tuple[float, float]] = {}
    for c, nodes in groups.items():
        cx, cy = (float(x) * radius for x in centres[c])
        for k, node in enumerate(sorted(nodes, key=lambda n: (-pagerank.get(n, 0.0), n))):
            r, a = 0.6 * SPACING * math.sqrt(k), k * GOLDEN_ANGLE
            pos[node] = (round(cx + r * math.cos(a), 1), round(cy + r * math.sin(a), 1))
    isolated = [n for n in G.nodes if not degree[n]]
    outer = radius + 4 * SPACING
    for k, node in enumerate(isolated):
        a = 2 * math.pi * k / len(isolated)
        r = outer + SPACING * (k % 3)
        pos[node] = (round(r * math.cos(a), 1), round(r * math.sin(a), 1))
    return pos


def graph_data(G: nx.MultiDiGraph, pagerank: dict[str, float]) -> dict:
    """Nodes and edges of G as the page's JSON: integer ids, sizes from PageRank.

    Big graphs also get start positions (x, y) from :func:`seed_positions`.
    """
    index = {n: i for i, n in enumerate(G.nodes)}
    big = is_big(G)
    pos = seed_positions(G, pagerank) if big else {}
    top = max(pagerank.values(), default=0.0) or 1.0
    degree = dict(G.degree())
    nodes = [{
        "id": index[n], "iri": n, "label": str(d.get("label", n)), "kind": d.get("kind", ""),
        "code": d.get("code", ""), "role": d.get("role", ""), "country": d.get("country", ""),
        "pagerank": round(pagerank.get(n, 0.0), 6), "events": degree.get(n, 0),
        "size": round(8 + 27 * math.sqrt(pagerank.get(n, 0.0) / top), 2),
        **({"x": pos[n][0], "y": pos[n][1]} if n in pos else {}),
    } for n, d in G.nodes(data=True)]
    edges = [{
        "id": i, "from": index[u], "to": index[v], "category": d.get("category", ""), "quad": d.get("quad", ""),
        "score": float(d.get("score", 0.0)), "date": d.get("date", ""), "modality": d.get("modality", ""),
        "doc": d.get("doc", ""), "evidence": d.get("evidence", ""), "event": d.get("event", k),
    } for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True))]
    return {"big": big, "nodes": nodes, "edges": edges}


def render_html(G: nx.MultiDiGraph, notes: list[str] = ()) -> str:
    """The explorer page for a graph; ``notes`` are shown as plain text above the controls."""
    pagerank = analyze.pagerank(G)
    js, css = vis_assets()
    parts = {
        "VIS_CSS": css,
        "VIS_JS": js,
        "DATA": json_for_script(graph_data(G, pagerank)),
        "NOTES": "".join(f'<div class="note">{html.escape(n)}</div>' for n in notes),
    }
    template = TEMPLATE.read_text(encoding="utf-8")
    page = re.sub(r"/\*@(\w+)@\*/|<!--@(\w+)@-->",
                  lambda m: parts.get(m.group(1) or m.group(2), m.group(0)), template)
    return page.replace("/*@SCRIPT_HASHES@*/", script_hashes(page), 1)


def script_hashes(page: str) -> str:
    """CSP sources allowing exactly the page's inline scripts (so injected handlers cannot run)."""
    bodies = re.findall(r"<script>(.*?)</script>", page, re.S)
    return " ".join("'sha256-" + base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() + "'"
                    for b in bodies)


def _top_by_pagerank(G: nx.MultiDiGraph, keep: int) -> nx.MultiDiGraph:
    pr = analyze.pagerank(G)
    chosen = set(sorted(G.nodes, key=lambda n: (-pr.get(n, 0.0), n))[:keep])
    return G.subgraph([n for n in G.nodes if n in chosen]).copy()


def render_explorer(store, out, focus: str | None = None, depth: int = 1, max_nodes: int = 5000) -> str:
    """Write the explorer of the store's actor network to ``out``.

    With ``focus``, only the ego network (radius ``depth``) of the matching
    actors; raises LookupError when none matches. Beyond ``max_nodes`` actors,
    keeps the most central by PageRank and says so on the page.
    RETURNS (str): a summary such as "42 nodes, 80 edges".
    """
    G = network.to_actor_network(store)
    notes = []
    if focus:
        G, matched = network.focus_graph(G, focus, depth)
        names = ", ".join(G.nodes[n].get("label", n) for n in matched)
        notes.append(f"Ego network of {names} (depth {depth}).")
    total = G.number_of_nodes()
    if total > max_nodes:
        G = _top_by_pagerank(G, max_nodes)
        notes.append(f"Showing the {max_nodes} most central of {total} actors (by PageRank).")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(G, notes), encoding="utf-8")
    summary = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
    if total > max_nodes:
        summary += f" (the {max_nodes} most central of {total} actors)"
    return summary
