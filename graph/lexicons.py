"""The extraction lexicons of ``ontology/lexicons/``, read once per process."""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import lexicon_path


@dataclass(frozen=True)
class Trigger:
    """One way a word signals a PLOVER event (a line of plover_triggers.jsonl).

    The entry applies when every condition it sets holds: ``prep`` (a preposition on the word),
    ``particle`` ("pull out"), ``objects`` (a word of the object, or of the preposition's
    complement, or the verb of a bare infinitive: "declined to comment"), ``subject_sectors`` and
    ``subjects`` (the subject's sector or head noun), ``intransitive`` (no direct object), ``xcomp``
    (an infinitive clause on the word: "ready to sign", "sought to expand"), ``light``
    (a noun carried by these verbs), ``object_head`` (``objects`` must be the object's head word:
    "received his counterpart", not "received a letter from the president"). Entries with more
    conditions are tried first. Category ``NONE`` marks an idiom that is no event ("struck a
    conciliatory tone"). ``reported`` is the category when another actor's reporting verb tells of
    the act ("Kyiv said Moscow had violated the deal" is Kyiv accusing Moscow).
    """

    lemma: str
    pos: str
    category: str
    mode: str | None = None
    prep: tuple[str, ...] = ()
    particle: str | None = None
    objects: tuple[str, ...] = ()
    light: tuple[str, ...] = ()
    subject_sectors: tuple[str, ...] = ()
    xcomp: bool = False
    subjects: frozenset[str] = frozenset()  # head nouns of the subject ("protesters gathered")
    intransitive: bool = False  # no direct object ("workers struck", not "missiles struck the grid")
    reported: str | None = None  # the category when another actor reports the act
    object_head: bool = False  # ``objects`` names the object's head word, not any word of its phrase

    @property
    def specificity(self) -> int:
        return (bool(self.prep) + bool(self.particle) + bool(self.objects) + bool(self.subject_sectors)
                + bool(self.subjects) + self.intransitive + self.xcomp)


@dataclass
class Lexicons:
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    reporting: frozenset[str] = frozenset()
    stances: dict[tuple[str, str], str] = field(default_factory=dict)
    stance_preps: dict[tuple[str, str, str], str] = field(default_factory=dict)  # "stand with X"
    evaluations: dict[str, str] = field(default_factory=dict)
    meeting_words: dict[tuple[str, str], str] = field(default_factory=dict)
    intentions: dict[tuple[str, str], str] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    treaties: list[dict] = field(default_factory=list)
    contexts: dict[str, str] = field(default_factory=dict)

    def triggers_for(self, lemma: str, pos: str) -> list[Trigger]:
        return self.triggers.get((lemma.lower(), pos), [])


def _rows(name: str) -> list[list[str]]:
    with open(lexicon_path(name), encoding="utf-8") as fh:
        return [[c.strip() for c in row] for row in csv.reader(fh, delimiter="\t")
                if row and row[0].strip() and not row[0].startswith("#")]


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in lexicon_path(name).read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=1)
def load() -> Lexicons:
    """Read every lexicon file (cached for the life of the process)."""
    lex = Lexicons()
    for rec in _jsonl("plover_triggers.jsonl"):
        t = Trigger(rec["lemma"], rec.get("pos", "VERB"), rec["category"], rec.get("mode"),
                    tuple(rec.get("prep", [])), rec.get("particle"), tuple(rec.get("objects", [])),
                    tuple(rec.get("light", [])), tuple(rec.get("subject_sectors", [])), bool(rec.get("xcomp")),
                    frozenset(rec.get("subjects", [])), bool(rec.get("intransitive")), rec.get("reported"),
                    bool(rec.get("object_head")))
        lex.triggers.setdefault((t.lemma, t.pos), []).append(t)
    for entries in lex.triggers.values():
        entries.sort(key=lambda t: -t.specificity)
    lex.reporting = frozenset(r[0] for r in _rows("reporting_verbs.tsv"))
    lex.stances = {(r[0], r[1]): r[2] for r in _rows("stances.tsv") if len(r) < 4}
    lex.stance_preps = {(r[0], r[1], r[3]): r[2] for r in _rows("stances.tsv") if len(r) >= 4}
    lex.evaluations = {r[0]: r[1] for r in _rows("evaluations.tsv")}
    lex.meeting_words = {(r[0], r[1]): (r[2] if len(r) > 2 else "") for r in _rows("meeting_words.tsv")}
    lex.intentions = {(r[0], r[1]): r[2] for r in _rows("intention_words.tsv")}
    lex.sector_nouns = {r[0]: r[1] for r in _rows("sector_nouns.tsv")}
    lex.treaties = _jsonl("treaties.jsonl")
    lex.contexts = {r[0]: r[1] for r in _rows("contexts.tsv")}
    return lex


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, tuple[str, ...]]:
    """The classes of word_classes.tsv: name -> entries (a line: name, entries, purpose)."""
    classes = {}
    for line in lexicon_path("word_classes.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, entries = line.split("\t")[:2]
            classes[name] = tuple(e.strip() for e in entries.split(",") if e.strip())
    return classes


def word_class(name: str) -> frozenset[str]:
    """The words of one class of ``ontology/lexicons/word_classes.tsv``."""
    return frozenset(_word_classes()[name])


def word_map(name: str) -> dict[str, str]:
    """A class of ``word_classes.tsv`` whose entries are "word: value" pairs."""
    return dict((key.strip(), value.strip()) for key, _, value in (e.partition(":") for e in _word_classes()[name]))
