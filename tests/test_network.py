"""The actor network read from the store (graph/network.py)."""
from __future__ import annotations

import networkx as nx
import pytest

from graph import network
from helpers_graph import BLINKEN, DELHI, G20, IND, LAVROV, RUS, USA, event_graph, sample_store


@pytest.fixture(scope="module")
def store():
    return sample_store()


@pytest.fixture(scope="module")
def G(store):
    return network.to_actor_network(store)


def test_network_nodes_are_actors_with_attributes(G):
    assert sorted(G.nodes) == sorted([BLINKEN, LAVROV, USA, RUS, IND, G20])
    assert G.nodes[LAVROV] == {"label": "Sergei Lavrov", "kind": "Person", "code": "RUS",
                               "role": "Foreign Minister", "country": "RUS"}
    assert G.nodes[G20]["kind"] == "Organization"
    assert G.nodes[USA]["country"] == "USA"


def test_network_places_only_when_in_events(G):
    assert DELHI not in G


def test_network_one_edge_per_non_negated_event(G):
    assert G.number_of_edges() == 4
    assert not G.has_edge(BLINKEN, LAVROV)  # the negated CONSULT
    (key, data), = G[BLINKEN][RUS].items()
    assert key == data["event"]
    assert data["category"] == "REQUEST" and data["quad"] == "VerbalConflict"
    assert data["date"] == "2023-03-02" and data["doc"] == "A"
    assert data["evidence"] == "Blinken urged Russia to return to the New START treaty."
    assert isinstance(data["score"], float)
    assert G[RUS][USA][next(iter(G[RUS][USA]))]["score"] == -2.0


def test_network_actor_in_two_documents_is_one_node_without_duplicate_edges(G):
    assert G.has_edge(RUS, USA) and G.number_of_edges(RUS, USA) == 1
    assert G.nodes[RUS]["label"] == "Russia"


def test_network_is_deterministic(store, G):
    again = network.to_actor_network(store)
    assert list(again.nodes(data=True)) == list(G.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))


def test_network_uses_a_fixed_number_of_queries(store):
    calls = []

    class Counting:
        def select(self, q):
            calls.append(q)
            return store.select(q)

    network.to_actor_network(Counting())
    assert len(calls) == 2


def test_network_meeting_graph_is_bipartite(store):
    M = network.actor_meeting_graph(store)
    meetings = [n for n, d in M.nodes(data=True) if d["kind"] == "Meeting"]
    assert len(meetings) == 1
    m = M.nodes[meetings[0]]
    assert m["place"] == "New Delhi" and m["date"] == "2023-03-02" and m["doc"] == "A"
    assert m["evidence"] == "Blinken and Lavrov spoke briefly in New Delhi."
    assert sorted(M[meetings[0]]) == sorted([BLINKEN, LAVROV])
    assert nx.is_bipartite(M)
    assert M.nodes[BLINKEN]["bipartite"] == 0 and m["bipartite"] == 1


def test_network_treaty_graph_has_parties_and_actions(store):
    T = network.actor_treaty_graph(store)
    treaty = next(n for n, d in T.nodes(data=True) if d["kind"] == "Treaty")
    assert T.nodes[treaty]["label"] == "New START"
    assert sorted(T[treaty]) == sorted([RUS, USA])
    assert T[RUS][treaty] == {"party": True, "actions": "suspend 2023-02-21"}
    assert T[USA][treaty]["actions"] == ""


def test_network_dyads_count_and_balance():
    G = event_graph([("a", "b", "VerbalCooperation", 4), ("a", "b", "MaterialConflict", -6),
                     ("a", "b", "VerbalConflict", -1), ("b", "a", "MaterialCooperation", 7)])
    d = network.dyads(G)
    assert list(d) == [("a", "b"), ("b", "a")]
    assert d[("a", "b")] == {"count": 3, "net_score": -3.0, "cooperation": 1, "conflict": 2}
    assert d[("b", "a")] == {"count": 1, "net_score": 7.0, "cooperation": 1, "conflict": 0}


def test_network_ego_ignores_direction_and_respects_depth():
    G = event_graph([("a", "b", "VerbalConflict", -1), ("c", "b", "VerbalConflict", -1),
                     ("c", "d", "VerbalConflict", -1)])
    assert sorted(network.ego(G, "b", 1)) == ["a", "b", "c"]
    assert sorted(network.ego(G, "b", 2)) == ["a", "b", "c", "d"]
    with pytest.raises(KeyError):
        network.ego(G, "zz", 1)


def test_network_find_nodes_exact_first_case_insensitive(G):
    assert network.find_nodes(G, "lavrov") == [LAVROV]
    assert network.find_nodes(G, "RUS")[0] == RUS  # exact code match before the label match
    assert network.find_nodes(G, "nobody") == []
    assert network.find_nodes(G, "  ") == []


def test_network_focus_graph_unions_matches_and_raises_on_none(G):
    sub, matched = network.focus_graph(G, "Sergei Lavrov", 1)
    assert matched == [LAVROV] and sorted(sub) == sorted([LAVROV, USA])
    with pytest.raises(LookupError):
        network.focus_graph(G, "Nobody", 1)
