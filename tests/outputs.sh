#!/bin/sh
# outputs.sh EVALREPORT SOURCE_DIR
#
# Outputs are safe. For each format (pdf, html, xlsx):
#   - the same data gives the same bytes twice;
#   - a render killed with SIGKILL while writing leaves the previous output
#     as it was, and the next render of the file removes the temporary file
#     the killed one left;
#   - a render never writes over its input (a data file named like its
#     output), and the input is left as it was.
# And output names come from the data file's name only: a project whose
# name is a path ("../../escape") writes nothing outside the output folder.
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
  echo "FAIL $*"
  failed=1
}

# The sample with K generated narrative paragraphs and K survey questions:
# a long report, so that a render takes long enough to be killed mid-write.
generate() {
  awk -v k="$1" '
    { print }
    /^  methods:$/ {
      for (i = 1; i <= k; i++)
        printf "    - 第%d段：为检验中途终止而生成的段落。评价组对照指标体系逐项核查了资料，" \
               "本段涉及资金%d.%02d万元，覆盖%d户。\n", i, 100 + i, i % 100, 1000 + 3 * i
    }
    /^      questions:$/ && !done {
      done = 1
      for (i = 1; i <= k; i++) {
        printf "        - text: 生成的第%d个问题\n          options:\n", i
        for (o = 1; o <= 4; o++) printf "            选项%d-%d: 25\n", i, o
      }
    }' "$src/samples/nanchong-2018.yaml" >"$2"
}
generate 3000 "$work/long.yaml"

temps() { ls -A "$1" | grep '^\.' || true; }

for format in pdf html xlsx docx; do
  out=$work/$format
  "$bin" render "$work/long.yaml" -o "$out/a" --format "$format" >/dev/null 2>&1 || fail "$format: render failed"
  "$bin" render "$work/long.yaml" -o "$out/b" --format "$format" >/dev/null 2>&1 || fail "$format: render failed"
  file=$(ls "$out/a")
  cmp -s "$out/a/$file" "$out/b/$file" || fail "$format: two renders of the same data differ"
  cp "$out/a/$file" "$work/before"

  # Kill a render once its temporary file is there and it is still running.
  killed=""
  for attempt in 1 2 3 4 5; do
    "$bin" render "$work/long.yaml" -o "$out/a" --format "$format" >/dev/null 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && [ -z "$(temps "$out/a")" ]; do sleep 0.005; done
    if kill -9 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null
      [ -n "$(temps "$out/a")" ] && killed=yes && break
    fi
    wait "$pid" 2>/dev/null
  done
  if [ -z "$killed" ]; then
    fail "$format: no render could be killed while writing (each ended first)"
    continue
  fi
  cmp -s "$out/a/$file" "$work/before" || fail "$format: the killed render changed $file"
  "$bin" render "$work/long.yaml" -o "$out/a" --format "$format" >/dev/null 2>&1 || fail "$format: render after the kill failed"
  [ -z "$(temps "$out/a")" ] || fail "$format: the temporary file of the killed render is still there: $(temps "$out/a")"
  cmp -s "$out/a/$file" "$work/before" || fail "$format: the render after the kill wrote other bytes"
  [ "$failed" = 0 ] && echo "ok $format: same bytes twice; killed mid-write, $file intact, no temporary file left"
done

