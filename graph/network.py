"""The actor network read from the store: actors as nodes, events as edges.

Every function here reads the store with a fixed number of SPARQL queries
(never one per node) and builds nodes and edges in a deterministic order, so
the same store always gives the same graph.
"""
from __future__ import annotations

from collections import defaultdict
from urllib.parse import unquote

import networkx as nx

from .vocab import ID

KINDS = ("Person", "Country", "Organization", "Place")
COOPERATION = ("VerbalCooperation", "MaterialCooperation")
CONFLICT = ("VerbalConflict", "MaterialConflict")

_ACTORS = """
SELECT ?a ?kind (MIN(?n) AS ?name) (MIN(?c) AS ?code) (MIN(?ctry) AS ?country)
       (GROUP_CONCAT(DISTINCT ?r; separator="\\u001f") AS ?roles)
WHERE {
  VALUES ?kind { dg:Person dg:Country dg:Organization dg:Place }
  ?a a ?kind .
  OPTIONAL { ?a dg:name ?n }
  OPTIONAL { ?a dg:code ?c }
  OPTIONAL { ?a dg:country ?ctry }
  OPTIONAL { ?a dg:role ?r }
}
GROUP BY ?a ?kind
"""

_EVENTS = """
SELECT DISTINCT ?e ?s ?t ?cat ?quad ?score ?date ?modality ?doc ?text ?begin
WHERE {
  ?e a dg:Event ; dg:source ?s ; dg:target ?t .
  FILTER NOT EXISTS { ?e dg:negated true }
  OPTIONAL { ?e dg:category ?cat }
  OPTIONAL { ?e dg:quadClass ?quad }
  OPTIONAL { ?e dg:score ?score }
  OPTIONAL { ?e dg:date ?date }
  OPTIONAL { ?e dg:modality ?modality }
  OPTIONAL { ?e dg:evidence ?sent . ?sent nif:anchorOf ?text ; nif:referenceContext ?d .
             OPTIONAL { ?sent nif:beginIndex ?begin } OPTIONAL { ?d dg:docId ?doc } }
}
"""

_MEETINGS = """
SELECT DISTINCT ?m ?p ?date ?place ?placeName ?mode ?doc ?text ?begin
WHERE {
  ?m a dg:Meeting ; dg:participant ?p .
  FILTER NOT EXISTS { ?m dg:negated true }
  OPTIONAL { ?m dg:date ?date }
  OPTIONAL { ?m dg:place ?place OPTIONAL { ?place dg:name ?placeName } }
  OPTIONAL { ?m dg:meetingMode ?mode }
  OPTIONAL { ?m dg:evidence ?sent . ?sent nif:anchorOf ?text ; nif:referenceContext ?d .
             OPTIONAL { ?sent nif:beginIndex ?begin } OPTIONAL { ?d dg:docId ?doc } }
}
"""

_TREATIES = """
SELECT DISTINCT ?t ?name ?party WHERE {
  ?t a dg:Treaty .
  OPTIONAL { ?t dg:name ?name }
  OPTIONAL { ?t dg:party ?party }
}
"""

_TREATY_ACTIONS = """
SELECT DISTINCT ?t ?actor ?action ?date WHERE {
  ?x a dg:TreatyAction ; dg:treaty ?t ; dg:source ?actor ; dg:action ?action .
  FILTER NOT EXISTS { ?x dg:negated true }
  OPTIONAL { ?x dg:date ?date }
}
"""


def _local(iri: str) -> str:
    """The readable tail of an IRI: ``…/country/RUS`` → ``RUS``."""
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def _kind_of(iri: str) -> str:
    """The actor kind from an IRI that the store does not describe."""
    first = iri[len(str(ID)):].split("/", 1)[0] if iri.startswith(str(ID)) else ""
    return {"person": "Person", "country": "Country", "org": "Organization", "place": "Place"}.get(first, "")


