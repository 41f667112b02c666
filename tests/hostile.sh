#!/bin/sh
# shellcheck disable=SC3045 # ulimit -v: not POSIX, but dash and bash have it
# hostile.sh EVALREPORT SOURCE_DIR
#
# Hostile inputs too big to keep in the repository, generated at test time.
# `evalreport check` must end each one with the stated exit status and
# diagnostic, within HOSTILE_SECONDS of wall time and HOSTILE_MB of peak
# memory (resident set, measured with GNU time; without it, enforced with
# ulimit -v where the binary runs under it, which AddressSanitizer does not).
#
# The bounds hold for the AddressSanitizer build of `scripts/setup test`
# with room to spare: measured there, on two cores shared with a fuzzer, no
# case took more than about 6 s or 420 MB.
set -u
bin=$1
src=$2
seconds=${HOSTILE_SECONDS:-20}
megabytes=${HOSTILE_MB:-1536}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

memory="none"
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
  memory="gnu-time"
elif (ulimit -v $((megabytes * 1024)) && "$bin" schema >/dev/null 2>&1); then
  memory="ulimit"
else
  echo "note: peak memory not measured (no GNU time, and the binary cannot run under ulimit -v)"
fi

failed=0
# run NAME STATUS LINE: checks NAME.yaml; LINE is a fixed string that must be
# a whole line of the output (a regular expression when it starts with ^).
run() {
  name=$1 want_status=$2 want=$3
  start=$(date +%s)
  case $memory in
  gnu-time)
    /usr/bin/time -f %M -o "$name.mem" timeout "$seconds" "$bin" check "$name.yaml" >"$name.out" 2>&1
    status=$?
    ;;
  ulimit)
    (ulimit -v $((megabytes * 1024)) && exec timeout "$seconds" "$bin" check "$name.yaml") >"$name.out" 2>&1
    status=$?
    ;;
  *)
    timeout "$seconds" "$bin" check "$name.yaml" >"$name.out" 2>&1
    status=$?
    ;;
  esac
  elapsed=$(($(date +%s) - start))
  kb=$(tail -n 1 "$name.mem" 2>/dev/null || echo 0)
  case $kb in '' | *[!0-9]*) kb=0 ;; esac
  problem=""
  if [ "$status" -eq 124 ]; then
    problem="took more than ${seconds}s"
  elif [ "$status" -ne "$want_status" ]; then
    problem="exit status $status, expected $want_status"
  elif [ $((kb / 1024)) -gt "$megabytes" ]; then
    problem="peak memory $((kb / 1024)) MB, more than $megabytes MB"
  else
    case $want in
    ^*) grep -q -- "$want" "$name.out" || problem="no line matching: $want" ;;
    *) grep -qxF -- "$want" "$name.out" || problem="expected line not printed: $want" ;;
    esac
  fi
  if [ -n "$problem" ]; then
    echo "FAIL $name: $problem"
    head -n 5 "$name.out"
    failed=1
  else
    echo "ok $name (${elapsed}s, $((kb / 1024)) MB)"
  fi
  rm -f "$name.yaml"
}

head_lines() {
  printf 'evalreport: 1\nproject:\n  name: 测试项目\n  year: 2024\n'
}
leaf() {
  printf 'indicators:\n  - {code: A, name: 决策, weight: 100, rule: score, score: 90}\n'
}

# 100,000 indicators, flow mappings: a correct result.
{
  head_lines
  echo "indicators:"
  awk 'BEGIN { for (i = 0; i < 100000; i++)
    printf "  - {code: A%d, name: 指标, weight: 0.001, rule: score, score: 0.001}\n", i }'
} >indicators-100k.yaml
# (each 0.001 prints as 0.00, so check says the parts do not add up to 100 as printed)
run indicators-100k 0 "indicators-100k.yaml: 0 个错误，1 个警告 (0 errors, 1 warning)"

# A 50 MB narrative in a block scalar: a correct result.
{
  head_lines
  leaf
  printf 'narrative:\n  background: |\n'
  awk 'BEGIN { line = "    "; for (i = 0; i < 33; i++) line = line "绩效评价"
    for (i = 0; i < 125000; i++) print line }'
} >narrative-50mb.yaml
run narrative-50mb 0 "narrative-50mb.yaml: 0 个错误，0 个警告 (0 errors, 0 warnings)"

