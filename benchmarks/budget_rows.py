#!/usr/bin/env python3
"""Rows of the ./bench budget table (BENCHMARKS.md), tab-separated: budget, name, baseline, measured, ratio, limit,
PASS|FAIL, note.

  budget_rows.py jmh RESULT.json            budget 1 from a JMH JSON result of EstateLintBenchmark
  budget_rows.py verdict RESULT.json        budget 2 from a JMH JSON result of VerdictBenchmark
  budget_rows.py closure ADAPTER.cp SDK.cp  budget 7 from two classpath files (dependency:build-classpath)
  budget_rows.py table ROWS.tsv             prints the table with the machine (nproc, java -version, load)
"""
import io
import json
import os
import zipfile
import subprocess
import sys


def row(budget, name, baseline, measured, ratio, limit, ok, note):
    return "\t".join([budget, name, baseline, measured, f"{ratio:.2f}", limit, "PASS" if ok else "FAIL", note])


def jmh(path):
    try:
        with open(path, encoding="utf-8") as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        print(row("1", "estate lint", "-", "-", float("nan"), "-", False, f"no JMH result ({e})"))
        return
    scores = {}
    for e in entries:
        stage = e["benchmark"].rsplit(".", 1)[-1]
        size = int(e.get("params", {}).get("services", 0))
        scores.setdefault(stage, {})[size] = e["primaryMetric"]["score"]
    floor = scores.get("floorJacksonTree", {})
    for stage, limit in (("catalogueRun", 2.0), ("snapshotRead", 3.0)):
        for size, score in sorted(scores.get(stage, {}).items()):
            if size in floor:
                r = score / floor[size]
                print(row("1", f"{stage} {size} services", f"{floor[size]:.1f} ms", f"{score:.1f} ms", r,
                          f"<= {limit:.2f}", r <= limit, "vs Jackson readTree of the same bytes (JMH avgt)"))
    for stage, by_size in sorted(scores.items()):
        sizes = sorted(by_size)
        for a, b in zip(sizes, sizes[1:]):
            g = by_size[b] / by_size[a]
            print(row("1", f"{stage} growth {a}->{b}", f"{by_size[a]:.1f} ms", f"{by_size[b]:.1f} ms", g,
                      f"<= {1.1 * b / a:.2f}", g <= 1.1 * b / a, "time at the larger size over the smaller"))


def verdict(path):
    try:
        with open(path, encoding="utf-8") as f:
            entries = json.load(f)
        scores = {e["benchmark"].rsplit(".", 1)[-1]: e["primaryMetric"]["score"] for e in entries}
        compiled, naive = scores["compiled"], scores["naive"]
    except (OSError, ValueError, KeyError) as e:
        print(row("2", "security-group verdict, 200 rules", "-", "-", float("nan"), "<= 100 ns, >= 50x naive", False,
                  f"no JMH result ({e})"))
        return
    print(row("2", "verdict, 200 rules, new flow", "100.0 ns", f"{compiled:.1f} ns", compiled / 100.0, "<= 1.00",
              compiled <= 100.0, "VerdictBenchmark.compiled (JMH avgt), absolute limit of the issue"))
    r = naive / compiled
    print(row("2", "verdict vs naive (speed-up)", f"{naive:.1f} ns", f"{compiled:.1f} ns", r, ">= 50.00", r >= 50.0,
              "naive parses each rule's CIDR per call; same run, same flows"))
    if "scanPass" in scores and "indexPass" in scores:
        s = scores["indexPass"] / scores["scanPass"]
        print(f"budget 2: one evaluation pass, scan {scores['scanPass']:.1f} ns, port index "
              f"{scores['indexPass']:.1f} ns ({s:.2f}x)", file=sys.stderr)


def module_jar(classes):
    """The jar of a reactor module whose classpath entry is its target/classes (a classpath built without packaging),
    else None."""
    target = os.path.dirname(classes.rstrip(os.sep))
    name = os.path.basename(os.path.dirname(target))
    jars = sorted(n for n in os.listdir(target) if n.startswith(name + "-") and n.endswith(".jar")
                  and not any(k in n for k in ("sources", "javadoc", "tests")))
    return os.path.join(target, jars[0]) if jars else None


def zipped_bytes(directory):
    """What a jar of the directory would weigh: its files deflated into a zip in memory."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for root, _, files in os.walk(directory):
            for f in sorted(files):
                full = os.path.join(root, f)
                z.write(full, os.path.relpath(full, directory))
    return len(buf.getvalue())


def entry_bytes(path):
    if os.path.isdir(path):
        jar = module_jar(path)
        return os.path.getsize(jar) if jar else zipped_bytes(path)
    return os.path.getsize(path)


def not_run(reason):
    print("\t".join(["7", "runtime dependency bytes", "-", "-", "-", "<= 0.60", "NOT RUN", reason]))


def closure(adapter_cp, sdk_cp):
    def total(path):
        with open(path, encoding="utf-8") as f:
            entries = [p for p in f.read().strip().split(os.pathsep) if p]
        return sum(entry_bytes(p) for p in entries), len(entries)

    missing = [p for p in (adapter_cp, sdk_cp) if not os.path.isfile(p)]
    if missing:
        not_run("classpath file missing: " + ", ".join(missing) + " (./bench builds them; offline, the official SDKs"
                " must be in ~/.m2: see benchmarks/sdk-closure/pom.xml)")
        return
    try:
        a, na = total(adapter_cp)
        s, ns = total(sdk_cp)
        # the adapter's own jar (or its classes, zipped) is not on its classpath file: add it
        here = os.path.dirname(os.path.dirname(os.path.abspath(adapter_cp)))
        own = entry_bytes(os.path.join(here, "target", "classes"))
    except OSError as e:
        not_run(f"cannot read the classpath: {e}")
        return
    a += own
    r = a / s
    print(row("7", "runtime dependency bytes", f"{s / 1e6:.1f} MB", f"{a / 1e6:.1f} MB", r, "<= 0.60", r <= 0.6,
              f"eas-network-aliyun + {na} jars vs vpc/ecs/rds/r-kvstore SDKs: {ns} jars (no EAS SDK offline)"))


def machine():
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    except OSError:
        java = ["java: not found"]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"machine: nproc {os.cpu_count()}, {java[0] if java else '?'} ({java[-1] if java else ''}), load {load}"


def table(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    head = ["#", "budget", "baseline", "measured", "ratio", "limit", "result"]
    widths = [max(len(head[i]), *(len(r[i]) for r in rows if len(r) > i)) for i in range(len(head))]
    print(machine())
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    print()
    for r in rows:
        if len(r) > 7:
            print(f"{r[0]} {r[1]}: {r[7]}")
    # INFO rows are there for comparison (no limit): neither pass nor fail
    judged = [r for r in rows if not (len(r) > 6 and r[6] == "INFO")]
    failed = [r for r in judged if len(r) > 6 and r[6] != "PASS"]
    print(f"\n{len(judged) - len(failed)} of {len(judged)} rows pass")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "jmh":
        jmh(sys.argv[2])
    elif cmd == "verdict":
        verdict(sys.argv[2])
    elif cmd == "closure":
        closure(sys.argv[2], sys.argv[3])
    elif cmd == "table":
        table(sys.argv[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
