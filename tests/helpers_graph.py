"""Hand-made facts and stores for the network, analysis and view tests (no spaCy)."""
from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx

from graph.facts import Actor, ActorRef, Article, DocumentFacts, Event, Evidence, Meeting, Treaty, TreatyAction
from graph.mapping import actor_iri, document_triples
from graph.store import Store

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT = "<script>window.pwned=1</script>"

BLINKEN = str(actor_iri("person/antony-blinken"))
LAVROV = str(actor_iri("person/sergei-lavrov"))
USA = str(actor_iri("country/USA"))
RUS = str(actor_iri("country/RUS"))
IND = str(actor_iri("country/IND"))
G20 = str(actor_iri("org/g-20"))
DELHI = str(actor_iri("place/1261481"))


def ref(key: str, text: str | None = None) -> ActorRef:
    return ActorRef(key=key, text=text or key.rsplit("/", 1)[-1])


def sentence(text: str, start: int = 0) -> Evidence:
    return Evidence(text=text, start=start, end=start + len(text))


def facts(doc_id: str, actors: list[Actor], events=(), meetings=(), treaties=(), treaty_actions=(),
          date: str = "2023-03-02") -> DocumentFacts:
    """One document's facts; the article text is the evidence sentences joined."""
    texts = [e.evidence.text for e in events] + [m.evidence.text for m in meetings]
    return DocumentFacts(
        article=Article(doc_id=doc_id, text=" ".join(texts), title=f"Title of {doc_id}", date=date),
        actors={a.key: a for a in actors}, events=list(events), meetings=list(meetings),
        treaties={t.key: t for t in treaties}, treaty_actions=list(treaty_actions))


def store_of(*docs: DocumentFacts, path: str | Path | None = None) -> Store:
    store = Store(path)
    for doc in docs:
        store.replace_document(doc.article.doc_id, document_triples(doc))
    return store


def _actors() -> dict[str, Actor]:
    return {
        "blinken": Actor("person/antony-blinken", "Person", "Antony Blinken", code="USA", country="USA",
                         sector="GOV", roles=["Secretary of State"]),
        "lavrov": Actor("person/sergei-lavrov", "Person", "Sergei Lavrov", code="RUS", country="RUS",
                        sector="GOV", roles=["Foreign Minister"]),
        "usa": Actor("country/USA", "Country", "United States", code="USA"),
        "rus": Actor("country/RUS", "Country", "Russia", code="RUS"),
        "ind": Actor("country/IND", "Country", "India", code="IND"),
        "g20": Actor("org/g-20", "Organization", "Group of 20", code="IGO"),
        "delhi": Actor("place/1261481", "Place", "New Delhi", country="IND"),
    }


def sample_facts() -> list[DocumentFacts]:
    """Two documents: four non-negated events, one negated, a meeting and a treaty.

    Edges: Blinken→RUS REQUEST (2023-03-02), Lavrov→USA ACCUSE (2023-03-02),
    RUS→USA REJECT (2023-02-21, doc B), IND→G20 SUPPORT (2023-02, doc B);
    the negated Blinken→Lavrov CONSULT is not an edge.
    """
    a = _actors()
    doc_a = facts("A", [a["blinken"], a["lavrov"], a["usa"], a["rus"], a["delhi"]], events=[
        Event("REQUEST", [ref("person/antony-blinken", "Blinken")], [ref("country/RUS", "Russia")],
              sentence("Blinken urged Russia to return to the New START treaty."), "urged", date="2023-03-02"),
        Event("ACCUSE", [ref("person/sergei-lavrov", "Lavrov")], [ref("country/USA", "Washington")],
              sentence("Lavrov accused Washington of hypocrisy.", 60), "accused", date="2023-03-02"),
        Event("CONSULT", [ref("person/antony-blinken", "Blinken")], [ref("person/sergei-lavrov", "Lavrov")],
              sentence("Blinken did not hold talks with Lavrov.", 120), "talks", date="2023-03-02", negated=True),
    ], meetings=[
        Meeting([ref("person/antony-blinken"), ref("person/sergei-lavrov")],
                sentence("Blinken and Lavrov spoke briefly in New Delhi.", 200), "spoke",
                date="2023-03-02", place="place/1261481", mode="multilateral"),
    ], treaties=[Treaty("treaty/new-start", "New START", parties=["country/USA", "country/RUS"])])
    doc_b = facts("B", [a["rus"], a["usa"], a["ind"], a["g20"]], events=[
        Event("REJECT", [ref("country/RUS", "Moscow")], [ref("country/USA", "US")],
              sentence("Moscow rejected the US proposal."), "rejected", date="2023-02-21"),
        Event("SUPPORT", [ref("country/IND", "India")], [ref("org/g-20", "G-20")],
              sentence("India backed the G-20 statement.", 40), "backed", date="2023-02"),
    ], treaties=[Treaty("treaty/new-start", "New START", parties=["country/USA", "country/RUS"])],
        treaty_actions=[TreatyAction("treaty/new-start", "suspend", [ref("country/RUS", "Russia")],
                                     sentence("Russia suspended New START.", 80), date="2023-02-21")],
        date="2023-02-22")
    return [doc_a, doc_b]


def sample_store(path: str | Path | None = None) -> Store:
    return store_of(*sample_facts(), path=path)


def hostile_store() -> Store:
    """A store whose names, roles, evidence and doc id carry HTML and script."""
    evil = Actor("person/evil", "Person", f"Evil {HOSTILE_NAME}", code="XSS", country="USA",
                 roles=[HOSTILE_SCRIPT])
    other = Actor("country/RUS", "Country", f"Russia {HOSTILE_SCRIPT}", code="RUS")
    doc = facts(f"doc-{HOSTILE_SCRIPT}", [evil, other], events=[
        Event("ACCUSE", [ref("person/evil")], [ref("country/RUS")],
              sentence(f"He said {HOSTILE_NAME} and {HOSTILE_SCRIPT} and \u2028 & </script> end."), "said",
              date="2023-03-02"),
    ])
    return store_of(doc)


def event_graph(edges: list[tuple], kinds: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph like to_actor_network's from (u, v, quad, score[, date]) tuples."""
    G = nx.MultiDiGraph()
    nodes = sorted({n for e in edges for n in e[:2]} | set(kinds or {}))
    for n in nodes:
        G.add_node(n, label=n.upper(), kind=(kinds or {}).get(n, "Country"), code=n.upper(), role="", country="")
    for i, e in enumerate(edges):
        u, v, quad, score = e[:4]
        date = e[4] if len(e) > 4 else ""
        G.add_edge(u, v, key=f"e{i}", category="X", quad=quad, score=float(score), date=date, modality="asserted",
                   doc="D", evidence=f"{u} to {v}", event=f"e{i}")
    return G


def chromedriver_path() -> str | None:
    return shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)


def chrome(tmp_dir: Path, width: int = 1400, height: int = 900):
    """A headless Chromium with networking off and browser logs on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    binary = shutil.which("chromium") or "/usr/bin/chromium"
    opts.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                f"--window-size={width},{height}", f"--user-data-dir={tmp_dir}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver_path()), options=opts)
    driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    return driver
