"""Find the actors of one document: people, countries, organisations, places.

Countries, capitals and organisations come from the gazetteer (longest match
over token n-grams); people from spaCy's PERSON entities, with their role and
country read from the words before the name ("Russian Foreign Minister
Sergei Lavrov") or from an apposition after it ("Wang Yi, China's top
diplomat"). Name variants within a document are one actor.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..facts import Actor
from ..gazetteer import Gazetteer, normalize
from ..lexicons import word_class

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "mr.", "mrs.", "ms.", "dr."}
_MAX_NGRAM = 7
AGREEMENT_WORDS = {"Treaty", "Accord", "Accords", "Agreement", "Agreements", "Convention", "Pact", "Protocol",
                   "Declaration"}
_LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "outside", "inside", "into", "across", "around", "toward", "towards", "via"}
_FORMER = word_class("former")
_NON_STATE_SECTORS = frozenset({"REB", "OPP", "NGO", "MED", "BUS"})  # PLOVER sectors of bodies outside the state
_PERSON_NOUNS = word_class("person_nouns")
_BYLINE = re.compile(r"(contributed to this (article|report)|reporting by|writing by|editing by|^by\s)", re.I)


@dataclass
class Mention:
    """A stretch of tokens that names an actor."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # Person | Country | Organization | Place | Demonym | Capital
    key: str
    text: str
    code: str | None = None
    sector: str | None = None


@dataclass
class ActorIndex:
    """The actors of one document and where they are mentioned."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)  # keys to report as actors of the document

    def add_mention(self, m: Mention) -> None:
        self.mentions.append(m)
        for i in range(m.start, m.end):
            self.by_token[i] = m

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def slug(text: str) -> str:
    """A lower-case ASCII slug for IRIs: "Antony Blinken" -> "antony-blinken"."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"[^A-Za-z0-9]+", "-", t).strip("-").lower()
    return t or "x"


def clean_name(text: str) -> str:
    """A person's name without brackets, honorifics, possessives or stray spaces."""
    t = text.replace("[", " ").replace("]", " ")
    t = re.sub(r"['\u2019]s$", "", t.strip())
    words = t.split()
    while words and words[0].lower().rstrip(".") + "." in _HONORIFICS | {w + "." for w in _HONORIFICS}:
        words = words[1:]
    return " ".join(words)


def country_actor(gz: Gazetteer, code: str) -> Actor:
    return Actor(key=f"country/{code}", kind="Country", name=gz.country_name(code), code=code, country=code)


def org_actor(org) -> Actor:
    """The actor of an organisation the gazetteer knows."""
    return Actor(key=f"org/{org.key}", kind="Organization", name=org.name, code=org.code, country=org.country,
                 sector=org.sector)


def gazetteer_match(gz: Gazetteer, text: str):
    """(kind, value) for a span text, trying organisations, countries, demonyms, capitals."""
    org = gz.organization(text)
    if org:
        return "Organization", org
    code = gz.country(text)
    if code:
        return "Country", code
    code = gz.demonym(text)
    if code:
        return "Demonym", code
    code = gz.capital(text)
    if code:
        return "Capital", code
    return None


def _person_spans(doc: Doc, heads: set[str] | None = None) -> list[Span]:
    """PERSON entities, plus names right after a title that the tagger labelled otherwise
    or missed ("Vice President Han Zhengwei", "President Museveni")."""
    ents = doc.ents  # spaCy builds the spans again on every access
    spans = [e for e in ents if e.label_ == "PERSON"]
    if not heads:
        return spans
    ent_at = {e.start: e for e in ents}
    taken = {t.i for e in spans for t in e}
    for tok in doc[:-1]:
        if tok.lower_ not in heads:
            continue
        # "<organisation> star Dana Kroll": a person noun after a name, even lower case, and a name
        # the tagger took for an organisation
        occupation = tok.lower_ in _PERSON_NOUNS and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN"
        # "Russia's deputy ambassador, Dmitry Polyanskiy, said", "ambassador to the United Nations,
        # Akuei Bona Malwal,": a name set off after a title, whatever the tagger took it for
        comma = _end_of_posting(doc, tok.i)
        appositive = doc[comma].text == "," and comma + 1 < len(doc) and doc[comma + 1].ent_iob_ == "B"
        if not (tok.text[:1].isupper() or occupation or appositive):
            continue
        named_next = doc[comma + 1 if appositive else tok.i + 1].ent_iob_ == "B"
        # "Taoiseach Leo Varadkar" tagged as one organisation: the tagger swallowed title and name alike
        swallowed = tok.ent_type_ == "ORG" and doc[tok.i + 1].ent_type_ == "ORG" and doc[tok.i + 1].ent_iob_ == "I"
        # "Chancellor Olaf Scholz" with the name tagged as an organisation: two or three capitalised
        # words right after a person's title
        after = ent_at.get(tok.i + 1)
        named_org = after is not None and after.label_ == "ORG" and 2 <= len(after) <= 3 \
            and tok.lower_ not in _INSTITUTION_WORDS and all(w.pos_ == "PROPN" and w.is_title for w in after)
        kinds = ("", "PERSON", "NORP", "ORG") if (occupation or appositive) and named_next or swallowed or named_org \
            else ("", "PERSON", "NORP")
        first = comma + 1 if appositive else _after_posting(doc, tok.i + 1)
        end = first
        while end < len(doc) and end - first <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and doc[end].ent_type_ in kinds and doc[end].lower_ not in heads \
                and end not in taken:
            end += 1
        if appositive and (end - first < 2 or end < len(doc) and doc[end].text not in (",", ".", ")")):
            continue
        if end > first and not (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title):
            spans.append(doc[first:end])
            taken.update(range(first, end))
    return sorted(spans, key=lambda e: e.start)


def _end_of_posting(doc: Doc, title: int) -> int:
    """The token after a title and its posting ("ambassador to the United Nations"): where a name
    set off by a comma would start, less one."""
    j = title + 1
    if j < len(doc) and doc[j].lower_ in ("to", "of", "for"):
        k = j + 1
        while k < len(doc) and k - title <= 6 and (doc[k].pos_ in ("PROPN", "DET") or doc[k].text == "."):
            k += 1
        if k < len(doc) and doc[k].text == ",":
            return k
    return j if j < len(doc) else title


def _dateline_credit(span: Span) -> bool:
    """A news agency credited in a dateline ("BRASILIA, June 4 (Reuters) -") reports; it is no actor."""
    doc = span.doc
    if span.start == 0 or span.end + 1 >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    return doc[span.end + 1].text[:1] in ("-", "\u2013", "\u2014") or doc[span.end + 1].is_space


