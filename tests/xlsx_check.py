#!/usr/bin/env python3
"""Checks of the XLSX annex after LibreOffice has recalculated it.

  xlsx_check.py values SCORE.json CSVDIR BASE
      every subtotal, rate, total and grade LibreOffice computed from the
      workbook's formulas equals the engine's (evalreport score --json);
      fund sums and rates likewise; survey shares follow their counts.
  xlsx_check.py edit IN.xlsx OUT.xlsx CSVDIR BASE SHEET CODE=VALUE...
      writes VALUE into the score cell of the rows CODE of SHEET (found in
      the recalculated CSV of IN), as a user editing the file would.
  xlsx_check.py expect CSVDIR BASE SHEET CODE=SCORE[@RATE]... [grade=NAME]
      the recalculated rows show these values.

The sheets carry a hidden column 编码 with the indicator code of each row
(TOTAL and GRADE for the 总分 and 评价等级 rows), which these checks use to
find rows; the CSV files are "as shown", so a value is what a reader sees.
"""
import csv
import json
import re
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

SCORE_HEADS = ("评价得分", "自评得分", "得分")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def read_sheet(csvdir, base, sheet):
    path = Path(csvdir) / f"{base}-{sheet}.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


class Sheet:
    """A recalculated sheet: its header row and its rows by 编码."""

    def __init__(self, rows):
        self.rows = rows
        self.head = None
        for i, row in enumerate(rows):
            if "编码" in row and "分值" in row:
                self.head = i
                break
        if self.head is None:
            for i, row in enumerate(rows):
                if "编码" in row:
                    self.head = i
                    break
        if self.head is None:
            raise SystemExit("no header row with 编码")
        self.cols = {name: j for j, name in enumerate(rows[self.head]) if name}
        code = self.cols["编码"]
        self.by_code = {}
        for i, row in enumerate(rows):
            if i > self.head and len(row) > code and row[code]:
                self.by_code[row[code]] = i

    def col(self, *names):
        for n in names:
            if n in self.cols:
                return self.cols[n]
        raise KeyError(names)

    def cell(self, code, *names):
        i = self.by_code.get(code)
        if i is None:
            return None
        row = self.rows[i]
        j = self.col(*names)
        return row[j] if j < len(row) else ""


def dec(text):
    """A displayed number ("88.38", "91.43%", "答卷 100 份") as a Decimal."""
    text = (text or "").strip()
    if text.endswith("%"):
        return Decimal(text[:-1])
    return Decimal(text)


def rounded(value, places):
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def printed_rate(shown, weight):
    try:
        return rounded(dec(shown) * 100 / Decimal(str(weight)), 2)
    except Exception:
        return None


def same(what, shown, expected):
    try:
        ok = shown is not None and dec(shown) == Decimal(str(expected))
    except Exception:
        ok = False
    if not ok:
        fail(f"{what}: sheet shows {shown!r}, engine has {expected}")
    return ok


# ---- values ------------------------------------------------------------------------


def check_tree(sheet, nodes, where):
    for n in nodes:
        code = n["code"]
        if code in sheet.by_code:
            shown = sheet.cell(code, *SCORE_HEADS)
            same(f"{where} {code} 得分", shown, n["score"])
            if "得分率" in sheet.cols and n["weight"]:
                # 得分率 from the score as printed beside it (issue 20)
                same(f"{where} {code} 得分率", sheet.cell(code, "得分率"),
                     printed_rate(shown, n["weight"]))
        elif len(n["children"]) == 1:
            # shares its only child's row: the child's figures are its own
            c = n["children"][0]
            if (Decimal(str(c["score"])), Decimal(str(c["rate"]))) != (
                Decimal(str(n["score"])),
                Decimal(str(n["rate"])),
            ):
                fail(f"{where} {code} has no row but differs from its only child")
        else:
            fail(f"{where} {code}: no row on the sheet")
        check_tree(sheet, n["children"], where)


