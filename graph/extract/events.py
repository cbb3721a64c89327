"""PLOVER event coding: a trigger word from the lexicon, its subject as actor,
its object or prepositional complement as recipient.

The manual's rules are applied to the clause around the trigger: future or
promised cooperation is AGREE, a promised retreat is CONCEDE, a promised or
conditional conflict action is THREATEN, refusals are REJECT, the complement
of a request is not an event of its own, and negated events are flagged.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..facts import ActorRef, Event
from ..lexicons import Trigger, word_class, word_map
from .actors import AGREEMENT_WORDS, Mention
from .context import DOCUMENT_NOUNS, DocContext

_COOPERATION = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"}
_YIELDING = {"RETREAT", "CONCEDE"}
_CONFLICT_ACTIONS = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "THREATEN"}
_COMMITMENT = word_map("commitments")
_RETALIATION = word_class("retaliation_verbs")
_RETALIATION_NOUNS = word_class("retaliation_nouns")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "going"}
_CONDITION_MARKS = {"if", "unless", "whether"}
_EVALUATION_VERBS = word_class("evaluation_verbs")
_RESTRICTIONS = word_class("restrictions")
_CONCLUDING = word_class("concluding_verbs")
_REPORTED = "reported"  # marks an act coded as the reporting speaker's (not a PLOVER mode)
_MATERIAL = {"ASSAULT", "COERCE", "RETREAT", "SANCTION", "AID", "MOBILIZE"}
_ATTACK_NOUNS = word_class("attack_nouns")
_PLACE_TARGETS = {"ASSAULT", "COERCE", "CONCEDE", "SANCTION", "RETREAT", "MOBILIZE", "PROTEST", "THREATEN"}
_TRAVEL_NOUNS = word_class("travel_nouns")
_REFUGE_NOUNS = word_class("refuge_nouns")
_PLACE_PREPS = {"in", "into", "inside", "within", "across", "on", "near", "at", "off", "around"}
_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
_COMPASS_PREPS = _PLACE_PREPS | {"of"}  # "east of Taiwan"
_RECIPROCAL = word_class("reciprocal_verbs")
_WEAPONS = word_class("weapons")
_GATHERING = word_class("gathering_verbs")
_GRIEVANCES = word_class("grievance_nouns")
_GRIEVANCE_PREPS = ("of", "at", "for", "with", "over", "against", "to", "toward", "towards")
_JOINABLE = {"PROTEST", "CONSULT"}
# targets that are a sector group without a nationality ("fired on demonstrators")
_DOMESTIC_TARGET_CATEGORIES = {"ASSAULT", "COERCE", "RETREAT", "CONCEDE"}
# yielding to an unnamed group is domestic only for people held or ruled ("pardoned 110 prisoners"),
# not for the actor's own forces ("withdrew its troops")
_YIELDED_TO_SECTORS = {"CVL", "OPP", "LAB", "EDU", "REL", "AGR", "MED"}
_LOCATIVE_PREPS = ("in", "near", "at", "outside", "inside", "around")
_MISSIONS = word_class("missions")
_NOUN_TARGET_PREPS = ("for", "to", "against", "with", "toward", "towards", "on", "upon")
_TARGET_PREPS = ("to", "with", "against", "on", "upon", "at", "for", "from", "toward", "towards", "into", "over", "of")


def future_category(category: str) -> str:
    """PLOVER's reading of a promised or future action."""
    if category in _COOPERATION:
        return "AGREE"
    if category in _YIELDING:
        return "CONCEDE"
    if category in _CONFLICT_ACTIONS:
        return "THREATEN"
    return category


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _matches(ctx: DocContext, tok: Token, trig: Trigger) -> bool:
    # the parser takes some particles for adverbs ("step back from")
    # ... and some for prepositions ("pulled its forces out of the town": "out" heads "of")
    if trig.particle and not any(c.lower_ == trig.particle and (c.dep_ in ("prt", "advmod") or (
            c.dep_ == "prep" and _child(c, "pobj") is None)) for c in tok.children):
        return False
    if trig.intransitive and (obj := _child(tok, "dobj")) is not None and not _place_taken_for_object(obj):
        return False
    if trig.xcomp and _child(tok, "xcomp") is None:
        return False
    if trig.subjects and not any(c.dep_ == "nsubj" and trig.subjects & _head_nouns(c) for c in tok.children):
        return False
    heads = [tok] + [c for c in tok.children if trig.particle and c.lower_ == trig.particle]
    if trig.prep and trig.objects:
        # "sent warplanes and ships towards Taiwan": the parser may hang the phrase on the object
        obj = _child(tok, "dobj")
        heads += [obj] + [c for c in obj.children if c.dep_ == "conj"] if obj is not None else []
    preps = [c for h in heads for c in h.children if c.dep_ in ("prep", "prt", "dative") and c.lower_ in trig.prep] \
        if trig.prep else []
    if trig.prep and not preps:
        # "called for Israeli leaders to be tried": "for" opens a clause the parser hangs on its verb
        preps = [m for c in tok.children if c.dep_ in ("advcl", "ccomp") and c.i > tok.i for m in c.children
                 if m.dep_ == "mark" and m.lower_ in trig.prep and m.i == tok.i + 1]
    if trig.prep and not preps:
        return False
    if trig.objects:
        obj = _child(tok, "dobj", "nsubjpass")
        words = set()
        if obj is not None and trig.object_head:
            words = {t.lemma_.lower() for t in [obj] + [c for c in obj.children if c.dep_ == "conj"]}
        elif obj is not None:
            words = {t.lemma_.lower() for t in obj.subtree}
        # with a preposition, the object may be its complement ("put its forces on alert")
        for prep in preps:
            words |= {t.lemma_.lower() for c in prep.children if c.dep_ == "pobj" for t in c.subtree}
        # "declined to comment": the act refused stands where an object would; so does an infinitive
        # the parser hangs as a purpose clause ("gave the envoy 48 hours to leave")
        words |= {c.lemma_.lower() for c in tok.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or (
            c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))}
        # "held the villagers as human shields": the object's role in an "as" phrase; "declared the
        # envoy persona non grata": a predicate noun, which the parser hangs as oprd or a bare clause
        for role in (c for c in tok.children if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd"
                     or (c.dep_ == "ccomp" and c.pos_ == "NOUN" and _child(c, "mark") is None)):
            words |= {t.lemma_.lower() for t in role.subtree}
        if not words & set(trig.objects):
            return False
    if trig.subject_sectors:
        sectors = {r.sector for r in ctx.subject(tok)}
        if not sectors & set(trig.subject_sectors):
            return False
    return True


# prepositions of place the parser sometimes takes for modifiers of a noun it makes an object
_MISREAD_PLACE_PREPS = frozenset({"outside", "inside", "near", "across", "along", "around", "through", "past",
                                  "opposite"})


