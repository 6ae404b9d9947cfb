#!/usr/bin/env bash
# Budget 3 (BENCHMARKS.md): `eas-net lint` of one service file from a cold JVM against a trivial Java main on the
# same JVM, median of N runs each, interleaved. Prints one tab-separated row like Budgets does. Usage:
#   benchmarks/budget3.sh RUNS
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-9}"
dir=benchmarks/target/budget3
mkdir -p "$dir"
cat >"$dir/Trivial.java" <<'JAVA'
public class Trivial {
  public static void main(String[] args) {
    System.out.println("ok");
  }
}
JAVA
[ -f "$dir/Trivial.class" ] || javac -d "$dir" "$dir/Trivial.java"
snapshot=examples/snapshot.json
service=examples/service-vpc.json
./eas-net lint --snapshot "$snapshot" --service "$service" >/dev/null 2>&1 || true  # builds the jar, makes the archive

ms() { # wall milliseconds of a command
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
trivial=() lint=()
for ((i = 0; i < runs; i++)); do
  trivial+=("$(ms java -cp "$dir" Trivial)")
  lint+=("$(ms ./eas-net lint --snapshot "$snapshot" --service "$service")")
done
t=$(printf '%s\n' "${trivial[@]}" | median)
l=$(printf '%s\n' "${lint[@]}" | median)
classes=$(java ${EAS_NET_JAVA_OPTS:-} -Xlog:class+load:file="$dir/classes.log" -jar eas-network-cli/target/eas-net.jar \
  lint --snapshot "$snapshot" --service "$service" >/dev/null 2>&1; grep -c 'source:' "$dir/classes.log" || true)
python3 - "$t" "$l" "$runs" "$classes" <<'PY'
import sys
t, l, runs, classes = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
r = l / t
print(f"3\teas-net lint, cold JVM\t{t:.1f} ms\t{l:.1f} ms\t{r:.2f}\t<= 2.00\t{'PASS' if r <= 2 else 'FAIL'}\t"
      f"median of {runs}, ./eas-net (launcher) vs java Trivial; {classes} classes loaded (-Xlog:class+load, no CDS)")
PY
