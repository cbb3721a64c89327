import json

from graph.reader import ReadError, read


def test_reader_txt_title_id_and_date(tmp_path):
    f = tmp_path / "talks-2024.txt"
    f.write_text("Ministers meet\nBody text here.\n", encoding="utf-8")
    [art] = list(read([f], "2024-05-01"))
    assert (art.doc_id, art.title, art.date) == ("talks-2024", "Ministers meet", "2024-05-01")
    assert art.text.startswith("Ministers meet\n")


def test_reader_jsonl_reports_bad_lines_and_keeps_good_ones(tmp_path):
    f = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "a", "text": "One."}), "{not json", json.dumps({"id": "b", "text": ""}),
             json.dumps({"id": "a", "text": "dup"}), json.dumps({"id": 5, "text": "Five.", "date": "2020-02-30"}),
             json.dumps({"id": "c", "text": "Three.", "date": "2021-06-01", "url": "https://x.org/c"})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read([f]))
    good = [i.doc_id for i in items if not isinstance(i, ReadError)]
    bad = [(i.line, i.message) for i in items if isinstance(i, ReadError)]
    assert good == ["a", "c"]
    assert [line for line, _ in bad] == [2, 3, 4, 5]
    assert "impossible date" in bad[-1][1]


def test_reader_unknown_missing_and_binary_files(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    items = list(read([tmp_path / "x.pdf", tmp_path / "nope.txt", tmp_path / "bin.txt"]))
    assert all(isinstance(i, ReadError) for i in items)
    assert "unknown file type" in str(items[0]) and "no such file" in str(items[1]) and "binary" in str(items[2])


def test_reader_decodes_cp1252_bom_and_crlf(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Title\r\nCaf\xe9 talks \x93quoted\x94\r\n".encode("latin-1"))
    g = tmp_path / "bom.txt"
    g.write_bytes(b"\xef\xbb\xbfTitle\nBody")
    a, b = list(read([f, g]))
    assert a.text == "Title\nCaf\u00e9 talks \u201cquoted\u201d\n"
    assert b.title == "Title"
