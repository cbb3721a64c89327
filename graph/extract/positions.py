"""Positions: who supports, opposes or stays neutral on what.

A stance verb or noun from the lexicon with its holder (subject, or the
"by"/possessive of a noun) and its issue (the object phrase); "a neutral
stance on X" is neutral; "described X as irresponsible" is opposition to X.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..facts import Position
from .context import DocContext
from .events import _child, _evaluation, _governor, match_trigger

_NEUTRAL_NOUNS = {"stance", "position", "posture", "line"}
_PRONOUNS = {"which", "that", "it", "this", "these", "those", "them", "what", "who", "whom"}
_ISSUE_PREPS = ("on", "for", "to", "toward", "towards", "over", "of")


def _phrase(tok: Token, before: int | None = None) -> str:
    """The words of a phrase, without a leading determiner (and none from ``before`` on)."""
    words = [t for t in tok.subtree if before is None or t.i < before]
    while before is not None and words and words[-1].is_punct:
        words = words[:-1]
    # "welcomed India's decision to expand X and thanked Y": the clause's own next act, which
    # the parser hung inside the phrase
    stray = next((t for t in words if DocContext.main_verb_hung_on_a_clause(t)), None)
    if stray is not None:
        words = [t for t in words if t.i < stray.i]
        while words and (words[-1].dep_ == "cc" or words[-1].is_punct):
            words = words[:-1]
    while words and words[0].dep_ == "det":
        words = words[1:]
    doc = tok.doc
    return doc[words[0].i:words[-1].i + 1].text if words else tok.text


def _holders_of_noun(ctx: DocContext, noun: Token):
    for c in noun.children:
        if c.dep_ == "poss":
            return ctx.refs(c)
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of", "from"):
            pobj = _child(c, "pobj")
            refs = ctx.refs(pobj)
            if refs:
                return refs
    verb = noun.head
    if noun.dep_ in ("dobj",) and verb.pos_ == "VERB":
        return ctx.subject(verb)
    return []


def extract_positions(ctx: DocContext) -> list[Position]:
    """Stances of actors on issues in the body sentences.

    Args:
        ctx: the document context.
    RETURNS (list[Position]): positions, one per holder, without duplicates.
    """
    out: list[Position] = []
    seen = set()

    def add(holders, stance: str, issue: str | None, sent: Span) -> None:
        if not issue or issue.lower() in _PRONOUNS:
            return
        for h in holders:
            key = (h.key, stance, issue.lower())
            if key in seen:
                continue
            seen.add(key)
            out.append(Position(holder=h, stance=stance, issue=issue, evidence=ctx.evidence(sent)))

    for sent in ctx.body_sentences():
        for tok in sent:
            lemma = tok.lemma_.lower()
            # "maintained a neutral stance on the conflict"
            if tok.pos_ == "NOUN" and lemma in _NEUTRAL_NOUNS and any(c.lower_ == "neutral" for c in tok.children):
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in _ISSUE_PREPS), None)
                pobj = _child(prep, "pobj") if prep is not None else None
                add(_holders_of_noun(ctx, tok), "neutral", _phrase(pobj) if pobj is not None else None, sent)
                continue
            if tok.pos_ in ("VERB", "ADJ") and _prepositional_stance(ctx, tok, add, sent):
                continue
            stance = ctx.lex.stances.get((lemma, "VERB" if tok.pos_ == "VERB" else tok.pos_))
            if stance and tok.pos_ == "VERB":
                # negated, merely contemplated or requested stances, and participles describing a
                # document ("a declaration condemning X"), are not the subject's position
                if ctx.negated(tok) or tok.dep_ == "acl" or _governor(ctx, tok)[0] in ("hypothetical", "requested") \
                        or _under_negation(ctx, tok) or _alleged(ctx, tok) or ctx.greets_visitor(tok):
                    continue
                obj = _child(tok, "dobj")
                holders = ctx.passive_agent(tok) if ctx.is_passive(tok) else ctx.subject(tok)
                if ctx.is_passive(tok):
                    obj = _child(tok, "nsubjpass")
                add(holders, stance, _phrase(obj) if obj is not None else None, sent)
                continue
            if stance and tok.pos_ == "NOUN":
                preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "to", "of", "toward")]
                # "the support of X for Y": "of" names the holder when another preposition names the issue
                prep = next((c for c in preps if c.lower_ != "of"), preps[0] if preps else None)
                pobj = _child(prep, "pobj") if prep is not None else None
                if pobj is not None and not ctx.refs(pobj) and prep.lower_ == "of":
                    pobj = None
                add(_holders_of_noun(ctx, tok), stance, _phrase(pobj) if pobj is not None else None, sent)
                continue
            evaluation = _evaluation(ctx, tok)
            if evaluation:
                obj = _child(tok, "dobj")
                # "called the decision \"unacceptable\"": the judgement the parser hung on the object is no part of it
                judged = next((c.i for c in obj.children if c.dep_ == "amod" and c.i > obj.i), None) \
                    if obj is not None else None
                add(ctx.subject(tok), "oppose" if evaluation == "ACCUSE" else "support",
                    _phrase(obj, judged) if obj is not None else None, sent)
    return out


def _prepositional_stance(ctx: DocContext, verb: Token, add, sent: Span) -> bool:
    """"stood firmly with Ukraine", "stand against the annexation", "remains committed to the
    peace process": the stance comes with its preposition, and the issue is that preposition's
    object (or the act it names: "committed to supporting X")."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        stance = ctx.lex.stance_preps.get((verb.lemma_.lower(), verb.pos_, prep.lower_))
        pobj = _child(prep, "pobj", "pcomp")
        if stance is None or pobj is None:
            continue
        if ctx.negated(verb) or _governor(ctx, verb)[0] in ("hypothetical", "requested") or _under_negation(ctx, verb):
            return True
        if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
            holders = ctx.subject(verb.head)  # "remains committed to"
        elif ctx.is_passive(verb):
            holders = ctx.refs(_child(verb, "nsubjpass"))  # "is committed to": a state, not a deed
        else:
            holders = ctx.subject(verb)
        add(holders, stance, _phrase(pobj), sent)
        return True
    return False


def _alleged(ctx: DocContext, verb: Token) -> bool:
    """"accused the government of supporting militants": a stance the accuser alleges, which
    neither the accuser nor the accused is shown to hold."""
    gov = verb.head.head
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("of", "for") or gov.pos_ != "VERB":
        return False
    trigger = match_trigger(ctx, gov)
    return trigger is not None and trigger.category == "ACCUSE"


def _under_negation(ctx: DocContext, verb: Token) -> bool:
    """"could not endorse language committing the bloc to back Ukraine": a stance inside what
    a negated verb takes is not held by anyone the sentence names."""
    h = verb
    for _ in range(4):
        if h.dep_ not in ("xcomp", "acl", "ccomp", "relcl") or h.head is h:
            return False
        h = h.head
        if h.pos_ in ("NOUN", "PROPN"):
            h = h.head  # the noun a participle describes, and the verb that takes it
        if h.pos_ in ("VERB", "AUX") and ctx.negated(h):
            return True
    return False
