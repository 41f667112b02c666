#!/usr/bin/python3
"""End-to-end test of the XLSX annex as a user edits it.

  xlsx_edit.py EVALREPORT RECALC_SH DATA WORKDIR [FORM]

Renders DATA's annex, then in copies of it changes one input cell of each
kind with openpyxl — a leaf score and a leaf weight on 评分表, a spending
line on 资金情况 — recalculates each copy in LibreOffice (RECALC_SH ... xlsx)
and reads the recalculated values back. In the original and in every
copy it recomputes, from the workbook's own input cells, every subtotal,
weight, rate, total and grade of every sheet and asserts that the sheet
shows them; that the edit moved the total by what it should; and that every
总分 of the workbook is the same where the 自评表 is the indicator tree.
It also asserts that no cell holds a number as text, and that the 自评表
follows the national layout cell by cell (headers, rows, and the same
figures as the HTML report's 自评表). FORM (sichuan) renders DATA on that
form profile instead.
"""
import html as htmlmod
import re
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import yaml

failures = []
checked = 0
EPS = Decimal("0.000001")


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def D(v):
    return Decimal(str(v))


def r(v, places):
    return D(v).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def close(what, got, want, eps=EPS):
    global checked
    checked += 1
    if got is None or isinstance(got, str):
        fail(f"{what}: sheet has {got!r}, expected {want}")
        return
    if abs(D(got) - D(want)) > eps:
        fail(f"{what}: sheet has {got}, expected {want}")


def keyed(ws):
    """Rows of a sheet by the hidden 编码 column: {code: row number}."""
    kc = None
    for row in ws.iter_rows():
        for c in row:
            if c.value == "编码":
                kc = c.column
        if kc:
            break
    out = {}
    for row in ws.iter_rows(min_col=kc, max_col=kc):
        v = row[0].value
        if isinstance(v, str) and v and v != "编码":
            out[v] = row[0].row
    return out


def head_cols(ws, *names):
    for row in ws.iter_rows():
        vals = {c.value: c.column for c in row if isinstance(c.value, str)}
        if all(n in vals for n in names[:1]) and "编码" in vals:
            return vals
    raise SystemExit(f"{ws.title}: no header row")


# ---- the model of the workbook, from the data and the cells the user may edit -------------


def tree(nodes, depth=1, parent=None):
    for n in nodes or []:
        n["_depth"] = depth
        yield n
        yield from tree(n.get("children"), depth + 1, n)


def grade_of(data, total):
    grades = data.get("grades") or [
        {"name": "优", "min": 90}, {"name": "良", "min": 80}, {"name": "中", "min": 60},
        {"name": "差"}]
    t = r(total, 2)
    for g in grades[:-1]:
        if g.get("min") is not None and t >= D(g["min"]):
            return g["name"]
    return grades[-1]["name"]


def check_funds(wb, data):
    """资金情况: 小计 and 合计 are sums of the rows; returns {item name: (spent, arrived)}."""
    if "资金情况" not in wb.sheetnames:
        return {}
    ws = wb["资金情况"]
    rows, cols = keyed(ws), head_cols(ws, "支出数")
    out = {}
    total = [D(0)] * 3
    for k, item in enumerate(data["funds"]["items"]):
        row = rows[f"item:{k + 1}"]
        # the item's input rows are the rows above its 小计, down to the previous one
        prev = rows.get(f"item:{k}", cols and 3)
        sp = ar = pl = D(0)
        for y in range(prev + 1, row):
            s = ws.cell(y, cols["支出数"]).value
            a = ws.cell(y, cols["到位数"]).value
            p = ws.cell(y, cols["全年预算数"]).value
            sp += D(s) if isinstance(s, (int, float)) else 0
            ar += D(a) if isinstance(a, (int, float)) else 0
            pl += D(p) if isinstance(p, (int, float)) else 0
        close(f"资金情况 {item['name']} 支出数", ws.cell(row, cols["支出数"]).value, sp)
        close(f"资金情况 {item['name']} 到位数", ws.cell(row, cols["到位数"]).value, ar)
        if ar:
            close(f"资金情况 {item['name']} 执行率", ws.cell(row, cols["执行率"]).value,
                  r(sp / ar, 8))
        out[item["name"]] = (sp, ar, pl)
        total = [total[0] + sp, total[1] + ar, total[2] + pl]
    row = rows["total"]
    close("资金情况 合计 支出数", ws.cell(row, cols["支出数"]).value, total[0])
    out[None] = tuple(total)
    return out