def _place_taken_for_object(obj: Token) -> bool:
    """"rallied outside parliament": the parser's object is a place, "outside" its modifier."""
    return any(c.i < obj.i and c.lower_ in _MISREAD_PLACE_PREPS for c in obj.children)


def _head_nouns(subject: Token) -> set[str]:
    """The subject's noun, and the noun a quantity counts ("thousands of protesters")."""
    nouns = {subject.lemma_.lower()}
    for of in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
        nouns |= {c.lemma_.lower() for c in of.children if c.dep_ == "pobj"}
    return nouns


def match_trigger(ctx: DocContext, tok: Token) -> Trigger | None:
    """The first lexicon entry whose conditions the word meets (none if that entry is an idiom)."""
    trig = _lexicon_entry(ctx, tok)
    return trig if trig is not None and trig.category != "NONE" else None


def _lexicon_entry(ctx: DocContext, tok: Token) -> Trigger | None:
    """The first lexicon entry whose conditions the word meets, idioms (category NONE) included."""
    pos = "VERB" if tok.pos_ in ("VERB",) else tok.pos_
    trig = next((trig for trig in ctx.lex.triggers_for(tok.lemma_.lower(), pos) if _matches(ctx, tok, trig)), None)
    if trig is not None and trig.category == "SUPPORT" and ctx.greets_visitor(tok):
        return Trigger(trig.lemma, trig.pos, "CONSULT", "host")  # "welcomed Erdogan at the airport"
    return trig


def _light_noun_trigger(ctx: DocContext, verb: Token) -> Trigger | None:
    """The trigger of a noun a light verb carries ("continue the war", "hold talks")."""
    obj = _child(verb, "dobj")
    if obj is None:
        return None
    forms = {verb.lemma_.lower(), verb.lower_}
    return next((t for t in ctx.lex.triggers_for(obj.lemma_.lower(), "NOUN")
                 if forms & set(t.light) and _modifiers_match(obj, t)), None)


_ACT_NOUNS = word_class("act_nouns")
_NOUN_ACTS = {noun: {category} for noun, category in word_map("noun_acts").items()}
_DEED_NOUNS = word_class("deed_nouns")
_REMOVALS = word_class("removal_nouns")
_PROTECTIVE = word_class("protective_verbs")
_ANSWERABLE = _DEED_NOUNS | _ATTACK_NOUNS  # deeds a promised response answers ("would respond to the sanctions")
_COUNTERMEASURES = _RETALIATION_NOUNS | _DEED_NOUNS  # what a threatened answer takes ("would take measures")
_VERBAL_ACTS = {"ACCUSE", "REQUEST", "THREATEN"}
_WHOSE_PREPS = {"of", "by", "from"}


def _act_author(ctx: DocContext, tok: Token, sources: list[ActorRef]) -> list[ActorRef]:
    """"Nicaragua rejected the accusations": the recipient of a reaction to an act named by a
    definite noun is whoever did the last act of that kind the text told ("the decision" is a
    deed, not the last thing someone said about it)."""
    obj = _child(tok, "dobj", "nsubjpass")
    if obj is None:  # "would respond to the sanctions", "objected to the decision"
        obj = next(iter(_answered(tok)), None)
    if obj is None and tok.lemma_.lower() in _RETALIATION:
        return _others(_last_deed_doers(ctx), sources)  # "Moscow would respond": to the last deed told
    noun = obj.lemma_.lower() if obj is not None else ""
    # "condemned the drills": a noun the lexicon codes names the kind of act it points back to
    kinds = _NOUN_ACTS.get(noun) or {t.category for t in ctx.lex.triggers_for(noun, "NOUN")}
    if noun in _EXERCISES:
        kinds = kinds | {"MOBILIZE"}  # exercises held alone are a show of force
    if noun not in _ACT_NOUNS and not kinds:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those", "such") for c in obj.children):
        return []
    if any((c.dep_ == "prep" and c.lower_ in _WHOSE_PREPS) or c.dep_ in ("poss", "compound", "acl", "relcl")
           or (c.dep_ == "amod" and ctx.index.at(c) is not None) for c in obj.children):
        return []  # "the decision of X", "Russia's decision", "the Russian move": the phrase says whose
    # a word that names no kind of act ("the statement") points to whoever acted last; "the
    # decision" after nothing but words points to no one told (the vote was not an event coded)
    if noun in _DEED_NOUNS and not kinds:
        return _others(_last_deed_doers(ctx), sources)
    doers = ctx.last_doers if not kinds else []
    for category, earlier in reversed(ctx.acts):
        if category in kinds:
            doers = earlier
            break
    return _others(doers, sources)


def _last_deed_doers(ctx: DocContext) -> list[ActorRef]:
    """The doers of the last act told that was more than words."""
    return next((earlier for category, earlier in reversed(ctx.acts) if category not in _VERBAL_ACTS), [])


def _others(doers: list[ActorRef], sources: list[ActorRef]) -> list[ActorRef]:
    """The doers that are not the sources, nor of their state."""
    keys = {s.key for s in sources}
    codes = {s.code for s in sources if s.code}
    return [d for d in doers if d.key not in keys and (not d.code or d.code not in codes)]


def _sanctions_object(ctx: DocContext, tok: Token) -> Token | None:
    """A sanctions noun in the object of a verb that enacts it ("adopted a package of sanctions")."""
    obj = _child(tok, "dobj")
    if obj is None:
        return None
    # the object itself, or what it is a package or set of ("a package of sanctions")
    nouns = [obj] + [p for of in obj.children if of.dep_ == "prep" and of.lower_ == "of"
                     for p in of.children if p.dep_ == "pobj"]
    # the verb must enact them ("adopted", "endorsed"): who defends or welcomes sanctions imposes none
    verb = tok.lemma_.lower()
    return next((t for t in nouns if t.pos_ == "NOUN" and any(
        trig.category == "SANCTION" and verb in trig.light
        for trig in ctx.lex.triggers_for(t.lemma_.lower(), "NOUN"))), None)


def _describes_document(tok: Token) -> bool:
    """A participle after a document noun that the parser hung on an earlier noun ("the only
    countries to reject a declaration by X condemning the war": the declaration condemns)."""
    if tok.dep_ != "acl" or tok.tag_ != "VBG":
        return False
    return any(t.lemma_.lower() in DOCUMENT_NOUNS and t.pos_ == "NOUN" for t in tok.doc[tok.head.i + 1:tok.i])


_QUANTITY_NOUNS = word_class("quantity_nouns")
_EXERCISES = word_class("exercises")
_JOINT = word_class("joint")