# Never over the input: a data file named as its output would be (for the
# annex, whose name no data file gives, an output name linked to the input).
mkdir -p "$work/over"
for pair in "pdf report.pdf" "html report.html" "xlsx report-annex.xlsx"; do
  format=${pair% *} name=${pair#* } input=${pair#* }
  if [ "$format" = xlsx ]; then
    input=report.yaml
    cp "$src/samples/nanchong-2018.yaml" "$work/over/$input"
    ln -f "$work/over/$input" "$work/over/$name"
  fi
  cp "$src/samples/nanchong-2018.yaml" "$work/over/$input"
  if "$bin" render "$work/over/$input" -o "$work/over" --format "$format" >/dev/null 2>"$work/over/err"; then
    fail "$format: wrote over its input $name"
  fi
  grep -q "覆盖输入文件" "$work/over/err" || fail "$format: no message about the input: $(cat "$work/over/err")"
  cmp -s "$work/over/$input" "$src/samples/nanchong-2018.yaml" || fail "$format: the input $input was changed"
done
[ -z "$(temps "$work/over")" ] || fail "temporary file left after refusing: $(temps "$work/over")"

# Names from data stay inside the output folder.
mkdir -p "$work/names/in/out"
sed 's|^  name: .*|  name: ../../escape/x|' "$src/samples/nanchong-2018.yaml" >"$work/names/in/unit.yaml"
for format in pdf html xlsx; do
  "$bin" render "$work/names/in/unit.yaml" -o "$work/names/in/out" --format $format >/dev/null 2>&1 ||
    fail "$format: render of unit.yaml failed"
done
"$bin" batch "$work/names/in/unit.yaml" -o "$work/names/in/batch" --format pdf,html,xlsx >/dev/null 2>&1 ||
  fail "batch of unit.yaml failed"
outside=$(find "$work/names" -type f ! -path "$work/names/in/out/*" ! -path "$work/names/in/batch/*" \
  ! -name unit.yaml)
[ -z "$outside" ] || fail "written outside the output folder: $outside"
written=$(ls "$work/names/in/out" "$work/names/in/batch" | tr '\n' ' ')
[ "$written" = "$work/names/in/batch: summary.csv summary.xlsx unit-annex.xlsx unit.html unit.pdf  $work/names/in/out: unit-annex.xlsx unit.html unit.pdf " ] ||
  fail "not the expected files: $written"

# ---- robustness: environment, text, special files, signals, names ----
xml_ok() { # FILE.xlsx|docx|ofd: every XML part well-formed (python's parser)
  /usr/bin/python3 - "$1" <<'PY' || return 1
import sys, zipfile, xml.dom.minidom
with zipfile.ZipFile(sys.argv[1]) as z:
    for n in z.namelist():
        if n.endswith(".xml") or n.endswith(".rels"):
            xml.dom.minidom.parseString(z.read(n))
PY
}
sample=$src/samples/chenggong-2023.yaml
mkdir -p "$work/env"
# SOURCE_DATE_EPOCH: past 9999 (once a crash in the annex), negative, not a
# number: a warning and a well-formed file; 0 gives the same bytes twice.
for epoch in 67768036191676800 253402300800 -1 9999999999999999999999 abc; do
  SOURCE_DATE_EPOCH=$epoch "$bin" render "$sample" -o "$work/env/e" --format xlsx >/dev/null 2>"$work/env/err"
  status=$?
  [ "$status" = 0 ] || fail "SOURCE_DATE_EPOCH=$epoch: render exit $status"
  grep -q "source-date-epoch" "$work/env/err" || fail "SOURCE_DATE_EPOCH=$epoch: no warning"
  xml_ok "$work/env/e/chenggong-2023-annex.xlsx" || fail "SOURCE_DATE_EPOCH=$epoch: annex not well-formed"
  mkdir -p "$work/env/b" && cp "$sample" "$work/env/b/"
  SOURCE_DATE_EPOCH=$epoch "$bin" batch "$work/env/b/chenggong-2023.yaml" -o "$work/env/bo" --format html >/dev/null 2>&1 ||
    fail "SOURCE_DATE_EPOCH=$epoch: batch failed"
done
for n in 1 2; do
  SOURCE_DATE_EPOCH=0 "$bin" render "$sample" -o "$work/env/z$n" >/dev/null 2>&1 || fail "SOURCE_DATE_EPOCH=0: render failed"
done
for f in chenggong-2023.pdf chenggong-2023-annex.xlsx chenggong-2023.html; do
  cmp -s "$work/env/z1/$f" "$work/env/z2/$f" || fail "SOURCE_DATE_EPOCH=0: $f differs between two renders"
done
unzip -p "$work/env/z1/chenggong-2023-annex.xlsx" docProps/core.xml | grep -q '1970-01-01T00:00:01Z' ||
  fail "SOURCE_DATE_EPOCH=0: the annex is not dated at the epoch"
[ "$failed" = 0 ] && echo "ok SOURCE_DATE_EPOCH: out of range warned, 0 reproducible"

# Characters XML cannot carry (C0 controls, U+FFFE, U+FFFF) and Excel's own
# escapes in names: a warning at the value, a well-formed annex and summary.
/usr/bin/python3 - "$sample" "$work/env/ctl.yaml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("name: 2023年度呈贡区困难群众救助补助资金",
              'name: "2023年度\\u0001呈贡区\\uFFFE资金\\uFFFF_x0041_"', 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
"$bin" render "$work/env/ctl.yaml" -o "$work/env/ctl" >/dev/null 2>"$work/env/err" || fail "control characters: render failed"
"$bin" render "$work/env/ctl.yaml" -o "$work/env/ctl" --format ofd >/dev/null 2>&1 || fail "control characters: OFD render failed"
grep -q "ctl.yaml:9:10: warning: 文字中含有控制字符 0x01：请删除 \[control\]" "$work/env/err" ||
  fail "control characters: no warning at 9:10: $(cat "$work/env/err")"
for f in ctl-annex.xlsx ctl.docx ctl.ofd; do # the name is also in each one's metadata
  xml_ok "$work/env/ctl/$f" || fail "control characters: $f not well-formed"
done
/usr/bin/python3 - "$work/env/ctl/ctl.pdf" <<'PY' || fail "control characters: the PDF's XMP metadata not well-formed"
import sys, xml.dom.minidom
pdf = open(sys.argv[1], "rb").read()
start = pdf.index(b"<?xpacket begin")
end = pdf.index(b"?>", pdf.index(b"<?xpacket end")) + 2
xml.dom.minidom.parseString(pdf[start:end])
PY
unzip -p "$work/env/ctl/ctl-annex.xlsx" xl/sharedStrings.xml | grep -q '2023年度呈贡区资金_x005F_x0041_' ||
  fail "control characters: the name is not in the annex as typed, less what XML cannot carry"
mkdir -p "$work/env/ctlb" && cp "$work/env/ctl.yaml" "$work/env/ctlb/$(printf 'x\001y').yaml"
"$bin" batch "$work/env/ctlb" -o "$work/env/ctlbo" --format html >/dev/null 2>&1 || fail "control characters: batch failed"
xml_ok "$work/env/ctlbo/summary.xlsx" || fail "control characters: summary.xlsx not well-formed"
[ "$failed" = 0 ] && echo "ok XML-safe text: annex, DOCX, OFD, XMP and summary well-formed"

# Not regular files: refused before reading, with the reason (a FIFO once
# blocked check, render and batch forever).
mkfifo "$work/env/fifo.yaml"
mkdir -p "$work/env/dir.yaml"
for what in fifo dir; do
  for cmd in check "render -o $work/env/o"; do
    timeout 20 "$bin" $cmd "$work/env/$what.yaml" >"$work/env/out" 2>&1
    status=$?
    [ "$status" = 1 ] || fail "$what: $cmd exit $status (124: it hung)"
    grep -q "不是普通文件.*\[not-a-file\]" "$work/env/out" || fail "$what: $cmd gave no reason: $(cat "$work/env/out")"
  done
done
timeout 20 "$bin" batch "$work/env/fifo.yaml" "$sample" -o "$work/env/fb" --format html >/dev/null 2>&1
[ $? = 1 ] || fail "fifo: batch did not end with exit 1"
[ "$failed" = 0 ] && echo "ok special files refused"

# Permissions from the umask; no temporary file left by SIGTERM or SIGHUP.
(umask 077 && "$bin" render "$sample" -o "$work/env/m77" --format html >/dev/null 2>&1)
[ "$(stat -c %a "$work/env/m77/chenggong-2023.html")" = 600 ] || fail "umask 077: mode $(stat -c %a "$work/env/m77/chenggong-2023.html")"
(umask 002 && "$bin" render "$sample" -o "$work/env/m02" --format html >/dev/null 2>&1)
[ "$(stat -c %a "$work/env/m02/chenggong-2023.html")" = 664 ] || fail "umask 002: mode $(stat -c %a "$work/env/m02/chenggong-2023.html")"
for sig in TERM HUP; do
  caught=""
  for attempt in 1 2 3 4 5; do
    rm -rf "$work/env/sig"
    "$bin" render "$work/long.yaml" -o "$work/env/sig" --format pdf >/dev/null 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && [ -z "$(temps "$work/env/sig" 2>/dev/null)" ]; do sleep 0.005; done
    if kill -$sig "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null
      caught=yes
      break
    fi
    wait "$pid" 2>/dev/null
  done
  [ -n "$caught" ] || fail "SIG$sig: no render could be signalled while writing"
  [ -z "$(temps "$work/env/sig")" ] || fail "SIG$sig: temporary file left: $(temps "$work/env/sig")"
done
# a batch worker that dies mid-write: the batch goes on and removes what
# the worker left
mkdir -p "$work/env/crash-in"
cp "$work/long.yaml" "$work/env/crash-in/unit.yaml"
caught=""
for attempt in 1 2 3 4 5; do
  rm -rf "$work/env/crash"
  "$bin" batch "$work/env/crash-in" -o "$work/env/crash" -j 1 --format pdf >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ -z "$(temps "$work/env/crash" 2>/dev/null | grep unit)" ]; do sleep 0.005; done
  worker=$(cut -d' ' -f1 "/proc/$pid/task/$pid/children" 2>/dev/null)
  if [ -n "$worker" ] && kill -KILL "$worker" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    caught=yes
    break
  fi
  wait "$pid" 2>/dev/null
