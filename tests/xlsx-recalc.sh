#!/bin/sh
# xlsx-recalc.sh FILE.xlsx OUTDIR [FORMAT]
#
# Opens FILE.xlsx in headless LibreOffice with a throwaway profile that
# recalculates every formula on load (OOXMLRecalcMode=0: "always"), so no
# value cached by the writer can hide a wrong formula, and writes every
# sheet as OUTDIR/<name>-<sheet>.csv: UTF-8, comma-separated, each cell as
# LibreOffice displays it. FORMAT pdf converts to OUTDIR/<name>.pdf instead,
# FORMAT xlsx to OUTDIR/<name>.xlsx with the recalculated values cached.
#
# With XLSX_RECALC=never LibreOffice shows the values the writer cached
# instead, so the two exports of one file can be compared.
#
# Exits 77 (the test suite's "skipped") when soffice is not installed.
set -eu
in=$1 out=$2 format=${3:-csv}
[ -f "$in" ] || { echo "xlsx-recalc: no file $in" >&2; exit 2; }
soffice=$(command -v soffice || command -v libreoffice || true)
[ -n "$soffice" ] || { echo "xlsx-recalc: soffice not found (apt-get install libreoffice-calc)" >&2; exit 77; }
profile=$(mktemp -d "${TMPDIR:-/tmp}/xlsx-recalc.XXXXXX")
trap 'rm -rf "$profile"' EXIT INT TERM
mkdir -p "$profile/user" "$out"
case "${XLSX_RECALC:-always}" in
always) mode=0 ;;
never) mode=1 ;;
*) echo "xlsx-recalc: XLSX_RECALC is always or never" >&2; exit 2 ;;
esac
cat >"$profile/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>$mode</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>$mode</value></prop></item>
</oor:items>
XCU
case "$format" in
csv)
  # tokens: comma, double quote, UTF-8, from line 1, default cell format,
  # language, quoted text, detect numbers, save cells as shown, no formulas,
  # keep spaces, every sheet to its own file (-1)
  filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,true,false,false,-1'
  ;;
pdf) filter='pdf:calc_pdf_Export' ;;
# the recalculated workbook itself, its values cached for openpyxl to read
xlsx) filter='xlsx:Calc MS Excel 2007 XML' ;;
*) echo "xlsx-recalc: unknown format $format" >&2; exit 2 ;;
esac
HOME="$profile" "$soffice" -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to "$filter" "$in" --outdir "$out" >"$profile/log" 2>&1 || {
  cat "$profile/log" >&2
  echo "xlsx-recalc: LibreOffice failed on $in" >&2
  exit 1
}
name=$(basename "$in" .xlsx)
if [ "$format" = xlsx ]; then
  [ -s "$out/$name.xlsx" ] || { cat "$profile/log" >&2; echo "xlsx-recalc: no XLSX for $in" >&2; exit 1; }
elif [ "$format" = pdf ]; then
  [ -s "$out/$name.pdf" ] || { cat "$profile/log" >&2; echo "xlsx-recalc: no PDF for $in" >&2; exit 1; }
else
  ls "$out/$name"-*.csv >/dev/null 2>&1 || { cat "$profile/log" >&2; echo "xlsx-recalc: no CSV for $in" >&2; exit 1; }
fi
