"""Throughput and latency benchmark of diplograph on a synthetic news firehose.

    python tests/benchmarks/bench_pipeline.py [--words 1000000] [--relevant 0.3] [--out-dir /tmp/dg-bench]

Memory on a corpus ten times bigger (peak RSS per worker and of the writer):

    python tests/benchmarks/bench_pipeline.py --phase corpus --words 10000000 --out-dir /tmp/dg-bench10m
    python tests/benchmarks/bench_pipeline.py --phase pipeline --workers 2 --out-dir /tmp/dg-bench10m

The corpus is generated deterministically: diplomatic sentences recombined from
graph/samples, the seed article and the PLOVER dev records, mixed with templated
general-news sentences (sport, weather, markets, local news) so that about
``--relevant`` of the sentences are diplomatic, as in a real news feed. It is
only for speed. Prints bare spaCy and pipeline throughput (1 and 2 workers),
peak RSS per worker, store load and export rates and each contract query's
latency on a store of at least 1M triples. Not part of the test run.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

_FIRST = ["Maria", "John", "Aiko", "Pedro", "Fatima", "Lars", "Chen", "Olga", "Samuel", "Priya", "Tomas", "Grace"]
_LAST = ["Lopez", "Smith", "Tanaka", "Silva", "Haddad", "Berg", "Wei", "Petrova", "Okafor", "Rao", "Novak", "Kim"]
_TEAMS = ["Rovers", "United", "City", "Wanderers", "Athletic", "Rangers", "Falcons", "Tigers"]
_TOWNS = ["Springfield", "Riverton", "Lakeside", "Hillview", "Oakridge", "Brookfield", "Fairview", "Millbrook"]
_FILLER = [
    "The {team} won {n} to {m} on {day}, their {k}th victory of the season.",
    "Striker {first} {last} scored twice in the second half as the crowd of {big} cheered.",
    "Temperatures are expected to reach {n}{m} degrees in {town} by the weekend, forecasters said.",
    "Light rain is likely across the north on {day}, with clearer skies later in the week.",
    "Shares of the retailer rose {n}.{m} percent in early trading after quarterly sales beat estimates.",
    "The benchmark index closed {n} points lower as investors weighed new data on consumer spending.",
    "The {town} city council approved a budget of {big} dollars for road repairs on {day}.",
    "A new library branch opened in {town}, offering longer hours and a children's reading room.",
    "Local bakery owner {first} {last} said business had doubled since the market moved downtown.",
    "The film festival in {town} will screen {k} features and {n} short films this year.",
    "Traffic on the main bridge was delayed for {n} hours after a truck broke down on {day}.",
    "The company unveiled a lighter laptop with a battery that lasts {k} hours.",
    "Organisers expect {big} runners for the {town} marathon next month.",
    "The museum's new exhibition of {k}th-century maps drew long queues over the holiday.",
    "Coach {first} {last} told the club website that the squad was fit for {day}'s match.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _diplomatic_sentences() -> list[str]:
    from graph.reader import read

    texts = [a.text.split("\n", 1)[-1] for a in read([ROOT / "graph" / "samples"]) if hasattr(a, "text")]
    shared = ROOT.parent / "shared" / "data"
    for path in [shared / "articles", shared / "plover-gsr" / "dev.jsonl"]:
        if path.exists():
            texts += [a.text.split("\n", 1)[-1] if path.is_dir() else a.text for a in read([path]) if hasattr(a, "text")]
    sents = []
    for text in texts:
        sents += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text) if len(s.split()) > 5]
    return sents


def make_corpus(path: Path, words: int, relevant: float, seed: int = 0) -> tuple[int, int]:
    """Write a JSONL corpus of about ``words`` words; RETURNS (documents, words)."""
    rng = random.Random(seed)
    diplomatic = _diplomatic_sentences()
    total = docs = 0
    with open(path, "w", encoding="utf-8") as fh:
        while total < words:
            paragraphs = []
            for _ in range(rng.randint(6, 14)):
                sents = []
                for _ in range(rng.randint(1, 3)):
                    if rng.random() < relevant:
                        sents.append(rng.choice(diplomatic))
                    else:
                        sents.append(rng.choice(_FILLER).format(
                            team=rng.choice(_TEAMS), first=rng.choice(_FIRST), last=rng.choice(_LAST),
                            town=rng.choice(_TOWNS), day=rng.choice(_DAYS), n=rng.randint(1, 9),
                            m=rng.randint(0, 9), k=rng.randint(4, 19), big=f"{rng.randint(2, 90)},000"))
                paragraphs.append(" ".join(sents))
            title = f"News roundup {docs + 1}"
            text = title + "\n" + "\n".join(paragraphs) + "\n"
            total += len(text.split())
            docs += 1
            fh.write(json.dumps({"id": f"bench-{docs:06d}", "date": "2023-03-02", "title": title, "text": text}) + "\n")
    return docs, total


def _peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def phase_bare(corpus: Path) -> dict:
    """Bare spaCy over every text: the stock package (en_core_web_sm, all components), none of diplograph's changes."""
    import importlib

    from graph.nlp import DEFAULT_MODELS
    from graph.reader import read

    for name in DEFAULT_MODELS:
        try:
            nlp = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    texts = [a.text for a in read([corpus])]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    sents = 0
    for doc in nlp.pipe(texts, batch_size=32):
        sents += sum(1 for _ in doc.sents)
    elapsed = time.perf_counter() - start
    return {"words": words, "sentences": sents, "seconds": elapsed}


