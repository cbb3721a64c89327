"""Streaming ingest, resume, shards, parallel and Dask extraction, streaming export."""
import gzip
import json

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.store import Store

RECORDS = [
    {"id": "a", "date": "2024-05-16", "text": "Italian Prime Minister Sofia Conti met Turkish President Emre Aksoy "
                                             "in Ankara on Tuesday. Italy urged Turkey to reopen the border."},
    {"id": "b", "date": "2024-05-16", "text": "Russia condemned the sanctions imposed by Japan."},
    {"id": "c", "date": "2024-05-16", "text": "The local football team won its third match of the season."},
]


def _graphs(data: bytes) -> dict[str, Graph]:
    """N-Quads as one rdflib Graph per named graph."""
    ds = Dataset()
    ds.parse(data=data.decode("utf-8"), format="nquads")
    return {str(g.identifier): Graph().__iadd__(g) for g in ds.graphs() if len(g)}


def same_graphs(a: bytes, b: bytes) -> bool:
    ga, gb = _graphs(a), _graphs(b)
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga)


def _nq(store: Store) -> bytes:
    """The store's document graphs (not the union in its default graph) as N-Quads."""
    return pyoxigraph.serialize(store.quads(), format=pyoxigraph.RdfFormat.N_QUADS)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    path = tmp / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for rec in RECORDS:
            fh.write(json.dumps(rec) + "\n")
    return path


@pytest.fixture(scope="module")
def single(pipeline, corpus):
    store = Store()
    report = pipeline.ingest([corpus], store)
    return store, report


def test_ingest_reads_gzip_jsonl_and_reports(single):
    store, report = single
    assert report.documents == 3 and report.skipped == 0
    assert report.events >= 2 and report.triples == len(store) and report.words > 20
    assert store.documents() == ["a", "b", "c"]


def test_ingest_resume_skips_unchanged_and_replaces_changed(pipeline, corpus, tmp_path):
    store = Store(tmp_path / "s")
    pipeline.ingest([corpus], store)
    again = pipeline.ingest([corpus], store)
    assert (again.documents, again.unchanged) == (0, 3)
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({**RECORDS[1], "text": "Russia condemned the sanctions imposed by Canada."}) + "\n")
    before = len(store)
    report = pipeline.ingest([changed], store)
    assert report.documents == 1
    labels = {r["l"] for r in store.select("SELECT ?l WHERE { ?a dg:name ?l }")}
    assert "Canada" in labels and "Japan" not in labels
    assert abs(len(store) - before) < 20


def test_ingest_writes_loadable_shards(pipeline, corpus, tmp_path, single):
    store = Store()
    pipeline.ingest([corpus], store, shards=tmp_path / "shards")
    shards = sorted((tmp_path / "shards").glob("part-*.nq"))
    assert shards
    loaded = Store(tmp_path / "loaded")
    for shard in shards:
        loaded.bulk_load(shard)
    assert same_graphs(_nq(loaded), _nq(single[0]))


def test_ingest_on_dask_local_cluster_gives_the_same_graph(pipeline, corpus, single):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        store = Store()
        report = pipeline.ingest([corpus], store, scheduler=client)
    assert report.documents == 3
    assert same_graphs(_nq(store), _nq(single[0]))


@pytest.mark.slow
def test_ingest_with_two_worker_processes_gives_the_same_graph(pipeline, corpus, single):
    store = Store()
    report = pipeline.ingest([corpus], store, workers=2, batch_size=1)
    assert report.documents == 3
    assert same_graphs(_nq(store), _nq(single[0]))


def test_streamed_export_is_the_same_graph_and_deterministic(single, tmp_path):
    store, _ = single
    store.export(tmp_path / "source.nq")
    disk = Store(tmp_path / "disk")
    disk.bulk_load(tmp_path / "source.nq")
    disk.flush()
    sorted_nq, streamed_nq = tmp_path / "sorted.nq", tmp_path / "streamed.nq"
    disk.export(sorted_nq)
    disk.export(streamed_nq, stream=True)
    assert same_graphs(sorted_nq.read_bytes(), streamed_nq.read_bytes())
    disk.export(tmp_path / "again.nq", stream=True)
    assert (tmp_path / "again.nq").read_bytes() == streamed_nq.read_bytes()
    ttl = tmp_path / "streamed.ttl"
    disk.export(ttl, stream=True)
    disk.export(tmp_path / "sorted.ttl")
    union = Graph()
    for graph in _graphs(sorted_nq.read_bytes()).values():
        union += graph
    assert len(union) > 50
    assert isomorphic(Graph().parse(ttl, format="turtle"), union)
    assert isomorphic(Graph().parse(tmp_path / "sorted.ttl", format="turtle"), union)


def test_streamed_export_reads_the_segment_log_and_follows_changes(pipeline, corpus, single, tmp_path):
    """Exports of an ingested store come from the writer's N-Quads log: same graphs, same bytes for the same input."""
    documents = _nq(single[0])
    disk = Store(tmp_path / "disk")
    pipeline.ingest([corpus], disk)
    assert sorted(p.name for p in (tmp_path / "disk" / "segments").iterdir())[-1] == "index.tsv"
    written = {ext: disk.export(tmp_path / f"log{ext}", stream=True) for ext in (".nq", ".trig", ".ttl", ".nt")}
    assert all(isinstance(n, int) and n > 50 for n in written.values())  # None would mean Oxigraph's dump
    assert written[".nq"] == written[".trig"] == len(disk) >= written[".ttl"] == written[".nt"]
    assert same_graphs((tmp_path / "log.nq").read_bytes(), documents)
    trig = Dataset()
    trig.parse(tmp_path / "log.trig", format="trig")
    assert same_graphs(trig.serialize(format="nquads").encode(), documents)
    union = Graph()
    for graph in _graphs(documents).values():
        union += graph
    assert isomorphic(Graph().parse(tmp_path / "log.ttl", format="turtle"), union)
    twin = Store(tmp_path / "twin")
    pipeline.ingest([corpus], twin)
    twin.export(tmp_path / "twin.nq", stream=True)
    assert (tmp_path / "twin.nq").read_bytes() == (tmp_path / "log.nq").read_bytes()

    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({**RECORDS[1], "text": "Russia condemned the sanctions imposed by Canada."}) + "\n")
    pipeline.ingest([changed], disk)
    assert disk.export(tmp_path / "changed.nq", stream=True) == len(disk)
    assert b"Canada" in (tmp_path / "changed.nq").read_bytes() and b"Japan" not in (tmp_path / "changed.nq").read_bytes()
    disk.update('INSERT DATA { GRAPH <https://w3id.org/diplograph/id/doc/c> { <urn:x> <urn:y> "edited" } }')
    assert disk.export(tmp_path / "edited.nq", stream=True) is None  # the log cannot follow an update: Oxigraph's dump
    assert b'"edited"' in (tmp_path / "edited.nq").read_bytes()
