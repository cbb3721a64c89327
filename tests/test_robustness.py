"""Nothing lost, nothing injected: bad input, hostile text, crashes and concurrent use (issue 7).

Every bad-input case goes through the command line (``graph.cli.main``) and
must give one line on stderr naming the file (and line, for JSONL), never a
traceback, exit 1 when anything was skipped, and keep what is stored.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from graph.cli import main
from graph.facts import (Actor, ActorRef, Article, Claim, DocumentFacts, Event, Evidence, Meeting, Position, Quote,
                         Treaty, TreatyAction)
from graph.mapping import doc_iri, document_triples
from graph.store import Store
from graph.vocab import BASE, DG, NIF

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG/JSON-LD parsers

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Talks in Ankara\nItalian Prime Minister Sofia Conti met Turkish President Emre Aksoy in Ankara on Tuesday.\n"


# ------------------------------------------------------------------ helpers
def run_ingest(capsys, *paths, store, extra=()) -> tuple[int, str, list[str]]:
    code = main(["ingest", *map(str, paths), "--store", str(store), "--date", "2024-05-16", *extra])
    out, err = capsys.readouterr()
    return code, out, [line for line in err.splitlines() if line.strip()]


def assert_clean_errors(err_lines: list[str], expected: list[tuple[str, str]]) -> None:
    """Each error is one line 'diplograph: skipped WHERE: message', in order; no traceback."""
    text = "\n".join(err_lines)
    assert "Traceback" not in text and 'File "' not in text
    assert len(err_lines) == len(expected), err_lines
    for line, (where, fragment) in zip(err_lines, expected):
        assert line.startswith(f"diplograph: skipped {where}: "), line
        assert fragment in line, (fragment, line)


def stored(store_dir: Path) -> list[str]:
    store = Store(store_dir, read_only=True)
    try:
        return store.documents()
    finally:
        del store


def jsonl(path: Path, *lines) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------ bad input: files
def _make(tmp_path: Path, name: str, content: bytes | None) -> Path:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    return path


BAD_FILES = {
    "empty": ("empty.txt", b"", "empty file"),
    "whitespace_only": ("blank.txt", b"  \n\r\n\t \n", "empty file"),
    "binary_with_nul": ("photo.txt", bytes(range(256)) * 8, "binary file"),
    "binary_without_nul": ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 16, "binary file"),
    "unknown_extension": ("report.pdf", b"%PDF-1.4 France met Germany.", "unknown file type '.pdf'"),
    "no_extension": ("README", b"France met Germany.", "unknown file type '(none)'"),
    "missing_path": ("missing.txt", None, "no such file or folder"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_one_line_error_and_exit_1(case, tmp_path, capsys):
    name, content, message = BAD_FILES[case]
    bad = _make(tmp_path, name, content)
    code, out, err = run_ingest(capsys, bad, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(str(bad), message)])
    assert "0 documents ingested, 0 unchanged, 1 skipped" in out


def test_bad_broken_link_in_a_folder_is_reported(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run_ingest(capsys, folder, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(str(folder / "gone.txt"), "No such file")])


def test_bad_folder_without_articles_is_reported(tmp_path, capsys):
    folder = tmp_path / "x.txt"  # a folder named like a file
    folder.mkdir()
    code, _, err = run_ingest(capsys, folder, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(str(folder), "no .txt, .jsonl or .jsonl.gz files")])


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="runs as root (CI): chmod 000 does not stop root from reading a file")
def test_bad_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "secret.txt"
    bad.write_text(GOOD, encoding="utf-8")
    bad.chmod(0)
    try:
        code, _, err = run_ingest(capsys, bad, store=tmp_path / "s")
    finally:
        bad.chmod(0o644)
    assert code == 1
    assert_clean_errors(err, [(str(bad), "Permission denied")])


def test_bad_unreadable_file_simulated(tmp_path, capsys, monkeypatch):
    """The same path as chmod 000 when not root: reading raises PermissionError."""
    bad = tmp_path / "secret.txt"
    bad.write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def deny(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    code, _, err = run_ingest(capsys, bad, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(str(bad), "Permission denied")])


def test_bad_document_over_the_size_limit(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_MAX_BYTES", "1000")
    big = tmp_path / "big.txt"
    big.write_text("Title\n" + "France met Germany. " * 100, encoding="utf-8")
    lines = jsonl(tmp_path / "docs.jsonl", {"id": "huge", "text": "x " * 1000})
    code, _, err = run_ingest(capsys, big, lines, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(str(big), "too large (2,006 bytes; the limit is 1,000"),
                              (f"{lines}:1", "too large")])


@pytest.mark.slow
def test_bad_50_mb_text_is_refused_quickly_and_the_rest_goes_on(tmp_path, capsys):
    big = tmp_path / "dump.txt"
    line = ("Foreign ministers met in Geneva on Monday and agreed to meet again. " * 20 + "\n").encode()
    with open(big, "wb") as fh:
        for _ in range(50 * 2**20 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size >= 50 * 2**20
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = run_ingest(capsys, big, good, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(str(big), "too large")])
    assert stored(tmp_path / "s") == ["good"]


@pytest.mark.slow
def test_line_of_1_mb_without_spaces_is_read_and_stored(tmp_path, capsys):
    """Longer than spaCy's max_length (1,000,000 characters): parsed in chunks, not a crash."""
    f = tmp_path / "nospace.txt"
    f.write_text("Title\n" + "a" * 1_000_000 + "\nFrance met Germany in Paris on Monday.\n", encoding="utf-8")
    code, out, err = run_ingest(capsys, f, store=tmp_path / "s")
    assert_clean_errors(err, [])
    assert code == 0 and "1 documents ingested" in out
    assert stored(tmp_path / "s") == ["nospace"]