def _carrier(noun: Token) -> tuple[Token, str]:
    """The verb that carries a noun and the noun's relation to it, looking through a quantity
    ("held two days of drills", "began a series of talks")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _QUANTITY_NOUNS:
        return head.head.head, head.head.dep_
    return head, noun.dep_


def _exercise_category(noun: Token, verb: Token, category: str) -> str:
    """Military exercises held with a partner are cooperation; held alone, a show of force."""
    if category != "COOPERATE" or noun.lemma_.lower() not in _EXERCISES:
        return category
    partnered = any(c.lower_ in _JOINT for c in noun.children) or \
        any(c.dep_ == "prep" and c.lower_ == "with" for h in (noun, verb) for c in h.children)
    return "COOPERATE" if partnered else "MOBILIZE"


def _modifiers_match(noun: Token, trig: Trigger) -> bool:
    """A noun trigger with "objects" needs one of them among its modifiers ("military campaign")."""
    return not trig.objects or any(c.lemma_.lower() in trig.objects for c in noun.children
                                   if c.dep_ in ("amod", "compound", "nmod"))


def _in_condition(tok: Token) -> bool:
    """Inside an if/unless clause, or a question."""
    h = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in h.children):
            return True
        if h.head is h or h.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "aux"):
            break
        h = h.head
    return False


_ASPECTUAL = word_class("aspectual_verbs")


def _is_future(tok: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children) or \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and tok.head.lemma_ == "go":
        return True
    # "will start withdrawing": the tense sits on the aspectual verb
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ASPECTUAL and _is_future(tok.head)


def _governor(ctx: DocContext, tok: Token) -> tuple[str | None, Token | None]:
    """What the clause of a trigger depends on: a request, a promise, an intention…"""
    if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "acl", "advcl", "conj"):
        return None, None
    h = tok.head
    if tok.dep_ == "conj":
        if ctx.main_verb_hung_on_a_clause(tok):
            return None, None  # the main clause's own next act, which the parser hung on a dependent clause
        return _governor(ctx, h)
    lemma = h.lemma_.lower()
    if tok.dep_ == "acl" and (lemma, "NOUN") in ctx.lex.intentions:
        return ctx.lex.intentions[(lemma, "NOUN")], h
    if tok.dep_ in ("xcomp", "ccomp"):
        if lemma in _COMMITMENT:
            return "commitment", h
        intention = ctx.lex.intentions.get((lemma, "ADJ" if h.pos_ == "ADJ" else "VERB"))  # "is due to sign"
        if intention:
            return intention, h
        trig = match_trigger(ctx, h) if h.pos_ == "VERB" else None
        if trig and trig.category in ("REQUEST", "THREATEN", "AGREE", "REJECT"):
            return "requested", h
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and h.pos_ == "VERB":
        # "called on Arabs to unite" parsed as a purpose clause: still what is asked for
        trig = match_trigger(ctx, h)
        if trig and trig.category == "REQUEST" and trig.prep:
            return "requested", h
        # "considering providing aid to X to support Y": the purpose of an act only weighed is not an act
        outer, outer_tok = _governor(ctx, h)
        if outer in ("hypothetical", "requested"):
            return outer, outer_tok
    if tok.dep_ == "pcomp" and lemma in ("of", "for") and h.head.lemma_.lower() in ("call", "demand", "appeal", "request"):
        return "requested", h
    return None, None


def _removed(ctx: DocContext, tok: Token, exclude: set[str]) -> list[ActorRef]:
    """"demanded the removal of President X", "called for the withdrawal of Russian troops": the
    one whose going is asked for is the recipient, a person included."""
    objs = [c for c in tok.children if c.dep_ == "dobj"] + \
        [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for obj in objs:
        if obj.lemma_.lower() in _REMOVALS:
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            refs = ctx.refs(_child(of, "pobj"), exclude) if of is not None else []
            if refs:
                return refs
    return []


def _owner(ctx: DocContext, tok: Token, exclude: set[str]) -> list[ActorRef]:
    """Whose the thing is: "welcomed President Biden's statement" ("its forces" are the actor's own,
    and so is the alliance in "expressed the alliance's solidarity with Poland")."""
    poss = _child(tok, "poss")
    owner = [r for r in ctx.refs(poss, exclude) if r.code] if poss is not None and poss.pos_ != "PRON" else []
    return [r for r in owner if not _own_body(ctx, r, exclude)]


def _phrase_actors(ctx: DocContext, tok: Token | None, exclude: set[str], places: bool = False) -> list[ActorRef]:
    """The actors a phrase refers to, or else the first actor named in it: a country word
    modifying a thing stands for that country ("an Australian ultimatum", "Liberian refugees")."""
    if tok is None:
        return []
    refs = [r for r in ctx.refs(tok, exclude) if r.code]
    if refs:
        return refs
    owner = _owner(ctx, tok, exclude)
    if owner:
        return owner
    # "denied accusations that it supplies weapons to X", "a memorandum under which A will sell gas
    # to B": a clause with its own subject tells what the thing says, not whom it concerns
    # nor does what it is meant to protect ("measures to protect the rights of Chinese companies")
    told = {w.i for c in tok.subtree
            if c.dep_ in ("acl", "relcl") and (_content_clause(c) or c.lemma_.lower() in _PROTECTIVE)
            for w in c.subtree}
    for t in tok.subtree:
        if t.i - tok.left_edge.i > 25:
            break
        if t.i in told:
            continue
        m = ctx.index.at(t) or ctx._people(t)
        if m is None or (m.kind == "Place" and not places) or (m.kind == "Person"):
            continue
        if not places and (_address_country(ctx, m) or _names_a_treaty(ctx, m)):
            continue
        person = _modified_person(ctx, t)
        if person is not None:
            return [ctx.ref(person)]  # "the release of WNBA star Brittney Griner": Griner, not the WNBA
        if m.kind == "Place":
            actor = ctx.index.actors.get(m.key)
            code = actor.country if actor is not None else None
            if not code:
                continue
            m = Mention(m.start, m.end, "Demonym", f"country/{code}", m.text, code)
        if m.start < t.i:
            continue  # the rest of a mention already seen
        ref = ctx.ref(m)
        if ref.key not in exclude and ref.code:
            return [ref]
    return []


def _own_body(ctx: DocContext, ref: ActorRef, actor_keys: set[str]) -> bool:
    """Whether an actor is the state of one of these actors, or a body named in one's title
    ("NATO" for "NATO Secretary General Mark Rutte")."""
    body = ctx.index.actors.get(ref.key)
    for key in actor_keys:
        actor = ctx.index.actors.get(key)
        if actor is None or body is None:
            continue
        if body.kind == "Country" and actor.kind != "Country" and body.code == actor.country:
            return True
        names = body.aliases | {body.name}
        if body.kind == "Organization" and any(re.search(rf"\b{re.escape(n)}\b", role)
                                               for role in actor.roles for n in names):
            return True
    return False


def _content_clause(clause: Token) -> bool:
    """A clause that tells what a noun says or provides ("accusations that it armed X", "a deal
    under which A sells gas to B"), unlike one naming who is concerned ("the price Beijing pays")."""
    if _child(clause, "nsubj", "nsubjpass") is None:
        return False
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) or any(
        c.dep_ == "prep" and any(w.lower_ == "which" for w in c.children) for c in clause.children)