def _after_posting(doc: Doc, i: int) -> int:
    """Where a name starts after a title's posting ("Ambassador to the Philippines Caroline
    Whitcombe"): past "to/of/for [the] <place the tagger found>", else right after the title."""
    j = i
    if j < len(doc) and doc[j].lower_ in ("to", "of", "for"):
        j += 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
        place = j
        while j < len(doc) and doc[j].ent_type_ in ("GPE", "LOC", "ORG") and doc[j].ent_iob_ != "O":
            j += 1
            if j < len(doc) and doc[j].ent_iob_ == "B":
                break
        if j > place:
            return j
    return i


def _is_byline(sent: Span) -> bool:
    return bool(_BYLINE.search(sent.text.strip(" —-\u2014")))


def extract_actors(doc: Doc, gz: Gazetteer, titles: "TitleLexicon", title_end: int = -1,
                   date: str | None = None, doc_text: str | None = None) -> ActorIndex:
    """Find and resolve every actor mention of a parsed document.

    Args:
        doc: the parsed document.
        gz: the gazetteer.
        titles: the title lexicon.
        title_end: character offset where a headline line ends (-1: no headline).
        date: the publication date (ISO 8601), to tell office holders of the same name apart.
        doc_text: ``doc.text`` when the caller has it already.
    RETURNS (ActorIndex): actors keyed by their document-independent key, and mentions.
    """
    index = ActorIndex()
    # tokens of multi-word PERSON names: "Jordan" in "Michael Jordan" is no country, but a
    # lone "Belarus" the tagger took for a person still is, and so is a name the tagger took
    # whole for a person ("Milei said Buenos Aires supports …")
    person_names = [e for e in _person_spans(doc) if len(e) > 1]
    person_tokens = {t.i for e in person_names for t in e}
    whole_names = {(e.start, e.end) for e in person_names}
    # Gazetteer matches, longest first, left to right.
    i = 0
    n = len(doc)
    texts = [t.text for t in doc]
    spaces = [t.whitespace_ for t in doc]
    while i < n:
        found = None
        if texts[i][:1].isalnum() and gz.may_start_name(texts[i]) and \
                (texts[i].lower() != "the" or i + 1 < n and gz.may_start_name(texts[i + 1])):
            for size in range(min(_MAX_NGRAM, n - i), 0, -1):
                last = texts[i + size - 1]
                # span text from the token strings: cheaper than a Span for every n-gram
                text = "".join(texts[k] + spaces[k] for k in range(i, i + size - 1)) + last
                if "\n" in text or not (last[:1].isalnum() or last.endswith(".")
                                        and len(last) > 1 and last[-2] != last[0]):
                    continue
                if gz.is_region(text):
                    found = (doc[i:i + size], None)  # "South America": no mention of America
                    break
                match = gazetteer_match(gz, text)
                if match and ((i, i + size) in whole_names or not any(k in person_tokens for k in range(i, i + size))):
                    if text[:1].islower() and match[0] != "Organization":
                        continue
                    if match[0] != "Organization" and _in_feature_name(texts, i, i + size, gz):
                        found = (doc[i:i + size], None)  # "South China Sea": no mention of China
                        break
                    seat_of = gz.metonyms.get(normalize(text)) if match[0] == "Capital" else None
                    if seat_of and not (i > 0 and texts[i - 1].lower() in _SEAT_AS_PLACE) \
                            and not _dateline_word(texts, i, i + size):
                        # "Brussels said …": the body seated there, not its host country
                        match = ("Organization", gz.organizations[seat_of])
                    found = (doc[i:i + size], match)
                    break
        if not found:
            i += 1
            continue
        span, match = found
        if match is None:
            i = span.end
            continue
        kind, value = match
        if kind == "Organization" and value.sector == "MED" and _dateline_credit(span):
            i = span.end
            continue
        if kind == "Organization":
            index.add_mention(Mention(span.start, span.end, "Organization", f"org/{value.key}", span.text,
                                      value.code, value.sector))
            index.actors.setdefault(f"org/{value.key}", org_actor(value))
            index.actors[f"org/{value.key}"].aliases.add(span.text)
        else:
            index.add_mention(Mention(span.start, span.end, kind, f"country/{value}", span.text, value, None))
        i = span.end
    _add_places(doc, gz, index)
    _dateline_capitals(doc, gz, index)
    _add_people(doc, gz, titles, index, title_end, doc.text if doc_text is None else doc_text)
    _add_other_organizations(doc, gz, index)
    for m in index.mentions:
        if m.kind in ("Country",):
            actor = index.actors.setdefault(m.key, country_actor(gz, m.code))
            actor.aliases.add(m.text)
    index.mentions.sort(key=lambda m: m.start)
    _known_leaders(gz, titles, index, _year(date))
    _single_country_officials(doc, index)
    dateline = _dateline_code(doc, index)
    _spokespeople(doc, index, dateline)
    _described_posts(doc, index)
    _dateline_leaders(doc, index, dateline)
    return index


def _dateline_code(doc: Doc, index: ActorIndex) -> str | None:
    """The country of the place a story is filed from ("TBILISI, Dec 1 —")."""
    return next((m.code for m in index.mentions if m.kind in ("Place", "Capital") and m.code
                 and _opens_dateline(doc, m)), None)


_HOME_LEADER_TITLES = word_class("home_leader_titles")


def _dateline_leaders(doc: Doc, index: ActorIndex, code: str | None) -> None:
    """"TBILISI — … Prime Minister Irakli Kobakhidze announced …": a president or prime minister the
    text gives no country, in a story filed from a country it also names, leads that country.
    Visiting leaders are named with their nationality, or known to the leaders lexicon."""
    if code is None or not any(m.kind in ("Country", "Demonym") and m.code == code and not _opens_dateline(doc, m)
                               for m in index.mentions):
        return
    for actor in index.actors.values():
        if actor.kind == "Person" and not actor.country and actor.sector != "IGO" \
                and any(r.lower() in _HOME_LEADER_TITLES for r in actor.roles):
            actor.country = actor.code = code


def _dateline_word(texts: list[str], start: int, end: int) -> bool:
    """A place name opening a line as a dateline: "BRUSSELS, May 2 (Reuters) -", "Brussels (AP) -"."""
    at_line_start = start == 0 or "\n" in texts[start - 1]
    return texts[start].isupper() or at_line_start and end < len(texts) and texts[end] in (",", "(")


