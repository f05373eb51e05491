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

# What a teacher gets: the tar.gz, unpacked elsewhere (modes and links must survive the archive).
tarball=$(ls "$root"/target/heartbeat-lab-*-linux-x64.tar.gz)
unpacked=$out/unpacked
rm -rf "$unpacked"
mkdir -p "$unpacked"
tar -xzf "$tarball" -C "$unpacked"
in_clean_env "$unpacked"/*/bin/heartbeat-lab run --list >"$out/list.log" 2>&1 \
  || { cat "$out/list.log" >&2; fail "run --list from the unpacked $tarball failed"; }
grep -q cable-pull "$out/list.log" || fail "run --list from the unpacked tar.gz does not name cable-pull"
rm -rf "$unpacked"
echo "ok: ${tarball##*/} unpacks and runs"

image_size
echo "ok: run cable-pull from the image"