def _modified_person(ctx: DocContext, t: Token) -> Mention | None:
    """The person a modifier word belongs to ("WNBA" in "WNBA star Brittney Griner")."""
    h = t
    for _ in range(4):
        if h.dep_ not in ("compound", "amod", "nmod", "appos") or h.head is h:
            return None
        h = h.head
        m = ctx.index.at(h)
        if m is not None and m.kind == "Person":
            return m
    return None


_TREATY_KINDS = AGREEMENT_WORDS | {"Charter"}


def _names_a_treaty(ctx: DocContext, m: Mention) -> bool:
    """A place word inside a treaty's name ("the Vienna Convention") names no actor."""
    doc = ctx.doc
    return m.end < len(doc) and doc[m.end].text in _TREATY_KINDS


def _address_country(ctx: DocContext, m: Mention) -> bool:
    """The country of a place's address ("talks in Bengaluru, India"): where, not who."""
    doc = ctx.doc
    if m.kind != "Country" or m.start < 2 or doc[m.start - 1].text != ",":
        return False
    before = ctx.index.at(doc[m.start - 2])
    return before is not None and before.kind == "Place"


def _prep_targets(ctx: DocContext, tok: Token, exclude: set[str]) -> list[ActorRef]:
    """Actors named by a word's prepositional complements ("appealed to X", "acted against Y")."""
    for prep in tok.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in _TARGET_PREPS:
            refs = _phrase_actors(ctx, _child(prep, "pobj"), exclude)
            if refs:
                return refs
    return []


def _targets(ctx: DocContext, tok: Token, sources: list[ActorRef], category: str | None = None) -> list[ActorRef]:
    exclude = {s.key for s in sources}
    if ctx.is_passive(tok):
        refs = _phrase_actors(ctx, _child(tok, "nsubjpass", "nsubj"), exclude)
        if refs:
            return refs
    removed = _removed(ctx, tok, exclude)
    if removed:
        return removed
    attack = _child(tok, "dobj")
    if category in ("ACCUSE", "REJECT", "REQUEST") and attack is not None and attack.lemma_.lower() in _ATTACK_NOUNS:
        # "condemned the attack on a UN convoy": the recipient is the attacker, not the victim,
        # named by a "by" phrase or a country word on the attack ("denounced the Russian strike")
        return _by_phrase(ctx, attack) or [r for r in _attack_country_word(ctx, attack) if r.key not in exclude]
    for dep in ("dobj", "dative", "attr", "oprd"):
        # "shelled Kharkiv", "would blockade Paris": a place acted on stands for its country, even
        # the actor's own ("troops shelled Homs", "farmers blockaded Paris")
        obj = _child(tok, dep)
        places = dep == "dobj" and category in _PLACE_TARGETS
        # "postponed a trip to Beijing": the host country of a visit
        visit = obj is not None and dep == "dobj" and (obj.lemma_.lower() in _TRAVEL_NOUNS
                                                       or (obj.lemma_.lower(), "NOUN") in ctx.lex.meeting_words)
        refs = _phrase_actors(ctx, obj, set() if places else exclude, places=places or visit)
        if visit and not places:
            # "offered to hold talks in Abuja": talks at home have no host to aim at
            refs = [r for r in refs if {s.code for s in sources} != {r.code}]
        if refs:
            return refs
    refs = _prep_targets(ctx, tok, exclude)
    if refs:
        return refs
    if category == "AID" or (category == "AGREE" and any(
            t.category == "AID" for t in ctx.lex.triggers_for(tok.lemma_.lower(), "VERB"))):
        # "sent 400 police officers to Port-au-Prince" (or "will send"): aid goes to the country
        # of the place it is sent to
        dest = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        refs = _phrase_actors(ctx, _child(dest, "pobj"), exclude, places=True) if dest is not None else []
        if refs:
            return refs
    comp = _child(tok, "xcomp", "ccomp") or next(
        (c for c in tok.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)),
        None)  # "called for X to be tried"
    if comp is not None:
        # "demanded that the US cancel …": who is asked; "threatened to ban X": what is acted on
        # "China's spokesman warned that China would act": the speaker's own state is no recipient
        # (rebels or an opposition demanding something of their own government still are)
        own = {s.code for s in sources if s.code and s.sector in (None, "GOV")}
        for dep in ("nsubj", "nsubjpass", "dobj"):
            refs = [r for r in _phrase_actors(ctx, _child(comp, dep), exclude)
                    if not (r.key.startswith("country/") and r.code in own and r.sector in (None, "GOV"))]
            if refs:
                return refs
        refs = _prep_targets(ctx, comp, exclude)
        if refs:
            return refs
    if category in _PLACE_TARGETS:
        # "lifted a curfew in Montenegro", "shelled positions in Jericho": the place acted on
        # "drills east of Taiwan", "patrols off the Philippines": near a place is aimed at it too
        for h in (tok, comp, _child(tok, "dobj")):
            for c in (h.children if h is not None else ()):
                if c.dep_ in ("advmod", "npadvmod") and c.lemma_.lower() in _COMPASS:
                    prep, allowed = _child(c, "prep"), _COMPASS_PREPS
                elif category == "RETREAT" and c.dep_ in ("prep", "advmod", "prt") and c.lower_ in ("out", "back", "away"):
                    # "pulled its forces out of Manbij", "pulled its troops back from Kherson"
                    prep, allowed = _child(c, "prep"), {"of", "from"}
                else:
                    prep, allowed = c, _PLACE_PREPS | ({"from"} if category == "RETREAT" else set())
                if prep is not None and prep.dep_ == "prep" and prep.lower_ in allowed:
                    refs = _phrase_actors(ctx, _child(prep, "pobj"), exclude, places=True)
                    if refs:
                        return refs
    return []


def _evaluation(ctx: DocContext, tok: Token) -> str | None:
    """"X described Y as irresponsible": ACCUSE (negative) or SUPPORT (positive)."""
    if tok.lemma_.lower() not in _EVALUATION_VERBS:
        return None
    words = []
    obj = _child(tok, "dobj")
    # "described Russia's decision to suspend it as irresponsible": the parser may hang "as" inside the object
    holders = [tok] + ([obj] + [t for t in obj.subtree if t.pos_ == "VERB"] if obj is not None else [])
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ == "as":
            words += [t.lemma_.lower() for t in c.subtree]
        if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):
            words += [t.lemma_.lower() for t in c.subtree]
        # "called the decision \"unacceptable\"": the parser may hang the predicate after the object on it
        if c.dep_ == "amod" and obj is not None and c.head.i == obj.i and c.i > obj.i:
            words.append(c.lemma_.lower())
    polarity = {ctx.lex.evaluations.get(w) for w in words} - {None}
    if "negative" in polarity:
        return "ACCUSE"
    if "positive" in polarity:
        return "SUPPORT"
    return None