def check_score_sheet(wb, data, funds):
    """评分表: every weight and score subtotal, rate, the total and the grade."""
    ws = wb["评分表"]
    rows = keyed(ws)
    cols = head_cols(ws, "分值")
    sc = cols.get("自评得分") or cols.get("评价得分")
    wc, rc = cols["分值"], cols["得分率"]
    nodes = list(tree(data["indicators"]))
    value = {}

    def cell(n):
        # a node that shares its only child's row shows there
        while n["code"] not in rows and n.get("children"):
            n = n["children"][0]
        return rows.get(n["code"])

    for n in reversed(nodes):  # children before parents
        y = cell(n)
        if y is None:
            fail(f"评分表 {n['code']}: no row")
            continue
        w, s = ws.cell(y, wc).value, ws.cell(y, sc).value
        kids = n.get("children") or []
        if kids:
            ws_ = sum((value[k["code"]][0] for k in kids if not k.get("bonus")), D(0))
            ss_ = sum((value[k["code"]][1] for k in kids), D(0))
            close(f"评分表 {n['code']} 分值", w, ws_)
            close(f"评分表 {n['code']} 得分", s, ss_)
            w, s = ws_, ss_
        elif n.get("rule") == "execution" and funds:
            sp, ar, _ = funds[n.get("fund")]
            want = min(r(r(sp / ar, 8), 6), D(1)) * D(w) if ar else D(0)
            close(f"评分表 {n['code']} 得分 (执行率)", s, r(want, 6))
        value[n["code"]] = (D(w), D(s) if s is not None else D(0))
        if D(w):
            places = 3 if (not kids and isinstance(s, (int, float))
                           and ws.cell(y, sc).number_format == "0.000") else 2
            close(f"评分表 {n['code']} 得分率", ws.cell(y, rc).value,
                  r(r(value[n['code']][1], places) / D(w), 8))
    top = data["indicators"]
    tw = sum((value[n["code"]][0] for n in top if not n.get("bonus")), D(0))
    ts = sum((value[n["code"]][1] for n in top), D(0))
    close("评分表 总分 分值", ws.cell(rows["TOTAL"], wc).value, tw)
    close("评分表 总分", ws.cell(rows["TOTAL"], sc).value, ts)
    g = ws.cell(rows["GRADE"], sc).value
    if g != grade_of(data, ts):
        fail(f"评分表 评价等级 {g!r}, expected {grade_of(data, ts)!r} for {ts}")
    return ts, value


