# shellcheck shell=sh disable=SC2034 # pid and url are for the script that sources this
# tests/serve-lib.sh: starting `evalreport serve` for the serve tests and
# bench/serve.sh, which source it (POSIX sh; $bin is the binary).

# serve_scratch: a scratch directory in $dir, removed on exit, with the
# server ($pid, once started) stopped first.
serve_scratch() {
  dir=$(mktemp -d)
  pid=""
  trap '[ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
}

# serve_start DATA URL_FILE LOG: `$bin serve DATA --port 0` in the
# background ($pid); $url is the address it prints on stdout (into
# URL_FILE), empty when it printed none within 30 s.
serve_start() {
  "$bin" serve "$1" --port 0 >"$2" 2>"$3" &
  pid=$!
  waited=0
  while [ ! -s "$2" ] && [ $waited -lt 300 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  url=$(head -n 1 "$2")
}
