"""A SPARQL 1.1 Protocol endpoint over the store, plus the explorer page.

The standard library's threaded HTTP server is enough for one machine and
keeps the endpoint inside the process that owns the store. Queries are
read-only unless the server was started with updates allowed; LOAD and
SERVICE, which reach files and other hosts, are always refused.
"""
from __future__ import annotations

import html
import re
import tempfile
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from .query_guard import QueryRefused, check_read_only
from .store import Store

_LOAD = re.compile(r"\bLOAD\b", re.I)
_RESULT_TYPES = [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("application/xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
]
_GRAPH_TYPES = [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
]
_SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
          "tsv": "text/tab-separated-values", "turtle": "text/turtle", "n3": "text/turtle",
          "rdf": "application/rdf+xml", "json-ld": "application/ld+json"}


def _pick(accept: str, choices: list[tuple[str, object]]) -> tuple[str, object]:
    """The first offered type the client accepts (in the client's order), else the default."""
    for part in accept.split(","):
        wanted = part.split(";")[0].strip().lower()
        for media, fmt in choices:
            if wanted == media:
                return media, fmt
    return choices[0]


class SparqlServer(ThreadingHTTPServer):
    """An HTTP server holding the store it answers from."""

    daemon_threads = True

    def __init__(self, address, store: Store, allow_update: bool = False):
        super().__init__(address, _Handler)
        self.store = store
        self.allow_update = allow_update
        self._explorer: bytes | None = None
        self._lock = threading.Lock()

    def explorer(self) -> bytes:
        """The explorer page, rendered on first request (a placeholder without graph.view)."""
        with self._lock:
            if self._explorer is None or self.allow_update:
                self._explorer = _render_explorer(self.store)
            return self._explorer


def _render_explorer(store: Store) -> bytes:
    try:
        from .view import render_explorer
    except ImportError:
        return _placeholder("The explorer view is not installed.")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "explorer.html"
        try:
            render_explorer(store, out)
        except Exception as err:  # a broken view must not take the endpoint down
            return _placeholder(f"The explorer could not be rendered: {html.escape(str(err).splitlines()[0])}")
        return out.read_bytes()


def _placeholder(message: str) -> bytes:
    return (f"<!doctype html><meta charset='utf-8'><title>diplograph</title><h1>diplograph</h1><p>{message}</p>"
            "<p>SPARQL endpoint: <a href='/sparql'>/sparql</a></p>").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        """Quiet: only the CLI prints."""

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = parse_qs(url.query)
        if url.path in ("/", "/explorer", "/index.html"):
            return self._send(200, "text/html; charset=utf-8", self.server.explorer())
        if url.path == "/sparql":
            if "query" not in params:
                return self._send(200, "text/html; charset=utf-8", _placeholder(
                    "Send a SPARQL query as <code>?query=</code> or POST it (SPARQL 1.1 Protocol)."))
            return self._query(params["query"][0], params)
        return self._send(404, "text/plain; charset=utf-8", b"not found\n")

    def do_POST(self) -> None:
        url = urlparse(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body))
        if url.path not in ("/sparql", "/update"):
            return self._send(404, "text/plain; charset=utf-8", b"not found\n")
        if ctype == "application/sparql-update" or "update" in params:
            return self._update(body if ctype == "application/sparql-update" else params["update"][0])
        if ctype == "application/sparql-query":
            return self._query(body, params)
        if "query" in params:
            return self._query(params["query"][0], params)
        return self._send(400, "text/plain; charset=utf-8", b"no query or update given\n")

    def _query(self, text: str, params: dict) -> None:
        try:
            check_read_only(text)
            result = self.server.store.query(text)
        except QueryRefused as err:
            return self._send(403, "text/plain; charset=utf-8", f"{err}\n".encode())
        except SyntaxError as err:
            return self._send(400, "text/plain; charset=utf-8", f"SPARQL syntax error: {err}\n".encode())
        accept = self.headers.get("Accept") or ""
        short = (params.get("format") or params.get("output") or [""])[0].lower()
        if short in _SHORT:
            accept = _SHORT[short]
        if isinstance(result, ox.QueryTriples):
            media, fmt = _pick(accept, _GRAPH_TYPES)
        else:
            media, fmt = _pick(accept, _RESULT_TYPES)
        self._send(200, f"{media}; charset=utf-8", result.serialize(format=fmt))

    def _update(self, text: str) -> None:
        if not self.server.allow_update:
            return self._send(403, "text/plain; charset=utf-8",
                              b"refused: the endpoint is read-only (start it with --update)\n")
        try:
            check_read_only(text, allow_update=True)
            if _LOAD.search(text):
                raise QueryRefused("refused: LOAD reads files or other hosts; not enabled")
            self.server.store.update(text)
        except QueryRefused as err:
            return self._send(403, "text/plain; charset=utf-8", f"{err}\n".encode())
        except SyntaxError as err:
            return self._send(400, "text/plain; charset=utf-8", f"SPARQL syntax error: {err}\n".encode())
        self._send(204, "text/plain; charset=utf-8", b"")

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False) -> SparqlServer:
    """A bound server (port 0 picks a free port); call ``serve_forever`` to run it."""
    return SparqlServer((host, port), store, allow_update)


def serve(store: Store, host: str = "127.0.0.1", port: int = 7878, allow_update: bool = False,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted."""
    server = make_server(store, host, port, allow_update)
    if on_ready is not None:
        on_ready(f"http://{server.server_address[0]}:{server.server_address[1]}/")
    try:
        server.serve_forever()
    finally:
        server.server_close()