# ------------------------------------------------------------------ bad input: JSONL records
BAD_RECORDS = {
    "malformed_json": ('{"id": "x", "text": "Peru thanked Chile."', "not valid JSON"),
    "not_an_object": ('["x", "Peru thanked Chile."]', "must be a JSON object"),
    "missing_text": ({"id": "x"}, "missing or empty 'text'"),
    "empty_text": ({"id": "x", "text": ""}, "missing or empty 'text'"),
    "blank_text": ({"id": "x", "text": " \n\t "}, "missing or empty 'text'"),
    "text_not_a_string": ({"id": "x", "text": ["Peru thanked Chile."]}, "missing or empty 'text'"),
    "missing_id": ({"text": "Peru thanked Chile."}, "missing or non-string 'id'"),
    "id_is_a_list": ({"id": ["x"], "text": "Peru thanked Chile."}, "missing or non-string 'id'"),
    "id_is_null": ({"id": None, "text": "Peru thanked Chile."}, "missing or non-string 'id'"),
    "id_is_a_bool": ({"id": True, "text": "Peru thanked Chile."}, "missing or non-string 'id'"),
    "id_is_blank": ({"id": "  ", "text": "Peru thanked Chile."}, "missing or non-string 'id'"),
    "duplicate_id": ({"id": "good", "text": "Peru thanked Chile."}, "duplicate id 'good'"),
    "impossible_date": ({"id": "x", "text": "Peru thanked Chile.", "date": "2023-02-30"}, "impossible date '2023-02-30'"),
    "date_not_a_date": ({"id": "x", "text": "Peru thanked Chile.", "date": "last Tuesday"}, "impossible date"),
    "date_a_number": ({"id": "x", "text": "Peru thanked Chile.", "date": 20230301}, "date must be a string"),
}


@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_bad_jsonl_record_names_file_and_line_and_keeps_the_rest(case, tmp_path, capsys):
    record, message = BAD_RECORDS[case]
    f = jsonl(tmp_path / "docs.jsonl", {"id": "good", "text": GOOD}, record, "", {"id": "after", "text": "Peru thanked Chile."})
    code, out, err = run_ingest(capsys, f, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(f"{f}:2", message)])
    assert "2 documents ingested, 0 unchanged, 1 skipped" in out
    assert stored(tmp_path / "s") == ["after", "good"]