def _in_feature_name(texts: list[str], start: int, end: int, gz: Gazetteer) -> bool:
    """Whether tokens start..end are part of the name of a sea, strait, river or the like
    ("China" in "South China Sea", "Mexico" in "Gulf of Mexico", "Chad" in "Lake Chad")."""
    if end < len(texts) and texts[end] in gz.features:
        return True
    if start >= 1 and texts[start - 1] in gz.features:
        return True
    return start >= 2 and texts[start - 1] == "of" and texts[start - 2] in gz.features


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


# posts that name the same office holder ("President Yeltsin" is the leader listed as president)
_POST_GROUPS = [
    {"president", "king", "queen", "emir", "sultan", "supreme leader", "head of state", "crown prince",
     "general secretary", "state counsellor", "chairman", "leader"},
    {"prime minister", "premier", "chancellor", "chief adviser", "head of government"},
    {"foreign minister", "foreign secretary", "secretary of state", "top diplomat", "diplomat"},
    {"defense minister", "defence minister", "defense secretary", "defence secretary", "minister"},
    {"secretary-general", "secretary general", "director-general", "high representative", "commission president",
     "council president", "managing director", "high commissioner", "policy chief", "chief"},
]
_ANY_POST = word_class("any_post")


def _same_post(text_title: str, role: str) -> bool:
    if text_title == role or text_title in _ANY_POST:
        return True
    return any(text_title in group and role in group for group in _POST_GROUPS)


def _leader_for(gz: Gazetteer, titles: "TitleLexicon", actor: Actor, year: int | None):
    """The dictionary entry for a person the text names: by full name, or by surname when a title
    or the surname's own fame makes it one person (and one country)."""
    posts = [t.text.casefold() for t in map(titles.lookup, actor.roles) if t]
    entries = gz.leaders.full_name(actor.name)
    if not entries:
        if len(actor.name.split()) > 1 and not gz.leaders.surname(actor.name):
            return None  # another person who shares a listed surname ("Rahul Gandhi")
        entries = gz.leaders.surname(actor.name)
        if not entries:
            return None
        titled = [e for e in entries if any(_same_post(p, e.role) for p in posts)]
        if titled:
            entries = titled
        elif not all(e.alone for e in entries):
            return None
    if year is not None and len({e.code for e in entries}) > 1:
        nearest = min(e.distance(year) for e in entries)
        entries = [e for e in entries if e.distance(year) == nearest]
    if len({e.code for e in entries}) != 1:
        return None
    if year is None:
        return entries[-1]
    return min(entries, key=lambda e: (e.distance(year), not any(_same_post(p, e.role) for p in posts)))


def _known_leaders(gz: Gazetteer, titles: "TitleLexicon", index: ActorIndex, year: int | None) -> None:
    """People the leaders dictionary knows get its country, and its post when the text names none
    (PETRARCH and ICEWS code actors the same way); the text wins where it says otherwise."""
    for actor in index.actors.values():
        if actor.kind != "Person":
            continue
        leader = _leader_for(gz, titles, actor, year)
        if leader is None:
            continue
        if actor.country and actor.country != leader.code:
            continue  # the text places this person elsewhere: another person of the same name
        if leader.code == "IGO":
            if not actor.country:
                actor.sector = "IGO"
                actor.code = "IGO"
        elif not actor.country:
            actor.country = actor.code = leader.code
        title = titles.lookup(leader.role)
        if title and not actor.sector:
            actor.sector = title.sector
        if actor.roles or year is None or year < leader.first:
            continue  # no post to add: the text names one, or the date cannot tell which
        actor.roles.append(leader.role if leader.distance(year) == 0 else f"former {leader.role}")


_HOME_PREPS = {"in", "at", "within", "throughout", "across", "inside", "around"}
_TRAVEL_VERBS = word_class("travel_verbs")


def _home_mention(doc: Doc, m: Mention) -> bool:
    """Whether a country word tells where a story happens or whose people it is about ("Ugandan
    opposition", "a curfew in Algiers"), rather than naming a party acted upon ("action against
    Russia", "a faction that controls Afghanistan") or a place visited ("arrived in Moscow")."""
    if m.kind == "Demonym":
        return True
    root = doc[m.start:m.end].root
    if root.dep_ != "pobj" or root.head.lower_ not in _HOME_PREPS:
        return False
    verb = root.head.head
    return not (verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _TRAVEL_VERBS)


def _described_posts(doc: Doc, index: ActorIndex) -> None:
    """"summoned Japan's ambassador … told Ambassador Koichi Mizushima": an official the text gives
    no country holds the post it describes elsewhere, unnamed, as one country's, if as one country's only."""
    posts: list[tuple[set[str], str]] = []  # the words of a described post ("cabinet minister"), its country
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.i in index.by_token:
            continue
        for c in tok.children:
            m = index.at(c)
            if c.dep_ in ("poss", "amod", "compound") and m is not None and m.kind in ("Country", "Demonym") and m.code:
                words = {tok.lower_} | {w.lower_ for w in tok.children
                                        if w.dep_ == "compound" and w.i not in index.by_token}
                posts.append((words, m.code))
    for actor in index.actors.values():
        if actor.kind != "Person" or actor.country or actor.sector == "IGO" or not actor.roles:
            continue
        # the role's words all in the post: "Minister" holds a "cabinet minister" post, "Foreign Minister" does not
        codes = {code for words, code in posts for r in actor.roles if set(r.lower().split()) - _FORMER <= words}
        if len(codes) == 1:
            actor.country = actor.code = next(iter(codes))


def _single_country_officials(doc: Doc, index: ActorIndex) -> None:
    """An official whose country the text never states ("President Museveni banned Ugandan
    opposition candidates") belongs to the one country the document talks about, if only one,
    and if the text speaks of it as home ground, not as a counterpart."""
    country_mentions = [m for m in index.mentions if m.kind in ("Country", "Demonym", "Capital", "Place") and m.code]
    codes = {m.code for m in country_mentions}
    if len(codes) != 1 or not any(_home_mention(doc, m) for m in country_mentions):
        return
    code = next(iter(codes))
    for actor in index.actors.values():
        if actor.kind == "Person" and actor.roles and not actor.country and actor.sector != "IGO":
            actor.country = actor.code = code


_STATE_BODY_NOUNS = word_class("state_body_nouns")