def _context_codes(ctx: DocContext, sent: Span) -> list[str]:
    """PLOVER contexts of an event, from the words of its sentence (ontology/lexicons/contexts.tsv)."""
    return sorted({ctx.lex.contexts[t.lemma_.lower()] for t in sent if t.lemma_.lower() in ctx.lex.contexts})


def extract_events(ctx: DocContext) -> list[Event]:
    """Code the PLOVER events of every body sentence of the document.

    Args:
        ctx: the document context.
    RETURNS (list[Event]): events in text order, negated ones flagged.
    """
    events: list[Event] = []
    for sent in ctx.body_sentences():
        consumed: set[int] = set()
        found: list[tuple[Token, str, str | None, str, Token | None]] = []  # trigger, category, mode, text, noun
        # Nouns carried by a light verb: "traded accusations", "issued a warning".
        for tok in sent:
            if tok.pos_ != "NOUN":
                continue
            for trig in ctx.lex.triggers_for(tok.lemma_.lower(), "NOUN"):
                if not _modifiers_match(tok, trig):
                    continue
                verb, dep = _carrier(tok)
                # the tagger sometimes mislemmatises a light verb ("staged" -> "stag")
                forms = {verb.lemma_.lower(), verb.lower_, verb.lower_[:-1], verb.lower_[:-2]}
                if dep in ("dobj", "nsubjpass") and forms & set(trig.light):
                    consumed.add(verb.i)
                    found.append((verb, _exercise_category(tok, verb, trig.category), trig.mode,
                                  f"{verb.text} {tok.text}", tok))
                    break
                joiner = _gathering_verb(tok) if trig.category in _JOINABLE else None
                if joiner is not None:
                    # "converged for a rally", "took part in the talks": joining the act is doing it
                    consumed.add(joiner.i)
                    found.append((joiner, trig.category, trig.mode, f"{joiner.text} {tok.text}", tok))
                    break
        for tok in sent:
            if tok.i in consumed:
                continue
            category = _evaluation(ctx, tok)
            trig = None
            if category is None and _obligation(ctx, tok) is not None:
                found.append((tok, "REQUEST", None, tok.text, None))
                continue
            if category is None:
                if tok.pos_ not in ("VERB", "ADJ"):
                    continue
                trig = _lexicon_entry(ctx, tok) if tok.pos_ == "VERB" else None
                if trig is not None and trig.category == "NONE":
                    continue  # an idiom: "declined to comment"
                if trig is None and _promised_retaliation(tok):
                    found.append((tok, "THREATEN", None, tok.text, None))
                    continue
                # a reporting verb is an event only in a constrained sense ("recalled its ambassador")
                if tok.lemma_.lower() in ctx.lex.reporting and (trig is None or not trig.specificity) \
                        and not (trig is not None and trig.category == "REQUEST" and _mandative(tok)):
                    continue
                if tok.lemma_.lower() in _COMMITMENT and _child(tok, "xcomp") is not None:
                    trig = trig or Trigger(tok.lemma_.lower(), tok.pos_, "AGREE")
                if trig is None or _civil_mobilization(ctx, tok, trig):
                    continue
                if trig.reported and _told_by_another(ctx, tok):
                    found.append((tok, trig.reported, _REPORTED, tok.text, None))
                    continue
                category = trig.category
            found.append((tok, category, trig.mode if trig else None, tok.text, None))
        coded: list[tuple[Token, Event]] = []
        for verb, category, mode, text, noun in found:
            event = _code(ctx, sent, verb, category, mode, text, consumed, noun)
            if event is None:
                continue
            coded.append((verb, event))
            # "A and B traded accusations": a reciprocal act runs both ways; so does a joint one
            # with no one else named ("The navies of A and B held joint drills")
            joint = event.category == "COOPERATE" and not event.targets \
                and len({s.code for s in event.sources}) > 1
            if (noun is not None and verb.lemma_.lower() in _RECIPROCAL or joint) and len(event.sources) > 1:
                coded.pop()
                for src in event.sources:
                    others = [o for o in event.sources if o.key != src.key]
                    coded.append((verb, Event(**{**event.__dict__, "sources": [src], "targets": others})))
        main = [e for _, e in _main_events(coded, ctx.lex.reporting)]
        events.extend(main)
        done = [e for e in main if e.sources and not e.negated]
        if done:
            ctx.last_doers = done[-1].sources
            ctx.acts.extend((e.category, e.sources) for e in done)
    return _dedupe(events)


def _announcer(ctx: DocContext, tok: Token) -> list[ActorRef]:
    """The state or government reporting a clause, when the clause is what a reporting verb says."""
    head = tok.head
    if tok.dep_ != "ccomp" or head is tok or head.lemma_.lower() not in ctx.lex.reporting:
        return []
    return [r for r in ctx.subject(head) if r.code and r.sector in (None, "GOV")]


def _subordinate_to(tok: Token, other: Token, reporting: frozenset[str]) -> bool:
    """Whether a word lies in a clause that depends on another word (coordination aside):
    "opened fire …, killing one" — the killing is how the firing is told, not a second event.
    What a conjoined reporting verb says is that verb's, not the other's ("accused X of Y and
    said Ottawa had expelled Z": the expulsion is told, not part of the accusation)."""
    if tok.i == other.i:
        return False
    h, path = tok, []
    for _ in range(30):
        if h.head is h:
            return False
        if DocContext.main_verb_hung_on_a_clause(h):
            path.append("conj")  # the main clause's next act, which the parser hung on a dependent clause
            h = DocContext.clause_of_hung_verb(h)
        elif _while_clause(h):
            path.append("conj")  # "welcomed the deal while calling for …": a second act, told alongside
            h = h.head
        else:
            path.append(h.dep_)
            h = h.head
        if h.i == other.i:
            return any(d != "conj" for d in path)
        if (h.dep_ == "conj" or _while_clause(h)) and h.lemma_.lower() in reporting:
            path = []  # a report of its own, joined to the other act ("…, while a spokesman said …")
    return False


def _while_clause(tok: Token) -> bool:
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "while" for c in tok.children)


def _gathering_verb(noun: Token) -> Token | None:
    """The verb of "gathered for a rally", "took part in talks", "joined in the protests"."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ("for", "in", "at"):
        return None
    h = noun.head.head
    if h.lemma_.lower() == "part" and h.dep_ == "dobj":
        h = h.head
    lemma = h.lemma_.lower()
    if h.pos_ != "VERB":
        return None
    if lemma in _GATHERING or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in h.children)):
        return h
    return None


def _main_events(coded: list[tuple[Token, Event]], reporting: frozenset[str]) -> list[tuple[Token, Event]]:
    """PLOVER codes the main event of a sentence: an event whose trigger sits inside the
    clause of another coded event (a participle, a relative or adverbial clause, a complement)
    is background to it and is not coded again."""
    return [(t, e) for t, e in coded if not any(_subordinate_to(t, o, reporting) and not _reason_given(t, e, f)
                                                for o, f in coded)]


def _reason_given(tok: Token, event: Event, main: Event) -> bool:
    """"expelled two diplomats, accusing them of spying": a participle that accuses, beside a
    material act, gives the actor's charge, which is an act of its own."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and event.category == "ACCUSE" and main.category in _MATERIAL