def test_bad_jsonl_many_bad_lines_counted_and_listed(tmp_path, capsys):
    f = jsonl(tmp_path / "docs.jsonl", "{oops", {"id": "a", "text": "Peru thanked Chile."}, "[1]", {"id": "a", "text": "dup"},
              "\x00\x01", {"id": "b", "text": "Chile thanked Peru.", "date": "2024-13-01"})
    code, out, err = run_ingest(capsys, f, store=tmp_path / "s")
    assert code == 1
    assert_clean_errors(err, [(f"{f}:1", "not valid JSON"), (f"{f}:3", "JSON object"), (f"{f}:4", "duplicate id"),
                              (f"{f}:5", "not valid JSON"), (f"{f}:6", "impossible date")])
    assert "1 documents ingested, 0 unchanged, 5 skipped" in out


def test_strict_stops_at_the_first_bad_document(tmp_path, capsys):
    f = jsonl(tmp_path / "docs.jsonl", {"id": "first", "text": GOOD}, "{oops",
              {"id": "never", "text": "Peru thanked Chile."}, "{oops again")
    code, out, err = run_ingest(capsys, f, store=tmp_path / "s", extra=["--strict"])
    assert code == 1
    assert_clean_errors(err, [(f"{f}:2", "not valid JSON")])
    assert stored(tmp_path / "s") == ["first"]


# ------------------------------------------------------------------ encodings and line ends
ENCODED = {
    "latin_1": ("Caf\u00e9 talks in Z\u00fcrich\nFrance met Germany.\n".encode("latin-1"), "Caf\u00e9 talks in Z\u00fcrich"),
    "windows_1252": ("\u201cTalks\u201d \u2013 \u20ac5bn\nFrance met Germany.\n".encode("cp1252"),
                     "\u201cTalks\u201d \u2013 \u20ac5bn"),
    "utf8_bom": (b"\xef\xbb\xbfTitle with BOM\nFrance met Germany.\n", "Title with BOM"),
    "utf16_bom": ("Title in UTF-16\nFrance met Germany.\n".encode("utf-16"), "Title in UTF-16"),
    "crlf": (b"CRLF title\r\nFrance met Germany.\r\nGermany thanked France.\r\n", "CRLF title"),
    "old_mac_cr": (b"CR title\rFrance met Germany.\r", "CR title"),
}


@pytest.mark.parametrize("case", sorted(ENCODED))
def test_encodings_and_line_ends_are_read(case, tmp_path, capsys):
    raw, title = ENCODED[case]
    f = tmp_path / f"{case}.txt"
    f.write_bytes(raw)
    code, out, err = run_ingest(capsys, f, store=tmp_path / "s")
    assert_clean_errors(err, [])
    assert code == 0
    store = Store(tmp_path / "s", read_only=True)
    assert [r["t"] for r in store.select("SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }")] == [title]
    anchors = [r["a"] for r in store.select(f"SELECT ?a WHERE {{ ?s <{NIF.anchorOf}> ?a }}")]
    assert anchors and not any("\r" in a or "\ufeff" in a for a in anchors)


def test_jsonl_crlf_bom_lone_surrogates_and_control_characters(tmp_path, capsys):
    f = tmp_path / "docs.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "crlf", "text": "T\r\nFrance met Germany.\r\n"}).encode() + b"\r\n"
                  + b'{"id": "sur\\ud800", "text": "France met \\udc00Germany.\\u0000", "title": "\\udfff"}\r\n')
    code, out, err = run_ingest(capsys, f, store=tmp_path / "s")
    assert_clean_errors(err, [])
    assert code == 0
    assert stored(tmp_path / "s") == ["crlf", "sur\ufffd"]


