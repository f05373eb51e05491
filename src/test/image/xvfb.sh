# Sourced: a private X server for the image's window (dashboard.sh, jlink/make-classlist.sh).
# start_xvfb DIR starts Xvfb on a free display, exports DISPLAY and sets $xvfb to its pid;
# stop_xvfb stops it. DIR receives the display number and Xvfb's log.
xvfb=

start_xvfb() {
  local dir=$1
  # Xvfb picks a free display and writes its number to fd 3.
  Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
  xvfb=$!
  for _ in $(seq 100); do
    [ -s "$dir/display" ] && break
    sleep 0.1
  done
  if ! [ -s "$dir/display" ]; then
    echo "Xvfb did not start: $(cat "$dir/xvfb.log")" >&2
    return 1
  fi
  DISPLAY=:$(head -1 "$dir/display")
  export DISPLAY
}

stop_xvfb() {
  if [ -n "$xvfb" ]; then
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    xvfb=
  fi
}