def check_self_sheet(wb, data, funds, value):
    """自评表: funds rows, target scores, 总分 and grade from its inputs."""
    ws = wb["自评表"]
    rows = keyed(ws)
    cols = head_cols(ws, "分值")
    sichuan = "指标性质" in cols
    fc = 3 if not sichuan else 5  # 年初预算数 … 得分: six columns from here
    ini, bud, spe, wcol, rate, scol = range(fc + 1, fc + 7)
    parts = {k: rows[f"funds:{k}"] for k in ("current", "carryover", "other")}
    for i, col in ((0, ini), (1, bud), (2, spe)):
        want = sum((D(ws.cell(y, col).value) for y in parts.values()), D(0))
        close(f"自评表 年度资金总额 col {col}", ws.cell(rows["funds:all"], col).value, want)
    for name, y in list(parts.items()) + [("all", rows["funds:all"])]:
        b, s = D(ws.cell(y, bud).value), D(ws.cell(y, spe).value)
        got = ws.cell(y, rate).value
        if b:
            close(f"自评表 {name} 执行率", got, r(s / b, 8))
        elif got != "—":
            fail(f"自评表 {name} 执行率 {got!r} for a 全年预算数 of 0")
    exec_leaf = next((n for n in tree(data["indicators"]) if n.get("rule") == "execution"), None)
    y = rows["funds:all"]
    fw, fs = ws.cell(y, wcol).value, ws.cell(y, scol).value
    if exec_leaf:
        close("自评表 资金 得分 = 评分表 执行率 leaf", fs, value[exec_leaf["code"]][1])
        close("自评表 资金 分值 = 评分表 执行率 leaf", fw, value[exec_leaf["code"]][0])
    else:
        rt = ws.cell(y, rate).value
        want = r(min(r(D(rt), 6), D(1)) * D(fw), 6) if isinstance(rt, (int, float)) else D(0)
        close("自评表 资金 得分 = 执行率 × 分值", fs, want)
    sw, ss = D(fw), D(fs)
    for code, yy in rows.items():
        if code.startswith("funds:") or code in ("TOTAL", "GRADE"):
            continue
        w, s = ws.cell(yy, cols["分值"]).value, ws.cell(yy, cols["得分"]).value
        if code in value:
            close(f"自评表 {code} 分值 = 评分表", w, value[code][0])
            close(f"自评表 {code} 得分 = 评分表", s, value[code][1])
        if isinstance(w, (int, float)):
            sw += D(w)
        if isinstance(s, (int, float)):
            ss += D(s)
    close("自评表 总分 分值", ws.cell(rows["TOTAL"], cols["分值"]).value, sw)
    close("自评表 总分", ws.cell(rows["TOTAL"], cols["得分"]).value, ss)
    g = ws.cell(rows["GRADE"], cols["分值"]).value
    if g != grade_of(data, ss):
        fail(f"自评表 评价等级 {g!r}, expected {grade_of(data, ss)!r}")
    return ss


def check_book(path, data, label):
    wb = openpyxl.load_workbook(path, data_only=True)
    funds = check_funds(wb, data)
    total, value = check_score_sheet(wb, data, funds)
    totals = {"评分表": total}
    if "自评表" in wb.sheetnames:
        totals["自评表"] = check_self_sheet(wb, data, funds, value)
    return totals, value, funds


# ---- layout and storage -----------------------------------------------------------------------

NUMBER = re.compile(r"^\s*[≥≤<>=]?\s*-?\d+(\.\d+)?\s*%?\s*$")


def no_numbers_as_text(path):
    """No number stored as text; every sheet protected without a password,
    every formula locked; no manual page break (the application fills the
    pages)."""
    wb = openpyxl.load_workbook(path)
    n = 0
    for ws in wb:
        if not ws.protection.sheet or ws.protection.password:
            fail(f"{ws.title}: not protected, or protected with a password")
        if ws.row_breaks.brk:
            fail(f"{ws.title}: {len(ws.row_breaks.brk)} manual page breaks")
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("=") and not c.protection.locked:
                    fail(f"{ws.title}!{c.coordinate}: a formula left unlocked")
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and not c.value.startswith("=") and NUMBER.match(c.value):
                    fail(f"{ws.title}!{c.coordinate}: the number {c.value!r} is stored as text")
                n += 1
    return n


def html_self_table(path):
    text = Path(path).read_text(encoding="utf-8")
    i = text.find('class="small selftable"')
    if i < 0:
        return []
    t = text[i:text.find("</table>", i)]
    cells = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", t, re.S):
        cells.append([htmlmod.unescape(re.sub(r"<[^>]+>", "", c)).strip()
                      for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)])
    return cells


