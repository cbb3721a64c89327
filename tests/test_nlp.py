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
