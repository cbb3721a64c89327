"""What every extractor of one document shares: the parse, its actors, and
the rules that turn a noun phrase into the actors it refers to."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..facts import ActorRef, Article, Evidence
from ..gazetteer import Gazetteer
from ..lexicons import Lexicons, word_class, word_map
from . import dates
from .actors import ActorIndex, Mention, country_actor

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_GROUP_PRONOUNS = {"they", "them", "their", "both"}
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_TIME_CLAUSE_WORDS = frozenset({"when", "while", "until", "before", "after", "once"})
_SIMULTANEOUS = frozenset({"as", "when", "while"})  # marks of a clause told as happening at the same moment
_DAY_SHIFTS = {phrase: int(days) for phrase, days in word_map("day_shifts").items()}
_RELATIVE = {"who", "whom", "which", "that", "whose"}
_GROUP_NOUNS = word_class("group_nouns")
_OWN_STATE_NOUNS = word_class("own_state_nouns")
_MET_PEOPLE = word_class("met_people")
_NON_GROUPS = word_class("non_groups")
_PEOPLES = word_map("peoples")
_PARTITIVES = word_class("partitives")
_STATE_BODY_HEADS = word_class("state_body_heads")
_BODY_NOUNS = word_class("body_nouns")
_COUNTRY_WORDS = frozenset({"Country", "Demonym", "Capital"})
# sectors of people who act where they live, and the prepositions that name where they act
_LOCAL_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "AGR", "COP", "REB"})
# sectors of groups a text names ("the M23 rebel group") and then calls by their kind ("the rebels")
_NAMED_GROUP_SECTORS = frozenset({"REB", "OPP"})
_SCENE_PREPS = frozenset({"in", "at", "outside", "inside", "near", "across", "throughout"})


def _kin(kind: str) -> str:
    """Country names, demonyms and capitals all name a country."""
    return "Country" if kind in _COUNTRY_WORDS else kind


_SPEECH_ACTS = word_class("speech_acts")
GREETING_VERBS = word_class("greeting_verbs")
_ISSUING_VERBS = word_class("issuing_verbs")
DOCUMENT_NOUNS = word_class("document_nouns")
_NEGATIONS = {"not", "n't", "never", "no", "neither", "nor"}


@dataclass
class DocContext:
    """A parsed article with its actor index and resolution helpers."""

    doc: Doc
    article: Article
    gz: Gazetteer
    lex: Lexicons
    index: ActorIndex
    body_start: int = 0  # character offset where the body starts (after a title line)
    dateline_place: str | None = None
    last_group: list[ActorRef] = field(default_factory=list)
    last_doers: list[ActorRef] = field(default_factory=list)  # sources of the last event coded
    acts: list[tuple[str, list[ActorRef]]] = field(default_factory=list)  # (category, sources) of events told so far
    _body: list[Span] | None = field(default=None, repr=False)
    meeting_groups: list[tuple[int, list[ActorRef]]] = field(default_factory=list)
    _pairing: set[int] = field(default_factory=set)  # phrases whose pair is being read (no recursion)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""  # doc.text, built once: spaCy joins every token on each access
    _person_codes: dict[str, str | None] = field(default_factory=dict)
    _dates: list[Span] | None = field(default=None, repr=False)  # DATE entities that tell when, in order

    title_words: frozenset[str] = frozenset()  # words of the title lexicon, built once at start-up

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text

    # ------------------------------------------------------------ evidence
    def evidence(self, sent: Span) -> Evidence:
        """The sentence verbatim, trimmed of surrounding whitespace, with offsets."""
        text = self.text
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Evidence(text[start:end], start, end)

    def body_sentences(self) -> list[Span]:
        """The sentences after the headline that hold any text (computed once per document)."""
        if self._body is None:
            text = self.text
            self._body = [sent for sent in self.doc.sents
                          if sent.start_char >= self.body_start and text[sent.start_char:sent.end_char].strip()]
        return self._body

    # ------------------------------------------------------------ actors
    def ref(self, mention: Mention, sector: str | None = None, text: str | None = None) -> ActorRef:
        """An ActorRef for a mention; capitals and demonyms stand for their country."""
        key = self._actor_key(mention)
        self.index.used.add(key)
        if key not in self.index.actors and key.startswith("country/"):
            # a country the text never names, reached through a person ("the Biden administration")
            self.index.actors[key] = country_actor(self.gz, key.split("/", 1)[1])
        actor = self.index.actors[key]
        code = actor.code if actor.kind != "Person" else actor.country
        if actor.kind == "Person" and not code:
            # an official of an international body ("U.N. envoy X") has its code, else a described country
            code = actor.code if actor.code in ("IGO", "NGO") else self._person_code(key)
        elif not code and mention.kind == "Organization" and mention.end - mention.start > 1:
            # "Bosnian Serbs", "Kosovo Albanian rebels": a group named after where it lives
            code = next((c for c in map(self.gz.demonym, mention.text.split()[:-1]) if c), None)
        return ActorRef(key, text or mention.text, code, sector or mention.sector or actor.sector)

    def _person_code(self, key: str) -> str | None:
        """The country (or international body) an appositive or title gives a person the gazetteer
        cannot place: "Sidhoum, Algeria's leading rights activist", "U.N. Secretary-General Annan"."""
        if key not in self._person_codes:
            self._person_codes[key] = next((c for m in self.index.mentions if m.key == key
                                            for c in [self._described_country(m)] if c), None)
        return self._person_codes[key]

    def _actor_key(self, mention: Mention) -> str:
        if mention.kind in ("Demonym", "Capital"):
            key = f"country/{mention.code}"
            actor = self.index.actors.setdefault(key, country_actor(self.gz, mention.code))
            if mention.kind == "Capital":
                actor.aliases.add(mention.text)
            return key
        return mention.key

    def refs(self, token: Token | None, exclude: set[str] | None = None) -> list[ActorRef]:
        """The actors a noun phrase (given by its head) refers to, coordination included."""
        if token is None:
            return []
        out: list[ActorRef] = []
        for t in self._conjuncts(token):
            for r in self._refs_one(t):
                if (exclude is None or r.key not in exclude) and r.key not in {o.key for o in out}:
                    out.append(r)
        return out

    def _conjuncts(self, token: Token) -> list[Token]:
        out = [token]
        # "President A and President B agreed": the parser may hang the first name, with its
        # "and", on the second as a modifier; it is a conjunct all the same
        folded = [c for c in token.lefts if c.dep_ in ("nmod", "compound") and any(g.dep_ == "cc" for g in c.children)
                  and (m := self.index.at(c)) is not None and m.kind == "Person" and m is not self.index.at(token)]
        out[:0] = folded
        for c in token.children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                out.extend(self._conjuncts(self._misattached_name(token, c) or c))
        return out

    def _misattached_name(self, first: Token, conjunct: Token) -> Token | None:
        """"Lutnick and EU trade commissioner Maros Sefcovic": the parser hangs the name on the
        first conjunct as an apposition. A name after a bare title noun in the coordination is
        that title's holder, as an apposition of the first would stand before "and"."""
        if conjunct.pos_ != "NOUN" or self.index.at(conjunct) is not None:
            return None
        return next((a for a in first.children if a.dep_ == "appos" and a.left_edge.i == conjunct.right_edge.i + 1
                     and a.pos_ == "PROPN"), None)

    def _people(self, t: Token) -> Mention | None:
        """A people named by a plural demonym: "Palestinians", "the Turks", "Liberians"."""
        if t.tag_ not in ("NNS", "NNPS") and not (t.pos_ == "PROPN" and t.lower_.endswith("s")):
            return None
        low = t.lower_
        code = _PEOPLES.get(low[:-1]) or (self.gz.demonym(t.text[:-1]) if low.endswith("s") else None)
        if not code:
            return None
        return Mention(t.i, t.i + 1, "Demonym", f"country/{code}", t.text, code)

    def _home_of_people(self, t: Token, people: Mention) -> ActorRef | None:
        """"Bosnian Serbs", "Iraqi Kurds": a people told with the state they live in is of that state."""
        for c in t.children:
            if c.dep_ not in ("amod", "compound") or c.i > t.i:
                continue
            m = self.index.at(c)
            if m is None:
                code = self.gz.demonym(c.text)  # "Bosnian" inside what the tagger took for a name
            else:
                code = m.code if m.kind == "Demonym" else None
            if code and code != people.code:
                break
        else:
            return None
        ref = self.ref(Mention(c.i, c.i + 1, "Demonym", f"country/{code}", c.text, code), "CVL")
        return ActorRef(ref.key, self._phrase(t), ref.code, ref.sector)

    def _refs_one(self, t: Token) -> list[ActorRef]:
        m = self.index.at(t)
        if m is None and t.dep_ not in ("amod", "compound"):
            m = self._people(t)
            if m is not None:
                return [self._home_of_people(t, m) or self.ref(m, "CVL")]
        low = t.lower_
        # A named actor: the head itself is a mention.
        if m is not None and m.kind != "Place":
            sector = None
            if m.kind in ("Demonym",) and t.dep_ in ("amod", "compound"):
                return []
            if m.kind == "Demonym" and (home := self._home_of_people(t, m)) is not None:
                return [home]
            return [self.ref(m, sector)]
        if m is not None and m.kind == "Place":
            return []
        # Relative pronoun: the noun the clause modifies ("Whelan, who …").
        if low in _RELATIVE:
            # "Whelan, who the U.S. says has been detained": climb to the relative clause's noun
            h = t.head
            for _ in range(4):
                if h.dep_ == "relcl":
                    return self.refs(h.head)
                if h.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or h.head is h:
                    break
                h = h.head
            return []
        if low in _PERSON_PRONOUNS:
            p = self.salient_person(t)
            return [p] if p else []
        if low in _GROUP_PRONOUNS:
            group = self._object_of_the_clause_above(t) or self._antecedent(t, plural=True)
            if group:
                self.last_group = group
            return list(self.last_group)
        if low in ("it", "its") and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj"):
            return self._praised_object(t) or self._antecedent(t, plural=False)
        body = self._body_by_head(t)
        if body is not None:
            return [body]
        if t.pos_ in ("NOUN", "PROPN", "NUM") or low in _PARTITIVES:
            person = self._titled_person(t)
            if person is not None:
                return [person]
            return self._nominal(t)
        return []

    def _title_holder(self, t: Token, lemma: str, mod_mentions: list) -> ActorRef | None:
        """"Iran's deputy foreign minister": the one person of the document from that country
        whose role holds the title's words, if the text names exactly one."""
        if lemma not in self.title_words:
            return None
        code = next((m.code for m in mod_mentions if m.kind in _COUNTRY_WORDS and m.code), None)
        if code is None:
            return None
        words = {w.lower_ for w in t.subtree if w.i <= t.i and w.is_alpha} - {"the", "s"}
        best, best_score, tie = None, 0, False
        for actor in self.index.actors.values():
            if actor.kind != "Person" or actor.country != code:
                continue
            role_words = {w for role in actor.roles for w in role.lower().split()}
            if lemma not in role_words:
                continue
            score = len(words & role_words)
            if score > best_score:
                best, best_score, tie = actor, score, False
            elif score == best_score:
                tie = True
        if best is None or tie:
            return None
        self.index.used.add(best.key)
        return ActorRef(best.key, self._phrase(t), best.country, best.sector)

    def _described_country(self, person: Mention) -> str | None:
        """The country an appositive, "of" phrase or title modifier gives one mention of a person."""
        h = self.doc[person.end - 1]
        for c in h.children:
            if c.dep_ not in ("appos", "prep", "poss", "amod", "compound") or \
                    (c.dep_ == "prep" and c.lower_ not in ("of", "from")):
                continue
            for u in c.subtree:
                if u.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                    break
                m = self.index.at(u)
                if m is None or m.key == person.key or not m.code:
                    continue
                if m.kind in ("Country", "Demonym", "Capital") or (m.kind == "Organization" and c.dep_ == "compound"):
                    return m.code
        return None

    def _praised_object(self, t: Token) -> list[ActorRef]:
        """"thanked Türkiye for its role", "criticised China for its support": "its" in the reason
        given for an act is the state or body the act is aimed at."""
        prep = t.head.head
        verb = prep.head
        if t.dep_ != "poss" or prep.dep_ != "prep" or prep.lower_ not in ("for", "over") or verb.pos_ != "VERB":
            return []
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        refs = self.refs(obj) if obj is not None and obj.i < t.i else []
        return refs if len(refs) == 1 and refs[0].key.startswith(("country/", "org/")) else []

    def _object_of_the_clause_above(self, t: Token) -> list[ActorRef]:
        """"expelled two Russian diplomats, accusing them of spying": "them", the object of a
        participle, is the people the main verb acted on."""
        verb = t.head
        if t.dep_ != "dobj" or verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.pos_ != "VERB":
            return []
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if obj is None or obj.tag_ not in ("NNS", "NNPS"):
            return []
        # "two Russian diplomats": people of a state stand for it
        return self.refs(obj) or [self.ref(m) for m in map(self.index.at, obj.children)
                                  if m is not None and m.kind in ("Country", "Demonym")][:1]

    def _antecedent(self, t: Token, plural: bool) -> list[ActorRef]:
        """The actors a pronoun stands for: the nearest earlier subject phrase naming actors
        (a plural or coordinated one for "they", a country or organisation for "it")."""
        for h in reversed(self.doc[max(0, t.i - 80):t.i]):
            if h.dep_ not in ("nsubj", "nsubjpass") or h.lower_ in _GROUP_PRONOUNS or h.lower_ in _PERSON_PRONOUNS \
                    or h.lower_ in _RELATIVE or h.lower_ in ("it", "its") or h.pos_ == "PRON":
                continue
            refs = self.refs(h)
            if not refs:
                continue
            if plural:
                if len(refs) > 1 or h.tag_ in ("NNS", "NNPS") or any(r.key.startswith(("country/", "org/")) for r in refs):
                    return refs
            elif len(refs) == 1 and refs[0].key.startswith(("country/", "org/")) and (
                    h.tag_ not in ("NNS", "NNPS") or self._names_a_country(h)):
                return refs  # "the Cook Islands said it …": a plural name of one state
            return []
        return []

    def _names_a_country(self, t: Token) -> bool:
        m = self.index.at(t)
        return m is not None and m.kind == "Country"

    def _located_country(self, t: Token) -> Mention | None:
        """The country of a "forces in Guinea" / "rebels of Sudan" / "settlers from Israel" modifier."""
        for prep in t.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "from", "inside"):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for w in [pobj, *[c for c in pobj.children if c.dep_ in ("compound", "amod", "poss")]]:
                    m = self.index.at(w)
                    if m is None:
                        continue
                    if m.kind in ("Country", "Demonym", "Capital"):
                        return m
                    if m.kind == "Place":
                        actor = self.index.actors.get(m.key)
                        if actor is not None and actor.country:
                            return Mention(m.start, m.end, "Demonym", f"country/{actor.country}", m.text, actor.country)
        return None

    def _scene_country(self, t: Token) -> Mention | None:
        """The country where a subject or object group acts ("protesters gathered outside the British embassy
        in Tehran": Iranians): a city or country named by a locative of its verb, not a modifier."""
        while t.dep_ == "pobj" and t.head.lower_ == "of":  # "thousands of protesters"
            t = t.head.head
        if t.dep_ not in ("nsubj", "dobj"):  # "police detained 40 protesters in Tbilisi": the object's scene too
            return None
        verb = t.head
        # "students blocked a highway in Belgrade": the scene may hang on the object
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in _SCENE_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = [w for p in pobj.children if p.dep_ == "prep" and p.lower_ == "in"
                         for w in p.children if w.dep_ == "pobj"]
                # "a camp in Darfur, Sudan": the country set off after a place it does not know
                named = [w for p in [pobj, *inner] for w in p.children if w.dep_ == "appos"]
                for w in [pobj, *inner, *named]:
                    m = self.index.at(w)
                    if m is None or w.dep_ not in ("pobj", "appos"):
                        continue
                    if m.kind in ("Country", "Capital"):
                        return m
                    actor = self.index.actors.get(m.key) if m.kind == "Place" else None
                    if actor is not None and actor.country:
                        return Mention(m.start, m.end, "Demonym", f"country/{actor.country}", m.text, actor.country)
        return None

    def _earlier_body(self, t: Token) -> Mention | None:
        """"The junta … demanded the withdrawal" after "Niger's military junta": a state body named
        with "the" alone is the one the text named before with its country."""
        if t.lemma_.lower() not in _STATE_BODY_HEADS or \
                [c.lower_ for c in t.children if c.dep_ in ("det", "amod", "compound", "poss")] != ["the"]:
            return None
        for u in reversed(self.doc[max(0, t.i - 400):t.i]):
            if u.lemma_ != t.lemma_:
                continue
            for c in u.subtree:
                m = self.index.at(c) if c.i < u.i else None
                if m is not None and m.kind in _COUNTRY_WORDS:
                    return Mention(t.i, t.i + 1, "Demonym", f"country/{m.code}", t.text, m.code)
            return None  # the last such body had no country either
        return None

    def _body_of_members(self, t: Token) -> Mention | None:
        """The international body a plural noun's "of" phrase names ("Leaders of the Pacific
        Islands Forum", "members of the Group of Seven nations": the body may modify the phrase)."""
        return next((m for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for pobj in prep.children if pobj.dep_ == "pobj" for w in pobj.subtree if w.i <= pobj.i
                     if (m := self.index.at(w)) is not None and m.kind == "Organization" and m.code), None)

    def _earlier_group(self, t: Token, sector: str) -> ActorRef | None:
        """"the rebels" after "the M23 rebel group": an armed or opposition group told with "the"
        alone is the one of its sector the text named last, not a country."""
        if sector not in _NAMED_GROUP_SECTORS or \
                [c.lower_ for c in t.children if c.dep_ in ("det", "amod", "compound", "poss", "nummod")] != ["the"]:
            return None
        m = self._last_body(t, lambda m: self.index.actors[m.key].sector == sector)
        return self.ref(m, text=self._phrase(t)) if m is not None else None

    def _last_body(self, t: Token, wanted) -> Mention | None:
        """The organisation named last before a word, of those ``wanted`` accepts."""
        return next((m for m in reversed(self.index.mentions) if m.start < t.i and m.kind == "Organization"
                     and wanted(m)), None)

    def _dateline_country(self, t: Token) -> Mention | None:
        """"TBILISI — Riot police detained 200 people": police, protesters or strikers the text
        places nowhere act in the country the story is filed from."""
        place = self.index.actors.get(self.dateline_place) if self.dateline_place else None
        if place is None or not place.country:
            return None
        return Mention(t.i, t.i + 1, "Demonym", f"country/{place.country}", t.text, place.country)

    def _titled_person(self, t: Token) -> ActorRef | None:
        """A title the parser made the head of a name ("Cabinet Secretary … Joseph Wambua",
        "Foreign Minister of Kazakhstan Beibit Sarsenov"): the person it introduces."""
        if t.lower_ not in self.title_words:
            return None
        for u in t.subtree:
            if u.i <= t.i:
                continue
            if u.i - t.i > 12:
                break
            m = self.index.at(u)
            if m is not None and m.kind == "Person":
                ref = self.ref(m)
                if not ref.code:
                    # "a member of the Syrian parliament, X": the title's country
                    code = next((w.code for w in map(self.index.at, self.doc[t.i:u.i]) if w is not None
                                 and w.kind in ("Country", "Demonym", "Capital") and w.code), None)
                    if code:
                        ref = ActorRef(ref.key, ref.text, code, ref.sector)
                return ref
        return None

    def _body_by_head(self, t: Token) -> ActorRef | None:
        """"the Commission" after "the European Commission": a capitalised noun, with only "the"
        before it, that is the head word of exactly one body's name the document gave earlier."""
        if not t.is_title or t.pos_ not in ("NOUN", "PROPN") or t.i == t.sent.start \
                or [c.lower_ for c in t.children if c.dep_ in ("det", "amod", "compound", "poss")] != ["the"]:
            return None
        bodies = {m.key for m in self.index.mentions if m.kind == "Organization" and m.start < t.i
                  and m.end - m.start > 1 and _head_word(self.index.actors[m.key].name) == t.text}
        if len(bodies) != 1:
            return None
        key = bodies.pop()
        actor = self.index.actors[key]
        return self.ref(Mention(t.i, t.i + 1, "Organization", key, t.text, actor.code, actor.sector), text=f"the {t.text}")

    def _nominal(self, t: Token) -> list[ActorRef]:
        """Common-noun phrases: "U.S. officials", "his Russian counterpart", "the two men"."""
        lemma = t.lemma_.lower()
        mods = [c for c in t.children if c.dep_ in ("amod", "compound", "poss", "nmod", "nummod", "det")]
        mod_mentions = [self.index.at(c) for c in t.subtree if c.i < t.i and self.index.at(c) is not None]
        mod_mentions = [m for m in mod_mentions if m.kind != "Place"]
        own = self._own_state(t, lemma)
        if own is not None:
            return [own]
        # "Thousands of Nigerians", "a group of Moroccan diplomats", "members of the parliament"
        if lemma in _PARTITIVES or (t.pos_ == "NUM"):
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    refs = self.refs(pobj)
                    if refs:
                        return refs
        sector = self.lex.sector_nouns.get(lemma)
        if sector is None:
            # "security forces", "riot police": the sector of a compound
            for c in t.children:
                if c.dep_ == "compound" and c.lemma_.lower() + " " + lemma in self.lex.sector_nouns:
                    sector = self.lex.sector_nouns[c.lemma_.lower() + " " + lemma]
        if sector is not None and not mod_mentions:
            # "the U.S. military said its forces had struck …": the forces of the state "its" stands for
            # (as a subject only: "recalled its ambassador" names what the actor acts with, not on)
            owner = next((c for c in t.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None) \
                if t.dep_ in ("nsubj", "nsubjpass") else None
            owned = [r for r in self.refs(owner) if r.code] if owner is not None else []
            if owned:
                return [ActorRef(r.key, self._phrase(t), r.code, sector) for r in owned]
            # "Afghan rebel leaders": a group noun on the modifier chain keeps the country
            for c in t.children:
                if c.dep_ == "compound" and c.pos_ == "NOUN":
                    inner = [self.index.at(w) for w in c.subtree if w.i < c.i and self.index.at(w) is not None]
                    mod_mentions += [m for m in inner if m.kind != "Place"]
        # "the two men", "the two diplomats": the last pair that met; so are "the leaders" as a
        # subject with no other modifier
        paired = any(c.lower_ in ("two", "both") for c in mods)
        bare = [c.lower_ for c in mods] == ["the"] and t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _MET_PEOPLE
        if (paired or bare) and t.lower_ in _GROUP_NOUNS:
            met = [group for start, group in self.meeting_groups if start <= t.idx]
            if met:
                return list(met[-1])
            # "Leaders of the G7 warned … The leaders called on …": the same people, so the same body
            body = next((b for w in reversed(self.doc[:t.i]) if w.lemma_ == t.lemma_ and w.tag_ in ("NNS", "NNPS")
                         and (b := self._body_of_members(w)) is not None), None) if bare else None
            if body is not None:
                ref = self.ref(body)
                return [ActorRef(ref.key, self._phrase(t), ref.code, ref.sector)]
            if paired and t.lower_ not in _MET_PEOPLE:
                pair = self._main_pair(t)
                if pair:
                    return pair
            if not self.last_group:
                # "A and B agreed … The two leaders also signed …", "… The ministers met": the last pair told
                group = self._antecedent(t, plural=True)
                if len(group) == 2 and all(r.key.startswith("person/") for r in group):
                    return group
            if paired:
                return list(self.last_group)
        if lemma == "counterpart":
            code = next((m.code for m in mod_mentions if m.kind in ("Demonym", "Country", "Capital")), None)
            if code:
                people = [a for a in self.index.actors.values() if a.kind == "Person" and a.country == code and a.roles]
                if len(people) == 1:
                    p = people[0]
                    self.index.used.add(p.key)
                    return [ActorRef(p.key, t.sent.text[t.left_edge.idx - t.sent.start_char:t.idx - t.sent.start_char + len(t.text)], p.country, p.sector)]
            return []
        holder = self._title_holder(t, lemma, mod_mentions)
        if holder is not None:
            return [holder]
        if mod_mentions:
            m = mod_mentions[-1]
            # "the Biden administration": a person's government.
            if m.kind == "Person" and sector == "GOV":
                actor = self.index.actors[m.key]
                if actor.country:
                    ref = self.ref(Mention(m.start, m.end, "Country", f"country/{actor.country}", m.text, actor.country))
                    return [ActorRef(ref.key, self._phrase(t), ref.code, "GOV")]
                return []
            if m.kind in ("Country", "Demonym", "Capital", "Organization") and sector:
                # "Egyptian and Qatari mediators": every coordinated country word
                # ("U.S. and Russian negotiators": a country name and a demonym alike)
                group = [x for x in mod_mentions if _kin(x.kind) == _kin(m.kind) and x is not m
                         and self.doc[x.end - 1].dep_ in ("amod", "compound", "conj", "nmod")] + [m]
                refs = [self.ref(x, sector) for x in group]
                return [ActorRef(r.key, self._phrase(t), r.code, sector)
                        for i, r in enumerate(refs) if r.key not in {q.key for q in refs[:i]}]
            # "Palestinian youths", "Kurdish villagers": a plural group of a people
            if m.kind in ("Demonym", "Country") and t.tag_ in ("NNS", "NNPS") and lemma not in _NON_GROUPS \
                    and any(c.i == m.start or c.i == m.end - 1 for c in t.children):
                ref = self.ref(m)
                return [ActorRef(ref.key, self._phrase(t), ref.code, "CVL")]
        if sector and t.tag_ in ("NNS", "NNPS"):
            # "Leaders of the Pacific Islands Forum", "members of NATO": the body's people act for it
            body = self._body_of_members(t)
            if body is not None:
                ref = self.ref(body)
                return [ActorRef(ref.key, self._phrase(t), ref.code, ref.sector)]
        if sector:
            group = self._earlier_group(t, sector)
            if group is not None:
                return [group]
            # "The navies of India and Japan": each state's
            located = self._located_country(t)
            if located is not None and t.tag_ in ("NNS", "NNPS"):
                pobj = self.doc[located.start]
                partners = [located] + [m for c in pobj.conjuncts if (m := self.index.at(c)) is not None
                                        and m.kind in ("Country", "Demonym", "Capital") and m.code]
                if len(partners) > 1:
                    refs = [self.ref(m, sector) for m in partners]
                    return [ActorRef(r.key, self._phrase(t), r.code, sector) for r in refs]
            # "Security forces in Guinea", "Opposition groups in Zimbabwe"; "protesters marched in Tehran"
            m = located or self._earlier_body(t)
            if m is None and sector in _LOCAL_SECTORS:
                m = self._scene_country(t) or self._dateline_country(t)
            if m is not None:
                ref = self.ref(m, sector)
                return [ActorRef(ref.key, self._phrase(t), ref.code, sector)]
        # "the South American bloc Mercosur": the body the noun introduces by name
        named = next((m for c in t.children if c.dep_ == "appos" and c.i == t.i + 1
                      and (m := self.index.at(c)) is not None and m.kind == "Organization"), None)
        if named is not None:
            return [self.ref(named)]
        # "the bloc", "the alliance": the international body named last
        if lemma in _BODY_NOUNS and any(c.lower_ == "the" for c in mods) and not mod_mentions:
            body = self._last_body(t, lambda m: m.code in ("IGO", "NGO"))
            return [self.ref(body, text=self._phrase(t))] if body is not None else []
        # "the foreign minister", "the spokeswoman": a person of the document with that role.
        # "The Secretary and Foreign Minister discussed …": the article reaches the second title too
        definite = any(c.lower_ == "the" for c in mods) or (
            t.dep_ == "conj" and not any(c.dep_ == "det" for c in mods) and any(c.lower_ == "the" for c in t.head.children))
        if definite and not mod_mentions:
            phrase = self.doc[t.left_edge.i:t.i + 1].text.lower().removeprefix("the ").strip()
            # "the Secretary": of those whose title holds the words, the one the text names first
            holders = {a.key for a in self.index.actors.values() if a.kind == "Person"
                       and any(f" {phrase} " in f" {r.lower()} " for r in a.roles)}
            first = next((m.key for m in self.index.mentions if m.key in holders), None)
            if first is not None:
                p = self.index.actors[first]
                self.index.used.add(p.key)
                return [ActorRef(p.key, self._phrase(t), p.country, p.sector)]
        return []

    def _main_pair(self, t: Token) -> list[ActorRef]:
        """"urged the two governments": the two states the text has named most so far, other
        than the subjects of the clauses around it ("Qatar said talks between the two governments …")."""
        verb = t.head.head if t.dep_ == "pobj" else t.head
        own: set[str | None] = set()
        # the phrase may be that subject itself ("the two governments signed …"), or a word of it
        # (then asked again while reading it): there is no other subject to leave out
        if verb.i != t.i and t.dep_ not in ("nsubj", "nsubjpass") and t.i not in self._pairing:
            self._pairing.add(t.i)
            try:
                own = {r.code for r in self.subject(verb)}
            finally:
                self._pairing.discard(t.i)
        # and the states named in the subjects of the clauses further up (a speaker's, say)
        h = verb
        while h.head.i != h.i:
            h = h.head
            own |= {m.code for c in h.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree
                    if (m := self.index.at(w)) is not None and m.kind in _COUNTRY_WORDS}
        counts: dict[str, list] = {}
        for m in self.index.mentions:
            if m.start >= t.i:
                break
            if m.kind in _COUNTRY_WORDS and m.code and m.code not in own:
                counts.setdefault(m.code, [0, m])[0] += 1
        ranked = sorted(counts.values(), key=lambda c: (-c[0], c[1].start))
        if len(ranked) < 2 or (len(ranked) > 2 and ranked[1][0] == ranked[2][0]):
            return []  # no clear pair
        return [self.ref(m) for _, m in ranked[:2]]

    def _phrase(self, t: Token) -> str:
        left = t.left_edge
        while left.i < t.i and left.dep_ == "det":
            left = left.doc[left.i + 1]
        return self.doc[left.i:t.i + 1].text

    def _own_state(self, t: Token, lemma: str) -> ActorRef | None:
        """"Ruto said his country would send troops": the state of the person "his" or "her"
        stands for, when that person's country is known."""
        if lemma not in _OWN_STATE_NOUNS:
            return None
        poss = next((c for c in t.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        person = self.salient_person(poss) if poss is not None else None
        code = person.code if person is not None else None
        if not code or code not in self.gz.countries:
            return None  # no person, or an official of an international body
        return self.ref(Mention(t.i, t.i + 1, "Country", f"country/{code}", t.text, code),
                        "GOV" if lemma == "government" else None)

    def salient_person(self, t: Token) -> ActorRef | None:
        """The person a pronoun most likely refers to.

        The subject of its own sentence when one precedes it ("X pressed Russia … and he
        stressed"), else the nearest earlier person; names inside quotation marks are skipped.
        """
        earlier = [(m.start, self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass"), m) for m in self.index.mentions
                   if m.kind == "Person" and m.start < t.i and t.i - m.start < 400
                   and not self.in_quote(self.doc[m.start].idx)]
        earlier += self._titled_subjects(t, max((c[0] for c in earlier), default=max(0, t.i - 400)))
        if not earlier:
            return None
        same = [c for c in earlier if c[0] >= t.sent.start and c[1]]
        _, _, person = max(same or earlier, key=lambda c: c[0])
        if isinstance(person, ActorRef):
            return ActorRef(person.key, t.text, person.code, person.sector)
        return self.ref(person, text=t.text)

    def _titled_subjects(self, t: Token, after: int) -> list[tuple[int, bool, ActorRef]]:
        """Subjects since ``after`` that are a title standing for one person ("The Secretary
        condemned … He urged …"): the person a later pronoun most likely refers to."""
        found = []
        for h in self.doc[after + 1:t.i]:
            if h.dep_ in ("nsubj", "nsubjpass") and h.lower_ in self.title_words and self.index.at(h) is None \
                    and not self.in_quote(h.idx):
                refs = self.refs(h)
                if len(refs) == 1 and refs[0].key.startswith("person/"):
                    found.append((h.i, True, refs[0]))
        return found

    def in_quote(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.quote_spans)

    # ------------------------------------------------------------ clauses
    def _split_coordination(self, first: Token, subjects: list[Token], refs: list[ActorRef]) -> list[ActorRef]:
        """"Prime Minister A and Prime Minister B met": the parser may make both names subjects
        of the verb, the "and" left on the first with no conjunct; the later subject joins it."""
        if not any(g.dep_ == "cc" for g in first.children) or any(g.dep_ == "conj" for g in first.children):
            return []
        seen = {r.key for r in refs}
        out = []
        for other in subjects:
            if other.i > first.i:
                for r in self.refs(other):
                    if r.key not in seen:
                        seen.add(r.key)
                        out.append(r)
        return out

    def subject(self, verb: Token, depth: int = 0) -> list[ActorRef]:
        """The actors doing what a verb says, following participles, conjuncts and control."""
        if depth > 6:
            return []
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                refs = self.refs(c)
                if refs:
                    return refs + self._split_coordination(c, subjects, refs)
                # "The Red Cross operating in Iraq said": a participle the parser took for the subject
                inner = next((g for g in c.children if g.dep_ == "nsubj"), None) if c.tag_ == "VBG" else None
                if inner is not None:
                    return self.refs(inner)
                if c.i != subjects[-1].i:
                    continue  # "Sudan's paramilitary Rapid Support Forces": the parser split the subject
                # "the only two countries to reject": copular subject of an attribute noun
                return []
            if c.dep_ == "agent" and verb.tag_ == "VBN":
                pass
        head = verb.head
        if self.main_verb_hung_on_a_clause(verb):
            # "told reporters the envoys had 72 hours to leave and accused Minsk of …": the parser
            # joins the past-tense verb to the infinitive; it goes with the sentence's main verb
            return self.subject(self.clause_of_hung_verb(verb), depth + 1)
        if self._speech_in_reported_clause(verb):
            # "A said that B was arming C and warned of the consequences": the parser hangs the
            # second speech verb on the reported clause, but it is A who warned
            return self.subject(head.head, depth + 1)
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "acl", "relcl", "ccomp", "prep", "pobj") and head is not verb:
            if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in ("for", "of") and head.head.pos_ == "VERB":
                # "thanked Kenya for hosting", "accused Ethiopia of violating": the object did it
                obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
                refs = self.refs(obj)
                if refs:
                    return refs
            if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.head.pos_ == "NOUN":
                # "its role in hosting the talks", "Qatar's efforts in mediating": the noun's owner
                owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
                refs = self.refs(owner)
                if refs:
                    return refs
            if verb.dep_ == "xcomp":
                # "is expected to visit", "was asked to leave": the passive's subject does it
                passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                refs = self.refs(passive)
                if refs:
                    return refs
                # "pressed Russia to release": object control
                obj = next((c for c in head.children if c.dep_ in ("dobj",)), None)
                if obj is not None and head.lemma_.lower() in ("press", "urge", "ask", "force", "persuade", "call", "tell",
                                                               "order", "encourage", "push", "invite"):
                    return self.refs(obj)
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if verb.dep_ == "relcl" and not infinitive:
                return []
            if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
                if head.dep_ == "attr":
                    cop = head.head
                    return self.subject(cop, depth + 1)
                refs = self.refs(head)
                if refs:
                    return refs
                poss = next((c for c in head.children if c.dep_ == "poss"), None)
                if poss is not None:
                    return self.refs(poss)
                # "issued a statement demanding …": whoever issued it
                if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj" and head.lemma_.lower() in DOCUMENT_NOUNS \
                        and head.head.lemma_.lower() in _ISSUING_VERBS:
                    return self.subject(head.head, depth + 1)
                if verb.dep_ == "acl" and verb.i > head.i and _comma_participle(verb):
                    # "called for the release of hostages, speaking after talks with X": a participle
                    # after a comma tells what the clause's subject did, whatever noun it follows
                    clause = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                    return self.subject(clause, depth + 1) if clause is not None else []
                return []
            return self.subject(head, depth + 1)
        return []

    def is_speech(self, tok: Token) -> bool:
        """A verb that says who speaks: reporting ("said") or a speech act ("warned that …")."""
        return tok.lemma_.lower() in self.lex.reporting or tok.lemma_.lower() in _SPEECH_ACTS

    @staticmethod
    def main_verb_hung_on_a_clause(verb: Token) -> bool:
        """A finite verb the parser made a conjunct of an infinitive ("welcomed the plan to hold
        elections and condemned the attack", "supports efforts to expand trade and opposes …"), of
        a modal ("said the envoy would stay and praised his work") or of a clause of time in another
        tense ("said she would stay when her term ends and accused the government …"): in the main
        verb's form, it is the main clause's next act."""
        if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return False
        head = verb.head
        # "to hold elections and condemned", "would stay in Niamey and praised": a past-tense verb
        # cannot share the infinitive's "to" or the modal
        infinitive = head.tag_ == "VB" and any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD" and verb.tag_ == "VBD")
                                               for c in head.children)
        of_time = head.dep_ == "advcl" and verb.tag_ == "VBD" and head.tag_ in ("VBZ", "VBP") \
            and any(c.lower_ in _TIME_CLAUSE_WORDS and c.i < head.i for c in (*head.children, *verb.children))
        if not (infinitive or of_time):
            return False  # before the sentence is computed: this runs inside token loops
        root = verb.sent.root
        same_form = root.tag_ in ("VBD", "VBZ") if verb.tag_ == "VBD" else root.tag_ == verb.tag_
        return same_form and root.i not in (head.i, verb.i)

    @staticmethod
    def clause_of_hung_verb(verb: Token) -> Token:
        """The finite verb whose clause a hung verb continues: the verb of a purpose clause it hangs
        on ("used water cannon to disperse the crowds and detained 200 people, the ministry said":
        "used", not "said"), else the sentence's main verb ("told reporters the envoys had two days
        to leave and accused …": "told")."""
        clause = verb.head
        if clause.dep_ in ("xcomp", "advcl") and clause.head.tag_ in ("VBD", "VBZ", "VBP"):
            return clause.head
        return verb.sent.root

    def _speech_in_reported_clause(self, verb: Token) -> bool:
        """"A said that B was arming C and warned …": the reporting verb comes first. In "B
        condemned X and called for Y, A said" the report follows, and B did both."""
        head = verb.head
        return verb.dep_ == "conj" and self.is_speech(verb) and head.dep_ == "ccomp" and not self.is_speech(head) \
            and head.head.lemma_.lower() in self.lex.reporting and head.head.i < head.i

    def passive_agent(self, verb: Token) -> list[ActorRef]:
        """The "by" agent of a passive, also when the parser hangs it on a predicate noun
        ("was declared persona non grata by Nicaragua")."""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None:
            agent = next((a for c in verb.children if c.dep_ == "oprd" for a in c.children
                          if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")), None)
        if agent is None:
            return []
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        return self.refs(pobj)

    def greets_visitor(self, verb: Token) -> bool:
        """"welcomed Erdogan at the airport": a greeting whose object is a person is a host
        receiving a visitor (a meeting), not support for what someone did."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        mention = self.index.at(obj) if obj is not None else None
        return verb.lemma_.lower() in GREETING_VERBS and mention is not None and mention.kind == "Person"

    def is_passive(self, verb: Token) -> bool:
        """A passive clause, or a past participle with a "by" agent ("the cap agreed to by allies")."""
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
            (verb.tag_ == "VBN" and verb.dep_ == "acl" and any(c.dep_ == "agent" for c in verb.children))

    def negated(self, token: Token) -> bool:
        if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children):
            return True
        if token.dep_ in ("xcomp",) and token.head.pos_ in ("VERB", "AUX", "ADJ"):
            return any(c.dep_ == "neg" for c in token.head.children) and token.head.lemma_ not in ("fail",)
        return False

    def actors_in(self, token: Token, exclude: set[str] | None = None, limit: int = 40) -> list[ActorRef]:
        """Actors named anywhere inside a phrase ("the release of Mr. Whelan")."""
        out: list[ActorRef] = []
        seen = set(exclude or ())
        for t in token.subtree:
            if t.i - token.left_edge.i > limit:
                break
            for r in self._refs_one(t) if self.index.at(t) is not None else []:
                if r.key not in seen:
                    seen.add(r.key)
                    out.append(r)
        return out

    # ------------------------------------------------------------ time and place
    def date_for(self, token: Token) -> str | None:
        """The date of what a word reports: a DATE entity attached to it, resolved."""
        sent = token.sent
        best = None
        for ent in self._dates_when():
            if ent.start < sent.start or ent.end > sent.end:
                continue
            h = ent.root
            hops = 0
            owner = None
            while h.head is not h and hops < 12:
                h = h.head
                hops += 1
                if h.i == token.i:
                    owner = token
                    break
                if h.pos_ in ("VERB",) or (h.pos_ == "AUX" and h.dep_ == "ROOT"):
                    owner = h
                    break
            if h.i == token.i:
                best = ent
                break
            if owner is not None and token.pos_ == "NOUN" and owner.i in self._clause_verbs(token):
                best = best or ent
        if best is None:
            # "signed the accord on Monday as the two presidents met in Lima": a clause of the
            # same moment takes the date of the clause it hangs on
            if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SIMULTANEOUS for c in token.children):
                return self.date_for(token.head)
            # "A and B have agreed on X, their ministries said on Thursday": a deed done, told in a
            # dated report with no date of its own, is of the report's date
            if token.dep_ == "ccomp" and token.tag_ in ("VBD", "VBN") \
                    and token.head.lemma_.lower() in self.lex.reporting:
                return self.date_for(token.head)
            return None
        shift = _day_shift(best)
        if shift is not None:
            return self._day_after_last_date(best.start, shift)
        return dates.resolve(best.text, self.article.date, ahead=self._ahead(self._governing_verb(best.root)))

    def _dates_when(self) -> list[Span]:
        """The document's DATE entities that tell when, not how long or how often ("a two-day
        summit", "their annual summit"); found once per document, as spaCy builds its entity
        spans again on every access."""
        if self._dates is None:
            self._dates = [e for e in self.doc.ents if e.label_ == "DATE" and self._tells_when(e)]
        return self._dates

    def _tells_when(self, ent: Span) -> bool:
        return _day_shift(ent) is not None or dates.resolve(ent.text, self.article.date) is not None

    def _day_after_last_date(self, before: int, shift: int) -> str | None:
        """"On the same day", "the next day": counted from the last day the text named."""
        for ent in reversed([e for e in self._dates_when() if e.end <= before]):
            if _day_shift(ent) is not None:
                continue
            day = dates.resolve(ent.text, self.article.date)
            if day and len(day) == 10:  # a month or a year in between is background, not the day meant
                return (date.fromisoformat(day) + timedelta(days=shift)).isoformat()
        return None

    def _ahead(self, token: Token | None) -> bool:
        """Whether the verb a date hangs on tells of something still to come ("will meet on July 8",
        "are due to meet on July 8"), so that a date without a year lies after the publication date."""
        h = token
        for _ in range(3):
            if h is None:
                return False
            if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in h.children):
                return True
            if h.dep_ != "xcomp":
                return False
            h = h.head
            if self.lex.intentions.get((h.lemma_.lower(), "ADJ" if h.pos_ == "ADJ" else "VERB")) == "future":
                return True
        return False

    def _clause_verbs(self, token: Token) -> set[int]:
        """The verb a noun hangs on, and the clause's verb when that one is a participle after a
        comma ("called on Thursday for a truce, speaking after talks with X"): same time."""
        gv = self._governing_verb(token) or token
        out = {gv.i}
        if gv.dep_ in ("advcl", "acl") and _comma_participle(gv):
            above = self._governing_verb(gv)
            if above is not None:
                out.add(above.i)
        return out

    def _governing_verb(self, token: Token) -> Token | None:
        h = token
        for _ in range(10):
            if h.head is h:
                return h
            h = h.head
            if h.pos_ == "VERB" or (h.pos_ == "AUX" and h.dep_ == "ROOT"):
                return h
        return None

    def place_for(self, token: Token) -> str | None:
        """A place named in a locative phrase of the word or its clause."""
        scopes = [token]
        gv = self._governing_verb(token)
        if gv is not None:
            scopes.append(gv)
        for scope in scopes:
            for t in scope.subtree:
                m = self.index.at(t)
                if m is None:
                    continue
                prep = t.head if t.dep_ == "pobj" else None
                if m.kind == "Place" and (prep is None or prep.lower_ in ("in", "at", "near", "to")):
                    return m.key
                if prep is not None and prep.lower_ in ("in", "at"):
                    # "in India's capital"
                    if m.kind in ("Country",) and t.dep_ == "poss" and t.head.lemma_ == "capital":
                        return self._capital_place(m.code)
                    if m.kind == "Organization":
                        org = self.gz.organizations.get(m.key.split("/", 1)[1])
                        if org and org.place:
                            return self._city_place(org.place)
                if m.kind == "Country" and t.dep_ == "poss" and t.head.lemma_ == "capital":
                    return self._capital_place(m.code)
                if m.kind == "Organization" and prep is not None and prep.lower_ in ("at",):
                    org = self.gz.organizations.get(m.key.split("/", 1)[1])
                    if org and org.place:
                        return self._city_place(org.place)
        return None

    def _capital_place(self, code: str) -> str | None:
        country = self.gz.countries.get(code)
        return self._city_place(country.capital) if country and country.capital else None

    def _city_place(self, name: str) -> str | None:
        from ..facts import Actor

        city = self.gz.city(name)
        if city is None:
            return None
        key = f"place/{city.geonames_id}"
        actor = self.index.actors.setdefault(key, Actor(key=key, kind="Place", name=city.name, country=city.country,
                                                       code=city.country, geonames_id=city.geonames_id))
        actor.aliases.add(city.name)
        return key


def _comma_participle(verb: Token) -> bool:
    """A participle set off by a comma (", speaking after talks with X"): an adjunct of the clause."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _day_shift(ent: Span) -> int | None:
    """Days from the last named day for "the same day", "on the next day" and the like."""
    return _DAY_SHIFTS.get(ent.text.lower().removeprefix("on ").strip())


def _head_word(name: str) -> str:
    """The head noun of a body's name: the word before its first "of" ("Economic Community of
    West African States"), else its last word ("European Commission")."""
    words = name.split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]
