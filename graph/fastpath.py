"""Parse only the sentences that can yield a fact.

Most sentences of a news firehose carry no diplomatic event, meeting, stance,
quote or treaty. A cheap first pass (a punctuation rule and the lexicons)
finds the sentences that hold a lexicon trigger and an actor; those, and the
sentences that give them context (the title and a dateline, the previous sentence
for a pronoun, every sentence naming one of their actors, a whole paragraph
around a quote), keep their characters. Every other character except line
breaks becomes a space, so the text keeps its length: token offsets, evidence
and quote spans stay offsets into the document, and the statistical pipeline
sees a run of blanks, one whitespace token, where a skipped sentence was.

Long documents are cut into paragraph chunks below spaCy's ``max_length``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .extract.actors import surname_forms
from .extract.treaties import known_treaties
from .lexicons import Lexicons, word_class

_QUOTES = "\u201c\u201d\""
# words that send a reader to the sentence before for whom they mean
_REFERRING = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "both", "counterpart",
              "counterparts", "sides", "men", "women"}
# words that may stand for actors told elsewhere: pronouns, and the group nouns the extractor resolves
_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "both", "delegations"} | \
    word_class("group_nouns")
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
             ("s", ""), ("d", ""))
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+|[A-Z][a-z]?\.")
_OBLIGATION = {"must", "should", "ought"}
# sectors of the posts whose holders a story may name without telling of an act (not sport or business)
_STATE_SECTORS = frozenset({"GOV", "MIL", "IGO", "LEG", "JUD", "OPP", "REB"})
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}\b")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass
class Selection:
    """The masked text of one document and how much of it will be parsed."""

    text: str
    sentences: int
    selected: int


def chunks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut a text into (start, end) spans of at most ``max_chars``, at line breaks where possible."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    spans = []
    start = 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + 1, end)
            if cut <= start:
                cut = text.rfind(" ", start + 1, end)
            end = cut + 1 if cut > start else end
        spans.append((start, end))
        start = end
    return spans


class SentenceFilter:
    """Decides, from tokens alone, which sentences need the full pipeline."""

    def __init__(self, nlp, lex: Lexicons):
        from .gazetteer import load as load_gazetteer

        self.gazetteer = load_gazetteer()
        free = {lemma.lower() for lemma, _ in lex.meeting_words} | {lemma.lower() for lemma, _ in lex.stances}
        free |= {lemma.lower() for lemma, _, _ in lex.stance_preps}
        free |= {w.lower() for w in lex.evaluations}
        required: dict[str, set[str]] = {}
        for (lemma, _), entries in lex.triggers.items():
            for t in entries:
                words = {w.lower() for w in (*t.objects, *t.subjects)} | ({t.particle.lower()} if t.particle else set())
                if words:
                    required.setdefault(lemma.lower(), set()).update(words)
                else:
                    free.add(lemma.lower())
        self.triggers = free | set(required)
        # trigger lemmas that code an event only with one of these object, subject or particle words
        self.required = {lemma: words for lemma, words in required.items() if lemma not in free}
        self.reporting = {w.lower() for w in lex.reporting}
        self.actor_nouns = {w for w in lex.sector_nouns if " " not in w}
        self.actor_nouns |= {w.casefold() for t in self.gazetteer.titles for w in t.split() if w.isalpha()}
        self.actor_nouns -= STOP_WORDS
        self.actor_nouns |= {_plural(w) for w in self.actor_nouns}
        self.title_words = {w.casefold() for t, title in self.gazetteer.titles.items() if title.sector in _STATE_SECTORS
                            for w in t.split() if w.isalpha()} - STOP_WORDS
        self.irregular: dict[str, set[str]] = {}
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_exc"):
                for table in lookups.get_table("lemma_exc").values():
                    for form, lemmas in table.items():
                        self.irregular.setdefault(form.lower(), set()).update(l.lower() for l in lemmas)
        self.treaty_names = known_treaties(lex)[1]
        self._cache: dict[str, tuple[frozenset[str], bool]] = {}
        # abbreviations that end in a full stop, as the tokenizer keeps them ("Mr.", "Jan.")
        self.abbreviations = {k for k in getattr(nlp.tokenizer, "rules", {}) or {} if k.endswith(".")}

    def _lemmas(self, word: str) -> set[str]:
        out = {word} | self.irregular.get(word, set())
        for suffix, repl in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                out.add(stem + repl)
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.add(stem[:-1])
        return out

    def _word(self, word: str) -> tuple[frozenset[str], bool]:
        """(trigger lemmas the word may be a form of, whether it may be a reporting verb)."""
        key = word.lower()
        cached = self._cache.get(key)
        if cached is None:
            lemmas = self._lemmas(key)
            cached = (frozenset(lemmas & self.triggers), bool(lemmas & self.reporting))
            if len(self._cache) < 200_000:
                self._cache[key] = cached
        return cached

    def _has_trigger(self, words: list[str]) -> bool:
        """A trigger word whose required object or particle, if it has one, is in the sentence too."""
        sentence_lemmas = None
        for w in words:
            for lemma in self._word(w)[0]:
                needed = self.required.get(lemma)
                if needed is None:
                    return True
                if sentence_lemmas is None:
                    sentence_lemmas = set().union(*(self._lemmas(x.lower()) for x in words))
                if sentence_lemmas & needed:
                    return True
        return False

    def _is_name(self, word: str) -> bool:
        """A single word the gazetteer knows as a country, demonym, people, capital or organisation."""
        gz = self.gazetteer
        if word.endswith("s") and gz.demonym(word[:-1]):
            return True  # a people: "Nigerians", "Afghans"
        return bool(gz.may_start_name(word) and (gz.country(word) or gz.demonym(word) or gz.capital(word)
                                                 or gz.organization(word)))

    def _has_actor(self, words: list[str], name_words: set[str]) -> bool:
        """A word that can name or stand for an actor: a country, demonym, capital or
        organisation the gazetteer knows, a personal name (a word the document writes
        in a run of capitalised words, as "Antony Blinken" or "Mr. Blinken"), a title
        or group noun ("minister", "officials"), or a pronoun that may refer to one.
        A lone capitalised word such as a town ("opened in Riverton") is not enough.
        """
        for w in words:
            low = w.lower()
            if low in _PRONOUNS or low in self.actor_nouns:
                return True
            if w[:1].isupper() and low not in _CALENDAR and (w in name_words or self._is_name(w)):
                return True
        return False

    def _introduces_person(self, words: list[str], name_words: set[str]) -> bool:
        """A title before a personal name ("Foreign Minister Gabrielius Landsbergis said …"):
        the sentence tells who someone is, with role and country, even if it tells of no act."""
        return any(a.lower() in self.title_words and b[:1].isupper() and b in name_words
                   for a, b in zip(words, words[1:]))

    def sentences(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, paragraph start) of each sentence: lines cut at end punctuation
        followed by a capital, a digit or a quote, except after an abbreviation the
        tokenizer knows ("Mr.", "Gen.", "U.S."). A missed cut only keeps more text."""
        out = []
        line_start = 0
        for line in text.split("\n"):
            pos = 0
            for m in _SENTENCE_END.finditer(line):
                if line[m.start()] == "." and self._is_abbreviation(line, m.start() + 1):
                    continue
                begin = _first_char(line, pos)
                if begin < m.end():
                    out.append((line_start + begin, line_start + m.end(), line_start))
                pos = m.end()
            begin = _first_char(line, pos)
            tail = line.rstrip()
            if begin < len(tail):
                out.append((line_start + begin, line_start + len(tail), line_start))
            line_start += len(line) + 1
        return out

    def _is_abbreviation(self, line: str, dot_end: int) -> bool:
        word = line[:dot_end].rsplit(None, 1)[-1].lstrip("\"'(\u201c\u2018[")
        return word in self.abbreviations or bool(_INITIALS.fullmatch(word))

    def select(self, text: str, body_start: int = 0) -> Selection:
        """Mask the sentences that cannot yield a fact, keeping the text's length.

        Args:
            text: the document (or chunk) text.
            body_start: where the body starts; the title before it is kept.
        RETURNS (Selection): the masked text and sentence counts.
        """
        sents = self.sentences(text)
        if not sents:
            return Selection(text, 0, 0)
        words = [[w for w in _WORD.findall(text[s:e])] for s, e, _ in sents]
        name_words = _name_words(words)
        paragraphs: dict[int, list[int]] = {}
        for k, (_, _, para) in enumerate(sents):
            paragraphs.setdefault(para, []).append(k)
        keep = [False] * len(sents)
        relevant = [False] * len(sents)
        first_body = next((k for k, (s, _, _) in enumerate(sents) if s >= body_start), None)
        for k, (s, e, para) in enumerate(sents):
            if s < body_start or (k == first_body and _DATELINE.match(text, s)):
                keep[k] = True  # the title, and a dateline naming where the story was filed
                continue
            ws = words[k]
            quoted = any(q in text[para:_para_end(text, para)] for q in _QUOTES)
            reports = quoted or any(w.lower() in _OBLIGATION for w in ws)  # "said X must return it"
            trigger = self._has_trigger(ws) or (reports and any(self._word(w)[1] for w in ws))
            if not trigger and self.treaty_names is not None and self.treaty_names.search(text, s, e):
                trigger = True
            if trigger and self._has_actor(ws, name_words):
                keep[k] = relevant[k] = True
            elif self._introduces_person(ws, name_words):
                keep[k] = True
        seeds = [k for k, kept in enumerate(relevant) if kept]
        names = set()
        for k in seeds:
            names.update(_names(words[k], name_words))
            if k > 0 and any(w.lower() in _REFERRING for w in words[k]):
                keep[k - 1] = True
            s, e, para = sents[k]
            if any(q in text[s:e] for q in _QUOTES):
                for j in paragraphs[para]:
                    keep[j] = True
        if names:
            for k, ws in enumerate(words):
                if not keep[k] and any(w in names or "-" in w and not names.isdisjoint(surname_forms(w)) for w in ws):
                    keep[k] = True
        if all(keep):
            return Selection(text, len(sents), len(sents))
        chars = list(text)
        for k, (s, e, _) in enumerate(sents):
            if not keep[k]:
                end = sents[k + 1][0] if k + 1 < len(sents) else e
                for i in range(s, end):
                    if chars[i] != "\n":
                        chars[i] = " "
        return Selection("".join(chars), len(sents), sum(keep))


