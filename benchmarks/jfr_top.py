#!/usr/bin/env python3
"""Aggregates the CPU samples (jdk.ExecutionSample) of a JFR recording.

    benchmarks/jfr_top.py recording.jfr [--prefix io.easnet] [--top 25]

Prints the top frames by self time (method:line), and the methods under --prefix by inclusive time (the share of
samples whose stack contains them, each method counted once per sample). Needs the JDK's `jfr` tool on the PATH.
"""
import argparse
import collections
import json
import subprocess
import sys


def frames_of(event):
    trace = event["values"].get("stackTrace") or {}
    for f in trace.get("frames", []):
        m = f["method"]
        yield m["type"]["name"].replace("/", ".") + "." + m["name"], f.get("lineNumber", -1)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("recording")
    p.add_argument("--prefix", default="io.easnet", help="package prefix for the inclusive table")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--stack-depth", type=int, default=128)
    a = p.parse_args()
    try:
        out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(a.stack_depth), "--events",
                              "jdk.ExecutionSample", a.recording], check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"jfr_top.py: cannot read {a.recording} with `jfr print`: {e}", file=sys.stderr)
        return 2
    events = json.loads(out)["recording"]["events"]
    self_time = collections.Counter()
    inclusive = collections.Counter()
    for ev in events:
        frames = list(frames_of(ev))
        if not frames:
            continue
        name, line = frames[0]
        self_time[f"{name}:{line}"] += 1
        for m in {n for n, _ in frames if n.startswith(a.prefix) and "$$Lambda" not in n}:
            inclusive[m] += 1
    n = max(1, len(events))
    print(f"{len(events)} samples")
    print(f"\ntop {a.top} frames by self time")
    for k, v in self_time.most_common(a.top):
        print(f"{100.0 * v / n:6.1f}%  {k}")
    print(f"\ntop {a.top} {a.prefix} methods by inclusive time")
    for k, v in inclusive.most_common(a.top):
        print(f"{100.0 * v / n:6.1f}%  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
