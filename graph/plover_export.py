"""Export events as PLOVER JSON records (JSONL) and as a flat CSV event table.

Field names follow the "Data Fields" chapter of the PLOVER manual (Open Event
Data Alliance, CC BY-SA 4.0): record fields ``id``, ``date``, ``actor``,
``recipient``, ``event``, ``mode``, ``context``, ``event_text``, ``quad_code``,
``event_scale``, ``text``, ``text_info``, ``cite_info``, ``link``, ``coder``,
``comment``; entity objects ``code``, ``sector``, ``entity_text``,
``identifier_text``, ``office``. Read from the store, never from extractor internals.
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

from .store import Store

RECORD_FIELDS = ("id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
                 "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
                 "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment")
REQUIRED_FIELDS = ("id", "date", "actor", "event")
ENTITY_FIELDS = ("code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity",
                 "office", "gender", "age")
QUAD_CODES = {"VerbalCooperation": 1, "MaterialCooperation": 2, "VerbalConflict": 3, "MaterialConflict": 4}
CODER = "diplograph 0.1.0"

_EVENTS = """
SELECT ?event ?category ?mode ?context ?quad ?score ?date ?trigger ?modality ?negated ?text ?begin ?end ?doc ?pub ?title ?url
WHERE {
  ?event a dg:Event ; dg:category ?category ; dg:evidence ?s .
  ?s nif:anchorOf ?text ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:referenceContext ?d .
  ?d dg:docId ?doc .
  OPTIONAL { ?d dg:publicationDate ?pub } OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d schema:url ?url }
  OPTIONAL { ?event dg:mode ?mode } OPTIONAL { ?event dg:context ?context }
  OPTIONAL { ?event dg:quadClass ?quad } OPTIONAL { ?event dg:score ?score }
  OPTIONAL { ?event dg:date ?date } OPTIONAL { ?event dg:triggerText ?trigger }
  OPTIONAL { ?event dg:modality ?modality } OPTIONAL { ?event dg:negated ?negated }
}"""

_PARTICIPANTS = """
SELECT ?event ?role ?part ?code ?sector ?text ?name ?office WHERE {
  { ?event dg:sourceParticipation ?part . BIND("actor" AS ?role) }
  UNION
  { ?event dg:targetParticipation ?part . BIND("recipient" AS ?role) }
  ?part dg:actor ?a .
  OPTIONAL { ?part dg:code ?code } OPTIONAL { ?part dg:sector ?sector } OPTIONAL { ?part dg:mentionText ?text }
  OPTIONAL { ?a dg:name ?name } OPTIONAL { ?a dg:role ?office }
}"""


def _local(iri: str | None) -> str:
    return iri.rsplit("#", 1)[-1] if iri else ""


def plover_records(store: Store, include_negated: bool = False) -> list[dict]:
    """Every event of the store as a PLOVER JSON record, sorted by document and position.

    Negated events are left out unless ``include_negated`` (then ``has_event`` is false).
    """
    parts: dict[str, dict[str, dict[str, dict]]] = defaultdict(lambda: {"actor": {}, "recipient": {}})
    for row in store.select(_PARTICIPANTS):
        entity = parts[row["event"]][row["role"]].setdefault(row["part"], {})
        entity.update({k: v for k, v in (("code", row.get("code")),
                                         ("sector", _local(row.get("sector")).removeprefix("sector-")),
                                         ("entity_text", row.get("text")),
                                         ("identifier_text", row.get("name"))) if v})
        if row.get("office"):
            entity.setdefault("offices", set()).add(row["office"])
    events: dict[str, dict] = {}
    for row in store.select(_EVENTS):
        rec = events.get(row["event"])
        if rec is None:
            negated = row.get("negated") == "true"
            if negated and not include_negated:
                continue
            rec = {
                "id": row["event"].rsplit("/event/", 1)[-1],
                "has_event": not negated,
                "date": row.get("date") or row.get("pub") or "",
                "actor": [], "recipient": [],
                "event": [_local(row["category"])],
                "mode": [], "context": [],
                "event_text": [row["trigger"]] if row.get("trigger") else [],
                "quad_code": QUAD_CODES.get(_local(row.get("quad")), None),
                "event_scale": float(row["score"]) if row.get("score") else None,
                "link": row["doc"],
                "text": row["text"],
                "text_info": {"start": int(row["begin"]), "end": int(row["end"])},
                "cite_info": {k: v for k, v in (("doc_id", row["doc"]), ("title", row.get("title")),
                                                 ("url", row.get("url")), ("date", row.get("pub"))) if v},
                "coder": CODER,
                "comment": row.get("modality", "asserted"),
            }
            events[row["event"]] = rec
        if row.get("mode"):
            mode = _local(row["mode"]).split("-", 1)[-1]
            if mode not in rec["mode"]:
                rec["mode"].append(mode)
        if row.get("context"):
            ctx = _local(row["context"]).removeprefix("context-")
            if ctx not in rec["context"]:
                rec["context"].append(ctx)
    for iri, rec in events.items():
        for role in ("actor", "recipient"):
            entities = parts[iri][role]
            rec[role] = [_entity(entities[k]) for k in sorted(entities)]
    return sorted(events.values(), key=lambda r: (r["link"], r["text_info"]["start"], r["id"]))


def _entity(e: dict) -> dict:
    out = {k: e[k] for k in ("code", "sector", "entity_text", "identifier_text") if e.get(k)}
    if e.get("offices"):
        out["office"] = "; ".join(sorted(e["offices"]))
    return out


def write_plover_jsonl(store: Store, out: str | Path) -> int:
    """Write PLOVER JSON records, one per line. RETURNS (int): records written."""
    records = plover_records(store)
    with open(out, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    return len(records)


def write_event_csv(store: Store, out: str | Path) -> int:
    """Write a flat event table (one row per event; lists joined with ';'). RETURNS (int): rows."""
    records = plover_records(store)
    columns = ["id", "doc", "date", "event", "mode", "context", "quad_code", "event_scale", "actor_code",
               "actor_sector", "actor_text", "recipient_code", "recipient_sector", "recipient_text",
               "event_text", "comment", "text"]
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for r in records:
            writer.writerow({
                "id": r["id"], "doc": r["link"], "date": r["date"], "event": ";".join(r["event"]),
                "mode": ";".join(r["mode"]), "context": ";".join(r["context"]), "quad_code": r["quad_code"],
                "event_scale": r["event_scale"],
                **{f"{role}_{field}": ";".join(e.get(key, "") for e in r[role])
                   for role in ("actor", "recipient")
                   for field, key in (("code", "code"), ("sector", "sector"), ("text", "entity_text"))},
                "event_text": ";".join(r["event_text"]), "comment": r["comment"], "text": r["text"],
            })
    return len(records)
