"""The spaCy pipeline's own additions: glued words, dashes, paragraph and dateline breaks."""
import pytest

from graph.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_nlp_splits_a_word_glued_to_a_name(nlp):
    doc = nlp("Fans cheered the Olympic championMaria Kovac on her return.")
    assert [t.text for t in doc][4:7] == ["champion", "Maria", "Kovac"]
    assert doc.text == "Fans cheered the Olympic championMaria Kovac on her return."
    assert any(e.text == "Maria Kovac" and e.label_ == "PERSON" for e in doc.ents)


def test_nlp_keeps_names_with_inner_capitals_whole(nlp):
    words = [t.text for t in nlp("McDonald met DeSantis and bought an iPhone on eBay.")]
    assert {"McDonald", "DeSantis", "iPhone", "eBay"} <= set(words)


def test_nlp_line_breaks_and_datelines_end_sentences(nlp):
    doc = nlp("NAIROBI (Wire) — Kenya hosted talks\nThe talks ended.")
    starts = [s[0].text for s in doc.sents]
    assert "Kenya" in starts and "The" in starts


def test_nlp_no_sentence_starts_mid_line_before_an_end_mark(nlp):
    doc = nlp("Border\n\nPeru and Chile held talks in Lima. They agreed on trade! \"We are glad.\" The U.S. agreed. "
              "Peru thanked the U.S. The talks ended.")
    assert [s.text.strip() for s in doc.sents] == ["Border", "Peru and Chile held talks in Lima.", "They agreed on trade!",
                                                   '"We are glad."', "The U.S. agreed.", "Peru thanked the U.S.",
                                                   "The talks ended."]


def test_nlp_cached_attribute_ruler_annotates_as_the_stock_ruler(nlp):
    """Same POS, morphology and lemmas as spaCy's own component, one-token and multi-token rules alike."""
    from graph.nlp import CachedAttributeRuler

    cached = nlp.get_pipe("attribute_ruler")
    assert isinstance(cached, CachedAttributeRuler)
    lemmatizer = nlp.get_pipe("lemmatizer")
    texts = ["There is nothing they ain't gonna try, y'all know that.",
             "Let's see whether the envoy, who had been there, would've agreed if she could.",
             "It was her own idea, and I'd told them so: we're not done, said everybody.",
             "The minister wo n't sign it unless Parliament does, an aide said on Tuesday."]
    for parsed in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        ours, theirs = parsed.copy(), parsed.copy()
        lemmatizer(cached(ours))
        lemmatizer(cached.stock(theirs))
        assert [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours] == \
            [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs]
    assert {t.lemma_ for t in nlp(texts[0])} >= {"be", "go", "you"}


TRICKY_TEXTS = [
    "Mr. Smith didn't go to the U.S. on Jan. 3 -- he said he'd \"rather not.\"",
    "  Leading blanks,\ttabs\xa0and\n\n  paragraph breaks; trailing space ",
    "VILNIUS (Wire)\u2014Lithuania's envoy (who'd left) e-mailed http://example.org/a?b=1 at 9 a.m. today…",
    "Can't, won't, shouldn't've: y'all ain't gonna sign it!?",
    "Masked  " + " " * 40 + "\n" + " " * 25 + "text keeps its length.",
]


def test_nlp_chunk_cached_tokenizer_splits_as_the_stock_tokenizer(nlp):
    from graph.nlp import ChunkCachedTokenizer

    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, ChunkCachedTokenizer)
    for text in TRICKY_TEXTS * 2:  # the second round replays cached chunks
        ours, stock = tokenizer(text), tokenizer.stock(text)
        assert ours.text == text
        assert [(t.text, t.whitespace_, t.norm_, t.idx) for t in ours] == \
            [(t.text, t.whitespace_, t.norm_, t.idx) for t in stock]
    assert "didn't" in tokenizer.cache and tokenizer.cache["didn't"][0] == ("did", "n't")


def test_nlp_chunk_cached_tokenizer_replays_chunks_across_memory_zones(nlp):
    """A chunk first seen inside a memory zone is replayed after the zone freed its strings."""
    text = "Zorblatt's envoy met Quuxland's minister."
    with nlp.memory_zone():
        first = [(t.text, t.norm_) for t in nlp(text)]
    with nlp.memory_zone():
        again = nlp(text)
        assert [(t.text, t.norm_) for t in again] == first == [
            ("Zorblatt", "zorblatt"), ("'s", "'s"), ("envoy", "envoy"), ("met", "met"), ("Quuxland", "quuxland"),
            ("'s", "'s"), ("minister", "minister"), (".", ".")]
    assert "Quuxland's" in nlp.tokenizer.cache


def test_nlp_cached_lemmatizer_lemmatizes_as_the_stock_lemmatizer(nlp):
    from graph.nlp import CachedLemmatizer

    cached = nlp.get_pipe("lemmatizer")
    assert isinstance(cached, CachedLemmatizer)
    assert cached.lookups is cached.stock.lookups  # the fast path reads its irregular forms
    texts = ["The envoys were meeting their counterparts, who had met them twice and were better informed.",
             "She studies the studies; the ministers' meetings met resistance as talks dragged on."] * 2
    for parsed in nlp.pipe(texts, disable=["lemmatizer"]):
        ours, theirs = parsed.copy(), parsed.copy()
        cached(ours)
        cached.stock(theirs)
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        assert {"envoy", "meet", "be", "well", "study", "minister", "drag"} & {t.lemma_ for t in ours}


def test_nlp_pipe_runs_the_stand_ins_not_the_stock_components(nlp):
    """``nlp.pipe`` calls a component's own ``pipe``; the stand-ins must not hand it to the stock one."""
    cached = nlp.get_pipe("lemmatizer")
    cached.cache.clear()
    docs = list(nlp.pipe(["Envoys from both capitals met in Vienna on Tuesday."]))
    assert cached.cache  # the stand-in lemmatised the words, and remembered them
    assert "meet" in {t.lemma_ for t in docs[0]}
