#!/usr/bin/env python3
"""Prints the ratios of a JMH JSON result of EstateLintBenchmark (see benchmarks/README.md).

For every size (the "services" parameter): each stage's score divided by the floor's (floorJacksonTree) at the
same size. For each pair of consecutive sizes: each stage's score at the larger size divided by its score at the
smaller. Budgets of issue 7 are marked: catalogueRun <= 2x the floor, snapshotRead <= 3x the floor, and growth
<= 1.1 x the size ratio (2.2x for 10,000 -> 20,000 services). Exit status 0; 1 with --check when a budget is missed.
Reads the JSON result of `-rf json`, or else a JMH console log (the mean of the measured iterations), for a run that
was cut short.
"""
import json
import re
import sys

FLOOR = "floorJacksonTree"
SIZE = "services"
FLOOR_BUDGETS = {"catalogueRun": 2.0, "snapshotRead": 3.0}
GROWTH_SLACK = 1.1


def stage_name(entry):
    name = entry["benchmark"].rsplit(".", 1)[-1]
    others = {k: v for k, v in sorted(entry.get("params", {}).items()) if k != SIZE}
    if others:
        name += "[" + ",".join(others.values()) + "]"
    return name


def from_log(text):
    """Entries like JMH's JSON from a console log (for a run cut short): the mean of the measured iterations."""
    entries, current, scores, unit = [], None, [], None

    def flush():
        if current and scores:
            entries.append({"benchmark": current[0], "params": current[1],
                            "primaryMetric": {"score": sum(scores) / len(scores), "scoreError": None,
                                              "scoreUnit": unit}})

    for line in text.splitlines():
        if line.startswith("# Benchmark: "):
            flush()
            current, scores = [line.split(": ", 1)[1].strip(), {}], []
        elif line.startswith("# Parameters: (") and current:
            for part in line.split("(", 1)[1].rstrip(")").split(", "):
                k, _, v = part.partition(" = ")
                current[1][k.strip()] = v.strip()
        else:
            m = re.match(r"^Iteration\s+\d+: ([0-9.]+) (\S+)", line)
            if m and current:
                scores.append(float(m.group(1)))
                unit = m.group(2)
    flush()
    return entries


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    if len(paths) != 1:
        print("usage: ratios.py [--check] jmh-result.json", file=sys.stderr)
        return 2
    try:
        with open(paths[0], encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        print(f"ratios.py: cannot read {paths[0]}: {e}", file=sys.stderr)
        return 2
    try:
        entries = json.loads(text)
    except ValueError:
        entries = from_log(text)
        if not entries:
            print(f"ratios.py: {paths[0]} is neither a JMH JSON result (-rf json) nor a JMH console log with"
                  " measured iterations", file=sys.stderr)
            return 2

    scores = {}  # stage -> size -> (score, error, unit)
    for e in entries:
        size = int(e.get("params", {}).get(SIZE, 0))
        m = e["primaryMetric"]
        scores.setdefault(stage_name(e), {})[size] = (m["score"], m.get("scoreError"), m["scoreUnit"])
    sizes = sorted({s for by_size in scores.values() for s in by_size})
    stages = sorted(scores, key=lambda s: (s != FLOOR, s))
    missed = []

    header = f"{'stage':<24}"
    for s in sizes:
        header += f" {SIZE + '=' + str(s):>18} {'/floor':>9}"
    for a, b in zip(sizes, sizes[1:]):
        header += f" {str(b) + '/' + str(a):>12}"
    print(header)
    for stage in stages:
        line = f"{stage:<24}"
        for s in sizes:
            got = scores[stage].get(s)
            floor = scores.get(FLOOR, {}).get(s)
            if got is None:
                line += f" {'-':>23} {'':>9}"
                continue
            score, error, unit = got
            err = f"±{error:.0f}" if isinstance(error, (int, float)) and error == error else ""
            line += f" {score:>10.1f} {err:>8} {unit.split('/')[0]:<2}"
            if floor and stage != FLOOR:
                ratio = score / floor[0]
                budget = FLOOR_BUDGETS.get(stage)
                mark = "" if budget is None else (" ok" if ratio <= budget else " !!")
                if budget is not None and ratio > budget:
                    missed.append(f"{stage} at {s}: {ratio:.1f}x the floor (budget {budget:g}x)")
                cell = f"{ratio:.1f}x{mark}"
                line += f" {cell:>9}"
            else:
                line += f" {'':>9}"
        for a, b in zip(sizes, sizes[1:]):
            if a in scores[stage] and b in scores[stage] and a:
                growth = scores[stage][b][0] / scores[stage][a][0]
                budget = GROWTH_SLACK * b / a
                ok = growth <= budget
                if not ok:
                    missed.append(f"{stage}: {growth:.2f}x from {a} to {b} (budget {budget:.1f}x)")
                line += f" {growth:>9.2f}x{' ok' if ok else ' !!'}"
            else:
                line += f" {'-':>12}"
        print(line)
    print()
    print("budgets: catalogueRun <= 2x floor, snapshotRead <= 3x floor, growth <= "
          f"{GROWTH_SLACK:g} x size ratio ('!!' = missed)")
    for m in missed:
        print("missed: " + m)
    return 1 if check and missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
