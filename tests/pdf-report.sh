#!/bin/sh
# pdf-report.sh EVALREPORT SOURCE_DIR OUT_DIR
#
# The PDF report of every sample, through `evalreport render --format pdf`:
#  - pdftotext returns every text block of the document (compared with the
#    HTML report of the same document), and neither it nor pdffonts says
#    anything on stderr;
#  - every font is embedded as a subset, with a ToUnicode map;
#  - qpdf --check is clean;
#  - text extraction, page labels, metadata and the 仿宋 font as
#    tests/pdf_standard.py checks them;
#  - tables fill the pages they go on from, say 续表 and repeat their header
#    and their merged cells' text where they go on (tests/pdf_tables.py);
#  - the same data gives the same bytes (SOURCE_DATE_EPOCH set);
#  - nanchong's PDF is no larger than 385 KB with FandolFang embedded;
#  - with 附件说明 and a signature, both placed as GB/T 9704 says;
#  - front matter in Roman numerals (the profile's default) or unnumbered,
#    the body from 1, /PageLabels matching;
#  - the contents' page numbers are the pages the headings land on;
#  - a draft renders with its watermark and findings panel;
#  - a generated data file whose survey runs over several pages: each page
#    of the table repeats its header rows, and a question merged over forty
#    option rows shows its text on every page it spans.
# Exits 77 (skipped) without poppler-utils, qpdf or python3.
set -u
bin=$1 src=$2 out=$3
for tool in pdftotext pdffonts qpdf python3; do
  command -v $tool >/dev/null 2>&1 || {
    echo "skipped: no $tool"
    exit 77
  }
done
check="python3 $src/tests/pdf_check.py"
fail=0
rm -rf "$out"
mkdir -p "$out"

render() { # render DATA DIR [OPTIONS…]: NAME.pdf and NAME.html into DIR
  data=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  if ! "$bin" render "$data" -o "$dir" --format pdf "$@" >/dev/null 2>"$dir/render.log" ||
    ! "$bin" render "$data" -o "$dir" --format html "$@" >/dev/null 2>>"$dir/render.log"; then
    echo "FAIL: render $data $*"
    cat "$dir/render.log"
    fail=1
    return 1
  fi
}

fonts() { # fonts PDF: every font an embedded subset with a ToUnicode map
  if ! pdffonts "$1" >"$out/fonts.txt" 2>"$out/fonts.err" || [ -s "$out/fonts.err" ]; then
    echo "FAIL $1: pdffonts: $(cat "$out/fonts.err")"
    fail=1
    return
  fi
  bad=$(awk 'NR > 2 { n = NF; if ($(n-4) != "yes" || $(n-3) != "yes" || $(n-2) != "yes" ||
               substr($1, 7, 1) != "+") print }' "$out/fonts.txt")
  if [ -n "$bad" ] || [ "$(wc -l <"$out/fonts.txt")" -lt 3 ]; then
    echo "FAIL $1: fonts not embedded subsets with ToUnicode:"
    cat "$out/fonts.txt"
    fail=1
  fi
}