def _civil_mobilization(ctx: DocContext, tok: Token, trig: Trigger) -> bool:
    """"mobilized pressure groups", "mobilized voters": PLOVER's MOBILIZE is armed force made
    ready; mobilizing anything but armed men or weapons is not one."""
    if trig.category != "MOBILIZE" or tok.lemma_.lower() not in ("mobilize", "mobilise"):
        return False
    obj = _child(tok, "dobj")
    if obj is None:
        return False
    sector = ctx.lex.sector_nouns.get(obj.lemma_.lower())
    return sector not in ("MIL", "COP", "REB") and obj.lemma_.lower() not in _WEAPONS


def _reporting_verb(ctx: DocContext, tok: Token) -> Token | None:
    """The verb that reports this clause ("said", "concluded"), if it is one."""
    if tok.pos_ != "VERB" or tok.dep_ != "ccomp":
        return None
    lemma = tok.head.lemma_.lower()
    return tok.head if lemma in ctx.lex.reporting or lemma in _CONCLUDING else None


def _mandative(verb: Token) -> bool:
    """"insisted that Armenia amend its constitution": a clause in the subjunctive (a bare verb,
    or a bare "be", after its subject) says what the speaker wants done, not what is so."""
    comp = _child(verb, "ccomp")
    if comp is None or comp.pos_ not in ("VERB", "AUX") or _child(comp, "nsubj", "nsubjpass") is None:
        return False
    if any(c.dep_ == "aux" for c in comp.children):
        return False
    return comp.tag_ == "VB" or any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in comp.children)


def _obligation(ctx: DocContext, tok: Token) -> Token | None:
    """"Russia said Sudan must return the helicopter": what one actor says another must or
    should do is a REQUEST of the speaker to the clause's subject. Returns the reporting verb."""
    if not any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in tok.children):
        return None
    return _reporting_verb(ctx, tok)


def _told_by_another(ctx: DocContext, tok: Token) -> bool:
    """Whether a reporting verb tells of this act and its speaker is not the clause's subject."""
    verb = _reporting_verb(ctx, tok)
    if verb is None:
        return False
    speakers, doers = {r.key for r in ctx.subject(verb)}, {r.key for r in ctx.subject(tok)}
    return bool(speakers) and bool(doers) and not speakers & doers


def _code(ctx: DocContext, sent: Span, tok: Token, category: str, mode: str | None, text: str,
          consumed: set[int], noun: Token | None = None) -> Event | None:
    if tok.i in consumed and " " not in text:
        return None
    speaker = _obligation(ctx, tok)
    if speaker is not None:
        category = "REQUEST"
    elif mode == _REPORTED:
        speaker = _reporting_verb(ctx, tok)
    if speaker is not None:
        # what the speaker says another must do, or has done wrong: the speaker's act, aimed at the doer
        sources = ctx.subject(speaker)
        if not sources:
            return None
        targets = _phrase_actors(ctx, _child(tok, "nsubj", "nsubjpass"), {s.key for s in sources})
        return Event(category=category, sources=sources, targets=targets, evidence=ctx.evidence(sent),
                     trigger=f"{speaker.text} {tok.text}", mode=None, date=ctx.date_for(speaker),
                     negated=False, modality="asserted")
    if _in_condition(tok):
        return None
    if _warning_without_threat(ctx, tok):
        return None
    if category in ("SUPPORT", "AGREE") and _sanctions_object(ctx, tok) is not None:
        category, mode = "SANCTION", None  # "endorsed a package of sanctions against X": the sanctions
    if _describes_document(tok):
        return None  # "a declaration by X condemning Y": what a text says, coded with the text's fate
    if _reduced_passive(tok) and not _by_phrase(ctx, tok):
        return None  # "the price cap agreed last year": a participle naming a thing, not an act
    modality = "asserted"
    negated = ctx.negated(tok)
    governor, gov_tok = _governor(ctx, tok)
    if governor in ("requested", "hypothetical", "commitment"):
        return None  # coded through the governing word, or not an event
    if not negated and any(c.dep_ == "aux" and ctx.lex.intentions.get((c.lower_, "AUX")) == "hypothetical"
                           for c in tok.children):
        return None  # "Japan may ratify the pact": a possibility, not an act ("could not endorse" refuses)
    kind = _COMMITMENT.get(tok.lemma_.lower())
    comp = _child(tok, "xcomp") if kind else None
    if comp is not None:
        inner = (match_trigger(ctx, comp) or _light_noun_trigger(ctx, comp)) if comp.pos_ == "VERB" else None
        inner_cat = inner.category if inner else None
        if kind == "threat":
            category = "THREATEN"
        elif kind == "refusal":
            category = "REJECT"
        elif kind == "failure":
            if inner_cat in _COOPERATION or inner_cat is None:
                category = "REJECT"
            else:
                category, negated = inner_cat, True
        elif comp.lemma_.lower() in _RETALIATION:
            category = "THREATEN"  # "said it was ready to respond"
        else:
            # an offer or promise to yield is itself an agreement; only an announced retreat is CONCEDE
            category = "AGREE" if inner_cat in _YIELDING or not inner_cat else future_category(inner_cat)
            if inner and inner.mode and category == inner_cat:
                mode = inner.mode
        consumed.add(comp.i)
        text = f"{text} {comp.text}"
        modality = "future" if kind in ("promise", "threat") else modality
    elif governor == "future" or _is_future(tok):
        modality = "future"
        # a promised boycott, blockade or strike is a threat to restrict ("restrict" mode)
        new = "THREATEN" if tok.lemma_.lower() in _RESTRICTIONS else future_category(category)
        if new != category:
            mode = None
        category = new
    if negated and modality == "future" and category == "AGREE":
        category, negated = "REJECT", False
    sources = ctx.subject(tok)
    agentless = False
    if _reduced_passive(tok):
        sources = _by_phrase(ctx, tok)
    elif ctx.is_passive(tok) and _stative_commitment(tok):
        sources = ctx.refs(_child(tok, "nsubjpass"))
    elif ctx.is_passive(tok):
        sources = ctx.passive_agent(tok)
        # "three civilians have been killed", "guerrillas have been demobilized": the doer is untold
        agentless = not sources and _child(tok, "agent") is None and category in _MATERIAL
        if agentless and category == "SANCTION":
            # "Nicaragua announced that the envoy had been expelled": a state announces its own sanctions
            sources = _announcer(ctx, tok)
            agentless = not sources
    elif not sources:
        # "a roadside bombing killed one soldier": the attack itself is the subject
        subj = _child(tok, "nsubj")
        agentless = category == "ASSAULT" and subj is not None and subj.lemma_.lower() in _ATTACK_NOUNS
    if not sources and not agentless:
        return None
    targets = _noun_targets(ctx, noun, sources) if noun is not None else []
    if not targets and category == "PROTEST":
        targets = _protest_target(ctx, tok, sources)  # what it is against, before where the streets were
    targets = targets or _targets(ctx, tok, sources, category)
    if not targets and (mode == "visit" or category == "REQUEST" and _seeks_refuge(tok)):
        targets = _host(ctx, tok, sources)  # "arrived in Rabat for a visit", "sought asylum in Pakistan"
    if not targets and category == "THREATEN":
        targets = _condition_subject(ctx, tok, comp, sources)
    if agentless and not targets:
        return None
    if comp is not None and not targets:
        targets = _targets(ctx, comp, sources, category)
    if agentless:
        # "was granted Nicaraguan citizenship": the country word on what was given says whose gift
        given = _child(tok, "dobj")
        sources = (_attack_country_word(ctx, given) if given is not None else []) \
            or _attack_owner(ctx, _child(tok, "nsubj"), tok)
    if not targets:
        targets = _act_author(ctx, tok, sources)
    if not targets and category == "THREATEN" and noun is not None and noun.lemma_.lower() in _COUNTERMEASURES:
        targets = _others(_last_deed_doers(ctx), sources)  # "would take countermeasures": against the last deed's doer
    if not targets:
        targets = _domestic_target(ctx, tok, comp, category, sources)
    if category == "CONSULT" and targets and all(t.sector == "CVL" for t in targets):
        return None  # "hosted thousands of refugees": a people at large is not consulted
    if category == "CONSULT" and len(sources) > 1 and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        targets = []  # "Lula and Sisi discussed aid to Gaza": they consulted each other, not Gaza
    date = ctx.date_for(tok)
    if negated:
        modality = "negated"
    return Event(category=category, sources=sources, targets=targets, evidence=ctx.evidence(sent), trigger=text,
                 mode=mode, contexts=_context_codes(ctx, sent), date=date, negated=negated, modality=modality)


