# Shared by the image smoke tests (sourced): paths, a PATH with no java on it, a clean environment.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
image=$root/target/image
out=$root/target/image-smoke
mkdir -p "$out"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

[ -x "$image/bin/heartbeat-lab" ] || fail "no image at $image: run mvn -B -Pimage package first"

# /usr/bin holds the installed JDK's java, so the test PATH is a folder of links to everything in
# /usr/bin except what resolves into a JDK (java, keytool, ...), followed by the sbin folders:
# PATH=/usr/bin:/bin minus Java, as on a teacher's machine with no Java installed.
nojava_path() {
  local bin=$out/bin
  rm -rf "$bin"
  mkdir -p "$bin"
  local tool real
  for tool in /usr/bin/*; do
    real=$(readlink -f "$tool" || true)
    case $real in
      /usr/lib/jvm/*) ;;
      *) [ -x "$tool" ] && [ ! -d "$tool" ] && ln -s "$tool" "$bin/${tool##*/}" ;;
    esac
  done
  echo "$bin:/usr/sbin:/sbin"
}

smoke_path=$(nojava_path)
if PATH=$smoke_path command -v java >/dev/null 2>&1; then
  fail "java is still on the test PATH ($smoke_path)"
fi

# An empty home. Java takes user.home from the password database, not from HOME, so JAVA_OPTS
# points it at the same folder: whatever JavaFX or Netty would extract there becomes visible.
# XDG_RUNTIME_DIR is set as a desktop session sets it, so GTK keeps its dconf state there.
fresh_home() {
  smoke_home=$(mktemp -d "${TMPDIR:-/tmp}/heartbeat-home.XXXXXX")
  smoke_runtime=$(mktemp -d "${TMPDIR:-/tmp}/heartbeat-xdg.XXXXXX")
  chmod 700 "$smoke_runtime"
}

assert_home_empty() {
  local left
  left=$(find "$smoke_home" -mindepth 1 | head -20)
  [ -z "$left" ] || fail "the image wrote into the home folder:
$left"
  echo "ok: home folder still empty"
  rm -rf "$smoke_home" "$smoke_runtime"
}

# env -i: no JAVA_HOME, no inherited PATH. Without hiding, the installed JDKs stay in
# /usr/lib/jvm; when this runs as root they are covered by an empty tmpfs in a private mount
# namespace, so a reference into an installed JDK fails the test instead of passing by luck.
in_clean_env() {
  local envv=(env -i "HOME=$smoke_home" "XDG_RUNTIME_DIR=$smoke_runtime" "PATH=$smoke_path"
    "LANG=C.UTF-8" "JAVA_OPTS=-Duser.home=$smoke_home" ${DISPLAY:+"DISPLAY=$DISPLAY"})
  if [ "$(id -u)" = 0 ] && [ -d /usr/lib/jvm ] && unshare --mount true 2>/dev/null; then
    unshare --mount --propagation private -- \
      sh -c 'mount -t tmpfs -o size=1m,mode=755 none /usr/lib/jvm && exec "$@"' sh "${envv[@]}" "$@"
  else
    "${envv[@]}" "$@"
  fi
}

image_size() {
  local mb
  mb=$(du -sm "$image" | cut -f1)
  echo "image size: $(du -sh "$image" | cut -f1) ($mb MB), tar.gz: $(du -sh "$root"/target/heartbeat-lab-*-linux-x64.tar.gz | cut -f1)"
  [ "$mb" -lt 100 ] || fail "the image is $mb MB, more than 100 MB"
}
