"""The fast path: masked sentences keep the text's length, facts and evidence stay the same."""
import pytest

from graph.facts import Article
from graph.fastpath import chunks

DIPLOMATIC = ("Italian Prime Minister Sofia Conti met Turkish President Emre Aksoy in Ankara on Tuesday. "
              "Italy urged Turkey to reopen the border.")
FILLER = ("The local football team won its third match of the season on a rainy evening. "
          "Temperatures are expected to stay mild through the weekend, with light rain in the north.")


@pytest.fixture(scope="module")
def fast(pipeline):
    from graph.pipeline import Pipeline

    p = Pipeline(fast=True)
    assert p.nlp is pipeline.nlp  # the model is loaded once per process
    return p


def _evidence(facts):
    return sorted((e.evidence.start, e.evidence.end, e.category) for e in facts.events)


def test_fastpath_masks_filler_and_keeps_length(fast):
    text = "Talks in Ankara\n" + FILLER + "\n" + DIPLOMATIC + "\n" + FILLER + "\n"
    sel = fast.filter.select(text, body_start=len("Talks in Ankara\n"))
    assert len(sel.text) == len(text)
    assert sel.text.count("\n") == text.count("\n")
    assert DIPLOMATIC in sel.text
    assert "football" not in sel.text
    assert sel.text.rstrip().endswith(DIPLOMATIC)
    assert sel.selected < sel.sentences
    dated = "Talks in Ankara\nANKARA (Wire) — " + FILLER + "\n" + DIPLOMATIC + "\n"
    kept = fast.filter.select(dated, body_start=len("Talks in Ankara\n")).text
    assert "football" in kept and "Temperatures" not in kept  # a dateline sentence is kept


def test_fastpath_sentences_do_not_end_at_abbreviations(fast):
    text = "Mr. Blinken met Gen. Ortiz in the U.S. on Monday. “We agreed,” he said.\nNew line"
    sents = [text[s:e] for s, e, _ in fast.filter.sentences(text)]
    assert sents == ["Mr. Blinken met Gen. Ortiz in the U.S. on Monday.", "“We agreed,” he said.", "New line"]


def test_fastpath_facts_match_full_parse(pipeline, fast):
    text = "Talks in Ankara\n" + FILLER + "\n" + FILLER + "\n" + DIPLOMATIC + "\n" + FILLER + "\n"
    article = Article(doc_id="t", text=text, title="Talks in Ankara", date="2024-05-16")
    full = next(pipeline.facts([article]))
    quick = next(fast.facts([article]))
    assert _evidence(quick) == _evidence(full)
    assert sorted(m.evidence.start for m in quick.meetings) == sorted(m.evidence.start for m in full.meetings)
    for ev in [e.evidence for e in quick.events] + [m.evidence for m in quick.meetings]:
        assert text[ev.start:ev.end] == ev.text


def test_fastpath_chunks_cut_at_line_breaks():
    text = "aaaa bbbb\ncccc dddd\neeee\n"
    spans = chunks(text, 12)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= 12 for s, e in spans)
    assert text[spans[0][0]:spans[0][1]] == "aaaa bbbb\n"


def test_pipeline_long_document_in_chunks_keeps_offsets(pipeline):
    from graph.pipeline import Pipeline

    p = Pipeline(fast=False, max_chars=400)
    text = "Talks\n" + "\n".join([FILLER, DIPLOMATIC] * 3) + "\n"
    article = Article(doc_id="long", text=text, title="Talks", date="2024-05-16")
    facts = next(p.facts([article]))
    assert len(facts.events) >= 3
    starts = {e.evidence.start for e in facts.events}
    assert len(starts) >= 3
    for ev in [e.evidence for e in facts.events] + [m.evidence for m in facts.meetings]:
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.slow
def test_pipeline_document_beyond_spacy_max_length(fast):
    text = "A long record\n" + (FILLER + "\n") * 7000 + DIPLOMATIC + "\n"
    assert len(text) > fast.nlp.max_length
    facts = next(fast.facts([Article(doc_id="huge", text=text, title="A long record", date="2024-05-16")]))
    assert facts.events and all(e.evidence.start > 1_000_000 for e in facts.events)
    assert all(text[e.evidence.start:e.evidence.end] == e.evidence.text for e in facts.events)


def test_fastpath_needs_a_word_that_can_name_an_actor(fast):
    town = "Talks\nA new clinic opened in Brookdale, offering free care. The team won again.\n"
    assert "clinic" not in fast.filter.select(town, body_start=6).text  # a lone town name is no actor
    for sentence, word in [("Thousands of Peruvians staged a protest on Friday.", "Peruvians"),
                           ("Officials offered help to the flood victims.", "Officials"),
                           ("Later, Okafor rejected the offer.", "Okafor")]:
        text = "Talks\nThe weather was mild. President Grace Okafor spoke to the press.\n" + sentence + "\n"
        kept = fast.filter.select(text, body_start=6).text
        assert word in kept and "weather" not in kept


def test_fastpath_a_trigger_needing_a_subject_noun_needs_it_in_the_sentence(fast):
    assert "gather" in fast.filter.required and "protester" in fast.filter.required["gather"]
    text = "Talks\nFamilies of Kenyan fishermen gathered at the harbour. Kenyan protesters gathered in Nairobi.\n"
    kept = fast.filter.select(text, body_start=6).text
    assert "protesters gathered" in kept and "harbour" not in kept


@pytest.mark.parametrize("text,code", [
    ("Ivorian Foreign Minister Amara Kone arrived in Lome on Monday. Kone criticised the Togolese government.", "CIV"),
    ("Syrian Foreign Minister Faisal al-Mekdad arrived in Amman on Monday. Mekdad criticised the Togolese "
     "government.", "SYR"),
])
def test_fastpath_keeps_the_sentence_introducing_a_surname_that_opens_a_kept_one(fast, text, code):
    """A kept sentence keeps the sentences that name its people, its first word included when
    the document writes that word in a full name (with or without an Arabic article)."""
    facts = next(fast.facts([Article(doc_id="t", text=text, date="2024-05-16")]))
    assert [([s.code for s in e.sources], [t.code for t in e.targets]) for e in facts.events] == [([code], ["TGO"])]


def test_fastpath_keeps_a_sentence_that_introduces_a_titled_person(fast):
    text = ("Envoys expelled\nEstonia expelled a Belarusian diplomat on Friday.\n"
            "Estonian Interior Minister Maret Kallaste said the decision followed months of monitoring.\n"
            "Coach Tiina Ruus said the squad had trained well all week.\n")
    facts = next(iter(fast.facts([Article("ee", text, title="Envoys expelled", date="2024-03-01")])))
    people = {a.name: (a.country, a.roles) for a in facts.actors.values() if a.kind == "Person"}
    assert people.get("Maret Kallaste") == ("EST", ["Interior Minister"])
    assert "Tiina Ruus" not in people  # a sports title alone keeps nothing
    kept = fast.filter.select(text, body_start=len("Envoys expelled\n")).text
    assert "Kallaste" in kept and "squad" not in kept


def test_fastpath_keeps_a_sentence_whose_actor_is_a_group_noun(fast):
    """"The two countries signed …": a group noun the extractor resolves can name the actors."""
    text = ("Talks\nChile's President Ana Vidal received Peru's President Luis Parra in Santiago on Friday.\n"
            "The weather was mild.\nThe two countries also signed a roadmap on fisheries.\n")
    kept = fast.filter.select(text, body_start=len("Talks\n")).text
    assert "roadmap" in kept and "weather" not in kept
