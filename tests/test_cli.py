"""The command line: help with examples, ingest → query → export, clean errors."""
import json

import pytest

from graph.cli import EXAMPLES, build_parser, main


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_cli_every_command_has_help_with_example(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "example: diplograph " + command in out


def test_cli_commands_touching_the_store_take_store_option():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("ingest", "query", "export", "view", "analyze", "demo", "events"):
        assert "--store" in sub.choices[name].format_help()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, pipeline):
    tmp = tmp_path_factory.mktemp("cli")
    src = tmp / "talks.txt"
    src.write_text("Talks in Ankara\nItalian Prime Minister Sofia Conti met Turkish President Emre Aksoy "
                   "in Ankara on Tuesday. Italy urged Turkey to reopen the border.\n", encoding="utf-8")
    bad = tmp / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Peru thanked Chile."}\n{oops\n', encoding="utf-8")
    store = tmp / "store"
    code = main(["ingest", str(src), str(bad), "--date", "2024-05-16", "--store", str(store),
                 "--out", str(tmp / "out.ttl")])
    return tmp, store, code


def test_cli_ingest_skips_bad_lines_and_exits_1(ingested, capsys):
    tmp, store, code = ingested
    assert code == 1
    assert (tmp / "out.ttl").stat().st_size > 0


def test_cli_query_named_query_as_json(ingested, capsys):
    tmp, store, _ = ingested
    capsys.readouterr()
    assert main(["query", "meetings", "--store", str(store), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["participant"] for r in rows if r["doc"] == "talks"} == {"Sofia Conti", "Emre Aksoy"}
    assert {r["date"] for r in rows if r["doc"] == "talks"} == {"2024-05-14"}


def test_cli_query_sorts_rows_of_a_query_that_leaves_them_unordered(ingested, tmp_path, capsys):
    _, store, _ = ingested
    names = 'PREFIX dg: <https://w3id.org/diplograph/ontology#>\nSELECT ?actor ?name WHERE { ?actor dg:name ?name }'
    (tmp_path / "names.rq").write_text(names, encoding="utf-8")
    (tmp_path / "desc.rq").write_text(names + "\n# ordered by the store\nORDER BY DESC(?name)", encoding="utf-8")
    capsys.readouterr()
    assert main(["query", str(tmp_path / "names.rq"), "--store", str(store), "--format", "json"]) == 0
    rows = [(r["actor"], r["name"]) for r in json.loads(capsys.readouterr().out)]
    assert len(rows) >= 4 and rows == sorted(rows)
    assert main(["query", str(tmp_path / "desc.rq"), "--store", str(store), "--format", "json"]) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == sorted((n for _, n in rows), reverse=True)


def test_cli_events_query_names_the_category(ingested, capsys):
    _, store, _ = ingested
    capsys.readouterr()
    assert main(["query", "events", "--store", str(store), "--format", "json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["doc"] == "talks"]
    assert [(r["type"], r["sourceCode"], r["targetCode"]) for r in rows] == [("REQUEST", "ITA", "TUR")]


def test_cli_query_refuses_updates(ingested, tmp_path, capsys):
    _, store, _ = ingested
    q = tmp_path / "drop.rq"
    q.write_text("DROP ALL", encoding="utf-8")
    assert main(["query", str(q), "--store", str(store)]) == 2
    assert "refused" in capsys.readouterr().err


def test_cli_unknown_query_and_missing_store_are_one_line_errors(tmp_path, capsys):
    assert main(["query", "nope", "--store", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_cli_export_trig(ingested, capsys):
    tmp, store, _ = ingested
    assert main(["export", "--store", str(store), "--out", str(tmp / "all.trig")]) == 0
    assert "GRAPH" in (tmp / "all.trig").read_text() or "{" in (tmp / "all.trig").read_text()


def test_cli_read_of_files_compacted_away_says_to_run_again(ingested, capsys, monkeypatch):
    """A read-only view whose files a writer's compaction replaced: one line, no traceback."""
    from graph.store import Store

    def vanished(self, sparql):
        raise FileNotFoundError("IO error: No such file or directory: While open a file for random read: 000123.sst")

    _, store, _ = ingested
    capsys.readouterr()
    monkeypatch.setattr(Store, "query", vanished)
    assert main(["query", "meetings", "--store", str(store)]) == 2
    err = capsys.readouterr().err
    assert "run the command again" in err and len(err.strip().splitlines()) == 1