def _country_ref(ctx: DocContext, code: str, at: Token) -> ActorRef:
    country = ctx.gz.countries.get(code)
    name = country.name if country is not None else code
    return ctx.ref(Mention(at.i, at.i + 1, "Demonym", f"country/{code}", name, code), "GOV", text=name)


def _place_country(ctx: DocContext, head: Token | None) -> str | None:
    """The country of a place named in a locative phrase of a word ("near the town of Samarra")."""
    for prep in (head.children if head is not None else ()):
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE_PREPS:
            continue
        for t in prep.subtree:
            m = ctx.index.at(t)
            if m is None:
                continue
            if m.kind == "Place":
                actor = ctx.index.actors.get(m.key)
                if actor is not None and actor.country:
                    return actor.country
            elif m.kind in ("Country", "Capital") and m.code:
                return m.code
    return None


def _attack_owner(ctx: DocContext, attack: Token | None, verb: Token) -> list[ActorRef]:
    """Who an attack named as a subject belongs to: "U.S. drone strikes killed …" (the
    country word on the attack), else the country where it happened ("a bombing near Samarra")."""
    if attack is None:
        return []
    owner = _attack_country_word(ctx, attack)
    if owner:
        return owner
    code = _place_country(ctx, attack) or _place_country(ctx, verb)
    return [_country_ref(ctx, code, attack)] if code else []


def _attack_country_word(ctx: DocContext, attack: Token) -> list[ActorRef]:
    """The country or body a word on an attack noun names: "U.S. drone strikes", "Russia's attack"."""
    for mod in (c for c in attack.children if c.dep_ in ("compound", "amod", "nmod", "poss")):
        for t in mod.subtree:
            m = ctx.index.at(t)
            if m is not None and m.kind in ("Country", "Demonym", "Capital", "Organization") and m.code:
                return [ctx.ref(m)]
    return []


def _protest_target(ctx: DocContext, tok: Token, sources: list[ActorRef]) -> list[ActorRef]:
    """What a protest act is aimed at when the act itself names nothing: "threw stones during
    demonstrations against X", "went on strike to protest against X"."""
    exclude = {s.key for s in sources}
    for c in tok.children:
        if c.dep_ == "prep":
            for noun in (p for p in c.children if p.dep_ == "pobj"):
                if noun.lemma_.lower() in _MISSIONS and c.lower_ in _LOCATIVE_PREPS:
                    # "rallied outside the British embassy": a protest at a mission is aimed at its state
                    refs = _phrase_actors(ctx, noun, exclude)
                    if refs:
                        return refs
                if not any(t.category == "PROTEST" for t in ctx.lex.triggers_for(noun.lemma_.lower(), "NOUN")):
                    continue
                for prep in (p for p in noun.children if p.dep_ == "prep" and p.lower_ in ("against", "over", "at")):
                    refs = _phrase_actors(ctx, _child(prep, "pobj"), exclude)
                    if refs:
                        return refs
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() == "protest":
            refs = _targets(ctx, c, sources, "PROTEST")
            if refs:
                return [r for r in refs if r.key not in exclude]
        # "in defiance of Chinese authorities", "to show their anger at the United States"
        grievance = _child(c, "pobj") if c.dep_ == "prep" and c.lower_ == "in" else \
            _child(c, "dobj") if c.dep_ == "advcl" else None
        if grievance is not None and grievance.lemma_.lower() in _GRIEVANCES:
            holders = (grievance, c) if c.dep_ == "advcl" else (grievance,)  # "show anger at X": on either word
            for prep in (p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in _GRIEVANCE_PREPS):
                refs = _phrase_actors(ctx, _child(prep, "pobj"), exclude)
                if refs:
                    return refs
    return []