def phase_pipeline(corpus: Path, store_dir: Path, workers: int, fast: bool, shards: Path | None) -> dict:
    """The full ingest (read, fast path, extract, map, store) in ``workers`` worker processes."""
    from graph.pipeline import Pipeline
    from graph.store import Store
    from graph.parallel import run_local

    pipeline = Pipeline.__new__(Pipeline)  # the parent only reads and stores; workers hold the model
    pipeline.model, pipeline.fast = None, fast
    store = Store(store_dir)
    writer_cpu = _cpu(resource.RUSAGE_SELF)
    start = time.perf_counter()
    report = _ingest_with_workers(pipeline, corpus, store, workers, shards, run_local)
    elapsed = time.perf_counter() - start
    return {"words": report.words, "sentences": report.sentences, "seconds": elapsed, "triples": report.triples,
            "documents": report.documents, "peak_rss_mb": _peak_children_mb(),
            "parent_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "writer_cpu_s": _cpu(resource.RUSAGE_SELF) - writer_cpu, "workers_cpu_s": _cpu(resource.RUSAGE_CHILDREN)}


def _cpu(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _ingest_with_workers(pipeline, corpus, store, workers, shards, run_local):
    from graph.pipeline import IngestReport

    report = IngestReport()
    batches = pipeline._new_batches([corpus], store, None, False, report, 64)
    for number, results in enumerate(run_local(batches, workers, None, pipeline.fast)):
        report.triples += store.put_documents(results)
        if shards is not None:
            shards.mkdir(parents=True, exist_ok=True)
            (shards / f"part-{number:05d}.nq").write_bytes(b"".join(r.nquads for r in results))
        for r in results:
            report.documents += 1
            report.words += r.words
            report.sentences += r.sentences
    store.flush()
    return report


def phase_store(shards: Path, out_dir: Path, min_triples: int) -> dict:
    """Load copies of the shards until the store holds ``min_triples``; export; time the queries.

    The big store is written the way ``ingest`` writes (batches of 64 documents
    through ``Store.put_documents``), so its exports read the segment log; a
    second store is built with ``Store.bulk_load`` from one N-Quads file.
    """
    import shutil

    from graph.pipeline import QUERIES
    from graph.store import Store

    data = b"".join(p.read_bytes() for p in sorted(shards.glob("*.nq")))
    lines = data.count(b"\n")
    copies = max(1, -(-min_triples // max(lines, 1)))
    big = out_dir / "big.nq"
    store_dir = out_dir / "big-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = Store(store_dir)
    load_s = 0.0
    with open(big, "wb") as fh:
        for k in range(copies):
            # every copy is other documents: their ids, and the fact IRIs built from them, change
            copy = data if k == 0 else data.replace(b"bench-0", f"c{k}-bench-0".encode())
            fh.write(copy)
            results = _doc_results(copy)
            start = time.perf_counter()
            for i in range(0, len(results), 64):
                store.put_documents(results[i:i + 64])
            load_s += time.perf_counter() - start
    start = time.perf_counter()
    store.flush()
    load_s += time.perf_counter() - start
    n = len(store)
    result = {"quads": n, "ingest_load_per_s": n / load_s}
    for suffix in (".nq", ".ttl", ".trig"):
        start = time.perf_counter()
        store.export(out_dir / f"export{suffix}", stream=True)
        result[f"export{suffix}_per_s"] = n / (time.perf_counter() - start)
    del store
    bulk_dir = out_dir / "bulk-store"
    shutil.rmtree(bulk_dir, ignore_errors=True)
    bulk = Store(bulk_dir)
    start = time.perf_counter()
    bulk.bulk_load(big)
    bulk.flush()
    result["bulk_load_per_s"] = n / (time.perf_counter() - start)
    start = time.perf_counter()
    bulk.export(out_dir / "oxigraph-export.nq", stream=True)
    result["oxigraph_export_per_s"] = n / (time.perf_counter() - start)
    del bulk
    shutil.rmtree(bulk_dir, ignore_errors=True)
    latencies: dict[str, tuple[list[float], int]] = {}
    for _ in range(QUERY_RUNS):  # rounds, so that each query's runs meet different moments of the host
        for q in sorted(QUERIES.glob("*.rq")):
            cmd = [sys.executable, __file__, "--phase", "query", "--query", str(q), "--out-dir", str(out_dir)]
            seconds, rows = latencies.setdefault(q.stem, ([], 0))
            try:
                done = subprocess.run(cmd, capture_output=True, text=True, timeout=QUERY_TIMEOUT, check=True)
                run_s, rows = json.loads(done.stdout.strip().splitlines()[-1])
                seconds.append(run_s)
            except subprocess.TimeoutExpired:
                seconds.append(float("inf"))
            latencies[q.stem] = (seconds, rows)
    result["queries"] = latencies
    return result


def _doc_results(nquads: bytes) -> list:
    """N-Quads cut into one DocResult per document graph (documents are contiguous in the shards)."""
    from graph.parallel import DocResult

    docs: dict[bytes, list[bytes]] = {}
    for line in nquads.splitlines(keepends=True):
        docs.setdefault(line.rsplit(b" ", 2)[-2], []).append(line)
    results = []
    for graph, lines in docs.items():
        doc_id = graph.decode().rsplit("/", 1)[-1].rstrip(">")
        content_hash = next((ln.split(b'"')[1].decode() for ln in lines if b"#contentHash>" in ln), "")
        results.append(DocResult(doc_id, content_hash, b"".join(lines), len(lines), 0, 0, 0, 0))
    return results


QUERY_TIMEOUT = 60  # seconds; a query still running then is reported as timed out
QUERY_RUNS = 3  # each in a fresh process: one run swings by a tenth with the host


def phase_query(out_dir: Path, query: Path) -> tuple[float, int]:
    """One contract query's latency (all rows read) on the big store, in its own process."""
    from graph.store import Store

    store = Store(out_dir / "big-store", read_only=True)
    text = query.read_text(encoding="utf-8")
    start = time.perf_counter()
    rows = sum(1 for _ in store.query(text))
    return time.perf_counter() - start, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--relevant", type=float, default=0.3, help="share of diplomatic sentences (default 0.3)")
    parser.add_argument("--out-dir", default="/tmp/dg-bench")
    parser.add_argument("--min-triples", type=int, default=1_000_000)
    parser.add_argument("--phase", choices=["corpus", "bare", "pipeline", "query", "store"],
                        help="run one phase only: 'corpus' writes the corpus, 'pipeline' (with --workers) ingests "
                             "it, 'store' reuses the shards of a 1-worker run")
    parser.add_argument("--query", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help="worker processes of --phase pipeline")
    parser.add_argument("--full-parse", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = Path(args.out_dir)
    corpus = out / "corpus.jsonl"
    if args.phase == "query":
        print(json.dumps(phase_query(out, Path(args.query))))
        return
    if args.phase == "corpus":
        out.mkdir(parents=True, exist_ok=True)
        docs, words = make_corpus(corpus, args.words, args.relevant)
        print(f"corpus: {docs} documents, {words:,} words ({corpus})")
        return
    if args.phase == "store":
        print_store(phase_store(out / "shards", out, args.min_triples))
        return
    if args.phase == "bare":
        print(json.dumps(phase_bare(corpus)))
        return
    if args.phase == "pipeline":
        import shutil

        store_dir = out / f"store-{args.workers}"
        shutil.rmtree(store_dir, ignore_errors=True)
        shards = out / "shards" if args.workers == 1 else None
        if shards is not None:
            shutil.rmtree(shards, ignore_errors=True)
        print(json.dumps(phase_pipeline(corpus, store_dir, args.workers, not args.full_parse, shards)))
        return
    out.mkdir(parents=True, exist_ok=True)
    docs, words = make_corpus(corpus, args.words, args.relevant)
    print(f"corpus: {docs} documents, {words:,} words, {args.relevant:.0%} diplomatic sentences ({corpus})")

    def sub(*extra) -> dict:
        cmd = [sys.executable, __file__, "--out-dir", str(out), *extra]
        return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])

    bare = sub("--phase", "bare")
    print(f"bare spaCy:        {bare['words'] / bare['seconds']:8,.0f} words/s  "
          f"{bare['sentences'] / bare['seconds']:6,.1f} sentences/s  ({bare['seconds']:.0f} s)")
    runs = {}
    for workers in (1, 2):
        r = runs[workers] = sub("--phase", "pipeline", "--workers", str(workers))
        print(f"pipeline {workers} worker{'s' if workers > 1 else ' '}: {r['words'] / r['seconds']:8,.0f} words/s  "
              f"{r['sentences'] / r['seconds']:6,.1f} sentences/s  ({r['seconds']:.0f} s, {r['triples']:,} triples)  "
              f"ratio to bare spaCy {bare['seconds'] / r['seconds']:.2f}x  peak RSS per worker {r['peak_rss_mb']:,.0f} MB, "
              f"writer {r['parent_rss_mb']:,.0f} MB; CPU s: workers {r['workers_cpu_s']:.0f}, writer {r['writer_cpu_s']:.0f}")
    print(f"2 workers / 1 worker: {runs[1]['seconds'] / runs[2]['seconds']:.2f}x")
    print_store(phase_store(out / "shards", out, args.min_triples))


def print_store(st: dict) -> None:
    print(f"store: {st['quads']:,} document-graph quads; ingest load (put_documents) {st['ingest_load_per_s']:,.0f} "
          f"triples/s; bulk_load of one N-Quads file {st['bulk_load_per_s']:,.0f} triples/s")
    print("export from the segment log: " + ", ".join(f"{k[7:-6]} {v:,.0f} triples/s" for k, v in st.items()
                                                       if k.startswith("export")))
    print(f"export from Oxigraph (a bulk-loaded store): nq {st['oxigraph_export_per_s']:,.0f} triples/s")
    for name, (seconds, rows) in st["queries"].items():
        if max(seconds) == float("inf"):
            print(f"query {name:20s} timed out after {QUERY_TIMEOUT} s")
            continue
        print(f"query {name:20s} {statistics.median(seconds):6.3f} s median of {len(seconds)} "
              f"({min(seconds):.3f}–{max(seconds):.3f})  {rows} rows")


if __name__ == "__main__":
    main()
