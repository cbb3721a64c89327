"""Refuse SPARQL that could change the store or reach files and the network.

``diplograph query`` runs read-only SELECT/ASK/CONSTRUCT/DESCRIBE queries;
updates, LOAD and SERVICE are refused unless the caller explicitly allows them.
"""
from __future__ import annotations

import re

_STRINGS = re.compile(r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>\s]*>|#[^\n]*')
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD)\b", re.I)
_SERVICE = re.compile(r"\bSERVICE\b", re.I)


class QueryRefused(ValueError):
    """A query that would write to the store or reach outside it."""


def check_read_only(sparql: str, allow_update: bool = False, allow_service: bool = False) -> None:
    """Raise QueryRefused if the query updates, loads or federates without permission."""
    code = _STRINGS.sub(" ", sparql)
    if not allow_update and _UPDATE.search(code):
        raise QueryRefused(f"refused: the query contains {_UPDATE.search(code).group(1).upper()}; "
                           "queries are read-only unless --update is given")
    if not allow_service and _SERVICE.search(code):
        raise QueryRefused("refused: SERVICE reaches other endpoints; not enabled")
