"""Refuse SPARQL that could change the store or reach files and the network.

``diplograph query`` runs read-only SELECT/ASK/CONSTRUCT/DESCRIBE queries;
updates are refused unless the caller allows them (``--update``), and
``LOAD``, ``SERVICE`` and ``FROM``/``FROM NAMED`` naming anything but a
document graph of the store are refused unless the caller allows reaching
outside the store (``--allow-external``).

The query is scanned left to right with SPARQL's own lexical rules (strings
with their escapes, IRIs, comments, variables, prefixed names), so a keyword
inside a string, an IRI, a comment or a variable name is not mistaken for one,
and none can be hidden from the check by a string or a comment. Keywords are
only ever looked for in what SPARQL itself reads as keywords.
"""
from __future__ import annotations

import re

from .vocab import BASE

# document graphs: https://w3id.org/diplograph/id/doc/<id>
STORE_GRAPHS = BASE + "id/doc/"

_TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""
             | \'\'\'(?:(?:\'|\'\')?(?:[^'\\]|\\.))*\'\'\'
             | "(?:[^"\\\n\r]|\\.)*"
             | '(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w\-:]|\.(?=[\w\-:%])|%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
''', re.X | re.S)

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_UPDATE = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH", "USING"}


class QueryRefused(ValueError):
    """A query that would write to the store or reach outside it."""


def tokens(sparql: str) -> list[tuple[str, str]]:
    """The query as (kind, text) tokens, whitespace and comments dropped.

    Kinds: string, iri, var, langtag, pname, word (a keyword or function name)
    and other (punctuation). An unterminated string or IRI falls apart into
    ``other`` and ``word`` tokens, so its content is checked like code.
    """
    out = []
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        out.append((kind, m.group()))
    return out


def _decode_escapes(sparql: str) -> str:
    # SPARQL allows \\uXXXX escapes anywhere; read them as the characters they
    # stand for before looking for keywords (Oxigraph rejects them outside
    # strings and IRIs, but another engine might not).
    return _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16))
                               if int(m.group(1) or m.group(2), 16) <= 0x10FFFF else m.group(), sparql)


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL update (has an update keyword outside strings, IRIs and comments)."""
    return any(kind == "word" and text.upper() in _UPDATE for kind, text in tokens(_decode_escapes(sparql)))


def _prefixes(toks: list[tuple[str, str]]) -> dict[str, str]:
    from .vocab import PREFIXES

    found = {p: str(ns) for p, ns in PREFIXES.items()}
    for i, (kind, text) in enumerate(toks[:-2]):
        if kind == "word" and text.upper() == "PREFIX" and toks[i + 1][0] == "pname" and toks[i + 2][0] == "iri":
            found[toks[i + 1][1].split(":", 1)[0]] = toks[i + 2][1][1:-1]
    return found


def check_read_only(sparql: str, allow_update: bool = False, allow_service: bool = False,
                    allow_external: bool = False) -> None:
    """Raise QueryRefused if the query writes, loads, federates or names outside graphs without permission.

    Args:
        sparql: the query or update text.
        allow_update: let INSERT/DELETE/CLEAR/DROP/… through (``--update``).
        allow_service: let SERVICE through (kept for callers; implied by allow_external).
        allow_external: let SERVICE, LOAD and FROM <other graph> through (``--allow-external``).
    """
    toks = tokens(_decode_escapes(sparql))
    words = [(i, text.upper()) for i, (kind, text) in enumerate(toks) if kind == "word"]
    if not allow_external:
        for i, word in words:
            if word == "LOAD":
                raise QueryRefused("refused: LOAD reads files and the network; not enabled (--allow-external)")
            if word == "SERVICE" and not allow_service:
                raise QueryRefused("refused: SERVICE reaches other endpoints; not enabled (--allow-external)")
    if not allow_update:
        for i, word in words:
            if word in _UPDATE:
                raise QueryRefused(f"refused: the query contains {word}; queries are read-only unless --update is given")
    if not allow_external:
        prefixes = None
        for i, word in words:
            if word != "FROM":
                continue
            j = i + 1
            if j < len(toks) and toks[j][0] == "word" and toks[j][1].upper() == "NAMED":
                j += 1
            kind, text = toks[j] if j < len(toks) else ("other", "")
            if kind == "iri":
                iri = text[1:-1]
            elif kind == "pname":
                prefixes = prefixes if prefixes is not None else _prefixes(toks)
                prefix, _, local = text.partition(":")
                iri = prefixes.get(prefix, "") + local if prefix in prefixes else ""
            else:
                iri = ""
            if not iri.startswith(STORE_GRAPHS) or any(c in iri[len(STORE_GRAPHS):] for c in "/?#"):
                shown = text if len(text) <= 80 else text[:77] + "..."
                raise QueryRefused(f"refused: FROM {shown} is not a document graph of this store; "
                                   "queries read only the store (--allow-external to name other graphs)")
