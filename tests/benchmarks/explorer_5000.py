"""Benchmark: render the explorer for 5,000 actors and ~10,000 events, time it in headless Chromium.

Run: python3 benchmarks/explorer_5000.py [--nodes 5000] [--edges 10000] [--out DIR] [--screenshot]
Prints the seconds until the page's layout stabilised (``stabilizationIterationsDone``
fired and physics was turned off, i.e. ``window.diplograph.ready``), and the CPU time
of the page's main thread, which depends less on other load on the machine.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from graph.facts import Actor, ActorRef, Article, DocumentFacts, Event, Evidence  # noqa: E402
from graph.mapping import document_triples  # noqa: E402
from graph.store import Store  # noqa: E402
from graph.view import render_explorer  # noqa: E402
from helpers_graph import chrome  # noqa: E402

CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
              "PROTEST", "SANCTION", "COERCE"]


def synthetic_store(n_nodes: int, n_edges: int, seed: int = 0, docs: int = 50) -> Store:
    """Actors of all kinds; every actor in at least one event, the rest preferential."""
    rng = random.Random(seed)
    actors = []
    for i in range(n_nodes):
        kind = ("Country", "Organization", "Person", "Person", "Person")[i % 5]
        prefix = {"Country": "country", "Organization": "org", "Person": "person"}[kind]
        actors.append(Actor(f"{prefix}/a{i:05d}", kind, f"{kind} {i}", code=f"C{i % 200:03d}",
                            roles=["Minister"] if kind == "Person" else []))
    weights = [1.0 / (r + 1) ** 0.7 for r in range(n_nodes)]
    pairs = [(i, rng.randrange(n_nodes - 1)) for i in range(n_nodes)]
    pairs += list(zip(rng.choices(range(n_nodes), weights, k=n_edges - n_nodes),
                      rng.choices(range(n_nodes), weights, k=n_edges - n_nodes)))
    store = Store()
    store.replace_document("actors", document_triples(DocumentFacts(
        article=Article("actors", "synthetic"), actors={a.key: a for a in actors})))
    per_doc = -(-len(pairs) // docs)
    for d in range(docs):
        events = []
        for j, (s, t) in enumerate(pairs[d * per_doc:(d + 1) * per_doc]):
            t = t if t != s else (t + 1) % n_nodes
            text = f"{actors[s].name} and {actors[t].name} in event {j} of document {d}."
            events.append(Event(rng.choice(CATEGORIES), [ActorRef(actors[s].key, actors[s].name)],
                                [ActorRef(actors[t].key, actors[t].name)], Evidence(text, j * 100, j * 100 + len(text)),
                                "did", date=f"2023-{1 + d % 12:02d}-{1 + j % 28:02d}"))
        doc = DocumentFacts(article=Article(f"doc{d:03d}", "synthetic"), events=events)
        store.replace_document(f"doc{d:03d}", document_triples(doc))
    return store


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=10000)
    ap.add_argument("--out", type=Path, default=None, help="folder for the HTML (default: a temp folder)")
    ap.add_argument("--screenshot", action="store_true", help="also save explorer_5000.png next to the HTML")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.out or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        store = synthetic_store(args.nodes, args.edges)
        t1 = time.perf_counter()
        html = out_dir / "explorer_5000.html"
        summary = render_explorer(store, html, max_nodes=args.nodes)
        t2 = time.perf_counter()
        print(f"store built in {t1 - t0:.1f} s; rendered {summary} in {t2 - t1:.1f} s, "
              f"{html.stat().st_size / 1e6:.1f} MB")

        driver = chrome(Path(tmp) / "profile")
        try:
            driver.execute_cdp_cmd("Performance.enable", {})
            start = time.perf_counter()
            driver.get(html.as_uri())
            while not driver.execute_script("return !!(window.diplograph && window.diplograph.ready)"):
                if time.perf_counter() - start > 300:
                    print("timed out after 300 s")
                    return 1
                time.sleep(0.05)
            wall = time.perf_counter() - start
            ready_at, n, m = driver.execute_script(
                "var d = window.diplograph; return [d.readyAt, d.nodes.length, d.edges.length];")
            metrics = {x["name"]: x["value"] for x in driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}
            severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            print(f"browser: {n} nodes, {m} edges; stabilised and interactive "
                  f"{ready_at / 1000:.2f} s after navigation start (wall clock incl. polling {wall:.2f} s; "
                  f"renderer main-thread CPU {metrics.get('ThreadTime', float('nan')):.2f} s); "
                  f"{len(severe)} console errors")
            if args.screenshot:
                driver.save_screenshot(str(out_dir / "explorer_5000.png"))
                print(f"screenshot: {out_dir / 'explorer_5000.png'}")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