def check_score_sheet(score, csvdir, base):
    before = len(failures)
    sheet = Sheet(read_sheet(csvdir, base, "评分表"))
    check_tree(sheet, score["indicators"], "评分表")
    same("评分表 总分", sheet.cell("TOTAL", *SCORE_HEADS), score["total"])
    same("评分表 总分 得分率", sheet.cell("TOTAL", "得分率"),
         printed_rate(sheet.cell("TOTAL", *SCORE_HEADS), score["total_weight"]))
    same("评分表 总分 分值", sheet.cell("TOTAL", "分值"), score["total_weight"])
    grade = sheet.cell("GRADE", *SCORE_HEADS)
    if grade != score["grade"]:
        fail(f"评分表 评价等级: sheet shows {grade!r}, engine has {score['grade']!r}")
    if len(failures) == before:
        print(f"ok {base} 评分表: 总分 {sheet.cell('TOTAL', *SCORE_HEADS)} {grade}, "
              f"{len(sheet.by_code) - 2} rows")


def leaves(nodes):
    for n in nodes:
        if n["children"]:
            yield from leaves(n["children"])
        else:
            yield n


def check_self_sheet(score, csvdir, base):
    before = len(failures)
    sheet = Sheet(read_sheet(csvdir, base, "自评表"))
    # the form's rows are the targets; a leaf of the same name shows its score
    # there, and when every leaf does (the tree is the form) the totals agree
    on_form = True
    for n in leaves(score["indicators"]):
        if n["code"] in sheet.by_code:
            same(f"自评表 {n['code']} 得分", sheet.cell(n["code"], "得分"), n["score"])
        elif n["rule"] != "execution":
            on_form = False
    if on_form:
        same("自评表 总分", sheet.cell("TOTAL", "得分"), score["total"])
        i = sheet.by_code["GRADE"]
        if score["grade"] not in sheet.rows[i]:
            fail(f"自评表 评价等级: {sheet.rows[i]!r} lacks {score['grade']!r}")
    if len(failures) == before:
        print(f"ok {base} 自评表: 总分 {sheet.cell('TOTAL', '得分')} {score['grade']}")


def check_funds_sheet(score, csvdir, base):
    before = len(failures)
    sheet = Sheet(read_sheet(csvdir, base, "资金情况"))
    funds = score["funds"]
    rows = [(f"item:{k + 1}", item) for k, item in enumerate(funds["items"])]
    rows.append(("total", funds))
    for code, item in rows:
        for key, head in (("planned", "全年预算数"), ("arrived", "到位数"), ("spent", "支出数"),
                          ("balance", "结转结余")):
            shown = sheet.cell(code, head)
            places = len(shown.split(".")[1]) if shown and "." in shown else 0
            same(f"资金情况 {code} {head}", shown, rounded(item[key], places))
        for key, head in (("arrival_rate", "到位率"), ("execution_rate", "执行率")):
            shown = sheet.cell(code, head)
            if item[key] is None:
                if shown:
                    fail(f"资金情况 {code} {head}: shows {shown!r} for an undefined rate")
            else:
                same(f"资金情况 {code} {head}", shown, rounded(item[key], 2))
    if len(failures) == before:
        print(f"ok {base} 资金情况: 执行率 {sheet.cell('total', '执行率')}")


def check_survey_sheet(csvdir, base):
    before = len(failures)
    sheet = Sheet(read_sheet(csvdir, base, "问卷汇总"))
    code, count, share = sheet.col("编码"), sheet.col("份数"), sheet.col("比例")
    groups, questions = {}, {}
    for i, row in enumerate(sheet.rows):
        key = row[code] if len(row) > code else ""
        m = re.fullmatch(r"g(\d+)", key)
        if m:
            groups[m.group(1)] = re.sub(r"\D", "", row[count])
        m = re.fullmatch(r"g(\d+)q(\d+)o(\d+)", key)
        if m:
            questions.setdefault((m.group(1), m.group(2)), []).append(i)
    checked = 0
    for (g, q), idx in questions.items():
        multiple = any("（多选）" in sheet.rows[i][sheet.col("问题")] for i in idx)
        counts = [Decimal(sheet.rows[i][count]) for i in idx]
        base_n = Decimal(groups[g]) if multiple else sum(counts)
        for i, n in zip(idx, counts):
            if base_n:
                same(f"问卷汇总 g{g}q{q} 比例", sheet.rows[i][share], rounded(n * 100 / base_n, 2))
                checked += 1
    if len(failures) == before:
        print(f"ok {base} 问卷汇总: {checked} shares")


