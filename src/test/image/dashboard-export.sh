#!/usr/bin/env bash
# Smoke test of the image with a screen: `heartbeat-lab dashboard --scenario cable-pull --export DIR
# --exit` under Xvfb with no Java on PATH, as a teacher's desktop shortcut or a CI job runs it. The
# window must run the scenario, write what "Export run…" writes, close by itself with exit code 0 and
# leave the home folder empty.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/xvfb.sh"

export_dir=$out/dashboard-export
log=$out/dashboard-export.log
rm -rf "$export_dir"
trap stop_xvfb EXIT
start_xvfb "$out" || fail "no X server for the dashboard"

fresh_home
echo "== image: dashboard --scenario cable-pull --export on $DISPLAY (PATH=$smoke_path)"
start=$(date +%s%N)
set +e
timeout 180 bash -c "$(declare -f in_clean_env); $(declare -p smoke_home smoke_runtime smoke_path); \
  in_clean_env \"\$@\"" bash "$image/bin/heartbeat-lab" dashboard --scenario cable-pull \
  --export "$export_dir" --exit >"$log" 2>&1
code=$?
set -e
echo "exit $code after $(( ($(date +%s%N) - start) / 1000000 )) ms"
[ "$code" = 0 ] || { cat "$log" >&2; fail "dashboard --exit exited with $code"; }
for file in report.json timeseries.csv chart-states.png chart-rates.png race-1.png; do
  [ -s "$export_dir/$file" ] || { ls -la "$export_dir" >&2 || true; fail "the export lacks $file"; }
done
pngs=$(find "$export_dir" -name '*.png' | wc -l)
[ "$pngs" -ge 3 ] || fail "the export holds $pngs PNG files, expected the whole lab's two charts and the race's"
grep -q '"kind" *: *"cable-pull"' "$export_dir/report.json" || fail "report.json holds no cable-pull fault"
echo "exported: $(cd "$export_dir" && ls | tr '\n' ' ')"
assert_home_empty
echo "ok: dashboard --scenario cable-pull --export --exit from the image"