# The same 50 MB on one line: refused before parsing.
{
  head_lines
  leaf
  printf 'narrative:\n  background: "'
  head -c 50000000 /dev/zero | tr '\0' 'a'
  printf '"\n'
} >narrative-50mb-line.yaml
run narrative-50mb-line 1 "^narrative-50mb-line.yaml:8:1: error: .* \[long-line\]$"

# 1,000 nesting levels, in flow and in block style.
{
  head_lines
  leaf
  printf 'narrative:\n  other: '
  awk 'BEGIN { for (i = 0; i < 1000; i++) printf "["; for (i = 0; i < 1000; i++) printf "]"; print "" }'
} >nesting-1000-flow.yaml
run nesting-1000-flow 1 "^nesting-1000-flow.yaml:8:72: error: .* \[depth\]$"
{
  head_lines
  leaf
  awk 'BEGIN { pad = ""; for (i = 0; i < 1000; i++) { print pad "a:"; pad = pad "  " } print pad "b" }'
} >nesting-1000-block.yaml
run nesting-1000-block 1 "^nesting-1000-block.yaml:.*: error: .* \[depth\]$"

# Billion laughs: 9 levels of 9 aliases, refused without expanding them.
{
  printf 'evalreport: 1\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  awk 'BEGIN { for (i = 1; i < 10; i++) {
    printf "a%d: &a%d [", i, i
    for (j = 0; j < 9; j++) printf "%s*a%d", j ? "," : "", i - 1
    print "]" } }'
} >billion-laughs.yaml
run billion-laughs 1 "^billion-laughs.yaml:3:10: error: .* \[alias\]$"

# Numbers: 40 digits, and 1e30 万元.
{
  head_lines
  leaf
  printf 'funds:\n  unit: 万元\n  items:\n    - name: 补助资金\n      sources:\n'
  printf '        - {level: 中央, planned: 1e30, arrived: 1234567890123456789012345678901234567890}\n'
} >numbers.yaml
run numbers 1 "^numbers.yaml:12:32: error: .*1e30.* \[type\]$"
grep -q -- "^numbers.yaml:12:.*: error: .*1234567890123456789012345678901234567890.* \[number-range\]$" numbers.out ||
  { echo "FAIL numbers: the 40 digits are not reported" && failed=1; }

# A byte-order mark before a valid file is no error.
printf '\357\273\277' >bom.yaml
cat "$src/docs/example.yaml" >>bom.yaml
run bom 0 "bom.yaml: 0 个错误，0 个警告 (0 errors, 0 warnings)"

# What render cannot hold is a finding of check, at the value: 1,250 leaves
# under one first-level indicator, 1,001 options of a survey question (a
# merged cell over more than 1,000 rows); a name over 32,767 bytes (an
# XLSX cell), which render writes cut.
{
  head_lines
  printf 'indicators:\n  - code: A\n    name: 决策\n    weight: 100\n    children:\n'
  awk 'BEGIN { for (i = 0; i < 1250; i++)
    printf "      - {code: A%d, name: 指标, weight: 0.08, rule: score, score: 0.08}\n", i }'
} >children-1250.yaml
run children-1250 1 "children-1250.yaml:6:11: error: 指标 A 下有 1250 个末级指标，评分表中它的单元格最多跨 1000 行：请拆分为几个指标 [too-many-rows]"
{
  head_lines
  leaf
  printf 'survey:\n  groups:\n    - name: 群众\n      respondents: 1001\n      questions:\n        - text: 问题\n          options:\n'
  awk 'BEGIN { for (i = 0; i < 1001; i++) printf "            选项%d: 1\n", i }'
} >options-1001.yaml
run options-1001 1 "options-1001.yaml:1014:13: error: 问题有 1001 个选项，问卷表中问题的单元格最多跨 1000 行：请减少选项 [too-many-rows]"
{
  printf 'evalreport: 1\nproject:\n  name: '
  head -c 33000 /dev/zero | tr '\0' 'a'
  printf '\n  year: 2024\n'
  leaf
} >name-33k.yaml
if command -v timeout >/dev/null && timeout 120 "$bin" render name-33k.yaml -o name-33k.render >/dev/null 2>&1; then
  echo "ok name-33k: rendered in every format"