# ------------------------------------------------------------------ nothing lost
def test_stored_documents_survive_a_batch_of_bad_input(tmp_path, capsys):
    store_dir = tmp_path / "s"
    first = jsonl(tmp_path / "first.jsonl", {"id": "a", "text": GOOD}, {"id": "b", "text": "Peru thanked Chile on Monday."})
    assert run_ingest(capsys, first, store=store_dir)[0] == 0
    before = Store(store_dir, read_only=True)
    a_quads = set(before.quads(["a"]))
    del before
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)))
    second = jsonl(tmp_path / "second.jsonl", {"id": "a", "text": ""}, "{oops", {"id": "b"},
                   {"id": "c", "text": "Chile thanked Peru."}, {"id": "a", "text": GOOD, "date": "2024-02-31"})
    code, out, err = run_ingest(capsys, tmp_path / "empty.txt", tmp_path / "bin.txt", second, tmp_path / "nope.txt",
                                store=store_dir)
    assert code == 1 and len(err) == 7
    assert stored(store_dir) == ["a", "b", "c"]
    after = Store(store_dir, read_only=True)
    assert set(after.quads(["a"])) == a_quads  # a bad new version leaves the stored one as it was


# ------------------------------------------------------------------ concurrent use
def test_cli_second_writer_gets_store_in_use_and_readers_still_read(tmp_path):
    store_dir = tmp_path / "s"
    f = tmp_path / "talks.txt"
    f.write_text(GOOD, encoding="utf-8")
    writer = Store(store_dir)  # this process holds the store for writing
    writer.replace_document("held", [(doc_iri("held"), URIRef(str(DG.docId)), __import__("rdflib").Literal("held"))])
    writer.flush()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    second = subprocess.run([sys.executable, "-m", "graph.cli", "ingest", str(f), "--store", str(store_dir)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert second.returncode == 2
    assert second.stderr.strip() == f"diplograph: {store_dir}: store is in use by another process"
    reader = subprocess.run([sys.executable, "-m", "graph.cli", "export", "--store", str(store_dir),
                             "--out", str(tmp_path / "all.nq")], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120)
    assert reader.returncode == 0, reader.stderr
    assert "held" in (tmp_path / "all.nq").read_text()
    del writer


def _kill_resume_module():
    spec = importlib.util.spec_from_file_location("kill_resume", ROOT / "tests" / "benchmarks" / "kill_resume.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_kill_halfway_leaves_whole_documents_and_resume_completes(tmp_path, pipeline):
    # enough documents that a fast host is still ingesting when the poll (every 0.1 s) sees half of them
    result = _kill_resume_module().kill_and_resume(150, tmp_path, kill_at=0.5, batch_size=1, log=lambda m: None)
    assert result["problems"] == []
    assert 0 < result["before"] < 150
    assert result["after"] == 150 and result["duplicates"] == 0


# ------------------------------------------------------------------ hostile text
HOSTILE = [
    'Evil "quote" and \\ backslash\\',
    "<script>alert(1)</script><img src=x onerror=alert(2)>",
    "a & b < c > d &amp; &#60;",
    "line1\nline2\r\nline3\ttab\u2028sep",
    '@prefix x: <http://evil.example/> . <a> <b> "c" . _:b <p> """o""" .',
    "} ; DROP ALL ; INSERT DATA { <a:b> <a:c> <a:d> } ; SELECT * WHERE { ?s ?p ?o",
    "'''single''' \"\"\"triple\"\"\" ^^xsd:string @en",
    "bidi \u202egnp.exe\u202c and zero\u200bwidth\u200c\u200d\ufeff joiners",
    "control \x00\x01\x07\x1b[31m\x7f chars",
    "\U0001F600 \u4e2d\u6587 \u00fc\u0301 \U00010348",
    "x" * 10_000,
    "&<>\"'\\" * 2_000,
]
IRI_OK = re.compile(r"[a-z][a-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
ID_IRI_OK = re.compile(re.escape(BASE) + r"id/[A-Za-z0-9\-._~%/]+(?:#char=\d+,\d+)?")


def hostile_facts(doc_id: str, text: str) -> DocumentFacts:
    """Facts whose every string field, id and actor key is hostile."""
    h = HOSTILE
    art = Article(doc_id=doc_id, text=text, title=h[1] + h[3], date="2024-01-02", url="javascript:alert(1)//<x>",
                  source=h[4])
    ev = Evidence(h[5] + h[7], 0, 20)
    keys = [f"person/{s}" for s in h[:6]] + [f"{h[1]}/{h[2]}", h[4]]
    actors = {k: Actor(key=k, kind="Person", name=h[i % len(h)], aliases={h[(i + 1) % len(h)], h[-1]},
                       country=h[2], sector="GOV", roles=[h[i % len(h)], "Foreign Minister"])
              for i, k in enumerate(keys)}
    refs = [ActorRef(k, h[i % len(h)], code=h[0], sector="GOV") for i, k in enumerate(keys)]
    facts = DocumentFacts(article=art, actors=actors)
    facts.events = [Event("REQUEST", refs[:3], refs[3:], ev, h[8], contexts=["military"], date="2024-01",
                          modality=h[9], treaty=f"treaty/{h[10][:50]}")]
    facts.meetings = [Meeting(refs, Evidence(h[10], 5, 10005), h[11], date="2024-01-02", place=f"place/{h[1]}",
                              requested_by=keys[0], mentions=[Evidence(h[6], 30, 40)])]
    facts.positions = [Position(refs[0], "oppose", h[3] + h[6], Evidence(h[0], 50, 60))]
    facts.quotes = [Quote(refs[1], h[2] + h[11], 70, 80, Evidence(h[4], 70, 90)), Quote(None, h[5], 95, 99, ev)]
    facts.claims = [Claim(refs[2], h[7], 0, Evidence(h[8], 100, 120))]
    facts.treaties = {f"treaty/{h[1]}": Treaty(f"treaty/{h[1]}", h[0], {h[9]}, [keys[0], keys[-1]])}
    facts.treaty_actions = [TreatyAction(f"treaty/{h[1]}", h[5], refs[:2], Evidence(h[2], 130, 140), modality=h[3])]
    return facts


def expected_graph(facts: DocumentFacts) -> Graph:
    g = Graph()
    for t in document_triples(facts):
        g.add(t)
    return g


def assert_iris_safe(terms) -> int:
    n = 0
    for term in terms:
        if isinstance(term, URIRef):
            iri = str(term)
            assert iri.isascii() and IRI_OK.fullmatch(iri), iri[:200]
            assert not re.search(r"%(?![0-9A-F]{2})", iri), iri[:200]
            if iri.startswith(BASE + "id/"):
                assert ID_IRI_OK.fullmatch(iri), iri[:200]
            n += 1
    return n


def assert_exports_round_trip(store: Store, facts_list: list[DocumentFacts], tmp_path: Path) -> None:
    """Turtle/N-Triples give the union graph back, TriG/N-Quads/JSON-LD every document graph; IRIs are safe."""
    union = Graph()
    for facts in facts_list:
        for t in document_triples(facts):
            union.add(t)
    for ext, fmt in ((".ttl", "turtle"), (".nt", "nt")):
        out = tmp_path / f"all{ext}"
        store.export(out)
        back = Graph().parse(out, format=fmt)
        assert isomorphic(back, union), ext
        assert_iris_safe(t for triple in back for t in triple)
        assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.from_extension(ext[1:])))) == len(union)
    for ext, fmt in ((".trig", "trig"), (".nq", "nquads"), (".jsonld", "json-ld")):
        out = tmp_path / f"all{ext}"
        store.export(out)
        ds = Dataset()
        ds.parse(out, format=fmt)
        for facts in facts_list:
            name = doc_iri(facts.article.doc_id)
            assert isomorphic(ds.graph(name), expected_graph(facts)), (ext, facts.article.doc_id[:50])
        assert_iris_safe(t for quad in ds.quads((None, None, None, None)) for t in quad[:3])
        assert_iris_safe(g.identifier for g in ds.graphs())
        assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.from_extension(ext[1:])))) == len(union) \
            or ext == ".jsonld"


