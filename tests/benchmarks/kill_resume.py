"""Kill an ingest with SIGKILL halfway, reopen the store, resume, and check nothing is lost or doubled.

    python tests/benchmarks/kill_resume.py [--docs 1000] [--kill-at 0.5] [--work DIR]

1. writes a corpus of ``--docs`` small diplomatic reports as JSONL;
2. starts ``diplograph ingest`` on it in a subprocess with its own ``--store``
   and polls the store read-only (Oxigraph allows a read-only open while a
   writer holds the lock) until it holds ``--kill-at`` of the corpus, then
   kills the process with SIGKILL;
3. reopens the store read-write (it must open) and checks it holds only whole
   documents: every named graph is a document graph whose quads are exactly
   those a clean run gives that document (so nothing partial), with its
   dg:Document node, dg:docId and the corpus content hash;
4. runs the same command again and checks the store then holds the corpus,
   each document once, and equals the store of a clean, uninterrupted run.

Prints the document counts before and after; exits 0 when every check holds.
(Not collected by pytest; ``tests/test_robustness.py`` runs a 30-document
version through :func:`kill_and_resume`.)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DATE = "2024-05-16"
_PEOPLE = [("France", "French", "Claire", "Moreau"), ("Germany", "German", "Jonas", "Keller"),
           ("Japan", "Japanese", "Aiko", "Tanabe"), ("Kenya", "Kenyan", "Amina", "Otieno"),
           ("Brazil", "Brazilian", "Lucas", "Ferreira"), ("India", "Indian", "Ravi", "Sharma"),
           ("Turkey", "Turkish", "Emre", "Aksoy"), ("Italy", "Italian", "Sofia", "Conti"),
           ("Canada", "Canadian", "Ethan", "Clarke"), ("Mexico", "Mexican", "Elena", "Ruiz")]
_CITIES = ["Paris", "Berlin", "Tokyo", "Nairobi", "Brasilia", "New Delhi", "Ankara", "Rome", "Ottawa", "Geneva"]
_ISSUES = ["the border dispute", "grain exports", "the ceasefire", "climate finance", "visa rules"]


def make_corpus(path: Path, n: int, seed: int = 7) -> dict[str, str]:
    """Write n small reports as JSONL; RETURNS {doc id: content hash}."""
    from graph.facts import Article

    rnd = random.Random(seed)
    hashes = {}
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            (c1, d1, f1, l1), (c2, d2, f2, l2) = rnd.sample(_PEOPLE, 2)
            city, issue = rnd.choice(_CITIES), rnd.choice(_ISSUES)
            day = rnd.choice(["Monday", "Tuesday", "Wednesday", "Thursday"])
            text = (f"{d1} and {d2} ministers meet in {city} ({i})\n"
                    f"{d1} Foreign Minister {f1} {l1} met {d2} Foreign Minister {f2} {l2} in {city} on {day}. "
                    f"{c1} urged {c2} to resolve {issue}. "
                    f"\"We want an agreement on {issue},\" {l1} said.\n")
            rec = {"id": f"report-{i:05d}", "text": text, "title": text.split("\n", 1)[0], "date": DATE}
            out.write(json.dumps(rec) + "\n")
            hashes[rec["id"]] = Article(doc_id=rec["id"], text=text, title=rec["title"], date=DATE).content_hash
    return hashes


def _command(corpus: Path, store: Path, batch_size: int | None) -> list[str]:
    if batch_size is None:
        exe = shutil.which("diplograph")
        base = [exe] if exe else [sys.executable, "-m", "graph.cli"]
        return base + ["ingest", str(corpus), "--store", str(store), "--date", DATE]
    # small batches, each loaded at once, so that a small corpus is stored in many loads
    code = ("import sys; from graph.pipeline import Pipeline; from graph.store import Store; "
            "Pipeline(fast=True).ingest([sys.argv[1]], Store(sys.argv[2], load_batch=1), date=sys.argv[3], "
            "batch_size=int(sys.argv[4]))")
    return [sys.executable, "-c", code, str(corpus), str(store), DATE, str(batch_size)]


def count_documents(store_dir: Path) -> int | None:
    """Documents in a store, read-only (works while a writer holds it); None if it cannot be read yet."""
    from graph.store import Store, StoreError

    try:
        store = Store(store_dir, read_only=True)
        return len(store.documents())
    except (StoreError, OSError, RuntimeError):  # not there yet, being created, or its files just compacted away
        return None


def snapshot(store) -> dict[str, set[str]]:
    """Every quad of the store as N-Quads text, by graph name."""
    graphs: dict[str, set[str]] = defaultdict(set)
    for q in store.quads():
        graphs[str(q.graph_name)].add(str(q))
    return dict(graphs)


def check_whole(store, hashes: dict[str, str]) -> list[str]:
    """Problems with the store's documents without a reference: graph names, Document node, id, hash, duplicates."""
    from graph.mapping import doc_iri

    import pyoxigraph as ox

    problems = []
    rows = store.select("SELECT ?g ?d ?id ?h WHERE { GRAPH ?g { ?d a dg:Document ; dg:docId ?id ; dg:contentHash ?h } }")
    by_graph = defaultdict(list)
    for r in rows:
        by_graph[r["g"]].append(r)
    graphs = {str(q.graph_name.value) for q in store.quads() if hasattr(q.graph_name, "value")}
    for g in sorted(graphs - set(by_graph)):
        problems.append(f"{g}: graph without its dg:Document node (partial document)")
    for g, rs in by_graph.items():
        if len(rs) != 1:
            problems.append(f"{g}: {len(rs)} Document/docId/contentHash rows (want 1)")
            continue
        r = rs[0]
        if g != str(doc_iri(r["id"])) or r["d"] != g:
            problems.append(f"{g}: graph name does not match its document {r['id']!r}")
        if hashes.get(r["id"]) != r["h"]:
            problems.append(f"{g}: content hash differs from the corpus")
    statements = {(q.subject, q.predicate, q.object) for q in store.quads()}
    union = {(q.subject, q.predicate, q.object) for q in store._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    if union != statements:
        problems.append(f"union (default graph) out of step: {len(union - statements)} extra, {len(statements - union)} missing")
    return problems


def reference_snapshot(corpus: Path) -> dict[str, set[str]]:
    """The store of a clean, uninterrupted run (in memory, same extraction mode as the CLI)."""
    from graph.pipeline import Pipeline
    from graph.store import Store

    store = Store()
    Pipeline(fast=True).ingest([str(corpus)], store, date=DATE)
    return snapshot(store)


def kill_and_resume(n_docs: int, work: Path, kill_at: float = 0.5, batch_size: int | None = None,
                    log=print, timeout: float = 900) -> dict:
    """Run the whole scenario; RETURNS a dict of counts and a list of problems (empty when all is well)."""
    from graph.store import Store

    work.mkdir(parents=True, exist_ok=True)
    corpus, store_dir = work / "corpus.jsonl", work / "store"
    shutil.rmtree(store_dir, ignore_errors=True)
    hashes = make_corpus(corpus, n_docs)
    log(f"corpus: {n_docs} documents in {corpus}")
    cmd = _command(corpus, store_dir, batch_size)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    problems: list[str] = []

    started = time.monotonic()
    with open(work / "run1.out", "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        target, seen, killed = max(1, int(n_docs * kill_at)), 0, False
        while proc.poll() is None and time.monotonic() - started < timeout:
            seen = count_documents(store_dir) or 0
            if seen >= target:
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
                break
            time.sleep(0.1)
        proc.wait()
    if not killed:
        problems.append(f"run 1 ended (exit {proc.returncode}) before it could be killed at {target} documents")
    log(f"run 1: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd[:2]))} ... "
        f"killed with SIGKILL after {time.monotonic() - started:.1f} s (poll saw {seen} documents), exit {proc.returncode}")

    store = Store(store_dir)  # must open: the lock dies with the process
    before = len(store.documents())
    problems += check_whole(store, hashes)
    killed_snapshot = snapshot(store)
    log(f"after the kill: the store opens and holds {before} documents, {len(store)} quads")
    del store

    started = time.monotonic()
    cmd = _command(corpus, store_dir, None)
    run2 = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout)
    summary = (run2.stdout.strip().splitlines() or [""])[-1]
    log(f"run 2: the same command again, exit {run2.returncode} in {time.monotonic() - started:.1f} s: {summary}")
    if run2.returncode != 0:
        problems.append(f"run 2 failed: {run2.stderr.strip()[-500:]}")

    store = Store(store_dir, read_only=True)
    after = len(store.documents())
    problems += check_whole(store, hashes)
    doc_nodes = len(store.select("SELECT ?g ?d WHERE { GRAPH ?g { ?d a dg:Document } }"))
    final = snapshot(store)
    del store
    duplicates = doc_nodes - after
    if after != n_docs or set(final) != {str(_iri(d)) for d in hashes}:
        problems.append(f"the store holds {after} documents, the corpus {n_docs}")
    if duplicates:
        problems.append(f"{duplicates} duplicate documents")

    reference = reference_snapshot(corpus)
    partial = [g for g, quads in killed_snapshot.items() if reference.get(g) != quads]
    if partial:
        problems.append(f"{len(partial)} documents stored before the kill differ from a clean run, e.g. {partial[0]}")
    differ = [g for g in set(reference) | set(final) if reference.get(g) != final.get(g)]
    if differ:
        problems.append(f"{len(differ)} documents differ from a clean run after the resume, e.g. {sorted(differ)[0]}")
    quads = sum(len(v) for v in final.values())
    log(f"documents: corpus {n_docs}, before (after the kill) {before}, after the resume {after}, "
        f"duplicates {duplicates}; {'matches' if not differ else 'DIFFERS from'} a clean run ({quads} quads)")
    return {"corpus": n_docs, "before": before, "after": after, "duplicates": duplicates, "problems": problems}


def _iri(doc_id: str):
    from graph.mapping import doc_iri

    return f"<{doc_iri(doc_id)}>"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--kill-at", type=float, default=0.5, help="kill when this share is stored (default 0.5)")
    parser.add_argument("--work", help="working folder (default: a temporary one, removed afterwards)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="run 1 through the library with this batch size instead of the CLI (for small corpora)")
    args = parser.parse_args(argv)
    tmp = None if args.work else tempfile.mkdtemp(prefix="kill-resume-")
    try:
        result = kill_and_resume(args.docs, Path(args.work or tmp), args.kill_at, args.batch_size)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    for p in result["problems"]:
        print(f"PROBLEM: {p}")
    print("OK" if not result["problems"] else "FAILED")
    return 0 if not result["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
