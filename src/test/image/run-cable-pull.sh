#!/usr/bin/env bash
# Smoke test of the image, headless: the bundled cable-pull scenario with no Java on PATH must run
# in a private namespace, pull the cable with kernel faults and print the race.
source "$(dirname "$0")/lib.sh"

fresh_home
report=$out/cable-pull
rm -rf "$report"
log=$out/cable-pull.log

echo "== image: run cable-pull (PATH=$smoke_path)"
start=$(date +%s%N)
set +e
in_clean_env "$image/bin/heartbeat-lab" run cable-pull --out "$report" >"$log" 2>&1
code=$?
set -e
echo "exit $code after $(( ($(date +%s%N) - start) / 1000000 )) ms"
sed -n '/^Run of/,$p' "$log"

[ "$code" = 0 ] || { cat "$log" >&2; fail "run cable-pull exited with $code"; }
for want in "namespace private" "fault backend kernel" "Race of fault-1: cable-pull"; do
  grep -qF "$want" "$log" || fail "the output lacks '$want' (see $log)"
done
[ -s "$report/report.json" ] || fail "no $report/report.json"
assert_home_empty
image_size
echo "ok: run cable-pull from the image"