@pytest.mark.parametrize("doc_id", ["plain", HOSTILE[1] + HOSTILE[4], "a/b/../../c?d#e f", "..", "ends with a dot.",
                                    HOSTILE[-1][:300]],
                         ids=["plain", "script_and_turtle", "path_chars", "dot_dot", "trailing_dot", "punctuation"])
def test_hostile_facts_round_trip_through_every_export(doc_id, tmp_path):
    facts = hostile_facts(doc_id, "x" * 200)
    store = Store()
    store.replace_document(doc_id, document_triples(facts))
    assert_exports_round_trip(store, [facts], tmp_path)
    names = {r["n"] for r in store.select("SELECT ?n WHERE { ?a dg:name ?n }")}
    assert set(HOSTILE[:6]) <= names  # byte for byte
    assert store.documents() == [doc_id]


def test_hostile_iris_are_minted_safely():
    facts = hostile_facts(HOSTILE[1], "x")
    n = assert_iris_safe(t for triple in document_triples(facts) for t in triple)
    assert n > 50


HOSTILE_ARTICLE = (
    'Talks <script>alert("x")</script> & "more" \\ in Ankara\n'
    'Italian Prime Minister Sofia Conti met Turkish President Emre Aksoy in Ankara on Tuesday.\n'
    '"We reject <b>this</b> & \\ that \u202eevil\u200b plan," Conti said.\n'
    'Turkey urged Italy to drop the "} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o }" proposal.\n'
    '@prefix x: <http://evil.example/> . <a> <b> """c""" .\n'
    'French Foreign Minister Jean <img src=x onerror=alert(1)> Dupont met Greek Foreign Minister '
    'Nikos\u200b Papas\u202e in Athens on Monday.\n'
    + "A" * 10_000 + " " + "&<>\"'\\" * 300 + "\n"
    "Germany's Chancellor said: \"Greece and Turkey must talk.\"\n"
)


