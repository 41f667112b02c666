#!/bin/sh
# cli-tty.sh EVALREPORT SRC WORK: on a terminal (tmux), check shows each
# finding's source line with a caret under its column, in colour; with
# NO_COLOR the same without escape sequences. Skipped (77) without tmux.
set -u
bin=$1 src=$2 work=$3
command -v tmux >/dev/null || { echo "skip: no tmux"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
cp "$src/tests/bad-input/syntax-bad-indentation.yaml" "$work/indent.yaml"
sock="$work/tmux.sock"
# run NAME ENV…: check in a 200-column tmux pane, its screen with escapes
run() {
  name=$1
  shift
  tmux -S "$sock" -f /dev/null new-session -d -x 200 -y 50 -s "$name" \
    "env $* TERM=xterm-256color '$bin' check '$work/indent.yaml'; echo EXIT=\$?; sleep 30"
  i=0
  while [ $i -lt 100 ]; do
    tmux -S "$sock" capture-pane -p -e -t "$name" >"$work/$name.screen"
    grep -q "EXIT=" "$work/$name.screen" && break
    sleep 0.1
    i=$((i + 1))
  done
  tmux -S "$sock" kill-session -t "$name"
}
run colour
run plain NO_COLOR=1
tmux -S "$sock" kill-server 2>/dev/null
esc=$(printf '\033')
screen=$work/colour.screen
grep -q "EXIT=1" "$screen" || bad "check did not exit 1 on the terminal: $(cat "$screen")"
grep -q "${esc}\[31merror" "$screen" || bad "no red 'error' on a terminal"
grep -q "${esc}\[32m^" "$screen" || bad "no green caret on a terminal"
plain=$work/plain.screen
grep -q "$esc" "$plain" && bad "escape sequences with NO_COLOR set"
# the source line and the caret under column 2 of line 4
line=$(sed -n 4p "$work/indent.yaml")
grep -qF "4 | $line" "$plain" || bad "source line 4 not shown: $(cat "$plain")"
caret=$(grep -n '^ *| *^$' "$plain" | head -n 1)
[ -n "$caret" ] || bad "no caret line"
# the caret's column: the gutter "    4 ", "| ", then column 2 - 1 spaces
# (tmux writes the SGR codes its own way: bold and colour apart)
want=$(grep -F "4 | $line" "$plain" | head -n 1 | sed 's/|.*//' | wc -c)
got=$(grep '^ *| *^$' "$plain" | head -n 1 | sed 's/\^.*//' | wc -c)
[ "$got" = $((want + 3)) ] || bad "caret at column $got, expected $((want + 3)): $(cat "$plain")"
# A data file named with an escape sequence: render names its outputs with
# the controls made visible on a terminal (script(1) gives it one), exactly
# when piped, for scripts.
name=$(printf 'osc\033]0;title\007')
cp "$src/samples/jialing-2023.yaml" "$work/$name.yaml"
script -qc "'$bin' render '$work/$name.yaml' --format html -o '$work/o'" /dev/null >"$work/render.screen"
grep -qF 'osc\x1B]0;title\x07.html' "$work/render.screen" || bad "the output's name not shown with \\x1B: $(cat -v "$work/render.screen")"
grep -q "$esc" "$work/render.screen" && bad "an escape sequence from a file name reached the terminal"
"$bin" render "$work/$name.yaml" --format html -o "$work/o" 2>/dev/null | grep -qxF "$work/o/$name.html" ||
  bad "the output's name not exact when piped"
# serve's banner names the data file the same way
timeout 3 "$bin" serve "$work/$name.yaml" --port 0 >/dev/null 2>"$work/serve.log"
grep -qF 'osc\x1B]0;title\x07.yaml' "$work/serve.log" || bad "serve: the file's name not shown with \\x1B: $(cat -v "$work/serve.log")"
grep -q "$esc" "$work/serve.log" && bad "serve: an escape sequence from a file name reached the terminal"
[ "$fail" = 0 ] && echo "ok colour and caret on a terminal"
exit "$fail"
