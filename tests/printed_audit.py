"""printed_audit.py CHECK_OUTPUT PAGE.html...: redo a report's arithmetic
from its printed figures, as a finance bureau's reviewer does with a
calculator. Every 得分率 equals the printed score ÷ the weight, every
survey share the printed count ÷ its base, every sentence's sum the sum of
the amounts it lists; a table's 合计 equals the sum of its printed rows, or
`check` (whose output is CHECK_OUTPUT) has warned that rounding makes them
differ. Prints how many figures it checked; exits 1 on any discrepancy."""
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

checked = 0
bad = 0


def fail(page, what):
    global bad
    bad += 1
    print(f"FAIL {page}: {what}")


def percent(part, whole):
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def nums(row):
    return re.findall(r'<td class="num"[^>]*>([^<]*)</td>', row)


def text_of(html):
    return re.sub(r"<[^>]*>", "", html)


def tables(html, caption_word):
    for m in re.finditer(r"<table[^>]*>\s*<caption>([^<]*)</caption>(.*?)</table>", html, re.S):
        if caption_word in m.group(1):
            body = m.group(2).split("<tbody>")[-1]
            yield m.group(1), re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)


def audit_rates(page, html):
    """得分表: each row's rate from its printed weight and score."""
    global checked
    for cap, rows in tables(html, "得分表"):
        for row in rows:
            cells = nums(row)
            if len(cells) < 3 or cells[2] in ("—", ""):
                continue
            weight, score, rate = cells[-3], cells[-2], cells[-1].rstrip("%")
            checked += 1
            if percent(score, weight) != Decimal(rate):
                fail(page, f"{cap}: {score} / {weight} is {percent(score, weight)}%, printed {rate}%")


def audit_sums(page, html, warnings):
    """Tables with 合计: the printed rows add up to it, or check said why not."""
    global checked
    for word, col in (("得分表", -2), ("指标得分情况表", -1)):
        for cap, rows in tables(html, word):
            total, parts = None, []
            for row in rows:
                cells = nums(row)
                if len(cells) < 2:
                    continue
                value = Decimal(cells[col] if word == "得分表" else cells[-1])
                if "合计" in row:
                    total = value
                else:
                    parts.append(value)
            if total is None:
                continue
            checked += 1
            if sum(parts) != total and f"显示为 {total.normalize():f}" not in warnings \
                    and f"显示为 {total}" not in warnings:
                fail(page, f"{cap}: the rows add to {sum(parts)}, 合计 prints {total}, and check said nothing")


def audit_sentences(page, html):
    global checked
    text = text_of(html)
    for weight, score, rate in re.findall(r"赋分([0-9.]+)分，得分([0-9.]+)分，得分率([0-9.]+)%", text):
        checked += 1
        if percent(score, weight) != Decimal(rate):
            fail(page, f"赋分{weight}分，得分{score}分 is {percent(score, weight)}%, printed {rate}%")
    for total, parts in re.findall(r"共扣([0-9.]+)分，其中：(.*?)。", text):
        points = re.findall(r"扣([0-9.]+)分(?:（[^（）]*(?:（[^（）]*）[^（）]*)*）)?(?:；|$)", parts)
        checked += 1
        if sum(map(Decimal, points)) != Decimal(total):
            fail(page, f"共扣{total}分 but the parts add to {sum(map(Decimal, points))}")


def audit_survey(page, html):
    """Survey shares: single choice of the question's answers, multiple
    choice of the group's respondents."""
    global checked
    for m in re.finditer(r'<table class="small survey">\s*<caption>[^<]*（答卷 (\d+) 份）</caption>(.*?)</table>',
                         html, re.S):
        respondents = Decimal(m.group(1))
        question = []
        multi = False

        def settle():
            global checked
            base = respondents if multi else sum(Decimal(c) for c, _ in question)
            for count, share in question:
                checked += 1
                if base and percent(count, base) != Decimal(share.rstrip("%")):
                    fail(page, f"survey: {count} of {base} is {percent(count, base)}%, printed {share}")

        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", m.group(2), re.S):
            cells = nums(row)
            if len(cells) < 2:
                continue
            if "rowspan" in row or row.count("<td") == 5:
                if question:
                    settle()
                question, multi = [], "（多选）" in row
            question.append((cells[-2], cells[-1]))
        if question:
            settle()


def main():
    warnings = open(sys.argv[1], encoding="utf-8").read()
    for path in sys.argv[2:]:
        html = open(path, encoding="utf-8").read()
        audit_rates(path, html)
        audit_sums(path, html, warnings)
        audit_sentences(path, html)
        audit_survey(path, html)
    print(f"{checked} printed figures redone, {bad} discrepancies")
    return 1 if bad or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