@pytest.fixture(scope="module")
def hostile_real(pipeline):
    article = Article(doc_id='hostile "<doc>" \\ \u202e', text=HOSTILE_ARTICLE, title=HOSTILE_ARTICLE.split("\n")[0],
                      date="2024-05-16")
    return next(pipeline.facts([article]))


def test_hostile_article_real_extraction_round_trips(hostile_real, tmp_path):
    facts = hostile_real
    assert facts.meetings or facts.events  # the ordinary sentences are still read
    store = Store()
    store.replace_document(facts.article.doc_id, document_triples(facts))
    assert_exports_round_trip(store, [facts], tmp_path)
    for ev in [e.evidence for e in facts.events] + [m.evidence for m in facts.meetings]:
        assert HOSTILE_ARTICLE[ev.start:ev.end] == ev.text  # evidence is verbatim


def test_hostile_article_through_the_cli_and_the_explorer(tmp_path, capsys, pipeline):
    f = tmp_path / "hostile.txt"
    f.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    code, out, err = run_ingest(capsys, f, store=tmp_path / "s", extra=["--out", str(tmp_path / "h.ttl")])
    assert code == 0 and not err
    back = Graph().parse(tmp_path / "h.ttl", format="turtle")
    assert_iris_safe(t for triple in back for t in triple)
    titles = {str(o) for o in back.objects(None, URIRef("http://purl.org/dc/terms/title"))}
    assert titles == {HOSTILE_ARTICLE.split("\n")[0]}
    assert main(["view", "--store", str(tmp_path / "s"), "--out", str(tmp_path / "x.html")]) == 0
    html = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert '<script>alert("x")' not in html and "<img src=x" not in html and "<b>this</b>" not in html


def test_an_extractor_failure_costs_one_documents_facts_not_the_run(tmp_path, caplog):
    from graph.facts import Article
    from graph.pipeline import Pipeline

    pipeline = Pipeline()
    real = pipeline.extractor

    def flaky(doc, article):
        if article.doc_id == "bad":
            raise KeyError("country/XYZ")
        return real(doc, article)

    pipeline.extractor = flaky
    articles = [Article(doc_id=d, text="Kenya urged Uganda to reopen the border.", date="2024-05-16")
                for d in ("good", "bad", "also-good")]
    facts = list(pipeline.facts(articles))
    assert [f.article.doc_id for f in facts] == ["good", "bad", "also-good"]
    assert facts[0].events and facts[2].events and not facts[1].events
    assert any("bad: extraction failed (KeyError" in r.getMessage() for r in caplog.records)