def _domestic_target(ctx: DocContext, tok: Token, comp: Token | None, category: str,
                     sources: list[ActorRef]) -> list[ActorRef]:
    """PLOVER's domestic reading when the text names no recipient's nationality: a protest with
    no stated target is aimed at the protesters' own government, and force used on an
    unnamed group ("police fired on demonstrators") falls on people of the place, or of the
    country whose forces used it."""
    codes = {s.code for s in sources if s.code}
    if len(codes) != 1 or codes & {"IGO", "NGO"}:
        return []
    code = next(iter(codes))
    if category == "PROTEST":
        return _protest_target(ctx, tok, sources) or [_country_ref(ctx, code, tok)]
    if category not in _DOMESTIC_TARGET_CATEGORIES:
        return []
    # "opened fire to disperse demonstrators": the purpose clause names who the force was used on
    purpose = next((c for c in tok.children if c.dep_ == "advcl" and _child(c, "aux") is not None
                    and _child(c, "aux").lower_ == "to"), None)
    for h in (tok, comp, purpose):
        obj = _child(h, "dobj", "nsubjpass") if h is not None else None
        if h is not None and (obj is None or h.i == tok.i):
            # "fired tear gas at protesters": the group the force was aimed at
            aimed = next((p for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "against")
                          for p in c.children if p.dep_ == "pobj"), None)
            obj = aimed if aimed is not None and ctx.lex.sector_nouns.get(aimed.lemma_.lower()) else obj
        if obj is None:
            continue
        head = obj
        # "scores of refugees", "hundreds of demonstrators"
        if obj.lemma_.lower() in ("score", "hundred", "thousand", "dozen") or obj.pos_ == "NUM":
            head = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), obj)
        sector = ctx.lex.sector_nouns.get(head.lemma_.lower())
        if sector is None or head.lemma_.lower() in _WEAPONS or (
                category in _YIELDING and (sector not in _YIELDED_TO_SECTORS or _foreign_captives(head))):
            continue
        located = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS for t in c.subtree}
        if any(ctx.index.at(t) is not None for t in head.subtree if t.i not in located):
            continue  # a named group is not a domestic one ("in Nairobi" says where, not who)
        place = _place_country(ctx, h) or _place_country(ctx, head)
        return [_country_ref(ctx, place or code, head)]
    return []


def _foreign_captives(group: Token) -> bool:
    """Hostages and prisoners of war are mostly someone else's people."""
    return group.lemma_.lower() in ("hostage", "captive") or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "war" for p in c.children) for c in group.children)


def _reduced_passive(tok: Token) -> bool:
    """A bare past participle modifying a noun or clause: "the cap agreed to by allies"."""
    if tok.dep_ not in ("acl", "advcl") or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")
                                                for c in tok.children):
        return False
    # "Rabuka, who chairs the forum, called on …": the parser found no main verb and made the
    # noun the root; the participle after the comma is the sentence's predicate
    head = tok.head
    if head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN") and tok.i > 0 and tok.doc[tok.i - 1].text == ",":
        return False
    # the tagger may take the participle for a past tense; its "by" phrase gives it away
    return tok.tag_ == "VBN" or tok.tag_ == "VBD" and any(c.dep_ in ("agent", "prep") and c.lower_ == "by"
                                                          for c in tok.children)


def _condition_subject(ctx: DocContext, tok: Token, comp: Token | None, sources: list[ActorRef]) -> list[ActorRef]:
    """Whom a threat is aimed at: the doer of its condition ("threatened to quit the talks if the
    United States deploys missiles")."""
    heads = [tok, comp] + [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]  # "warned it would act if …"
    for head in heads:
        for clause in (c for c in (head.children if head is not None else ()) if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in clause.children):
                refs = _phrase_actors(ctx, _child(clause, "nsubj", "nsubjpass"), {s.key for s in sources})
                if refs:
                    return refs
    return []


def _host(ctx: DocContext, tok: Token, sources: list[ActorRef]) -> list[ActorRef]:
    """The country a visitor travels to: "arrived in Rabat for a visit", "flew to Hanoi for talks"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "to", "into"):
            refs = _phrase_actors(ctx, _child(prep, "pobj"), {s.key for s in sources}, places=True)
            if refs:
                return refs
    return []


def _seeks_refuge(tok: Token) -> bool:
    """"sought asylum in Pakistan": what is sought is given by the state the people flee to."""
    obj = _child(tok, "dobj")
    return obj is not None and obj.lemma_.lower() in _REFUGE_NOUNS


def _stative_commitment(tok: Token) -> bool:
    """"Vietnam is committed to opening its economy": the subject holds the commitment; the
    passive form names no one who committed it."""
    return tok.lemma_.lower() == "commit" and _child(tok, "agent") is None and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _by_phrase(ctx: DocContext, tok: Token) -> list[ActorRef]:
    for c in tok.children:
        if c.dep_ in ("agent", "prep") and c.lower_ == "by":
            return ctx.refs(_child(c, "pobj"))
    return []


def _promised_retaliation(tok: Token) -> bool:
    """"Moscow would respond to the sanctions", "Beijing will react": an answer promised to a
    hostile deed, not a reply to a letter or a question."""
    if tok.lemma_.lower() not in _RETALIATION or not _is_future(tok) or _child(tok, "ccomp", "dobj") is not None:
        return False
    return all(p.lemma_.lower() in _ANSWERABLE for p in _answered(tok))


def _answered(tok: Token) -> list[Token]:
    """What a verb answers or reacts to: the objects of its "to" phrases."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]


def _warning_without_threat(ctx: DocContext, tok: Token) -> bool:
    """"warned that countries were failing": a warning is a THREATEN only when it carries a
    threat ("warned of consequences", "warned it would retaliate"), not when it reports a view."""
    if tok.lemma_.lower() != "warn":
        return False
    comp = _child(tok, "ccomp")
    if comp is None or _child(tok, "dobj") is not None or \
            any(c.dep_ == "prep" and c.lower_ in ("of", "against", "about") for c in tok.children):
        return False
    inner = (match_trigger(ctx, comp) or _light_noun_trigger(ctx, comp)) if comp.pos_ == "VERB" else None
    if _is_future(comp) and any(w.lemma_.lower() in _RETALIATION_NOUNS or w.lemma_.lower() in _RETALIATION
                                for w in comp.subtree):
        return False  # "warned that any attack would be met with force"
    return not (inner and inner.category in _CONFLICT_ACTIONS and _is_future(comp))


def _noun_targets(ctx: DocContext, noun: Token, sources: list[ActorRef]) -> list[ActorRef]:
    """"support … for Ukraine", "accusations against Iran": the recipient a trigger noun names."""
    exclude = {s.key for s in sources}
    for prep in noun.subtree:
        if prep.dep_ == "prep" and prep.lower_ in _NOUN_TARGET_PREPS:
            pobj = _child(prep, "pobj")
            # "support for India's bid for a seat on the Council": whose the bid is
            refs = ctx.refs(pobj, exclude) or (_owner(ctx, pobj, exclude) if pobj is not None else [])
            if refs:
                return refs
    # "his demand that Armenia amend its constitution": who is asked is the clause's subject
    clause = _child(noun, "acl")
    if clause is not None and clause.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ == "that"
                                                            for c in clause.children):
        return ctx.refs(_child(clause, "nsubj"), exclude)
    return []


def _dedupe(events: list[Event]) -> list[Event]:
    seen = set()
    out = []
    for e in events:
        key = (e.category, e.evidence.start, tuple(sorted(s.key for s in e.sources)),
               tuple(sorted(t.key for t in e.targets)), e.negated)
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
    return out
