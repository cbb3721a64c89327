"""Plain typed records that extractors return and the RDF mapping reads.

Extractors know nothing about RDF; these records are the whole interface
between the two. Character offsets are relative to the document text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One input document, as read from a file or a JSONL record."""

    doc_id: str
    text: str
    title: str = ""
    date: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None

    @property
    def content_hash(self) -> str:
        import hashlib

        payload = "\x1f".join([self.text, self.title or "", self.date or "", self.url or "", self.source or ""])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from: verbatim text and its offsets."""

    text: str
    start: int
    end: int


@dataclass
class Actor:
    """A person, country, organisation or place, resolved within one document.

    ``key`` is the document-independent identity (e.g. ``person/antony-blinken``,
    ``country/RUS``), so the same actor is one node across documents.
    """

    key: str
    kind: str  # Person | Country | Organization | Place
    name: str
    aliases: set[str] = field(default_factory=set)
    code: str | None = None  # ISO 3166-1 alpha-3, or IGO / NGO
    country: str | None = None  # ISO alpha-3 of the actor's country
    sector: str | None = None  # PLOVER sector: GOV, MIL, …
    roles: list[str] = field(default_factory=list)
    geonames_id: int | None = None
    mentioned: bool = True  # False for a country described only because an actor belongs to it


@dataclass(frozen=True)
class ActorRef:
    """An actor as it takes part in one fact: its key and the words used."""

    key: str
    text: str
    code: str | None = None
    sector: str | None = None


@dataclass
class Event:
    """A PLOVER-coded event: who did what to whom, when."""

    category: str
    sources: list[ActorRef]
    targets: list[ActorRef]
    evidence: Evidence
    trigger: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    date: str | None = None
    negated: bool = False
    modality: str = "asserted"
    treaty: str | None = None


@dataclass
class Meeting:
    """A meeting: one node with all its participants (n-ary, not dyadic)."""

    participants: list[ActorRef]
    evidence: Evidence
    trigger: str
    date: str | None = None
    place: str | None = None  # actor key of a Place
    negated: bool = False
    mode: str | None = None  # PLOVER CONSULT mode: visit, host, phone, multilateral, third-party
    duration: str | None = None  # xsd:duration, e.g. PT10M
    scheduled: bool | None = None
    requested_by: str | None = None  # actor key
    parent: int | None = None  # index of the meeting this one took place inside
    label: str | None = None
    mentions: list[Evidence] = field(default_factory=list)
    modality: str = "asserted"  # "future" for a meeting announced, not yet held


@dataclass
class Position:
    """An actor's stance on an issue: support, oppose or neutral."""

    holder: ActorRef
    stance: str
    issue: str
    evidence: Evidence


@dataclass
class Quote:
    """Words in quotation marks and who said them."""

    speaker: ActorRef | None
    text: str
    start: int
    end: int
    evidence: Evidence


@dataclass
class Claim:
    """A spokesperson's claim that disputes a reported meeting or event."""

    claimant: ActorRef
    text: str
    disputes: int | None  # index of the meeting it disputes
    evidence: Evidence


@dataclass
class Treaty:
    """A treaty or agreement named in the document, with its parties."""

    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    parties: list[str] = field(default_factory=list)  # actor keys


@dataclass
class TreatyAction:
    """A lifecycle step of a treaty: sign, ratify, suspend, withdraw, rejoin, extend."""

    treaty: str
    action: str
    actors: list[ActorRef]
    evidence: Evidence
    date: str | None = None
    negated: bool = False
    modality: str = "asserted"


@dataclass
class DocumentFacts:
    """Everything extracted from one article."""

    article: Article
    actors: dict[str, Actor] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    treaties: dict[str, Treaty] = field(default_factory=dict)
    treaty_actions: list[TreatyAction] = field(default_factory=list)
    sentences: int = 0