def check_layout(xlsx_shown_csv, html_path, sichuan):
    """The 自评表 as shown (LibreOffice's CSV) against the national form."""
    import csv
    rows = list(csv.reader(open(xlsx_shown_csv, encoding="utf-8")))
    want = {
        (0, 0): "项目支出绩效自评表", (2, 0): "项目名称", (3, 0): "主管部门",
        (4, 0): "项目资金\n（万元）", (9, 0): "年度总体目标", (11, 0): "绩效指标",
    }
    fc = 3 if not sichuan else 5
    heads = ["年初预算数", "调整后预算数" if sichuan else "全年预算数", "全年执行数", "分值",
             "执行率", "得分"]
    for i, h in enumerate(heads):
        want[(4, fc + i)] = h
    labels = ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"]
    for i, h in enumerate(labels):
        want[(5 + i, 1)] = h
    ind = ["一级指标", "二级指标", "三级指标"] + (
        ["指标性质", "年度指标值", "度量单位", "实际完成值"] if sichuan else ["年度指标值", "实际完成值"]
    ) + ["分值", "得分", "偏差原因分析及改进措施"]
    for i, h in enumerate(ind):
        want[(11, 1 + i)] = h
    for (y, x), v in want.items():
        global checked
        checked += 1
        got = rows[y][x] if y < len(rows) and x < len(rows[y]) else None
        if got != v:
            fail(f"自评表 row {y + 1} col {x + 1}: {got!r}, the form has {v!r}")
    # the funds block: 分值 and 得分 on 年度资金总额, dashed on the 其中 rows only
    for y in (6, 7, 8):
        for x in (fc + 3, fc + 5):
            if rows[y][x] != "—":
                fail(f"自评表 row {y + 1}: {heads[x - fc]} should be dashed, is {rows[y][x]!r}")
        if rows[y][fc + 2] in ("", "—"):
            fail(f"自评表 row {y + 1}: 全年执行数 empty")
    if rows[5][fc + 3] in ("", "—") or rows[5][fc + 5] in ("", "—"):
        fail("自评表: 年度资金总额 lacks 分值 or 得分")
    # the same figures as the HTML's 自评表: funds rows and indicator rows
    # (when the report's outline shows it: chenggong's published outline
    # annexes its 评分表 instead)
    h = html_self_table(html_path)
    if not h:
        print(f"{html_path.name}: no 自评表 in this report's outline; the workbook's is checked alone")
        return
    hf = [r_ for r_ in h if r_ and r_[0] in labels]
    for i, hr in enumerate(hf):
        xr = rows[5 + i][fc:fc + 6]
        for a, b in zip(hr[1:], xr):
            checked += 1
            if not same_figure(a, b):
                fail(f"自评表 {labels[i]}: HTML {a!r}, XLSX {b!r}")
    hi = h.index(next(r_ for r_ in h if "偏差原因分析及改进措施" in r_)) + 1
    end = next(i for i, r_ in enumerate(h) if r_ and r_[0] == "总分")
    hrows = h[hi:end]
    # Sichuan's closing rows: 结论, 问题, 改进措施 with the same text
    xclose = {x[0]: x[1] for x in rows if x and x[0] in ("结论", "问题", "改进措施")}
    for hr in h[end + 1:]:
        checked += 1
        if xclose.get(hr[0], "").replace("\n", "") != hr[1].replace("\n", ""):
            fail(f"自评表 {hr[0]}: HTML {hr[1]!r}, XLSX {xclose.get(hr[0])!r}")
    if sichuan and len(h) - end - 1 != 3:
        fail("自评表: Sichuan's form ends with 结论, 问题 and 改进措施")
    xrows = [x for x in rows[12:12 + len(hrows)]]
    k = 8 if sichuan else 6  # 三级指标 … 偏差原因分析及改进措施
    for hr, xr in zip(hrows, xrows):
        for a, b in zip(hr[-k:], xr[3:3 + k]):
            checked += 1
            if not same_figure(a, b):
                fail(f"自评表 {xr[3]!r}: HTML {a!r}, XLSX {b!r}")
    ht = next(r_ for r_ in h if r_ and r_[0] == "总分")
    xt = next(x for x in rows if x and x[0] == "总分")
    xs = [v for v in xt[1:] if v]
    if not same_figure(ht[2], xs[1]):
        fail(f"自评表 总分: HTML {ht[2]!r}, XLSX {xs[1]!r}")


def same_figure(a, b):
    if a == b:
        return True
    try:
        return D(a.rstrip("%")) == D(b.rstrip("%")) and a.endswith("%") == b.endswith("%")
    except Exception:
        return False


