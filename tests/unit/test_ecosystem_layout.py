"""The network layout: deterministic, inside the square, connected organisations drawn close."""

from __future__ import annotations

import math
import random
import time

import pytest

from impactdash.views import ecosystem


def _two_groups() -> tuple[list[str], list[tuple[str, str, float]]]:
    """Two tight groups of eight, joined by a single edge."""
    left = [f"a{i}" for i in range(8)]
    right = [f"b{i}" for i in range(8)]
    edges = [(x, y, 1.0) for group in (left, right) for i, x in enumerate(group) for y in group[i + 1 :]]
    edges.append(("a0", "b0", 1.0))
    return left + right, edges


def _distance(p, q) -> float:
    return math.dist(p, q)


def test_same_data_gives_the_same_picture_whatever_the_order():
    nodes, edges = _two_groups()
    first = ecosystem.spring_layout(nodes, edges)
    shuffled_nodes, shuffled_edges = nodes[:], [(b, a, w) for a, b, w in edges]
    random.Random(3).shuffle(shuffled_nodes)
    random.Random(4).shuffle(shuffled_edges)
    assert ecosystem.spring_layout(shuffled_nodes, shuffled_edges) == first


def test_another_seed_gives_another_picture():
    nodes, edges = _two_groups()
    assert ecosystem.spring_layout(nodes, edges, seed=1) != ecosystem.spring_layout(nodes, edges, seed=2)


def test_every_node_is_placed_inside_the_square():
    nodes, edges = _two_groups()
    nodes += ["loner1", "loner2"]  # organisations without connections are drawn too
    positions = ecosystem.spring_layout(nodes, edges)
    assert set(positions) == set(nodes)
    assert all(-1.0 <= x <= 1.0 and -1.0 <= y <= 1.0 for x, y in positions.values())


def test_groups_stay_together_and_apart():
    nodes, edges = _two_groups()
    pos = ecosystem.spring_layout(nodes, edges)
    within = [_distance(pos[f"a{i}"], pos[f"a{j}"]) for i in range(8) for j in range(i + 1, 8)]
    between = [_distance(pos[f"a{i}"], pos[f"b{j}"]) for i in range(8) for j in range(8)]
    assert sum(within) / len(within) < 0.5 * sum(between) / len(between)


def test_edges_to_unknown_nodes_and_loops_are_ignored():
    positions = ecosystem.spring_layout(["x", "y"], [("x", "y", 2.0), ("x", "x", 1.0), ("x", "ghost", 1.0)])
    assert set(positions) == {"x", "y"}


@pytest.mark.parametrize(("nodes", "expected"), [([], {}), (["only"], {"only": (0.0, 0.0)})])
def test_tiny_networks(nodes, expected):
    assert ecosystem.spring_layout(nodes, []) == expected


def test_the_capped_network_is_laid_out_quickly():
    rng = random.Random(5)
    nodes = [f"o{i:03d}" for i in range(ecosystem.MAX_NODES)]
    edges = [(rng.choice(nodes), rng.choice(nodes), 1.0) for _ in range(ecosystem.MAX_EDGES)]
    start = time.perf_counter()
    positions = ecosystem.spring_layout(nodes, edges)
    assert len(positions) == ecosystem.MAX_NODES
    assert time.perf_counter() - start < 3.0


def test_edges_are_one_path_of_segments_leaving_out_unplaced_ends():
    positions = {"a": (0.0, 0.0), "b": (1.0, 0.5), "c": (-1.0, 1.0)}
    path = ecosystem.edge_path([("a", "b"), ("b", "c"), ("a", "gone")], positions)
    assert path == "M0.0000,0.0000L1.0000,0.5000 M1.0000,0.5000L-1.0000,1.0000"
    assert ecosystem.edge_path([], positions) == ""
