#!/usr/bin/env bash
# Budget 3 (BENCHMARKS.md): `eas-net lint` of one service file from a cold JVM against a trivial Java main on the
# same JVM, median of N runs each, interleaved: the healthy example (examples/snapshot.json, service-vpc.json) and a
# mistake with its intents (examples/mistakes/estate.json, no-snat-entry.intents.json). Prints one tab-separated row
# per lint like Budgets does, and on standard error where the classes of one run come from. Usage:
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
healthy=(lint --snapshot examples/snapshot.json --service examples/service-vpc.json)
mistake=(lint --snapshot examples/mistakes/estate.json --intents examples/mistakes/no-snat-entry.intents.json)
./eas-net "${healthy[@]}" >/dev/null 2>&1 || true  # builds the jar, makes the class-data archive

# The archive is really mapped: -Xshare:on (after the launcher's -Xshare:auto, so it wins) makes the JVM exit when it
# cannot map it, and the classes the log names as from "shared objects file (top)" are the archive's.
log="$dir/classes.log"
rm -f "$log"
EAS_NET_JAVA_OPTS="-Xshare:on -Xlog:class+load=info:file=$log" ./eas-net "${mistake[@]}" >/dev/null 2>&1 || true
if ! grep -q 'io.easnet.cli.LintCommand ' "$log" 2>/dev/null; then
  echo "budget3: the launcher's JVM did not start with -Xshare:on: the class-data archive is not usable" >&2
  exit 1
fi
count() { grep -c "$1" "$log" || true; }
total=$(count 'source: ')
app=$(count 'source: shared objects file (top)')
jdk=$(count 'source: shared objects file$')
jar=$(count 'source: file:')
old=$(grep 'source: file:' "$log" | grep -c ' picocli\.' || true)
if [ "$app" -eq 0 ] && [ "${EAS_NET_CDS:-1}" != "0" ]; then
  echo "budget3: no class came from the application archive (-Xlog:class+load): it is not used" >&2
  exit 1
fi
echo "budget3: lint of a mistake loads $total classes: $app from the application archive, $jdk from the JDK's," \
  "$jar from the jar ($old of them picocli's, Java 5 class files that CDS cannot archive), $((total - app - jdk - jar))" \
  "generated (lambdas, proxies)" >&2
plain=$(java -Xshare:off -Xlog:class+load=info:file="$dir/plain.log" -jar eas-network-cli/target/eas-net.jar \
  "${mistake[@]}" >/dev/null 2>&1; grep -c 'source:' "$dir/plain.log" || true)

ms() { # wall milliseconds of a command
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
trivial=() lint=() bad=()
for ((i = 0; i < runs; i++)); do
  trivial+=("$(ms java -cp "$dir" Trivial)")
  lint+=("$(ms ./eas-net "${healthy[@]}")")
  bad+=("$(ms ./eas-net "${mistake[@]}")")
done
t=$(printf '%s\n' "${trivial[@]}" | median)
l=$(printf '%s\n' "${lint[@]}" | median)
b=$(printf '%s\n' "${bad[@]}" | median)
python3 - "$t" "$l" "$b" "$runs" "$plain" "$app" <<'PY'
import sys
t, l, b = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
runs, plain, app = sys.argv[4], sys.argv[5], sys.argv[6]
for name, m in (("eas-net lint, cold JVM", l), ("eas-net lint --intents (mistake), cold JVM", b)):
    r = m / t
    print(f"3\t{name}\t{t:.1f} ms\t{m:.1f} ms\t{r:.2f}\t<= 2.00\t{'PASS' if r <= 2 else 'FAIL'}\t"
          f"median of {runs}, ./eas-net (launcher) vs java Trivial; {plain} classes loaded without CDS,"
          f" {app} of them from the application archive with it")
PY