def _plural(noun: str) -> str:
    """The regular English plural of a noun ("official" -> "officials", "chairman" -> "chairmen")."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _name_words(sentences: list[list[str]]) -> set[str]:
    """Words the document writes in a run of two or more capitalised words ("Antony Blinken",
    "Mr Blinken", "Red Cross"): the words of personal and other proper names."""
    out: set[str] = set()
    for words in sentences:
        run: list[str] = []
        for w in [*words, ""]:
            if w[:1].isupper() and w.lower() not in STOP_WORDS and w.lower() not in _CALENDAR:
                run.append(w)
                continue
            if "-" in w and len(forms := surname_forms(w)) > 1:
                run.extend(forms)  # "Bashar al-Assad": the surname is "Assad" too
                continue
            if len(run) > 1:
                out.update(run)
            run = []
    return out


def _first_char(line: str, pos: int) -> int:
    """The first non-blank position at or after ``pos``."""
    while pos < len(line) and line[pos].isspace():
        pos += 1
    return pos


def _para_end(text: str, para: int) -> int:
    end = text.find("\n", para)
    return len(text) if end < 0 else end


def _names(words: list[str], name_words: set[str]) -> set[str]:
    """Capitalised words inside a sentence, and its first word if the document writes that
    word in a name ("Blinken said …" after "Antony Blinken"): any word may open a sentence."""
    inner = {w for w in words[1:] if w[:1].isupper() and len(w) > 2 and w.lower() not in STOP_WORDS
             and w.lower() not in _CALENDAR}
    return inner | ({words[0]} if words and words[0] in name_words else set())