def _body_country(doc: Doc, index: ActorIndex, tok: Token) -> str | None:
    """The country of a state body a subject names: "the Kremlin", "China's foreign ministry",
    "the Iranian government" (not a bare country, which acts for itself)."""
    m = index.at(tok)
    if m is not None and m.kind == "Organization":
        return m.code if m.code and m.code not in ("IGO", "NGO") else None
    if tok.lower_ not in _STATE_BODY_NOUNS:
        return None
    for c in tok.children:
        cm = index.at(c)
        if c.dep_ in ("poss", "amod", "compound", "nmod") and cm is not None and cm.kind in ("Country", "Demonym",
                                                                                             "Capital"):
            return cm.code
    return None


def _clause_subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _spokespeople(doc: Doc, index: ActorIndex, dateline: str | None) -> None:
    """An official the text gives no country speaks for the state body that was the subject just
    before: "China's foreign ministry responded. Spokeswoman Li said …", "The Kremlin denounced the
    measures, and spokesman Orlov said …", "Qatar said its minister of state, Al Thani, …"."""
    first: dict[str, Mention] = {}
    for m in index.mentions:
        if m.kind == "Person":
            first.setdefault(m.key, m)
    for key, m in first.items():
        actor = index.actors.get(key)
        if actor is None or actor.country or not actor.roles or actor.sector == "IGO":
            continue
        head = doc[m.end - 1]
        sent = head.sent
        code = None
        # "…, and spokesman X told …": the subject of the clause this one is coordinated with
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None and verb.dep_ == "conj":
            subj = _clause_subject(verb.head)
            code = _body_country(doc, index, subj) if subj is not None else None
        # "Qatar said its minister, X, …": the possessive points to the subject of the sentence
        if code is None and any(t.lower_ in ("its", "their") for t in doc[max(sent.start, m.start - 8):m.start]):
            subj = _clause_subject(sent.root)
            sm = index.at(subj) if subj is not None else None
            if sm is not None and sm.kind in ("Country", "Capital"):
                code = sm.code
            elif subj is not None:
                code = _body_country(doc, index, subj)
            # "Ethiopia rejected the protest, its spokesman X said": a state subject of a clause before
            code = code or next((cm.code for t in doc[sent.start:m.start] if t.dep_ in ("nsubj", "nsubjpass")
                                 and (cm := index.at(t)) is not None and cm.kind in ("Country", "Capital")), None)
        # "Guterres condemned the attack, his spokesman X said": the aide serves the person named before
        if code is None and any(t.lower_ in ("his", "her") for t in doc[max(sent.start, m.start - 4):m.start]):
            boss = next((index.actors[p.key] for p in reversed(index.mentions) if p.kind == "Person"
                         and sent.start <= p.start and p.end <= m.start and p.key != key), None)
            if boss is not None and boss.sector == "IGO" and not boss.country:
                actor.sector = actor.code = "IGO"
                continue
            code = boss.country if boss is not None else None
        # "Canada will retaliate, Finance Minister X said" in a story filed from Ottawa: the state the
        # official reports on, when it is also where the story was filed
        if code is None and head.dep_ == "nsubj" and dateline is not None:
            reported = [_clause_subject(c) for c in head.head.children if c.dep_ == "ccomp"]
            if any(r is not None and (rm := index.at(r)) is not None and rm.kind == "Country" and rm.code == dateline
                   for r in reported):
                code = dateline
        # the previous sentence's subject, when this one opens with the official
        if code is None and sent.start > 0 and head.dep_ in ("nsubj", "nsubjpass") and head.head == sent.root:
            prev = doc[sent.start - 1].sent
            subj = _clause_subject(prev.root)
            code = _body_country(doc, index, subj) if subj is not None else None
        if code:
            actor.country = actor.code = code


def _add_places(doc: Doc, gz: Gazetteer, index: ActorIndex) -> None:
    """Cities and other locations from GPE/LOC/FAC entities, and capitals used as places."""
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        if any(t.i in index.by_token and index.by_token[t.i].kind not in ("Capital",) for t in ent):
            continue
        text = ent.text.strip()
        if gz.is_region(text):
            continue
        city = gz.city(text)
        capital = gz.capital(text)
        if capital and not _locative(ent):
            continue  # a capital standing for its government stays a Capital mention
        if city:
            key = f"place/{city.geonames_id}"
            actor = index.actors.setdefault(key, Actor(key=key, kind="Place", name=city.name, country=city.country,
                                                       code=city.country, geonames_id=city.geonames_id))
        elif ent.label_ == "LOC" and len(ent) > 1:
            name = _without_article(text)  # "the Red Sea" is "Red Sea"
            key = f"place/{slug(name)}"
            actor = index.actors.setdefault(key, Actor(key=key, kind="Place", name=name))
        else:
            continue
        actor.aliases.add(text)
        for t in ent:
            index.by_token.pop(t.i, None)
        index.mentions = [m for m in index.mentions if not (m.start < ent.end and ent.start < m.end)]
        index.add_mention(Mention(ent.start, ent.end, "Place", key, text, actor.country))
    _add_mistagged_cities(doc, gz, index)


_CITY_PREPS = frozenset({"in", "at", "near", "to", "from", "of", "on", "outside", "around", "into"})
# words after which a body's seat is the city ("talks in Brussels"); "pressure on Brussels" is the body
_SEAT_AS_PLACE = (_CITY_PREPS - {"on"}) | {"via", "across", "through"}
_MISTAGGED_CITY_POPULATION = 300_000  # big enough that the name is rarely also a person's


