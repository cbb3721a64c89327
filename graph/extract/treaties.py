"""Treaties and agreements: names and aliases, parties, lifecycle steps.

Known treaties come from ``ontology/lexicons/treaties.jsonl`` (names, aliases,
parties); other named agreements are capitalised phrases ending in Treaty,
Agreement, Accord(s), Convention, Pact or Protocol. "The treaty" refers to the
last one named. A verb such as sign, ratify, suspend, withdraw, rejoin or
extend whose object or complement names a treaty is a lifecycle step.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..facts import Treaty, TreatyAction
from ..gazetteer import normalize
from .actors import AGREEMENT_WORDS, country_actor, gazetteer_match, org_actor, slug
from .context import DocContext
from .events import _governor

_LIFECYCLE = {"sign": "sign", "ratify": "ratify", "suspend": "suspend", "withdraw": "withdraw", "rejoin": "rejoin",
              "extend": "extend", "renew": "extend", "violate": "violate", "breach": "violate", "exit": "withdraw",
              "abandon": "withdraw", "quit": "withdraw", "leave": "withdraw", "implement": "implement",
              "terminate": "terminate", "scrap": "terminate", "step": "withdraw", "pull": "withdraw",
              "join": "join", "accede": "join", "negotiate": "negotiate", "conclude": "sign", "reach": "sign"}
_KINDS = "(?:" + "|".join(sorted(AGREEMENT_WORDS, key=len, reverse=True)) + ")"  # the words that end a name
_CONNECTOR = r"(?:(?:of|and)\s+)"
_WORD = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w\-]*"
# "New START Treaty", "Addis Ababa Cessation of Hostilities Agreement", "Treaty of Rome",
# "Agreement on the Use and Protection of Transboundary Rivers": capitalised words around the
# kind of agreement, with the small words names keep in lower case
_NAMED = re.compile(r"\b((?:[A-Z][\w\-]*\s+" + _CONNECTOR + r"*){0,8}" + _KINDS
                    + r"(?:\s+(?:on|of|for|between)\s+(?:the\s+)?" + _WORD
                    + r"(?:\s+(?:(?:of|on|for|and|the|in|to|against)\s+)*" + _WORD + r")*)?)\b")
_ANAPHORA = {"treaty", "pact", "accord", "agreement", "deal", "convention"}


def named_treaties(text: str, gz) -> list[tuple[int, int, str]]:
    """(start, end, name) of each capitalised agreement name; a place after "in" ("… Agreement
    on Energy in Brussels") says where it was signed and is no part of the name."""
    out = []
    for m in _NAMED.finditer(text):
        name = re.sub(r"^(The|the|A|An)\s+", "", m.group(1))
        end = m.end()
        place = re.search(r"\s+in\s+(?:the\s+)?(.+)$", name)
        if place and (gz.city(place.group(1)) or gz.country(place.group(1)) or gz.capital(place.group(1))):
            end -= len(name) - place.start()
            name = name[:place.start()]
        out.append((m.start(), end, name))
    return out


def extract_treaties(ctx: DocContext) -> tuple[dict[str, Treaty], list[TreatyAction]]:
    """Treaties named in the document and the steps taken on them.

    Args:
        ctx: the document context.
    RETURNS (tuple[dict, list]): treaties by key, and lifecycle actions.
    """
    doc = ctx.doc
    known, pattern = known_treaties(ctx.lex)
    treaties: dict[str, Treaty] = {}
    token_treaty: dict[int, str] = {}
    text = ctx.text
    spans = []
    if pattern is not None:
        for m in pattern.finditer(text):
            spans.append((m.start(), m.end(), known[m.group(0)], m.group(0)))
    for start, end, name in named_treaties(text, ctx.gz):
        if normalize(name) in known or len(name.split()) < 2:
            continue
        spans.append((start, end, {"id": slug(name), "name": name, "aliases": [], "parties": []}, name))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    last_end = -1
    for start, end, rec, surface in spans:
        if start < last_end:
            continue
        last_end = end
        key = f"treaty/{rec['id']}"
        parties = [f"country/{p}" for p in rec.get("parties", [])] or _named_parties(ctx.gz, rec["name"])
        treaty = treaties.setdefault(key, Treaty(key=key, name=rec["name"], parties=parties))
        treaty.aliases.add(surface)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for t in span:
                token_treaty[t.i] = key
            # "the New Start nuclear arms treaty": the head noun joins the name
            root = span.root
            while root.head is not root and root.head.lemma_.lower() in _ANAPHORA | {"arms", "control"} and root.dep_ == "compound":
                root = root.head
                token_treaty[root.i] = key
    # "the treaty": the last treaty named before it
    last = None
    for t in doc:
        if t.i in token_treaty:
            last = token_treaty[t.i]
        elif last and t.lemma_.lower() in _ANAPHORA and any(c.lower_ == "the" for c in t.children):
            token_treaty[t.i] = last
    for key in treaties:
        for party in treaties[key].parties:
            _add_party_actor(ctx, party)
    actions: list[TreatyAction] = []
    for sent in ctx.body_sentences():
        for tok in sent:
            action = _LIFECYCLE.get(tok.lemma_.lower())
            if action is None or tok.pos_ != "VERB":
                continue
            key = _treaty_in(tok, token_treaty)
            if key is None:
                continue
            governor, _ = _governor(ctx, tok)
            modality = {"requested": "requested", "hypothetical": "hypothetical", "future": "future"}.get(governor or "", "asserted")
            # "was signed in Suva by the prime ministers of A and B": the signatories are the agents
            actors = ctx.passive_agent(tok) if ctx.is_passive(tok) else ctx.subject(tok)
            if not actors and action == "sign" and ctx.is_passive(tok) and _points_back(tok):
                actors = _earlier_signers(ctx, tok)
            actions.append(TreatyAction(treaty=key, action=action, actors=actors, evidence=ctx.evidence(sent),
                                        date=ctx.date_for(tok), negated=ctx.negated(tok), modality=modality))
            treaty = treaties[key]
            if action in ("sign", "ratify", "join", "rejoin", "suspend", "withdraw", "extend", "implement") \
                    and modality == "asserted":
                for a in actors:
                    party = _party(a)
                    if party and party not in treaty.parties:
                        treaty.parties.append(party)
                        _add_party_actor(ctx, party)
    return treaties, actions


_KNOWN: dict[int, tuple[dict, re.Pattern | None]] = {}
_SIGNED_THINGS = _ANAPHORA | {"ceasefire", "truce", "memorandum", "declaration", "protocol"}


def _points_back(verb: Token) -> bool:
    """Whether a passive's subject is "the deal", "the agreement": a thing told before."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and subj.lemma_.lower() in _ANAPHORA and any(c.lower_ == "the" for c in subj.children)


def _earlier_signers(ctx: DocContext, verb: Token) -> list:
    """"A and B signed a ceasefire … The deal, formally the X Agreement, was signed at …": the
    deal signed in the passive, with no one named, is the one the text told A and B signed."""
    for t in reversed(ctx.doc[:verb.sent.start]):
        obj = next((c for c in t.children if c.dep_ == "dobj"), None) if t.pos_ == "VERB" else None
        if t.lemma_.lower() == "sign" and obj is not None and obj.lemma_.lower() in _SIGNED_THINGS:
            return ctx.subject(t)
    return []


def known_treaties(lex) -> tuple[dict, re.Pattern | None]:
    """The lexicon's treaties by exact name and by normalised name, and one pattern matching
    any of their names (built once per process)."""
    cached = _KNOWN.get(id(lex.treaties))
    if cached is None:
        known = {}
        for rec in lex.treaties:
            for name in [rec["name"], *rec.get("aliases", [])]:
                known[name] = known[normalize(name)] = rec
        names = sorted({n for rec in lex.treaties for n in [rec["name"], *rec.get("aliases", [])]}, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None
        cached = _KNOWN[id(lex.treaties)] = (known, pattern)
    return cached


def _named_parties(gz, name: str) -> list[str]:
    """The parties a treaty's name opens with, joined by a hyphen or dash ("EU-Chile Advanced
    Framework Agreement", "U.S.-Kenya Strategic Trade and Investment Partnership")."""
    parts = re.split(r"[-\u2013]", name.split()[0]) if name.split() else []
    if len(parts) < 2:
        return []
    keys = []
    for part in parts:
        kind, value = gazetteer_match(gz, part) or (None, None)
        if kind == "Organization" and value.code == "IGO":
            keys.append(f"org/{value.key}")
        elif kind == "Country":
            keys.append(f"country/{value}")
        else:
            return []
    return keys


def _add_party_actor(ctx: DocContext, party: str) -> None:
    """A party is an actor of the document even where the text names it only in the treaty's name."""
    kind, _, ident = party.partition("/")
    if kind == "country":
        ctx.index.actors.setdefault(party, country_actor(ctx.gz, ident))
    elif ident in ctx.gz.organizations:
        ctx.index.actors.setdefault(party, org_actor(ctx.gz.organizations[ident]))


def _party(ref) -> str | None:
    """The party a signatory stands for: a state, an international body, an armed or opposition
    group (a ceasefire is signed with rebels, not with their country), or a person's state."""
    if ref.key.startswith("country/") or \
            ref.key.startswith("org/") and (ref.code == "IGO" or ref.sector in ("REB", "OPP")):
        return ref.key
    if ref.code and len(ref.code) == 3 and ref.code.isalpha() and ref.code not in ("IGO", "NGO"):
        return f"country/{ref.code}"
    return None


def _treaty_in(tok: Token, token_treaty: dict[int, str]) -> str | None:
    """A treaty named in the object or prepositional complement of a verb."""
    for c in tok.children:
        if c.dep_ in ("dobj", "prep", "prt", "nsubjpass"):
            for t in c.subtree:
                if t.i in token_treaty:
                    return token_treaty[t.i]
                if t.dep_ == "prep":
                    for u in t.subtree:
                        if u.i in token_treaty:
                            return token_treaty[u.i]
    return None
