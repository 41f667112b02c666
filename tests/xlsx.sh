#!/bin/sh
# xlsx.sh EVALREPORT SOURCE_DIR WHAT [DATA]
#
# Tests of the XLSX annex (`render --format xlsx`):
#   same DATA      rendering twice gives the same bytes
#   values DATA    LibreOffice, recalculating every formula, shows the
#                  engine's subtotals, rates, total and grade; and the
#                  values cached in the file are the same
#   pdf DATA       the workbook converts to PDF in LibreOffice
#   edit           a leaf score changed in the file: subtotals, total and
#                  grade follow (samples nanchong-2018 and chenggong-2023)
# All but `same` need LibreOffice; without soffice they exit 77 (skipped).
set -eu
bin=$1 src=$2 what=$3 data=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/xlsx-test.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

need_soffice() {
  command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || {
    echo "skip: soffice not installed (apt-get install libreoffice-calc)"
    exit 77
  }
}

render() { # render DATA DIR → prints the workbook's path
  "$bin" render "$1" -o "$2" --format xlsx >/dev/null
  echo "$2/$(basename "$1" .yaml)-annex.xlsx"
}

case "$what" in
same)
  a=$(render "$data" "$work/a")
  sleep 1
  b=$(render "$data" "$work/b")
  cmp "$a" "$b"
  SOURCE_DATE_EPOCH=86400 render "$data" "$work/c" >/dev/null
  if cmp -s "$a" "$work/c/$(basename "$a")"; then
    echo "FAIL: SOURCE_DATE_EPOCH does not set the creation time"
    exit 1
  fi
  echo "ok: $(basename "$a") is the same twice"
  ;;
values)
  need_soffice
  x=$(render "$data" "$work")
  "$bin" score "$data" --json >"$work/score.json"
  sh "$here/xlsx-recalc.sh" "$x" "$work/csv"
  python3 "$here/xlsx_check.py" values "$work/score.json" "$work/csv" "$(basename "$x" .xlsx)"
  # the values cached in the file are the ones the formulas compute
  XLSX_RECALC=never sh "$here/xlsx-recalc.sh" "$x" "$work/cached"
  diff -r "$work/cached" "$work/csv"
  echo "ok: every cached value equals the recalculated one"
  ;;
pdf)
  need_soffice
  x=$(render "$data" "$work")
  sh "$here/xlsx-recalc.sh" "$x" "$work/pdf" pdf
  head -c 5 "$work/pdf/$(basename "$x" .xlsx).pdf" | grep -q '%PDF-'
  echo "ok: $(basename "$x") converts to PDF"
  ;;
edit)
  need_soffice
  # 南充 2018: 应退尽退率 2.4 → 4, 就业促进率 1.8 → 3 lift 88.38 (良好) to 91.18 (优秀)
  x=$(render "$src/samples/nanchong-2018.yaml" "$work")
  base=$(basename "$x" .xlsx)
  sh "$here/xlsx-recalc.sh" "$x" "$work/before"
  python3 "$here/xlsx_check.py" expect "$work/before" "$base" 评分表 TOTAL=88.38@88.38 grade=良好
  mkdir -p "$work/edited"
  python3 "$here/xlsx_check.py" edit "$x" "$work/edited/$base.xlsx" "$work/before" "$base" 评分表 \
    C212=4 C222=3
  sh "$here/xlsx-recalc.sh" "$work/edited/$base.xlsx" "$work/after"
  python3 "$here/xlsx_check.py" expect "$work/after" "$base" 评分表 \
    C212=4@100 C21=11.2@93.33 C222=3@100 C22=10.2@85 C2=25.38@84.6 C=44.18@88.36 \
    B=32@91.43 TOTAL=91.18@91.18 grade=优秀

  # 呈贡 2023 (自评): 经济效益 and 社会效益 8 → 0 take 100 (优秀) to 84 (良好) on its
  # 评分表; its 自评表 is the national form over its targets, another scheme,
  # and keeps 98.65 (执行率 86.49% × 10 + 90)
  x=$(render "$src/samples/chenggong-2023.yaml" "$work")
  base=$(basename "$x" .xlsx)
  sh "$here/xlsx-recalc.sh" "$x" "$work/before"
  python3 "$here/xlsx_check.py" edit "$x" "$work/edited/$base.xlsx" "$work/before" "$base" 评分表 C21=0 C22=0
  sh "$here/xlsx-recalc.sh" "$work/edited/$base.xlsx" "$work/after"
  python3 "$here/xlsx_check.py" expect "$work/after" "$base" 评分表 \
    C21=0@0 C2=24@60 C=44@73.33 TOTAL=84@84 grade=良好
  python3 "$here/xlsx_check.py" expect "$work/after" "$base" 自评表 TOTAL=98.65 grade=优秀
  ;;
*)
  echo "usage: xlsx.sh EVALREPORT SOURCE_DIR same|values|pdf|edit [DATA]" >&2
  exit 2
  ;;
esac
