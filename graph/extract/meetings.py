"""Meetings: who met whom, when and where, on one n-ary node.

A meeting is reported by a verb ("met", "spoke", "held talks", "visited") or a
noun ("the encounter between A and B", "in a meeting", "a phone call").
Mentions of the same encounter within a document are merged; a meeting held
"on the sidelines of" another is its sub-event, and its participants attend
the larger one too.
"""
from __future__ import annotations

import re
from datetime import date as Date

from spacy.tokens import Span, Token

from ..facts import ActorRef, Meeting
from ..lexicons import word_class
from .context import GREETING_VERBS, DocContext
from .events import _governor, _host, _is_future

_DURATION = re.compile(r"\b(\d+)[- ](minute|hour|day)\b", re.I)
_DURATION_UNITS = {"minute": "PT{}M", "hour": "PT{}H", "day": "P{}D"}
_LIGHT = word_class("meeting_light_verbs")
_QUANTITY = word_class("meeting_quantities")
_TRAVEL = word_class("meeting_travel_verbs")
_PRIVATE = word_class("private_meeting_words")
# prepositions that place an act in or after a meeting that took place ("after their talks")
_HELD_PREPS = {"in", "during", "at", "after", "following"}
_AHEAD = word_class("planned_meeting_words")


def _date_of_the_sentence_before(ctx: DocContext, sent: Span, meeting: Meeting) -> str | None:
    """"A and B agreed on Sunday to resume talks. The ministers met in Tokyo …": a meeting told
    with no date, right after a dated sentence about one of its parties, is of that date."""
    if sent.start == 0 or any(e.label_ == "DATE" for e in sent.ents):
        return None
    before = ctx.doc[sent.start - 1].sent
    keys = {p.key for p in meeting.participants}
    if before.start_char < ctx.body_start or not any(m.key in keys for m in ctx.index.mentions
                                                      if before.start <= m.start < before.end):
        return None
    return ctx.date_for(before.root)


def _visit_parties(ctx: DocContext, tok: Token, verb: Token, visitors: list[ActorRef]) -> tuple[list, list]:
    """(visitors, host) of a visit noun: "Erdogan's visit to Iraq", "arrived in Baghdad for his
    first visit to Iraq" (the host is where the visit goes, or where the traveller arrived)."""
    if not visitors:
        poss = _child(tok, "poss")
        visitors = ctx.refs(poss) if poss is not None else []
    exclude = {v.key for v in visitors}
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    host = ctx.refs(_child(to, "pobj"), exclude) if to is not None else []
    if not host and visitors and verb.i != tok.i and verb.lemma_.lower() in _TRAVEL:
        host = [r for r in _host(ctx, verb, visitors) if r.key not in exclude]
    return visitors, host


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _with_objects(ctx: DocContext, tok: Token, exclude: set[str]) -> list[ActorRef]:
    """Participants named by "with X", "between X and Y", or as direct object."""
    out: list[ActorRef] = []
    for t in tok.subtree:
        # "with A and with B": the second "with" is a conjunct of the first
        is_prep = t.dep_ == "prep" or (t.dep_ == "conj" and t.head.lower_ == t.lower_)
        if is_prep and t.lower_ in ("with", "between", "among") and not _inside_clause(t, tok) \
                and (t.lower_ == "with" or t.head.i == tok.i):  # "between" names the meeting's own sides
            pobj = _child(t, "pobj")
            if pobj is None:
                # "with visiting Brazilian Foreign Minister X": the parser makes X the participle's object
                pcomp = _child(t, "pcomp")
                pobj = _child(pcomp, "dobj") if pcomp is not None else None
            for r in ctx.refs(pobj, exclude):
                if r.key not in {o.key for o in out}:
                    out.append(r)
    return out