def _add_mistagged_cities(doc: Doc, gz: Gazetteer, index: ActorIndex) -> None:
    """A big city's one-word name the tagger took for a person or a body, or missed, where a
    place stands: "struck Odesa", "the port of Odesa", "hit Zaporizhzhia"."""
    people = {t.i for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for tok in doc:
        taken = index.by_token.get(tok.i)
        # "the summit in Montevideo" with the city tagged a product: a capital after "in" is the place
        capital = taken is not None and taken.kind == "Capital" and taken.end - taken.start == 1 \
            and _locative(doc[tok.i:tok.i + 1])
        if tok.pos_ != "PROPN" or (taken is not None and not capital) or tok.i in people or not tok.is_title:
            continue
        if not (tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ in _CITY_PREPS):
            continue
        if any(c.dep_ == "compound" for c in tok.children) or tok.dep_ == "compound":
            continue
        city = gz.city(tok.text)
        if city is None or city.population < _MISTAGGED_CITY_POPULATION:
            continue
        key = f"place/{city.geonames_id}"
        actor = index.actors.setdefault(key, Actor(key=key, kind="Place", name=city.name, country=city.country,
                                                   code=city.country, geonames_id=city.geonames_id))
        actor.aliases.add(tok.text)
        if capital:
            index.by_token.pop(tok.i, None)
            index.mentions = [m for m in index.mentions if m is not taken]
        index.add_mention(Mention(tok.i, tok.i + 1, "Place", key, tok.text, actor.country))


def _dateline_capitals(doc: Doc, gz: Gazetteer, index: ActorIndex) -> None:
    """A capital opening a line before a dash or bracket ("ABUJA (AP) —") is a dateline place, not a
    government; so is a short capital in capitals the gazetteer keeps for acronyms ("DOHA —"),
    whatever the tagger took it for."""
    untaken = [Mention(e.start, e.end, "Capital", "", e.text) for e in doc.ents
               if e.text.isupper() and not any(t.i in index.by_token for t in e)]
    for m in [*index.mentions, *untaken]:
        if m.kind == "Capital" and _opens_dateline(doc, m):
            city = gz.city(doc[m.start:m.end].text.title())
            if city is None:
                continue
            key = f"place/{city.geonames_id}"
            actor = index.actors.setdefault(key, Actor(key=key, kind="Place", name=city.name, country=city.country,
                                                       code=city.country, geonames_id=city.geonames_id))
            actor.aliases.add(city.name)
            if m in index.mentions:
                index.mentions.remove(m)
            index.add_mention(Mention(m.start, m.end, "Place", key, m.text, city.country))


def _opens_dateline(doc: Doc, m: Mention) -> bool:
    """A place name opening a line before a dash, comma or bracket ("ABUJA (AP) —", "OTTAWA, June 4")."""
    return (m.start == 0 or doc_line_start(doc[m.start:m.end])) and m.end < len(doc) \
        and doc[m.end].text[:1] in ("\u2014", "\u2013", "-", ",", "(")


def _locative(span: Span) -> bool:
    """True when a place name follows a locative preposition or opens a dateline."""
    head = span.root
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE_PREPS:
        return True
    if (span.start == 0 or doc_line_start(span)) and span.end < len(span.doc) \
            and span.doc[span.end].text[:1] in ("\u2014", "\u2013", "-", ",", "("):
        return True
    return head.dep_ == "appos" and head.head.ent_type_ in ("GPE", "LOC")


def doc_line_start(span: Span) -> bool:
    doc = span.doc
    return span.start > 0 and "\n" in doc[span.start - 1].text_with_ws


_INSTITUTION_WORDS = word_class("institution_words")
_TITLE_HEADS = word_class("title_heads")


def _without_article(name: str) -> str:
    """A name without a leading "the" ("the Red Sea", "The African Union")."""
    return re.sub(r"^(the|The)\s+", "", name)


def _add_other_organizations(doc: Doc, gz: Gazetteer, index: ActorIndex) -> None:
    """Named organisations spaCy finds that the lexicon does not know."""
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        if any(t.i in index.by_token for t in ent):
            continue
        text = _without_article(ent.text.strip())
        if sum(c.isalpha() for c in text) < 2 or not text[:1].isupper() or _is_byline(ent.sent):
            continue
        if len(ent) == 1 and not text.isupper():
            continue  # single capitalised words are too often people or places mis-tagged
        if gz.is_region(text) or ent.start >= 2 and doc[ent.start - 1].lower_ in ("for", "of") \
                and doc[ent.start - 2].lower_ in _TITLE_HEADS:
            continue  # "Cabinet Secretary for Foreign Affairs": part of a title, not a body
        if text.lower() in ("state", "foreign ministry", "ministry") or _in_treaty_name(ent) or _dateline_credit(ent):
            continue
        owner = _owning_country(doc, ent, index)
        key = f"org/{slug(text)}" + (f"-{owner.lower()}" if owner else "")
        actor = index.actors.setdefault(key, Actor(key=key, kind="Organization", name=text))
        actor.aliases.add(text)
        if owner:
            actor.country = actor.code = owner
        index.add_mention(Mention(ent.start, ent.end, "Organization", key, text, owner, None))


def _owning_country(doc: Doc, ent: Span, index: ActorIndex) -> str | None:
    """The state a body belongs to when the text says so: "Ethiopia's Ministry of Foreign
    Affairs", "the Ministry of Foreign Affairs of Ethiopia"."""
    candidates = []
    if ent.start >= 2 and doc[ent.start - 1].tag_ == "POS":
        candidates.append(ent.start - 2)
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of" and doc[ent.end].head.i in range(ent.start, ent.end):
        candidates.append(ent.end + 1)
    for i in candidates:
        m = index.by_token.get(i)
        if m is not None and m.kind == "Country" and m.code:
            return m.code
    return None


_NAME_LINKS = {"of", "on", "in", "for", "and", "the", "to", "against", "between"}


def _in_treaty_name(ent: Span) -> bool:
    """An entity that is, or ends, a treaty's name ("Agreement on Mutual Legal Assistance",
    "Criminal Matters" in "… Assistance in Criminal Matters"): no organisation."""
    if any(t.text in AGREEMENT_WORDS for t in ent):
        return True
    doc = ent.doc
    j = ent.start - 1
    while j >= 0 and ent.start - j <= 12 and (doc[j].is_title or doc[j].lower_ in _NAME_LINKS):
        if doc[j].text in AGREEMENT_WORDS:
            return True
        j -= 1
    return False


class TitleLexicon:
    """Titles (``ontology/lexicons/titles.tsv``) as word sets for scanning noun phrases."""

    def __init__(self, gz: Gazetteer):
        self.gz = gz
        self.heads = {t.split()[-1] for t in gz.titles}
        self.title_words = frozenset(w for t in gz.titles for w in t.split())
        self.words = {w for t in gz.titles for w in t.replace("-", " ").split()} | {"foreign", "ministry", "top",
                                                                                   "senior", "chief", "deputy",
                                                                                   "state", "defense", "defence"}

    def lookup(self, role: str):
        """The longest lexicon title that ends the role phrase, if any; a complement after
        "of"/"for" is set aside ("Minister of State for Foreign Affairs" -> minister)."""
        words = role.casefold().replace("-", " ").split()
        for cut in (len(words), *[i for i, w in enumerate(words) if w in ("of", "for")]):
            head = words[:cut]
            for k in range(len(head)):
                title = self.gz.title(" ".join(head[k:]))
                if title:
                    return title
        return None


def _role_tokens_left(doc: Doc, start: int, titles: TitleLexicon, index: ActorIndex) -> list[Token]:
    """The title phrase just before a name: "Russian Foreign Ministry spokeswoman"."""
    out: list[Token] = []
    j = start - 1
    sent_start = doc[start].sent.start
    while j >= sent_start:
        t = doc[j]
        low = t.lower_.rstrip(".")
        if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or t.is_punct and t.text not in ("-", "[", "]", "\u2019s", "'s"):
            break
        if t.text in ("[", "]", "-") or t.tag_ == "POS":
            out.append(t)
        elif low in _HONORIFICS or t.lower_ in _HONORIFICS:
            out.append(t)
        elif j in index.by_token:
            out.append(t)
        elif low in ("of", "for", "to"):
            # "Minister for Trade", "Ambassador to the Philippines"; not "Readout of Secretary X"
            if not (out and j - 1 >= sent_start and doc[j - 1].lower_.rstrip(".") in titles.words):
                break
            out.append(t)
        elif low in titles.words or low in _FORMER:
            out.append(t)
        elif low in _INSTITUTION_WORDS and out:
            out.append(t)  # "Chinese embassy spokesman", "the army spokesman"
        elif t.is_title and t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON",):
            out.append(t)
        elif low == "the" and out and j - 1 >= sent_start and doc[j - 1].lower_ in ("of", "for", "to"):
            out.append(t)
        elif low == "and" and out and j - 1 >= sent_start and doc[j - 1].lower_ in titles.heads:
            out.append(t)  # "Deputy Prime Minister and Foreign Minister X"
        else:
            break
        j -= 1
    out.reverse()
    while out and (out[0].lower_ in ("of", "for", "to", "the") or out[0].text in ("-", "]")):
        out.pop(0)
    return out


def _role_tokens_before_comma(doc: Doc, start: int, titles: TitleLexicon) -> list[Token]:
    """A title phrase set off before the name: "his Japanese counterpart, Hiroshi Kanemoto"."""
    if start < 2 or doc[start - 1].text != ",":
        return []
    out: list[Token] = []
    j = start - 2
    sent_start = doc[start].sent.start
    while j >= sent_start and len(out) < 10:
        t = doc[j]
        if t.lower_ == "and" and out and _joins_portfolios(doc[j - 1], out[-1]):
            out.append(t)  # "Brazil's mines and energy minister, X"
            j -= 1
            continue
        envoy_to = t.lower_ == "to" and j > sent_start and doc[j - 1].lower_ in titles.heads  # "envoy to the UN"
        if t.is_punct and t.tag_ != "POS" or t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in ("of", "for") \
                and not envoy_to or t.lower_ in ("and", "with", "said", "that"):
            break
        out.append(t)
        j -= 1
    out.reverse()
    while out and out[0].pos_ in ("DET", "PRON") and out[0].tag_ != "PRP$":
        out.pop(0)
    return out if any(t.lower_ in titles.heads or t.lemma_.lower() in titles.heads for t in out) else []


def _person_before_and(doc: Doc, index: ActorIndex, i: int) -> Mention | None:
    """The person named right before an "and" at token ``i``."""
    if i < 1 or doc[i].lower_ != "and":
        return None
    before = index.by_token.get(i - 1)
    return before if before is not None and before.kind == "Person" and before.end == i else None


def _plural_title_before_list(doc: Doc, index: ActorIndex, start: int, titles: TitleLexicon) -> list[Token]:
    """"their Philippine counterparts, A and B": for B, the plural title set off before A."""
    before = _person_before_and(doc, index, start - 1)
    if before is None:
        return []
    phrase = _role_tokens_before_comma(doc, before.start, titles)
    return phrase if phrase and phrase[-1].tag_ in ("NNS", "NNPS") else []


def _joins_portfolios(before: Token, after: Token) -> bool:
    """Whether an "and" joins two common nouns of one title ("mines and energy minister"), not
    a person and a title ("Lula and his counterpart")."""
    return before.pos_ in ("NOUN", "ADJ") and before.text.islower() and after.pos_ in ("NOUN", "ADJ") \
        and after.text.islower()


def _role_tokens_apposition(doc: Doc, end: int, titles: TitleLexicon) -> list[Token]:
    """The title phrase of an apposition: "Wang Yi, China's top diplomat,"."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    out: list[Token] = []
    j = end + 1
    sent_end = doc[end].sent.end
    while j < sent_end:
        t = doc[j]
        if t.text in (",", ";", ".", "(", ")", "\u2014", "\u2013") or t.pos_ in ("VERB", "AUX") or t.lower_ in ("who", "which", "that"):
            break
        out.append(t)
        j += 1
    if not out or len(out) > 9:
        return []
    if out[0].lower_ in ("the", "a", "an"):
        out = out[1:]
    heads = [t for t in out if t.lower_ in titles.heads or t.lemma_.lower() in titles.heads]
    return out if heads else []


def _split_role(tokens: list[Token], gz: Gazetteer, index: ActorIndex) -> tuple[str | None, str | None, bool, list[str]]:
    """Split a title phrase into (role, country code, former, organisation keys)."""
    country = None
    former = False
    orgs: list[str] = []
    words: list[str] = []
    for t in tokens:
        low = t.lower_.rstrip(".")
        if t.text in ("[", "]") or low in _HONORIFICS or t.lower_ in _HONORIFICS or t.tag_ == "PRP$":
            continue
        if t.tag_ == "POS" or (t.text == "-" and not words):
            continue
        if low in _FORMER:
            former = True
            continue
        m = index.by_token.get(t.i)
        # "Ambassador to the Philippines", "envoy to the United Nations": where the envoy serves, not whose
        start = m.start if m else t.i
        before = [w.lower_ for w in t.doc[max(start - 2, 0):start]]
        serves_at = before[-1:] == ["to"] or before == ["to", "the"]
        if m and m.kind in ("Country", "Demonym", "Capital"):
            if not serves_at:
                country = country or m.code
            continue
        if m and m.kind == "Organization" and serves_at:
            continue
        if m and m.kind == "Organization":
            orgs.append(m.key)
            org = next((o for o in gz.organizations.values() if f"org/{o.key}" == m.key), None)
            if org and org.country:
                country = country or org.country
            if org and org.code == "IGO":
                words.append(t.text)
                continue
            words.append(t.text)
            continue
        code = gz.demonym(t.text) or gz.country(t.text)
        if code and t.text[:1].isupper():
            country = country or code
            continue
        words.append(t.text)
    # "President of South Africa": the country taken out leaves its preposition behind
    while words and words[-1].lower() in ("of", "for", "to", "in", "the"):
        words.pop()
    role = " ".join(words).replace(" - ", "-").strip(" -")
    return (role or None), country, former, orgs


def _name_span(doc: Doc, ent: Span, titles: TitleLexicon, index: ActorIndex) -> Span:
    """The full name: leading title words dropped, given names the tagger left out added back."""
    start, end = ent.start, ent.end
    while end - start > 1 and (doc[start].lower_.rstrip(".") in titles.words or doc[start].lower_ in _HONORIFICS):
        start += 1
    # only a lone surname or an initial needs given names added back ("J. Blinken"), or a given name
    # the tagger left untagged before a two-part surname ("Héctor [Bocanegra Ruiz]")
    lone_surname = end - start == 1  # its given names may be one or two words ("Samia Suluhu Hassan")
    while start > 0:
        t = doc[start - 1]
        if not (lone_surname and end - start < 3 or doc[start].text.endswith(".")
                or _untagged_given_name(doc, t, ent, start)):
            break
        if t.pos_ == "PROPN" and t.is_title and t.lower_ not in titles.words and t.i not in index.by_token \
                and t.lower_.rstrip(".") not in _HONORIFICS and t.ent_type_ not in ("DATE", "NORP", "GPE", "ORG"):
            start -= 1
        else:
            break
    while end < len(doc):
        t = doc[end]
        if t.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc) and not t.whitespace_ \
                and doc[end + 1].is_title:
            end += 2  # "Marwick-Haugland": a hyphenated surname
            continue
        if doc[end - 1].text in _NAME_PARTICLES and t.is_title and t.pos_ in ("PROPN", "NOUN") \
                and (t.i not in index.by_token or index.by_token[t.i].kind == "Place"):
            _drop_mention_at(index, t.i)  # "Ursula von der [Leyen]": a name never ends on its particle
            end += 1
            continue
        if t.pos_ == "PROPN" and t.is_title and t.lower_ not in titles.words and t.i not in index.by_token \
                and (t.ent_type_ == "" or t.ent_type_ == "PERSON" and t.ent_iob_ == "I") \
                and t.sent.start == doc[start].sent.start:
            end += 1
        else:
            break
    return doc[start:end]


# lower-case words inside surnames ("von der Leyen", "de Gaulle", "bin Salman"): never a name's last word
_NAME_PARTICLES = frozenset({"von", "der", "van", "den", "de", "del", "della", "di", "da", "do", "dos", "das", "du",
                             "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "zu", "y"})


def _drop_mention_at(index: ActorIndex, i: int) -> None:
    """Forget the mention covering token ``i`` (a word the tagger took for a place)."""
    m = index.by_token.get(i)
    if m is None:
        return
    index.mentions.remove(m)
    for k in range(m.start, m.end):
        index.by_token.pop(k, None)


def _untagged_given_name(doc: Doc, t: Token, ent: Span, start: int) -> bool:
    """An untagged word opening a two-word name right after punctuation or a function word."""
    before = doc[t.i - 1] if t.i > t.sent.start else None
    return t.ent_type_ == "" and start == ent.start and len(ent) == 2 and t.lower_ not in _INSTITUTION_WORDS \
        and (before is None or before.is_punct or before.pos_ in ("DET", "ADP", "CCONJ", "VERB", "AUX"))


def _add_people(doc: Doc, gz: Gazetteer, titles: TitleLexicon, index: ActorIndex, title_end: int, text: str) -> None:
    """People from PERSON entities, merged by name variants, with roles and countries."""
    found: list[tuple[Span, str]] = []
    body_words = text[title_end + 1:] if title_end >= 0 else ""
    for ent in _person_spans(doc, titles.heads):
        if _is_byline(ent.sent):
            continue
        ent = _name_span(doc, ent, titles, index)
        name = clean_name(ent.text)
        # a headline in title case makes spaCy see people everywhere: keep only names the body repeats
        if 0 <= title_end and ent.start_char < title_end and name.split()[-1] not in body_words:
            continue
        if gz.city(name) or gz.capital(name) or name.isupper() and len(name.split()) == 1:
            continue
        if all(w.lower().rstrip(".") in titles.words for w in name.split()) or \
                any(w.lower() in _INSTITUTION_WORDS for w in name.split()):
            continue  # "Councilor", "Diaspora Affairs": a title or a body the tagger took for a name
        if not name or not any(c.isupper() for c in name) or any(c.isdigit() for c in name):
            continue  # "Oct 2" in a dateline: no one's name holds a digit
        if gz.country(name) or gz.organization(name) or gz.demonym(name):
            continue
        if all(gz.demonym(w) or w.endswith("s") and gz.demonym(w[:-1]) for w in name.split()):
            continue  # "Bosnian Serbs", "Iraqi Kurds": a people, not a person
        if len(ent) == 1 and ent.start == ent.sent.start and ent.root.dep_ in ("compound", "amod") \
                and ent.root.head.pos_ == "NOUN" and ent.root.head.text.islower() and ent.root.head.i == ent.end:
            continue  # "Riot police", "Border guards": a sentence's capital opening a common noun phrase
        if any(t.i in index.by_token and index.by_token[t.i].kind == "Organization" for t in ent):
            continue  # "Premier League": a known organisation after a title word
        found.append((ent, name))
    # "Hassan Sheikh | Mohamud": a name the tagger split in two is found twice, once whole
    found = [(e, n) for e, n in found
             if not any(o.start <= e.start and e.end <= o.end and len(o) > len(e) for o, _ in found)]
    # Full names first, so "Blinken" can join "Antony Blinken".
    full: dict[str, str] = {}
    for ent, name in sorted(found, key=lambda p: -len(p[1].split())):
        words = name.split()
        if len(words) > 1:
            full.setdefault(name, name)
            continue
        # "Lula" for "Luiz Inácio Lula da Silva": a name a person goes by may be an inner one
        match = [f for f in full if name in surname_forms(f.split()[-1])] or [f for f in full if f.split()[0] == name] \
            or [f for f in full if name in f.split()[1:-1]]
        full[name] = full[match[0]] if len(set(full[m] for m in match)) == 1 and match else name
    for ent, name in found:
        canonical = full.get(name, name)
        key = f"person/{slug(canonical)}"
        actor = index.actors.get(key)
        if actor is None:
            actor = Actor(key=key, kind="Person", name=canonical)
            index.actors[key] = actor
        actor.aliases.add(name)
        left = _role_tokens_left(doc, ent.start, titles, index)
        role_tokens = [t for t in left if t.i < ent.start]
        role, country, former, orgs = _split_role(role_tokens, gz, index) if role_tokens else (None, None, False, [])
        extra_role = None
        titled = bool(role and titles.lookup(role))
        if not titled or not country:
            app = _role_tokens_apposition(doc, ent.end, titles) or _role_tokens_before_comma(
                doc, role_tokens[0].i if role_tokens else ent.start, titles) or _plural_title_before_list(
                doc, index, ent.start, titles)
            r2, c2, f2, o2 = _split_role(app, gz, index) if app else (None, None, False, [])
            if r2 and titles.lookup(r2):
                if not titled:
                    role, country, former, orgs = r2, c2 or country, f2, o2
                elif c2:
                    country, extra_role = c2, r2  # "Niger's military ruler, General X": the post gives the state
            elif c2 and not country and app[-1].tag_ in ("NNS", "NNPS"):
                country = c2  # "their Philippine counterparts, A and B": each holds a post of that state
        title = titles.lookup(role) if role else None
        if role and title and not country and any(
                gz.organizations.get(o.split("/", 1)[1], None) and gz.organizations[o.split("/", 1)[1]].code == "IGO"
                for o in orgs):
            actor.sector = "IGO"  # "EU foreign policy chief": an official of an international body
        # "M23 spokesman", "Hamas leader": an official of an armed or opposition group is of its sector
        group = next((org for o in orgs if (org := gz.organizations.get(o.split("/", 1)[1])) is not None
                      and org.sector in _NON_STATE_SECTORS), None)
        if role and title and group is not None:
            actor.sector = actor.sector or group.sector
        if role and title:
            role = _counterpart_post(doc, role, ent.start, index) or role
            if former:
                role = f"former {role}"
            for post in (role, extra_role):
                if post and post not in actor.roles:
                    actor.roles.append(post)
            actor.sector = actor.sector or title.sector
            # "State Councilor and Foreign Minister": a post of one state among joined titles
            country = country or title.country or next(
                (t.country for part in role.split(" and ") if (t := titles.lookup(part)) and t.country), None) \
                or _shared_nationality(doc, role_tokens, titles, index)
        if country and not actor.country:
            actor.country = country
        start = ent.start
        index.add_mention(Mention(start, ent.end, "Person", key, name, None, actor.sector))
    _add_surname_mentions(doc, index, titles)
    for actor in index.actors.values():
        if actor.kind != "Person":
            continue
        # "Secretary" is covered by "Secretary of State"
        actor.roles = [r for r in actor.roles if not any(r != o and r.lower() in o.lower() for o in actor.roles)]
        # officials of international bodies carry the body's code (PLOVER: IGO)
        actor.code = actor.country or ("IGO" if actor.sector == "IGO" else None)


def _shared_nationality(doc: Doc, role_tokens: list[Token], titles: TitleLexicon, index: ActorIndex) -> str | None:
    """"Japanese Foreign Minister A and Defence Minister B": a nationality that opens the first of
    two titled names joined by "and", the second title having none of its own, is both people's
    when the titles are of one kind (two ministers, two secretaries). "US Secretary of State A
    and Foreign Minister B" may name two states."""
    before = _person_before_and(doc, index, role_tokens[0].i - 1) if role_tokens else None
    if before is None:
        return None
    left = _role_tokens_left(doc, before.start, titles, index)
    opening = index.by_token.get(left[0].i) if left else None
    if opening is None or opening.kind not in ("Demonym", "Country"):
        return None

    def kind(tokens: list[Token]) -> set[str]:
        return {t.lower_ for t in tokens if t.lower_ in titles.heads}

    return opening.code if kind(left) & kind(role_tokens) else None


def _counterpart_post(doc: Doc, role: str, start: int, index: ActorIndex) -> str | None:
    """"Kindiki and his Ethiopian counterpart Redwan Hussien": a counterpart holds the post of the
    person named last before, in the same sentence, if that person's post is known."""
    if role.lower() != "counterpart":
        return None
    sent_start = doc[start].sent.start
    before = [m for m in index.mentions if m.kind == "Person" and sent_start <= m.start and m.end <= start]
    if not before:
        return None
    other = index.actors.get(max(before, key=lambda m: m.start).key)
    return other.roles[0] if other is not None and other.roles else None


def _stands_alone(doc: Doc, t: Token) -> bool:
    """A word that is a whole entity, or none, between words that are not proper nouns."""
    if t.ent_type_ and (t.ent_iob_ != "B" or (t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")):
        return False
    return not any(n.pos_ == "PROPN" for n in doc[max(t.i - 1, 0):t.i + 2] if n.i != t.i)


# the Arabic article before a surname, which stories often leave out ("el-Sisi", "Sisi")
_ARTICLE_PREFIX = re.compile(r"^(?i:al|el|ad|ar|as|ash|at|az|an)-(?=[A-Z])")


def surname_forms(word: str) -> set[str]:
    """A surname as written, and without its Arabic article."""
    return {word, _ARTICLE_PREFIX.sub("", word)}


def _add_surname_mentions(doc: Doc, index: ActorIndex, titles: TitleLexicon) -> None:
    """A known person's surname that spaCy tagged otherwise ("Blinken presses …") is that person.
    So is the first name of a person known by it ("Prabowo said", "Lula said") when the word
    stands alone: in no entity and between no other proper nouns."""
    surnames: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    for actor in index.actors.values():
        words = actor.name.split()
        if actor.kind == "Person" and len(words) > 1:
            for form in surname_forms(words[-1]):
                surnames.setdefault(form, set()).add(actor.key)
            for inner in words[1:-1]:
                if inner[:1].isupper() and len(inner) > 2 and not inner.endswith("."):
                    surnames.setdefault(inner, set()).add(actor.key)
            first = words[0]
            if first[:1].isupper() and len(first) > 2 and not first.endswith(".") and \
                    first.lower() not in titles.words and first.lower() not in _HONORIFICS:
                given.setdefault(first, set()).add(actor.key)
    for t in doc:
        keys = surnames.get(t.text)
        m = index.by_token.get(t.i)
        if not keys and t.text in given and _stands_alone(doc, t) and (m is None or (
                m.end - m.start == 1 and m.kind == "Organization" and index.actors[m.key].code is None)):
            keys = given[t.text]  # spaCy often takes a lone first name for a body or a title ("Prabowo said")
        if not keys or len(keys) != 1:
            continue
        if m is not None and m.kind == "Person":
            continue
        key = next(iter(keys))
        if m is not None:
            index.mentions.remove(m)
            for i in range(m.start, m.end):
                index.by_token.pop(i, None)
        index.add_mention(Mention(t.i, t.i + 1, "Person", key, t.text, None, index.actors[key].sector))
