#!/bin/sh
# cli.sh EVALREPORT SRC WORK: the command line's conventions — help for
# every command (exit 0, with examples), help COMMAND, --opt=value and
# --opt value, -V, did-you-mean for commands and options, findings on
# stderr and results on stdout, check --json and -q, render suggesting
# --draft, serve refusing a missing data file; exit statuses 0, 1, 2.
set -u
bin=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
sample=$src/samples/nanchong-2018.yaml
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# expect STATUS CMD…: runs CMD with stdout in $work/out, stderr in $work/err
expect() {
  want=$1
  shift
  "$bin" "$@" >"$work/out" 2>"$work/err"
  got=$?
  [ "$got" = "$want" ] || bad "evalreport $*: exit $got, expected $want; stderr: $(head -c 400 "$work/err")"
}
has() { grep -qF -- "$2" "$work/$1" || bad "$1 of the last command lacks: $2"; }
empty() { [ ! -s "$work/$1" ] || bad "$1 of the last command is not empty: $(head -c 300 "$work/$1")"; }

for cmd in check score render batch serve init schema version help; do
  for form in "$cmd --help" "$cmd -h" "help $cmd"; do
    expect 0 $form
    has out "用法 (usage): evalreport"
    empty err
  done
  case $cmd in version | help) ;; *) has out "示例 (examples)" ;; esac
done
expect 0 --help
has out "render"
expect 0 help
expect 2
has err "用法"
for v in -V --version version; do
  expect 0 $v
  has out "evalreport 0."
done

# did-you-mean
expect 2 rendr "$sample"
has err "未知命令“rendr”，是否为“render”？"
expect 2 help rendr
has err "是否为“render”"
expect 2 render "$sample" --fromat html
has err "未知选项“--fromat”，是否为“--format”？"
expect 2 check "$sample" --jsn
has err "是否为“--json”"
expect 2 render "$sample" --format
has err "选项 --format 需要一个值"
expect 2 render "$sample" --draft=yes
has err "不带值"
expect 2 render "$sample" --format tex
has err "未知格式“tex”"
expect 2 check
expect 2 check a.yaml b.yaml

# both forms of a value, short forms, "--"
expect 0 render "$sample" --format=html -o "$work/eq"
[ -f "$work/eq/nanchong-2018.html" ] || bad "--format=html -o DIR wrote nothing"
expect 0 render "$sample" --format html --output="$work/sp"
cmp -s "$work/eq/nanchong-2018.html" "$work/sp/nanchong-2018.html" || bad "--opt=value and --opt value differ"
expect 0 render "$sample" --format html -o"$work/at"
[ -f "$work/at/nanchong-2018.html" ] || bad "-oDIR wrote nothing"
has out "nanchong-2018.html"
expect 0 render --format=xlsx --output "$work/dd" -- "$sample"
[ -f "$work/dd/nanchong-2018-annex.xlsx" ] || bad "-- then the file wrote nothing"
expect 0 batch "$sample" --output="$work/b" --jobs=1 --format=html
expect 0 batch "$sample" -o "$work/b2" -j1 --format html
expect 0 init --kind=self "$work/self.yaml"
expect 0 check "$work/self.yaml"
expect 0 score "$sample" --json
has out '"total"'
expect 2 serve "$sample" --port=notaport

# check: findings on stderr, nothing on stdout; -q says nothing; --json
broken=$src/tests/bad-input/syntax-bad-indentation.yaml
expect 1 check "$broken"
empty out
has err "syntax-bad-indentation.yaml:4:2: error: YAML 语法错误：缩进不对"
has err "(invalid indentation in mapping) [syntax]"
expect 1 check "$broken" -q
empty out
empty err
expect 0 check -q "$sample"
empty out
empty err
expect 1 check "$broken" --json
empty err
/usr/bin/python3 - "$work/out" <<'PY' || bad "check --json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1 and d["renderable"] is False, d
assert d["errors"] == 1 and d["warnings"] == 0 and d["not_listed"] == 0, d
f = d["findings"][0]
assert (f["severity"], f["line"], f["column"], f["key"]) == ("error", 4, 2, "syntax"), f
assert f["message"].startswith("YAML 语法错误：缩进不对") and "[syntax]" not in f["message"], f
assert f["anchor"] is None
PY
expect 0 check "$sample" --json
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["renderable"] and d["errors"] == 0' "$work/out" ||
  bad "check --json on a clean sample"
# not a terminal: no escape sequence, no snippet
expect 1 check "$broken"
if grep -q "$(printf '\033')" "$work/err" || grep -q '\^' "$work/err"; then bad "colour or caret when not a terminal"; fi

# render on data with errors suggests --draft; the draft is written
cp "$src/tests/bad-input/score-over-weight.yaml" "$work/weights.yaml"
expect 1 render "$work/weights.yaml" --format html -o "$work/r"
has err "加 --draft"
empty out
[ ! -e "$work/r/weights.html" ] || bad "render wrote a report from data with errors"
expect 0 render "$work/weights.yaml" --format html -o "$work/r" --draft
[ -f "$work/r/weights.html" ] || bad "render --draft wrote nothing"

# serve: a missing data file is an error at start
expect 1 serve "$work/missing.yaml" --port 0
has err "missing.yaml"
has err "不存在"

[ "$fail" = 0 ] && echo "ok command line"
exit "$fail"