else
  echo "FAIL name-33k: render failed" && failed=1
fi
run name-33k 0 "name-33k.yaml:3:9: warning: 项目名称有 33000 字节，超过 XLSX 单元格的 32767 字节上限：附件中只写入前 32767 字节，请缩短 [too-long]"
# A title of 11,000 Chinese characters: its lines are no longer balanced one
# against another (that once took minutes: every line end tried against every
# earlier one), and the PDF is written in seconds.
{
  printf 'evalreport: 1\nproject:\n  name: '
  awk 'BEGIN { for (i = 0; i < 1100; i++) printf "城乡低保补助资金专项" }'
  printf '\n  year: 2024\n'
  leaf
} >name-cjk.yaml
if timeout 120 "$bin" render name-cjk.yaml -o name-cjk.render --format pdf >/dev/null 2>&1 &&
  pdftotext -q name-cjk.render/name-cjk.pdf - | tr -d '\n' | grep -q '城乡低保补助资金专项城乡低保'; then
  echo "ok name-cjk: a title of 11,000 characters set in the PDF"
else
  echo "FAIL name-cjk: render failed or took more than 120 s" && failed=1
fi
# Formerly quadratic: 100,000 strings in one narrative section; 50,000 scale
# names (keys of one mapping) used by 50,000 leaves; 100,000 fund items.
{
  head_lines
  leaf
  printf 'narrative:\n  other:\n'
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "    - 第%d段。\n", i }'
} >paragraphs-100k.yaml
run paragraphs-100k 0 "paragraphs-100k.yaml: 0 个错误，0 个警告 (0 errors, 0 warnings)"
{
  head_lines
  echo "scales:"
  awk 'BEGIN { for (i = 0; i < 50000; i++) printf "  s%d: {好: 1, 差: 0}\n", i }'
  echo "indicators:"
  awk 'BEGIN { for (i = 0; i < 50000; i++)
    printf "  - {code: A%d, name: 指标, weight: 0.002, rule: judgement, levels: s%d, level: 好}\n", i, i }'
} >scales-50k.yaml
run scales-50k 0 "scales-50k.yaml: 0 个错误，1 个警告 (0 errors, 1 warning)"
{
  head_lines
  printf 'funds:\n  items:\n'
  awk 'BEGIN { for (i = 0; i < 100000; i++)
    printf "    - {name: 资金%d, sources: [{level: 中央, planned: 1, arrived: 1}]}\n", i }'
  echo "indicators:"
  awk 'BEGIN { for (i = 0; i < 50000; i++)
    printf "  - {code: A%d, name: 指标, weight: 0.002, rule: execution, fund: 资金%d}\n", i, i }'
} >funds-100k.yaml
run funds-100k 0 "funds-100k.yaml: 0 个错误，0 个警告 (0 errors, 0 warnings)"

# Too much: over 2 million values; 100,000 unknown keys (findings beyond
# 10,000 are counted, not listed); a file over 64 MB.
{
  printf 'evalreport: 1\nvalues:\n'
  awk 'BEGIN { for (i = 0; i < 2000001; i++) print "- 1" }'
} >values-2m.yaml
run values-2m 1 "^values-2m.yaml:.*: error: 文件含有超过 2000000 个值.* \[too-large\]$"
{
  head_lines
  leaf
  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "unknown%d: 1\n", i }'
} >unknown-keys-100k.yaml
run unknown-keys-100k 1 "unknown-keys-100k.yaml: note: 另有 90000 个问题未列出（最多列出 10000 个） [too-many]"
{
  head_lines
  leaf
  printf '# '
  head -c 70000000 /dev/zero | tr '\0' '#'
  echo
} >file-70mb.yaml
run file-70mb 1 "file-70mb.yaml: error: 文件超过 64 MB，不像是一个评价数据文件 [too-large]"

exit $failed
