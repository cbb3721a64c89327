"""SHACL validation of the graphs diplograph writes (ontology/shapes.ttl)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.util import guess_format

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


@lru_cache(maxsize=1)
def shapes() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY / "shapes.ttl", format="turtle")
    return g


def validate_graph(data: Graph) -> tuple[bool, str]:
    """Validate a graph against the shapes, without inference and without changing it.

    RETURNS (tuple[bool, str]): whether it conforms, and pySHACL's report text.
    """
    from pyshacl import validate

    conforms, _, text = validate(data, shacl_graph=shapes(), inference="none", inplace=False, advanced=True)
    return bool(conforms), text


def validate_file(path: str | Path) -> tuple[bool, str]:
    """Validate an RDF file (Turtle, TriG, N-Quads, …) as one union graph."""
    fmt = guess_format(str(path)) or "turtle"
    if fmt in ("trig", "nquads"):
        ds = Dataset(default_union=True)
        ds.parse(str(path), format=fmt)
        data = Graph()
        for s, p, o, _ in ds.quads():
            data.add((s, p, o))
    else:
        data = Graph()
        data.parse(str(path), format=fmt)
    return validate_graph(data)