def actor_attributes(store) -> dict[str, dict]:
    """Every actor in the store: IRI → label, kind, code, role, country (sorted by IRI)."""
    actors: dict[str, dict] = {}
    for row in sorted(store.select(_ACTORS), key=lambda r: (r["a"], r["kind"])):
        iri, kind = row["a"], _local(row["kind"])
        if iri in actors and KINDS.index(actors[iri]["kind"]) <= KINDS.index(kind):
            continue
        roles = sorted(set(filter(None, row.get("roles", "").split("\x1f"))))
        country = _local(row["country"]) if row.get("country") else ""
        code = row.get("code", "")
        actors[iri] = {
            "label": row.get("name") or _local(iri),
            "kind": kind,
            "code": code,
            "role": "; ".join(roles),
            "country": country or (code if kind == "Country" else ""),
        }
    return dict(sorted(actors.items()))


def _actor(actors: dict[str, dict], iri: str) -> dict:
    return actors.get(iri) or {"label": _local(iri), "kind": _kind_of(iri), "code": "", "role": "", "country": ""}


def _first_evidence(rows: list[dict]) -> tuple[str, str]:
    """(doc id, sentence) of the earliest evidence sentence among rows of one fact."""
    with_text = [r for r in rows if "text" in r]
    if not with_text:
        return "", ""
    best = min(with_text, key=lambda r: (r.get("doc", ""), int(r.get("begin", 0)), r["text"]))
    return best.get("doc", ""), best["text"]


def to_actor_network(store) -> nx.MultiDiGraph:
    """Actors as nodes and one edge per non-negated event per (source, target) pair.

    Nodes carry label, kind, code, role, country; edges (keyed by event IRI)
    carry category, quad, score, date, modality, doc, evidence and event.
    """
    actors = actor_attributes(store)
    by_event: dict[tuple, list[dict]] = defaultdict(list)
    for row in store.select(_EVENTS):
        by_event[(row["e"], row["s"], row["t"])].append(row)

    G = nx.MultiDiGraph()
    for iri, attrs in actors.items():
        if attrs["kind"] != "Place":
            G.add_node(iri, **attrs)
    edges = []
    for (event, source, target), rows in by_event.items():
        row = min(rows, key=lambda r: sorted(r.items()))
        doc, text = _first_evidence(rows)
        edges.append((row.get("date", ""), event, source, target, {
            "category": _local(row["cat"]) if "cat" in row else "",
            "quad": _local(row["quad"]) if "quad" in row else "",
            "score": float(row.get("score", 0.0)),
            "date": row.get("date", ""),
            "modality": row.get("modality", ""),
            "doc": doc,
            "evidence": text,
            "event": event,
        }))
    for _, event, source, target, attrs in sorted(edges, key=lambda e: e[:4]):
        for node in (source, target):
            if node not in G:
                G.add_node(node, **_actor(actors, node))
        G.add_edge(source, target, key=event, **attrs)
    return G


def actor_meeting_graph(store) -> nx.Graph:
    """Bipartite graph of actors and the (non-negated) meetings they took part in.

    Meeting nodes have kind "Meeting", label, date, place, mode, doc and evidence;
    nodes carry ``bipartite`` 0 (actors) or 1 (meetings).
    """
    actors = actor_attributes(store)
    by_meeting: dict[str, list[dict]] = defaultdict(list)
    for row in store.select(_MEETINGS):
        by_meeting[row["m"]].append(row)

    G = nx.Graph()
    for meeting in sorted(by_meeting):
        rows = by_meeting[meeting]
        doc, text = _first_evidence(rows)
        date = min((r["date"] for r in rows if "date" in r), default="")
        place = min((r.get("placeName") or _local(r["place"]) for r in rows if "place" in r), default="")
        mode = min((_local(r["mode"]) for r in rows if "mode" in r), default="")
        label = "Meeting" + (f" in {place}" if place else "") + (f", {date}" if date else "")
        G.add_node(meeting, kind="Meeting", label=label, date=date, place=place, mode=mode,
                   doc=doc, evidence=text, bipartite=1)
        for participant in sorted({r["p"] for r in rows}):
            if participant not in G:
                G.add_node(participant, bipartite=0, **_actor(actors, participant))
            G.add_edge(participant, meeting)
    return G