done
[ -n "$caught" ] || fail "worker crash: no worker could be killed while writing"
[ -z "$(temps "$work/env/crash")" ] || fail "worker crash: temporary file left: $(temps "$work/env/crash")"
[ "$failed" = 0 ] && echo "ok umask modes; SIGTERM, SIGHUP and a worker's crash leave no temporary file"

# A 240-byte input name: the annex's temporary name stays within 255 bytes.
long=$(printf 'a%.0s' $(seq 1 240))
cp "$sample" "$work/env/$long.yaml"
"$bin" render "$work/env/$long.yaml" -o "$work/env/long" >/dev/null 2>"$work/env/err" || fail "240-byte name: $(cat "$work/env/err")"
[ -f "$work/env/long/$long-annex.xlsx" ] || fail "240-byte name: no annex"
[ "$failed" = 0 ] && echo "ok 240-byte input name"

# --template: a folder that does not exist or lacks the template is an
# error, not the built-in one in silence; partials that include each other
# many times are capped, not expanded without end.
"$bin" render "$sample" -o "$work/env/t" --format html --template ./typo-dir >/dev/null 2>"$work/env/err"
[ $? = 1 ] && grep -q '模板目录“./typo-dir”不存在' "$work/env/err" || fail "--template ./typo-dir: $(cat "$work/env/err")"
mkdir -p "$work/env/emptyt"
"$bin" render "$sample" -o "$work/env/t" --format html --template "$work/env/emptyt" >/dev/null 2>"$work/env/err"
[ $? = 1 ] && grep -q '中没有模板' "$work/env/err" || fail "--template without templates: $(cat "$work/env/err")"
mkdir -p "$work/env/bomb"
cp -r "$src/templates/"*.tpl "$src/templates/styles" "$work/env/bomb/"
sed -i 's/{{>head}}/{{>head}}{{>p0}}/' "$work/env/bomb/report.tpl"
for i in $(seq 0 13); do
  j=$((i + 1)); [ $i = 13 ] && j=15
  printf '{{>p%d}}{{>p%d}}{{>p%d}}{{>p%d}}' $j $j $j $j >"$work/env/bomb/p$i.tpl"
