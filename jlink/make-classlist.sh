#!/usr/bin/env bash
# Writes jlink/classlist: the JDK and JavaFX classes that the dashboard loads from the image's
# runtime until a few seconds after its first frame (generated classes, such as proxies, left out). The image build dumps them into the runtime's
# class-data sharing archive (lib/server/classes.jsa), so they are mapped from it, already parsed
# and verified, instead of being read from the compressed modules file on every start.
#
# Run it after a change that loads many new JDK or JavaFX classes at start (a new kind of control in
# the window, a JavaFX upgrade); a class that is listed but no longer exists is skipped by the dump,
# one that is missing from the list is loaded as usual. Needs a built image and Xvfb:
#   mvn -B -Pimage -DskipTests package && jlink/make-classlist.sh && mvn -B -Pimage -DskipTests package
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
image=$root/target/image
seconds=${CLASSLIST_SECONDS:-6}
[ -x "$image/bin/heartbeat-lab" ] || { echo "no image at $image: run mvn -B -Pimage package first" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "Xvfb is needed (apt-get install xvfb)" >&2; exit 1; }
unshare --user --map-root-user --net true || { echo "unshare --user --net is not permitted here" >&2; exit 1; }

source "$root/src/test/image/xvfb.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/heartbeat-classlist.XXXXXX")
cleanup() {
  stop_xvfb
  rm -rf "$work"
}
trap cleanup EXIT
start_xvfb "$work"

# Started the way the dashboard starts itself again in its private namespace (the sandboxed JVM,
# which does all the work), but directly: two JVMs would write the same list. A home of its own.
mkdir -p "$work/home"
echo "dashboard for $seconds s on $DISPLAY ..."
status=0
HEARTBEAT_LAB_HOST_NETNS=$(readlink /proc/self/ns/net) HOME=$work/home \
  JAVA_OPTS="-Duser.home=$work/home -XX:DumpLoadedClassList=$work/loaded" \
  timeout -s TERM "$seconds" unshare --user --map-root-user --net -- "$image/bin/heartbeat-lab" \
  >"$work/app.log" 2>&1 || status=$?
# timeout's 124 is the expected end; anything else means the dashboard failed on its own.
if [ "$status" -ne 124 ] && [ "$status" -ne 0 ]; then
  cat "$work/app.log" >&2
  echo "the dashboard exited with $status before the $seconds s were up" >&2
  exit 1
fi

# Only classes of the runtime image: the class path's are not archived (their jars' paths are
# checked by the JVM and change wherever the image is unpacked), nor are lambda proxies, which
# did not make the first frame any sooner and would add 2.4 MB.
{
  echo "# JDK and JavaFX classes the dashboard loads at start, for the image's class-data sharing"
  echo "# archive. Written by jlink/make-classlist.sh; see there before editing."
  grep -v -e '^#' -e '^@' "$work/loaded" | awk '{print $1}' |
    grep -E '^(java|javax|jdk|sun|javafx|com/sun)/' |
    grep -v -E '[$]Proxy[0-9]|/handlers/EventHandler' | sort -u
} >"$root/jlink/classlist"
echo "wrote $root/jlink/classlist: $(grep -vc '^#' "$root/jlink/classlist") classes"
