"""Shared fixtures: one loaded pipeline per test session, and small stores."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pipeline():
    from graph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline):
    """Extract facts from a text: extract(text, date="2024-05-16", title="") -> DocumentFacts."""
    from graph.facts import Article

    def run(text: str, date: str | None = "2024-05-16", title: str = "", doc_id: str = "t"):
        article = Article(doc_id=doc_id, text=text, title=title, date=date)
        return next(pipeline.facts([article]))

    return run
