"""Direct quotes and their speakers.

Quote marks are paired over the raw text (straight and curly, mixed as news
text mixes them); a paragraph that opens a quote and does not close it
continues in the next paragraph. The speaker is the subject of a reporting
verb next to the quote ("…," Mr. Blinken said / said Ms. Zakharova / he
added); a quote with no attribution of its own continues the previous
speaker's words in the same paragraph.
"""
from __future__ import annotations

import re

from ..facts import ActorRef, Claim, Quote
from .context import DocContext

_OPEN = "\u201c\""
_CLOSE = "\u201d\""
_DENIAL = re.compile(r"\b(neither (talks|a meeting)|no (talks|meeting|negotiations)|(was|were) not (a )?(meeting|talks)|did not meet|didn't meet)\b", re.I)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (without the marks) of the quoted passages of a text."""
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    for p_start, p_end in paragraphs:
        i = p_start
        while i < p_end:
            ch = text[i]
            if open_at is None:
                if ch == "\u201c" or (ch == '"' and (i == p_start or not text[i - 1].isalnum())):
                    open_at = i + 1
            elif ch in _CLOSE:
                if ch == '"' and i + 1 < p_end and text[i + 1].isalnum():
                    i += 1
                    continue
                if i > open_at:
                    spans.append((open_at, i))
                open_at = None
            i += 1
        if open_at is not None:
            # quote runs to the end of the paragraph; it continues only if the next one reopens
            spans.append((open_at, p_end))
            open_at = None
    return spans


def extract_quotes(ctx: DocContext) -> tuple[list[Quote], list[Claim]]:
    """Quotes with their speakers, and denials that dispute a reported meeting.

    Args:
        ctx: the document context.
    RETURNS (tuple[list[Quote], list[Claim]]): quotes in text order and claims.
    """
    doc = ctx.doc
    text = ctx.text
    quotes: list[Quote] = []
    claims: list[Claim] = []
    previous: tuple[int, ActorRef] | None = None  # (paragraph start, speaker)
    for start, end in ctx.quote_spans:
        if start < ctx.body_start:
            continue
        body = text[start:end].strip().rstrip(",").strip()
        if len(body.split()) < 2:
            continue  # one word quoted ("baseless", "constructive") labels a statement; it is not one
        para_start = text.rfind("\n", 0, start) + 1
        speaker = _attributed_speaker(ctx, start, end)
        if speaker is None and previous is not None and previous[0] == para_start:
            speaker = previous[1]
        if speaker is None and (len(body.split()) < 4 or _phrase_in_a_sentence(text, end)):
            continue
        sent = doc.char_span(start, end, alignment_mode="expand")
        sent = sent[0].sent if sent is not None and len(sent) else None
        if sent is None:
            continue
        quote = Quote(speaker=speaker, text=body, start=start, end=end, evidence=ctx.evidence(sent))
        quotes.append(quote)
        if speaker is not None:
            previous = (para_start, speaker)
            if _DENIAL.search(body):
                claims.append(Claim(claimant=speaker, text=body, disputes=None, evidence=ctx.evidence(sent)))
    return quotes, claims


def _phrase_in_a_sentence(text: str, end: int) -> bool:
    """A quoted phrase the sentence runs on after (imposed "illegal and inhumane" sanctions):
    a writer's scare quote or a borrowed label, no one's statement."""
    rest = text[end + 1:end + 40].lstrip()
    return not text[:end].rstrip().endswith((".", "!", "?", ",")) and rest[:1].islower()


def _attributed_speaker(ctx: DocContext, start: int, end: int) -> ActorRef | None:
    """The subject of a reporting verb outside the quote, in the sentences it touches."""
    doc = ctx.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sents = {span[0].sent, span[-1].sent}
    after = doc[span.end:span.end + 1]
    if len(after) and span.end + 1 < len(doc):
        sents.add(doc[min(span.end + 1, len(doc) - 1)].sent)
    before = span[0].i - 1
    if before >= 0:
        sents.add(doc[before].sent)
    candidates = []
    for sent in sorted(sents, key=lambda s: s.start):
        for tok in sent:
            if start <= tok.idx < end:
                continue
            if tok.pos_ == "VERB" and ctx.is_speech(tok):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and start <= subj.idx < end:
                    continue
                # "thanked the leaders but called the stance …": a conjunct shares its subject
                refs = ctx.refs(subj) if subj is not None else ctx.subject(tok) if tok.dep_ == "conj" else []
                people = [r for r in refs if r.key.startswith(("person/", "country/", "org/"))]
                if people:
                    distance = min(abs(tok.idx - end), abs(tok.idx - start))
                    # a reporting verb in the paragraph of the quote only
                    if "\n" in ctx.text[min(tok.idx, start):max(tok.idx, end)]:
                        continue
                    candidates.append((distance, people[0]))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]

