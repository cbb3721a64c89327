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