# ---- edits ---------------------------------------------------------------------------------------


def find(ws, code):
    return keyed(ws)[code]


def edit(src, dst, sheet, code, head, value):
    wb = openpyxl.load_workbook(src)
    ws = wb[sheet]
    y = find(ws, code) if code else None
    cols = head_cols(ws, head)
    c = ws.cell(y, cols[head])
    if c.protection.locked:
        fail(f"{sheet}!{c.coordinate} ({code} {head}): an input cell is locked")
    old = c.value
    if isinstance(old, str) and old.startswith("="):
        raise SystemExit(f"{sheet} {code} {head} is a formula, not an input")
    c.value = value(old)
    wb.save(dst)
    print(f"edit {sheet}!{c.coordinate} ({code} {head}): {old} → {c.value}")
    return old, c.value


def main(argv):
    bin_, recalc, data_path, work = argv[:4]
    work = Path(work)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    if len(argv) > 4:
        # the same data on another form profile: form: sichuan
        text = Path(data_path).read_text(encoding="utf-8")
        text = re.sub(r"^kind: self$", f"kind: self\nform: {argv[4]}", text, flags=re.M)
        data_path = str(work / f"{Path(data_path).stem}-{argv[4]}.yaml")
        Path(data_path).write_text(text, encoding="utf-8")
    data = yaml.safe_load(open(data_path, encoding="utf-8"))
    base = Path(data_path).stem
    for fmt in ("xlsx", "html"):
        subprocess.run([bin_, "render", data_path, "-o", str(work), "--format", fmt],
                       check=True, stdout=subprocess.DEVNULL)
    xlsx = work / f"{base}-annex.xlsx"
    n = no_numbers_as_text(xlsx)
    print(f"ok {base}: {n} cells, none a number stored as text" if not failures else "")

    def recalc_book(path, tag):
        out = work / tag
        subprocess.run(["sh", recalc, str(path), str(out), "xlsx"], check=True)
        return out / path.name

    before, value, funds = check_book(recalc_book(xlsx, "r0"), data, "original")
    self_is_tree = False
    if "自评表" in before:
        subprocess.run(["sh", recalc, str(xlsx), str(work / "csv")], check=True)
        check_layout(work / "csv" / f"{base}-annex-自评表.csv", work / f"{base}.html",
                     data.get("form") == "sichuan")
        exec_leaf = any(n.get("rule") == "execution" for n in tree(data["indicators"]))
        self_is_tree = exec_leaf and abs(before["自评表"] - before["评分表"]) <= EPS
    print(f"{base}: 总分 {before}")

    leaves = [n for n in tree(data["indicators"]) if not n.get("children")]
    scored = [n for n in leaves if n.get("rule") != "execution" and not n.get("bonus")]
    leaf = max(scored, key=lambda n: D(n["weight"]))
    # 1. a leaf score: half its weight
    e1 = work / "e1.xlsx"
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["评分表"]
    cols = head_cols(ws, "分值")
    sc = cols.get("自评得分") or cols.get("评价得分")
    y = find(ws, leaf["code"])
    old = ws.cell(y, sc).value
    if ws.cell(y, sc).protection.locked:
        fail(f"评分表 {leaf['code']} 得分: an input cell is locked")
    ws.cell(y, sc).value = float(D(leaf["weight"]) / 2)
    wb.save(e1)
    print(f"edit 评分表 {leaf['code']} 得分: {old} → {ws.cell(y, sc).value}")
    after, _, _ = check_book(recalc_book(e1, "r1"), data, "score edit")
    print(f"{base}: after the score edit 总分 {after}")
    close(f"{base} 总分 after the score edit", after["评分表"],
          before["评分表"] - D(old) + D(leaf["weight"]) / 2)
    if self_is_tree:
        close(f"{base} 自评表 总分 = 评分表 总分", after["自评表"], after["评分表"])

    # 2. a leaf weight: one more point (its subtotals' weights and the total weight follow)
    e2 = work / "e2.xlsx"
    edit(xlsx, e2, "评分表", leaf["code"], "分值", lambda v: v + 1)
    d2 = yaml.safe_load(open(data_path, encoding="utf-8"))
    for n in tree(d2["indicators"]):
        if n["code"] == leaf["code"]:
            n["weight"] = D(n["weight"]) + 1
    wb = openpyxl.load_workbook(recalc_book(e2, "r2"), data_only=True)
    ws = wb["评分表"]
    tw = ws.cell(find(ws, "TOTAL"), head_cols(ws, "分值")["分值"]).value
    close(f"{base} 总分 分值 after the weight edit", tw, D(data_total_weight(data)) + 1)
    after2, _, _ = check_book(work / "r2" / "e2.xlsx", d2, "weight edit")
    print(f"{base}: after the weight edit 总分 {after2}, 分值 {tw}")

    # 3. a spending line: 10% less on the first item's first spending
    items = (data.get("funds") or {}).get("items") or []
    spend = next(((k, it) for k, it in enumerate(items) if it.get("spending")), None)
    if spend:
        e3 = work / "e3.xlsx"
        wb = openpyxl.load_workbook(xlsx)
        ws = wb["资金情况"]
        cols = head_cols(ws, "支出数")
        k, it = spend
        y = find(ws, f"item:{k + 1}") - len(it["spending"])
        old = ws.cell(y, cols["支出数"]).value
        if ws.cell(y, cols["支出数"]).protection.locked:
            fail("资金情况: a spending amount is locked")
        ws.cell(y, cols["支出数"]).value = float(r(D(old) * D("0.9"), 4))
        wb.save(e3)
        print(f"edit 资金情况 {it['name']} {it['spending'][0]['category']}: {old} → "
              f"{ws.cell(y, cols['支出数']).value}")
        after3, _, funds3 = check_book(recalc_book(e3, "r3"), data, "spending edit")
        close(f"{base} 合计 支出数 after the spending edit", funds3[None][0],
              funds[None][0] - D(old) + r(D(old) * D("0.9"), 4))
        if self_is_tree:
            close(f"{base} 自评表 总分 = 评分表 总分 after the spending edit",
                  after3["自评表"], after3["评分表"])
            if after3["评分表"] >= before["评分表"]:
                fail(f"{base}: less spending did not lower the 执行率 score")
        print(f"{base}: after the spending edit 总分 {after3}")
    # 4. a target's 实际完成值 on the 自评表, where the form scores it:
    # 10% short of the target, the score falls to actual ÷ target × 分值
    if "自评表" in before:
        wb = openpyxl.load_workbook(xlsx)
        ws = wb["自评表"]
        cols = head_cols(ws, "分值")
        row = next((y for code, y in keyed(ws).items() if code.startswith("target:")
                    and str(ws.cell(y, cols["得分"]).value).startswith("=IF(")
                    and "MIN(" in str(ws.cell(y, cols["得分"]).value)), None)
        if row:
            g = ws.cell(row, cols["年度指标值"]).value
            ws.cell(row, cols["实际完成值"]).value = float(D(g) * D("0.9"))
            e4 = work / "e4.xlsx"
            wb.save(e4)
            print(f"edit 自评表 row {row} 实际完成值: → {ws.cell(row, cols['实际完成值']).value}")
            wb4 = openpyxl.load_workbook(recalc_book(e4, "r4"), data_only=True)
            w4 = wb4["自评表"]
            w = D(w4.cell(row, cols["分值"]).value)
            close(f"{base} 自评表 row {row} 得分 after the actual edit",
                  w4.cell(row, cols["得分"]).value, r(r(D("0.9"), 6) * w, 6))
            after4, _, _ = check_book(work / "r4" / "e4.xlsx", data, "actual edit")
            print(f"{base}: after the actual edit 总分 {after4}")
            close(f"{base} 自评表 总分 after the actual edit", after4["自评表"],
                  before["自评表"] - w + r(D("0.9") * w, 6))
    print(f"{base}: {checked} figures checked, {len(failures)} failures")
    return 1 if failures else 0


def data_total_weight(data):
    return sum((D(n["weight"]) for n in data["indicators"] if not n.get("bonus")), D(0))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
