"""No import circles in the input modules (issue 23's rule, kept here for what issue 24 moved)."""

from __future__ import annotations

import grimp


def test_input_modules_import_each_other_one_way_only() -> None:
    graph = grimp.build_graph("summarizer")
    modules = sorted(m for m in graph.modules if m.startswith("summarizer.inputs."))
    circles = [
        (a, b)
        for a in modules
        for b in modules
        if a < b and graph.find_shortest_chain(a, b) and graph.find_shortest_chain(b, a)
    ]
    assert circles == []
