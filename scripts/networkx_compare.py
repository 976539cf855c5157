#!/usr/bin/env python3
"""The NetworkX side of sharemap's analysis benchmark.

Reads a register folder (the same CSV files sharemap reads), builds a NetworkX MultiDiGraph of in-force
sharing edges (one edge per agreement between a provider and a recipient that both exist on the date), and
runs the same three analyses as `sharemap-bench --compare-networkx`, with the same semantics:

- lawful path: breadth-first search over states (organisation, agreement it received the data through),
  following only agreements that cover the purpose; an organisation may pass data on when the agreement it
  received it through has onward sharing `any` or `same_purpose` (with a purpose given, both agreements
  cover it, so `same_purpose` passes); `none` stops it there.
- reach: the same search from one organisation, to exhaustion, reporting hop counts; and, as sharemap's
  reach does, the same search again ignoring onward-sharing limits (the risk view).
- gaps: for every partnership and area, the member organisations per slot (`a|b`: the first kind, or the
  later kind's organisations that name the area explicitly), and every pair without an in-force agreement
  covering one of the partnership's purposes.

Prints one JSON object with timings (seconds) and result sizes, so the two implementations can be checked
against each other as well as timed. Usage:
    networkx_compare.py REGISTER_DIR DATE QUERIES_JSON
where QUERIES_JSON is {"paths": [[from, to, purpose], ...], "reach": [[from, purpose], ...]}.
"""
import csv
import json
import sys
import time
from collections import deque, defaultdict

import networkx as nx


def rows(folder, name):
    with open(f"{folder}/{name}", newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def split(cell):
    return [item.strip() for item in cell.split(";") if item.strip()]


def main():
    folder, date, queries_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(queries_path, encoding="utf-8") as handle:
        queries = json.load(handle)
    started = time.perf_counter()

    areas = [row["id"] for row in rows(folder, "areas.csv")]
    parent = {row["id"]: row["parent"] for row in rows(folder, "purposes.csv")}

    def lineage(term):
        chain = []
        while term and term not in chain:
            chain.append(term)
            term = parent.get(term, "")
        return chain

    organisations = {}
    for row in rows(folder, "organisations.csv"):
        exists = (not row["start"] or row["start"] <= date) and (not row["end"] or date <= row["end"])
        coverage = areas if row["coverage"].strip() == "*" else split(row["coverage"])
        organisations[row["id"]] = {"kind": row["kind"], "exists": exists, "coverage": coverage,
                                    "explicit": row["coverage"].strip() != "*"}

    agreements = {}
    for row in rows(folder, "agreements.csv"):
        in_force = row["status"] == "active" and row["start"] <= date and (not row["expires"] or date <= row["expires"])
        if in_force:
            agreements[row["id"]] = {"purposes": split(row["purposes"]), "onward": row["onward_sharing"],
                                     "providers": [], "recipients": []}
    for row in rows(folder, "agreement_parties.csv"):
        agreement = agreements.get(row["agreement"])
        if agreement is None or not organisations.get(row["organisation"], {}).get("exists"):
            continue
        if row["role"] in ("provider", "both"):
            agreement["providers"].append(row["organisation"])
        if row["role"] in ("recipient", "both"):
            agreement["recipients"].append(row["organisation"])

    graph = nx.MultiDiGraph()
    graph.add_nodes_from(org for org, data in organisations.items() if data["exists"])
    for key, agreement in agreements.items():
        for provider in agreement["providers"]:
            for recipient in agreement["recipients"]:
                if provider != recipient:
                    graph.add_edge(provider, recipient, key=key)
    build_seconds = time.perf_counter() - started

    def covers(agreement_id, purpose):
        return purpose is None or any(term in agreements[agreement_id]["purposes"] for term in lineage(purpose))

    def search(source, purpose, target=None, honour=True):
        """BFS over (organisation, incoming agreement) states; returns hop counts by organisation."""
        hops = {source: 0}
        seen = {(source, None)}
        queue = deque([(source, None, 0)])
        while queue:
            organisation, incoming, depth = queue.popleft()
            if honour and incoming is not None and agreements[incoming]["onward"] == "none":
                continue
            for _, recipient, key in graph.out_edges(organisation, keys=True):
                if not covers(key, purpose):
                    continue
                if honour and incoming is not None and agreements[incoming]["onward"] == "same_purpose" and purpose is None:
                    shared = set(agreements[incoming]["purposes"]) & set(agreements[key]["purposes"])
                    if not shared:
                        continue
                state = (recipient, key)
                if state in seen:
                    continue
                seen.add(state)
                hops.setdefault(recipient, depth + 1)
                if recipient == target:
                    return hops
                queue.append((recipient, key, depth + 1))
        return hops

    started = time.perf_counter()
    found = 0
    for source, target, purpose in queries["paths"]:
        if target in search(source, purpose, target):
            found += 1
    path_seconds = (time.perf_counter() - started) / max(1, len(queries["paths"]))

    started = time.perf_counter()
    reached = 0
    risk = 0
    for source, purpose in queries["reach"]:
        lawful = search(source, purpose)
        reached += len(lawful) - 1
        risk += len(set(search(source, purpose, honour=False)) - set(lawful))
    reach_seconds = (time.perf_counter() - started) / max(1, len(queries["reach"]))

    started = time.perf_counter()
    shared_purposes = defaultdict(set)
    for key, agreement in agreements.items():
        parties = sorted(set(agreement["providers"]) | set(agreement["recipients"]))
        for i, first in enumerate(parties):
            for second in parties[i + 1:]:
                shared_purposes[(first, second)].update(agreement["purposes"])
    by_area = defaultdict(list)
    for org, data in organisations.items():
        if data["exists"]:
            for area in data["coverage"]:
                by_area[area].append(org)
    gap_pairs = set()
    for partnership in rows(folder, "partnerships.csv"):
        purposes = split(partnership["purposes"])
        slots = [slot.split("|") for slot in split(partnership["member_kinds"])]
        for area in areas:
            members = set()
            for slot in slots:
                for position, kind in enumerate(slot):
                    chosen = [org for org in by_area[area] if organisations[org]["kind"] == kind
                              and (position == 0 or organisations[org]["explicit"])]
                    if chosen:
                        members.update(chosen)
                        break
            ordered = sorted(members)
            for i, first in enumerate(ordered):
                for second in ordered[i + 1:]:
                    covered = shared_purposes.get((first, second), set())
                    if not any(term in covered for purpose in purposes for term in lineage(purpose)):
                        gap_pairs.add((partnership["id"], first, second))
    gaps_seconds = time.perf_counter() - started

    print(json.dumps({
        "build_seconds": build_seconds, "path_seconds": path_seconds, "paths_found": found,
        "reach_seconds": reach_seconds, "reached": reached, "risk": risk, "gaps_seconds": gaps_seconds,
        "gap_pairs": len(gap_pairs), "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
    }))


if __name__ == "__main__":
    main()