for data in "$src"/samples/*.yaml; do
  name=$(basename "$data" .yaml)
  render "$data" "$out/$name" || continue
  pdf=$out/$name/$name.pdf
  $check text "$out/$name/$name.html" "$pdf" || fail=1
  python3 "$src/tests/pdf_standard.py" "$pdf" || fail=1
  python3 "$src/tests/pdf_tables.py" "$pdf" || fail=1
  fonts "$pdf"
  if ! qpdf --check "$pdf" >"$out/qpdf.txt" 2>&1 || grep -qi "warning" "$out/qpdf.txt"; then
    echo "FAIL $pdf: qpdf --check"
    cat "$out/qpdf.txt"
    fail=1
  fi
  mkdir -p "$out/again"
  SOURCE_DATE_EPOCH=1700000000 "$bin" render "$data" -o "$out/again" --format pdf >/dev/null 2>&1 &&
    mv "$out/again/$name.pdf" "$out/again/first.pdf" &&
    SOURCE_DATE_EPOCH=1700000000 "$bin" render "$data" -o "$out/again" --format pdf >/dev/null 2>&1
  if ! cmp -s "$out/again/first.pdf" "$out/again/$name.pdf"; then
    echo "FAIL $name: two renders with SOURCE_DATE_EPOCH differ"
    fail=1
  elif ! grep -qa "CreationDate (D:20231114221320Z" "$out/again/$name.pdf"; then
    echo "FAIL $name: no creation date from SOURCE_DATE_EPOCH"
    fail=1
  fi
done
$check toc "$out/nanchong-2018/nanchong-2018.pdf" || fail=1

# Size: with the free 仿宋 FandolFang embedded, nanchong stays within the
# 385 KB it took with a Song face (its outlines slimmed, src/pdf/cffslim.c).
if fc-list : family | grep -q '^FandolFang'; then
  size=$(wc -c <"$out/nanchong-2018/nanchong-2018.pdf")
  if [ "$size" -gt 394240 ]; then
    echo "FAIL nanchong-2018.pdf: $size bytes, more than 385 KB"
    fail=1
  fi
fi

# A draft: the watermark and the findings panel.
if render "$src/samples/jialing-2023.yaml" "$out/draft" --draft; then
  text=$(pdftotext -enc UTF-8 "$out/draft/jialing-2023.pdf" - 2>&1 | tr -d ' \n')
  case "$text" in
  *草稿·数据检查*) ;;
  *)
    echo "FAIL draft: no findings panel"
    fail=1
    ;;
  esac
  pages=$(pdfinfo "$out/draft/jialing-2023.pdf" | awk '/^Pages:/ { print $2 }')
  marks=$(pdftotext -raw -enc UTF-8 "$out/draft/jialing-2023.pdf" - | tr -d '\f' | grep -c '^草$')
  if [ "${marks:-0}" -lt "${pages:-1}" ]; then
    echo "FAIL draft: $marks watermarks on $pages pages"
    fail=1
  fi
fi

# 附件说明 and a signature (GB/T 9704 §7.3.4, §7.3.5.1), placed as
# tests/pdf_standard.py checks them.
annexed=$out/annexed.yaml
awk '{ print } /^report:$/ && !done { done = 1; print "  annex_note: true"
  print "  signers:"; print "    - {org: 四川金财纵横绩效管理咨询有限公司, date: 2019-12-15}" }' \
  "$src/samples/nanchong-2018.yaml" >"$annexed"
if render "$annexed" "$out/annexed"; then
  pdf=$out/annexed/annexed.pdf
  python3 "$src/tests/pdf_standard.py" "$pdf" || fail=1
  for want in "附件：1.绩效评价指标体系评分表" "2.调查问卷汇总表" "2019年12月15日"; do
    pdftotext -raw -enc UTF-8 "$pdf" - | tr -d "\f" | grep -qxF "$want" || {
      echo "FAIL $pdf: no line $want"
      fail=1
    }
  done
fi

# Front matter unnumbered, as a style profile may choose: 摘要 and 目录
# print no number and have empty labels, the body starts at 1.
cp -r "$src/templates" "$out/tpl"
sed -i 's/^  front_matter: roman/  front_matter: none/' "$out/tpl/styles/gbt9704.yaml"
if render "$src/samples/nanchong-2018.yaml" "$out/unnumbered" --template "$out/tpl"; then
  pdf=$out/unnumbered/nanchong-2018.pdf
  python3 "$src/tests/pdf_standard.py" "$pdf" || fail=1
  first=$(pdftotext -layout -enc UTF-8 "$pdf" - | grep -o '— [0-9IVX]* —' | head -1)
  if [ "$first" != "— 1 —" ]; then
    echo "FAIL $pdf: the first number printed is '$first', not — 1 —"
    fail=1
  fi
fi

# A long survey: 30 more questions, one of them with 40 options.
long=$out/long-survey.yaml
awk '
  { print }
  /^      questions:$/ && !done {
    done = 1
    print "        - text: 生成的长问题：您对本地城乡低保工作各个方面的具体评价"
    print "          options:"
    for (i = 1; i <= 40; i++) printf "            生成选项甲%02d: %d\n", i, i < 40 ? 2 : 22
    for (q = 1; q <= 30; q++) {
      printf "        - text: 生成的第%d个问题\n", q
      print "          options:"
      for (i = 1; i <= 4; i++) printf "            生成选项乙%d-%d: 25\n", q, i
    }
  }' "$src/samples/nanchong-2018.yaml" >"$long"
if render "$long" "$out/long"; then
  pdf=$out/long/long-survey.pdf
  $check repeat "$pdf" "序号问题选项份数比例" "生成选项" "生成的长问题：您对本地城乡低保工作各个方面的具体评价" ||
    fail=1
  $check text "$out/long/long-survey.html" "$pdf" || fail=1
  python3 "$src/tests/pdf_tables.py" "$pdf" || fail=1
fi

exit $fail