def _inside_clause(t: Token, top: Token) -> bool:
    """Whether a word sits in a clause below the trigger ("… to discuss the partnership between
    A and B"): such phrases name what was discussed, not who met. "including" is no clause."""
    h = t.head
    while h.i != top.i and h.head.i != h.i:
        if h.pos_ in ("VERB", "AUX") and h.lemma_.lower() != "include":
            return True
        h = h.head
    return False


def _mode(ctx: DocContext, tok: Token, sent: Span) -> str | None:
    words = {t.lower_ for t in sent}
    if words & {"telephone", "phone", "video", "videoconference", "virtually"}:
        return "phone"
    return ctx.lex.meeting_words.get((tok.lemma_.lower(), "NOUN" if tok.pos_ == "NOUN" else "VERB")) or None


def _has_org_modifier(ctx: DocContext, tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss"):
            m = ctx.index.at(c)
            if m is not None and m.kind == "Organization" and m.code in ("IGO", "NGO"):
                return True
            if c.lower_ in ("ministerial", "multilateral", "summit"):
                return True
    return False


def extract_meetings(ctx: DocContext) -> list[Meeting]:
    """Find, merge and nest the meetings of a document.

    Args:
        ctx: the document context.
    RETURNS (list[Meeting]): meetings in text order; ``parent`` indexes this list.
    """
    raw: list[Meeting] = []
    sidelines: list[tuple[int, Token]] = []
    for sent in ctx.body_sentences():
        for tok in sent:
            lemma = tok.lemma_.lower()
            pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "VERB" if tok.pos_ == "VERB" else None
            if pos is None or (lemma, pos) not in ctx.lex.meeting_words:
                if lemma == "attendance" or (lemma == "attend" and pos == "VERB"):
                    if pos == "VERB" and _planned(ctx, tok):
                        continue  # "is due to travel to Addis Ababa to attend the summit": not there yet
                    who = ctx.subject(tok.head if lemma == "attendance" else tok)
                    obj = _child(tok, "dobj") if pos == "VERB" else None
                    if who:
                        raw.append(Meeting(participants=who, evidence=ctx.evidence(sent), trigger=tok.text,
                                           mode="attendance", label=obj.lemma_.lower() if obj is not None else None))
                continue
            meeting = _read(ctx, sent, tok, pos)
            if meeting is None:
                continue
            if isinstance(meeting, list):
                raw.extend(meeting)
                continue
            if meeting.date is None and meeting.modality == "asserted" and not meeting.negated:
                meeting.date = _date_of_the_sentence_before(ctx, sent, meeting)
            raw.append(meeting)
            # "on the sidelines of X": the meeting took place inside X
            for t in sent:
                if t.lower_ == "sidelines" and t.head.i != tok.i:
                    of = _child(t, "prep")
                    host = _child(of, "pobj") if of is not None else None
                    if host is not None and host.lemma_.lower() in {w for (w, p) in ctx.lex.meeting_words if p == "NOUN"}:
                        sidelines.append((len(raw) - 1, host))
        if sent:
            for m in raw:
                if m.evidence.start == ctx.evidence(sent).start and len({p.key for p in m.participants}) >= 2 \
                        and not m.negated:
                    ctx.meeting_groups.append((m.evidence.start, list(m.participants)))
    return _merge(ctx, raw, sidelines)


def _read(ctx: DocContext, sent: Span, tok: Token, pos: str) -> Meeting | list[Meeting] | None:
    lemma = tok.lemma_.lower()
    bilateral = False
    if pos == "VERB":
        if lemma in ("talk", "speak") and not any(c.dep_ in ("prep", "advmod", "npadvmod") for c in tok.children) \
                and not ctx.subject(tok):
            return None
        if lemma in ("call",) and _child(tok, "dobj") is None:
            return None
        if _governor(ctx, tok)[0] in ("requested", "hypothetical"):
            return None  # "invited Carney to visit Pretoria", "called for talks": not a meeting held
        if _tally_of_contacts(tok):
            return None
        obj = _child(tok, "dobj")
        if lemma == "receive" and not _visitor(ctx, obj):
            return None  # "received a letter", "received Germany's support": no one was received
        if lemma in GREETING_VERBS and not ctx.greets_visitor(tok):
            return None  # "welcomed the decision": support, not a visit
        if lemma == "host" and obj is not None and (obj.lemma_.lower(), "NOUN") in ctx.lex.meeting_words:
            return None  # "hosted talks between A and B": the talks are the meeting, read from the noun
        subjects = ctx.subject(tok)
        others = _with_objects(ctx, tok, {s.key for s in subjects})
        if obj is not None and (lemma in ("meet", "visit", "host", "receive", "call", "telephone", "phone", "consult")
                                or lemma in GREETING_VERBS):
            others += [r for r in ctx.refs(obj, {s.key for s in subjects}) if r.key not in {o.key for o in others}]
        participants = subjects + [o for o in others if o.key not in {s.key for s in subjects}]
        negated = ctx.negated(tok)
        planned = _planned(ctx, tok)
    else:
        scope = tok
        # "held a series of meetings, including one with X": the quantity noun carries the phrase
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _QUANTITY:
            scope = tok.head.head
        verb = scope.head
        subjects: list[ActorRef] = []
        if scope.dep_ in ("dobj",) and verb.lemma_.lower() in _LIGHT:
            subjects = ctx.subject(verb)
        elif tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and (
                tok.head.lower_ in _HELD_PREPS
                or (tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _TRAVEL)):
            subjects = ctx.subject(tok.head.head)
            verb = tok.head.head
        elif tok.dep_ in ("nsubj",):
            subjects = []
        if not subjects and tok.dep_ == "pobj" and tok.head.lower_ in _HELD_PREPS:
            poss = _child(tok, "poss")
            if poss is not None and poss.pos_ == "PRON":
                subjects = ctx.refs(poss)  # "a statement released after their meeting": the pair it stands for
        host: list[ActorRef] = []
        if ctx.lex.meeting_words.get((lemma, "NOUN")) == "visit":
            subjects, host = _visit_parties(ctx, tok, verb, subjects)
        others = _with_objects(ctx, scope, {s.key for s in subjects}) or host
        if not others and any(c.dep_ == "prep" and c.lower_ == "between" for c in scope.children):
            return None  # "hosted talks between the two sides": the sides met, and the text does not say who
        if not others and scope.dep_ == "dobj" and verb.lemma_.lower() in _LIGHT:
            # "held meetings on Tuesday with A": the parser hangs "with" on the verb
            others = _with_objects(ctx, verb, {s.key for s in subjects})
        participants = subjects + [o for o in others if o.key not in {s.key for s in subjects}]
        negated = ctx.negated(verb) if verb.i != tok.i else False
        planned = any(c.dep_ == "amod" and c.lower_ in _AHEAD for c in tok.children) or (
            verb.i != tok.i and verb.pos_ in ("VERB", "AUX") and _planned(ctx, verb))
        if any(c.lower_ in ("separate", "individual", "bilateral") for c in tok.children) and len(others) > 1 and subjects:
            # "held separate meetings with A and with B": one meeting each
            return [Meeting(participants=subjects + [o], evidence=ctx.evidence(sent), trigger=tok.text,
                            date=ctx.date_for(tok), place=ctx.place_for(tok), negated=negated,
                            modality=_modality(planned)) for o in others]
        # "in their first summit": a summit of the clause's two leaders is their meeting, not a gathering
        bilateral = not _has_org_modifier(ctx, tok) and len({s.key for s in subjects}) >= 2 and not others
        if (_has_org_modifier(ctx, tok) or lemma in ("summit", "gathering", "conference", "session")) and not bilateral:
            host = []
            for c in tok.children:
                m = ctx.index.at(c)
                if m is not None and m.kind == "Organization" and m.key not in {h.key for h in host}:
                    host.append(ctx.ref(m))
            held_by = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
            if not host and held_by is not None:
                # "Leaders of the Pacific Islands Forum ended their summit": the body whose members met
                host = [r for r in ctx.subject(held_by) if r.key.startswith("org/")]
            date = ctx.date_for(tok) or _possessive_date(ctx, tok) or (ctx.date_for(held_by) if held_by else None)
            if tok.head.lower_ == "of" and tok.head.head.lower_ == "sidelines":
                date = None  # "met X on the sidelines of the summit on Wednesday": the day of the talks
            return Meeting(participants=host, evidence=ctx.evidence(sent), trigger=tok.text,
                           date=date, place=ctx.place_for(tok),
                           mode="multilateral", label=_label(tok), negated=negated, modality=_modality(planned))
    # "hosting thousands of Somali refugees": a people at large is no party to a meeting
    persons_or_states = [p for p in participants if not p.key.startswith("place/") and p.sector != "CVL"]
    if len(persons_or_states) < 2:
        return None
    words = {t.lower_ for t in sent}
    duration = None
    m = _DURATION.search(sent.text)
    if m and m.group(0).lower() in sent.text[tok.idx - sent.start_char - 20:tok.idx - sent.start_char + 1].lower():
        duration = _DURATION_UNITS[m.group(2).lower()].format(m.group(1))
    scheduled = False if "unscheduled" in words or "impromptu" in words else (True if "scheduled" in words or "planned" in words else None)
    requested = None
    for t in sent:
        if t.lower_ == "request" and t.head.lower_ == "at":
            of = _child(t, "prep")
            who = ctx.refs(_child(of, "pobj")) if of is not None else []
            requested = who[0].key if who else None
    mode = _mode(ctx, tok, sent)
    if mode == "multilateral" and bilateral:
        mode = None  # "their first summit": two leaders' summit
    if words & _PRIVATE and negated:
        mode = mode or "private"
    return Meeting(participants=persons_or_states, evidence=ctx.evidence(sent), trigger=tok.text,
                   date=ctx.date_for(tok) or _possessive_date(ctx, tok), place=ctx.place_for(tok), negated=negated,
                   mode=mode, duration=duration, scheduled=scheduled, requested_by=requested,
                   modality=_modality(planned))


def _planned(ctx: DocContext, verb: Token) -> bool:
    """Whether a verb tells of a meeting still to come ("will meet", "is due to visit", "agreed to
    meet"), itself or through the clause it completes ("is due to travel to X to attend the summit")."""
    for _ in range(3):
        if _is_future(verb) or _governor(ctx, verb)[0] in ("future", "commitment"):
            return True
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
            return False
        verb = verb.head
    return False


def _modality(planned: bool) -> str:
    return "future" if planned else "asserted"


_VISITORS = word_class("visitor_nouns")


def _visitor(ctx: DocContext, obj: Token | None) -> bool:
    """Whether a received object is someone who came to meet: a named person, a title
    ("received the Japanese foreign minister") or a visiting party ("received his counterpart")."""
    if obj is None:
        return False
    mention = ctx.index.at(obj)
    if mention is not None:
        return mention.kind == "Person"
    return obj.lemma_.lower() in _VISITORS or ctx.gz.title(obj.lemma_) is not None


def _tally_of_contacts(verb: Token) -> bool:
    """"had spoken once by telephone since the invasion", "have met three times since 2020": a
    perfect with "since" counts earlier contacts; it reports no single encounter."""
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    since = any(c.lower_ == "since" or any(g.dep_ == "mark" and g.lower_ == "since" for g in c.children)
                for c in verb.children if c.dep_ in ("prep", "advcl"))
    return perfect and since


def _possessive_date(ctx: DocContext, tok: Token) -> str | None:
    """"Thursday's gathering": a date in the noun phrase itself."""
    from . import dates

    for c in tok.children:
        if c.ent_type_ == "DATE":
            return dates.resolve(" ".join(t.text for t in c.subtree), ctx.article.date)
    return None


def _label(tok: Token) -> str:
    left = tok.left_edge
    while left.i < tok.i and left.dep_ in ("det", "poss", "case") or left.ent_type_ == "DATE" and left.i < tok.i:
        left = left.doc[left.i + 1]
    return left.doc[left.i:tok.i + 1].text


def _compatible(a: Meeting, b: Meeting) -> bool:
    if a.negated != b.negated or a.modality != b.modality:
        return False
    if (a.mode == "phone") != (b.mode == "phone"):
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    return True


def _merge(ctx: DocContext, raw: list[Meeting], sidelines: list[tuple[int, Token]]) -> list[Meeting]:
    """Merge mentions of the same meeting; attach sub-events and attendance."""
    owner: dict[int, Meeting] = {}  # id(raw mention) -> the merged meeting it belongs to

    def absorb(target: Meeting, m: Meeting) -> None:
        owner[id(m)] = target
        if m is target:
            return
        target.mentions.append(m.evidence)
        target.date = target.date or m.date
        target.place = target.place or m.place
        target.duration = target.duration or m.duration
        target.scheduled = target.scheduled if target.scheduled is not None else m.scheduled
        target.requested_by = target.requested_by or m.requested_by
        for p in m.participants:
            if p.key not in {q.key for q in target.participants}:
                target.participants.append(p)

    merged: list[Meeting] = []
    gatherings: list[Meeting] = []
    for m in raw:
        if m.mode == "attendance":
            continue
        if m.mode == "multilateral":
            # mentions of a gathering with compatible date and place are one gathering
            target = next((g for g in gatherings if _compatible(g, m)
                           and (not m.place or not g.place or m.place == g.place)), None)
            if target is None:
                gatherings.append(m)
                target = m
        else:
            keys = {p.key for p in m.participants}
            target = next((x for x in merged if {p.key for p in x.participants} == keys and _compatible(x, m)), None)
            if target is None:
                merged.append(m)
                target = m
        absorb(target, m)
    result = merged + gatherings
    for raw_index, host in sidelines:
        child = owner.get(id(raw[raw_index]))
        host_mention = next((m for m in raw if m.mode == "multilateral" and m.evidence.start <= host.idx < m.evidence.end
                             and m.trigger == host.text), None)
        parent = owner.get(id(host_mention)) if host_mention is not None else None
        if parent is None or child is None or parent is child:
            continue
        child.parent = result.index(parent)
        if not parent.participants:
            continue  # a gathering the text names no one at: the side meeting tells only of itself
        for p in child.participants:
            if p.key not in {q.key for q in parent.participants}:
                parent.participants.append(p)
    for a in (m for m in raw if m.mode == "attendance"):
        # "was in attendance", "attended the summit": the gathering; "attended the talks": the last meeting
        pool = gatherings if a.label in (None, "summit", "gathering", "conference", "session") else result
        candidates = sorted((g for g in pool if g.evidence.start <= a.evidence.start), key=lambda g: g.evidence.start)
        if candidates:
            g = candidates[-1]
            for p in a.participants:
                if p.key not in {q.key for q in g.participants}:
                    g.participants.append(p)
    for m in result:
        if m.parent is not None:
            parent = result[m.parent]
            m.place = m.place or parent.place
            m.date = m.date or parent.date
        if m.place is None and ctx.dateline_place and _days_before(ctx.article.date, m.date) in range(0, 4):
            m.place = ctx.dateline_place  # a meeting of the last few days, reported from the dateline city
    keep = [m for m in result if len({p.key for p in m.participants}) >= 2]
    index_map = {id(m): i for i, m in enumerate(keep)}
    for m in keep:
        if m.parent is not None:
            m.parent = index_map.get(id(result[m.parent]))
    return keep


def _days_before(published: str | None, date: str | None) -> int | None:
    """Days from a day-precision date to the publication date (None when either is vaguer)."""
    try:
        return (Date.fromisoformat(published or "") - Date.fromisoformat(date or "")).days
    except ValueError:
        return None