def values(score_json, csvdir, base):
    score = json.loads(Path(score_json).read_text(encoding="utf-8"))
    check_score_sheet(score, csvdir, base)
    names = {p.name for p in Path(csvdir).glob(f"{base}-*.csv")}
    if f"{base}-自评表.csv" in names:
        check_self_sheet(score, csvdir, base)
    if f"{base}-资金情况.csv" in names:
        check_funds_sheet(score, csvdir, base)
    if f"{base}-问卷汇总.csv" in names:
        check_survey_sheet(csvdir, base)


# ---- edit ----------------------------------------------------------------------------


def col_letter(j):
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(ord("A") + r) + s
    return s


def sheet_part(z, name):
    """The part name of the worksheet called `name` in an open xlsx."""
    wb = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    m = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(name), wb)
    if not m:
        raise SystemExit(f"no sheet {name}")
    t = re.search(r'<Relationship Id="%s" [^>]*Target="([^"]+)"' % m.group(1), rels)
    if not t:
        t = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % m.group(1), rels)
    target = t.group(1)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def edit(src, dst, csvdir, base, sheet_name, assignments):
    sheet = Sheet(read_sheet(csvdir, base, sheet_name))
    score_col = sheet.col(*SCORE_HEADS)
    with zipfile.ZipFile(src) as z:
        part = sheet_part(z, sheet_name)
        xml = z.read(part).decode("utf-8")
        for a in assignments:
            code, value = a.split("=")
            ref = f"{col_letter(score_col)}{sheet.by_code[code] + 1}"
            xml, n = re.subn(r'<c r="%s"([^>]*?)(?:/>|>.*?</c>)' % ref,
                             lambda m: f'<c r="{ref}"{m.group(1)}><v>{value}</v></c>', xml,
                             count=1)
            if n != 1:
                raise SystemExit(f"no cell {ref} for {code}")
            print(f"edit {sheet_name}!{ref} ({code}) = {value}")
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for info in z.infolist():
                data = xml.encode("utf-8") if info.filename == part else z.read(info.filename)
                out.writestr(info, data)


def expect(csvdir, base, sheet_name, claims):
    before = len(failures)
    sheet = Sheet(read_sheet(csvdir, base, sheet_name))
    for c in claims:
        code, value = c.split("=")
        if code == "grade":
            i = sheet.by_code["GRADE"]
            if value not in sheet.rows[i]:
                fail(f"{sheet_name} 评价等级: {sheet.rows[i]!r} lacks {value!r}")
            continue
        score, _, rate = value.partition("@")
        same(f"{sheet_name} {code} 得分", sheet.cell(code, *SCORE_HEADS), score)
        if rate:
            same(f"{sheet_name} {code} 得分率", sheet.cell(code, "得分率"), rate)
    if len(failures) == before:
        print(f"ok {base} {sheet_name}: {' '.join(claims)}")


def main(argv):
    if len(argv) >= 4 and argv[0] == "values":
        values(*argv[1:4])
    elif len(argv) >= 6 and argv[0] == "edit":
        edit(argv[1], argv[2], argv[3], argv[4], argv[5], argv[6:])
    elif len(argv) >= 4 and argv[0] == "expect":
        expect(argv[1], argv[2], argv[3], argv[4:])
    else:
        print(__doc__)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