def actor_treaty_graph(store) -> nx.Graph:
    """Bipartite graph of treaties and actors: parties and actors of treaty actions.

    Edges carry ``party`` (bool) and ``actions`` ("suspend 2023-03-02; …").
    """
    actors = actor_attributes(store)
    treaties: dict[str, dict] = {}
    links: dict[tuple[str, str], dict] = {}
    for row in store.select(_TREATIES):
        t = treaties.setdefault(row["t"], {"names": set()})
        if "name" in row:
            t["names"].add(row["name"])
        if "party" in row:
            links.setdefault((row["party"], row["t"]), {"party": False, "actions": set()})["party"] = True
    for row in store.select(_TREATY_ACTIONS):
        treaties.setdefault(row["t"], {"names": set()})
        action = row["action"] + (f" {row['date']}" if row.get("date") else "")
        links.setdefault((row["actor"], row["t"]), {"party": False, "actions": set()})["actions"].add(action)

    G = nx.Graph()
    for iri in sorted(treaties):
        G.add_node(iri, kind="Treaty", label=min(treaties[iri]["names"], default=_local(iri)), bipartite=1)
    for (actor, treaty), link in sorted(links.items()):
        if actor not in G:
            G.add_node(actor, bipartite=0, **_actor(actors, actor))
        G.add_edge(actor, treaty, party=link["party"], actions="; ".join(sorted(link["actions"])))
    return G


def dyads(G: nx.MultiDiGraph) -> dict[tuple[str, str], dict]:
    """Per directed (source, target) pair: count, net_score, cooperation, conflict."""
    out: dict[tuple[str, str], dict] = {}
    for u, v, data in G.edges(data=True):
        d = out.setdefault((u, v), {"count": 0, "net_score": 0.0, "cooperation": 0, "conflict": 0})
        d["count"] += 1
        d["net_score"] += float(data.get("score", 0.0))
        quad = data.get("quad", "")
        d["cooperation"] += quad in COOPERATION
        d["conflict"] += quad in CONFLICT
    return dict(sorted(out.items()))


def ego(G: nx.Graph, node: str, depth: int = 1) -> nx.Graph:
    """The subgraph within ``depth`` steps of ``node``, ignoring edge direction."""
    if node not in G:
        raise KeyError(node)
    return nx.ego_graph(G, node, radius=depth, undirected=True).copy()


def find_nodes(G: nx.Graph, name_part: str) -> list[str]:
    """Nodes whose label or code matches, case-insensitively.

    Exact label/code matches come first, then substring matches of the label,
    each group sorted by label and IRI.
    """
    needle = name_part.strip().casefold()
    if not needle:
        return []
    exact, partial = [], []
    for node, data in G.nodes(data=True):
        label = str(data.get("label", "")).casefold()
        if needle in (label, str(data.get("code", "")).casefold(), node.casefold()):
            exact.append((label, node))
        elif needle in label:
            partial.append((label, node))
    return [n for _, n in sorted(exact)] + [n for _, n in sorted(partial)]


def focus_graph(G: nx.Graph, name_part: str, depth: int = 1) -> tuple[nx.Graph, list[str]]:
    """The union of the ego networks of the actors matching ``name_part``.

    Uses only exact matches when there are any. Raises LookupError when no
    actor matches.
    RETURNS: (subgraph, the matched nodes).
    """
    matches = find_nodes(G, name_part)
    needle = name_part.strip().casefold()
    exact = [n for n in matches if needle in (str(G.nodes[n].get("label", "")).casefold(),
                                              str(G.nodes[n].get("code", "")).casefold(), n.casefold())]
    chosen = exact or matches
    if not chosen:
        raise LookupError(f"no actor matches {name_part!r}")
    keep: set[str] = set()
    for node in chosen:
        keep.update(ego(G, node, depth).nodes)
    return G.subgraph([n for n in G.nodes if n in keep]).copy(), chosen