done
echo x >"$work/env/bomb/p15.tpl"
timeout 60 "$bin" render "$sample" -o "$work/env/t" --format html --template "$work/env/bomb" >/dev/null 2>"$work/env/err"
status=$?
[ $status = 1 ] && grep -q '局部模板展开过多' "$work/env/err" || fail "partial bomb: exit $status: $(head -3 "$work/env/err")"
[ "$(wc -l <"$work/env/err")" -lt 5 ] || fail "partial bomb: $(wc -l <"$work/env/err") lines of messages"
mkfifo "$work/env/bomb/p0.fifo" && rm "$work/env/bomb/p0.tpl" && mv "$work/env/bomb/p0.fifo" "$work/env/bomb/p0.tpl"
timeout 60 "$bin" render "$sample" -o "$work/env/t" --format html --template "$work/env/bomb" >/dev/null 2>"$work/env/err"
status=$?
[ $status = 1 ] && grep -q 'p0.tpl: error: 无法读取模板文件 (命名管道（FIFO）)' "$work/env/err" || fail "FIFO partial: exit $status: $(head -3 "$work/env/err")"
mkdir -p "$work/env/fifostyle/styles"
cp "$src/templates/"*.tpl "$work/env/fifostyle/"
mkfifo "$work/env/fifostyle/styles/gbt9704.yaml"
timeout 60 "$bin" render "$sample" -o "$work/env/t" --format html --template "$work/env/fifostyle" >/dev/null 2>"$work/env/err"
status=$?
[ $status = 1 ] && grep -q '样式文件是命名管道（FIFO），不是普通文件' "$work/env/err" || fail "FIFO style profile: exit $status: $(head -3 "$work/env/err")"
[ "$failed" = 0 ] && echo "ok --template folders, partial expansion capped, FIFO partial and style refused"

# A full disk (a 200 KB tmpfs, where mounting one is allowed): the error
# names the output, not its hidden temporary file, and none is left.
mkdir -p "$work/full"
if mount -t tmpfs -o size=200k tmpfs "$work/full" 2>/dev/null; then
  head -c 180000 /dev/zero >"$work/full/filler"
  for format in html xlsx pdf; do
    "$bin" render "$src/samples/nanchong-2018.yaml" -o "$work/full" --format $format >/dev/null 2>"$work/env/err" &&
      fail "disk full: $format rendered"
    grep -v '^\[ERROR\]' "$work/env/err" | grep -q '\.nanchong' && fail "disk full: $format names the temporary file: $(cat "$work/env/err")"
    grep -q "$work/full/nanchong-2018" "$work/env/err" || fail "disk full: $format does not name the output: $(cat "$work/env/err")"
  done
  [ -z "$(temps "$work/full")" ] || fail "disk full: temporary file left: $(temps "$work/full")"
  umount "$work/full"
  [ "$failed" = 0 ] && echo "ok disk full: the output named, no temporary file left"
else
  echo "note: disk-full case skipped (cannot mount a tmpfs here)"
fi

exit $failed
