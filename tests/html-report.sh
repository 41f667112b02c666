#!/bin/sh
# html-report.sh EVALREPORT SOURCE_DIR OUT_DIR
# Renders every sample and the escaping corpus to HTML in OUT_DIR and checks
# their structure: every section heading, total and grade, the rows of the
# score tables, merged (rowspan) cells in the score sheets, the charts as
# inline SVG, no script and no external URL — and that hostile data stays
# text.
set -u
bin=$1 src=$2 out=$3
fail=0
mkdir -p "$out"

render() { # render DATA: writes OUT/NAME.html, quietly
  if ! "$bin" render "$1" -o "$out" --format html >/dev/null 2>"$out/render.log"; then
    echo "FAIL: render $1"
    cat "$out/render.log"
    fail=1
  elif grep -q "warning: 视图没有" "$out/render.log"; then
    echo "FAIL: template lint for $1:"
    cat "$out/render.log"
    fail=1
  fi
}

has() { # has FILE TEXT…: each text occurs in the file (as shown: without <wbr>)
  file=$1
  shift
  for text in "$@"; do
    if sed 's/<wbr>//g' "$file" | grep -qF -- "$text"; then
      :
    else
      echo "FAIL $(basename "$file"): no $text"
      fail=1
    fi
  done
}

count() { # count FILE EXPECTED PATTERN: lines matching the fixed pattern
  n=$(grep -cF -- "$3" "$1")
  if [ "$n" -ne "$2" ]; then
    echo "FAIL $(basename "$1"): $n lines with $3, expected $2"
    fail=1
  fi
}

# rows FILE CAPTION EXPECTED: <tr> lines of the table whose caption holds CAPTION
rows() {
  n=$(awk -v cap="$2" '
    /<table/ { inside = 0; n = 0 }
    /<caption>/ && index($0, cap) { inside = 1 }
    inside && /^<tr/ { n++ }
    inside && /<\/table>/ { print n; exit }' "$1")
  if [ "${n:-0}" -ne "$3" ]; then
    echo "FAIL $(basename "$1"): table \"$2\" has ${n:-0} rows, expected $3"
    fail=1
  fi
}

# rows_of_class FILE CLASS EXPECTED [PREFIX]: <tr id="PREFIX…"> rows (ind- by
# default) of the table of that class
sheet_rows() {
  n=$(awk -v cls="$2" -v pre="<tr id=\"${4:-ind-}" '
    index($0, "<table class=\"" cls) { inside = 1 }
    inside && index($0, pre) == 1 { n++ }
    inside && /<\/table>/ { print n; exit }' "$1")
  if [ "${n:-0}" -ne "$3" ]; then
    echo "FAIL $(basename "$1"): score sheet has ${n:-0} indicator rows, expected $3"
    fail=1
  fi
}

clean() { # no script, no external URL, no template marker left
  if grep -qi -e '<script' -e 'http://' -e 'https://' -e '{{' "$1"; then
    echo "FAIL $(basename "$1"): script, external URL or template marker:"
    grep -ni -e '<script' -e 'http://' -e 'https://' -e '{{' "$1" | head -5
    fail=1
  fi
}

svg_charts() { # svg_charts FILE N: N charts drawn as inline SVG
  n=$(grep -c '^<svg viewBox=' "$1")
  figs=$(grep -c '^<figure class="chart' "$1")
  if [ "$n" -ne "$2" ] || [ "$figs" -ne "$2" ]; then
    echo "FAIL $(basename "$1"): $figs chart figures and $n svg drawings, expected $2"
    fail=1
  fi
}

# ---- the third-party report (seed 004) ----
render "$src/samples/nanchong-2018.yaml"
f=$out/nanchong-2018.html
# (the headings of every sample: tests/outline.sh)
has "$f" '<section class="cover">' '<nav class="toc">' '>摘要</h1>' '>目录</h1>' \
  '<th scope="row">项目名称</th><td>2018年南充市城乡低保补助资金专项支出</td>' \
  '<th scope="row">委托单位</th><td>南充市财政局</td>' '<p class="date">2019年12月</p>' \
  '综合得分为<strong>88.38</strong>分，评价等级为<strong>良好</strong>' \
  '综合得分：<strong>88.38</strong>分，评价等级：<strong>良好</strong>。各项得分情况见表3-1，图3-1。' \
  '详见表1-1项目完成情况表。' '<caption>表1-1 项目完成情况表</caption>' \
  '<tr><td>政策决策</td><td class="num">15</td><td class="num">15</td><td class="num">100.00%</td></tr>' \
  '<tr><td>项目管理</td><td class="num">35</td><td class="num">32</td><td class="num">91.43%</td></tr>' \
  '<td>项目绩效</td><td class="num">50</td><td class="num">41.38</td>' \
  '<td class="num">100</td><td class="num">88.38</td><td class="num">88.38%</td>' \
  '赋分35分，得分32分，得分率91.43%。' \
  '<th class="rh level" scope="rowgroup" rowspan="7">政策决策（15分）</th>' '<th class="rh level" scope="rowgroup" rowspan="15">项目管理（35分）</th>' \
  '<th class="rh level" scope="rowgroup" rowspan="13">项目绩效（50分）</th>' '<td class="num">2.025</td>' \
  '<td>B.家庭成员患病</td><td class="num">84</td><td class="num">84.00%</td>' \
  '<td>A.愿意退出</td><td class="num">67</td><td class="num">67.68%</td>' \
  '<figcaption>图3-1 各一级指标得分率</figcaption>' \
  '<p class="annex-list">附件1：绩效评价指标体系评分表</p>'
rows "$f" '绩效评价得分表' 5 # header, three dimensions, 合计
rows "$f" '政策决策指标得分情况表' 9
rows "$f" '（参保和群众）' 85 # header and 84 options
sheet_rows "$f" "small sheet" 35
svg_charts "$f" 1
clean "$f"
# the title breaks between words only, as the PDF's (词意完整): 补助|资金, never 补|助
if ! grep -qF '<h1>2018年度<wbr>' "$f" || grep -qE '<h1>[^<]*(补<wbr>助|资<wbr>金|绩<wbr>效)' "$f"; then
  echo "FAIL nanchong-2018.html: the title's break points are not between words"
  grep -o '<h1>2018[^/]*</h1>' "$f" | head -1
  fail=1
fi

# the 附件 list too, ragged (GB/T 9704 §7.3.4): 评分表 stays whole
if ! grep -qF '<p class="annex-list">附件<wbr>1：<wbr>绩效<wbr>评价<wbr>指标<wbr>体系<wbr>评分表</p>' "$f" ||
  ! grep -qE 'p\.annex-list[^{]*\{[^}]*keep-all' "$f"; then
  echo "FAIL nanchong-2018.html: the 附件 list may break inside a word"
  grep -o '<p class="annex-list">[^/]*</p>' "$f" | head -1
  fail=1
fi

# ---- the self-evaluations (seeds 000 and 002) ----
render "$src/samples/chenggong-2023.yaml"
f=$out/chenggong-2023.html
has "$f" '该七个项目综合得分100分，评定等级为优秀。' \
  '<strong>1、</strong>部分街道办事处' '<strong>3、</strong>加大城乡困难群众临时生活救助的力度' \
  '本项目全年预算129.86万元，到位129.86万元，支出118.08万元' \
  '<th scope="col">评分标准</th>' '>附件4-1　项目支出绩效自评指标评分表</h2>'
sheet_rows "$f" "small sheet" 21
svg_charts "$f" 0
clean "$f"
# the title breaks where the PDF's phrase costs are low: after 、 and
# between words of two characters, not 精|减退职 or 低|保 (words ICU's
# dictionary does not know, which the lexicon keeps whole)
if ! grep -qF '<h1>城市<wbr>低保、<wbr>' "$f" || grep -qE '<h1>[^<]*(精<wbr>减|减<wbr>退|低<wbr>保|供<wbr>养)' "$f"; then
  echo "FAIL chenggong-2023.html: the title may break inside 精减退职, 低保 or 供养"
  grep -o '<h1>城市[^/]*</h1>' "$f" | head -1
  fail=1
fi

render "$src/samples/jialing-2023.yaml"
f=$out/jialing-2023.html
has "$f" '<p class="issuer">南充市嘉陵区民政局</p>' \
  '2023年下达我区中、省转移支付困难群众救助补助资金共计13571.19万元，其中：中央补助资金11654.69万元，省级补助资金1916.50万元。' \
  '支出13356.23万元，执行率98.42%' \
  '<strong>（1）数量指标（涉及5项）。</strong>' \
  '<caption>项目支出绩效自评表（2023年度）</caption>' '<th scope="col">年度指标值</th><th scope="col">实际完成值</th>' \
  '<tr><td colspan="2">年度资金总额</td><td class="num">13571.19</td><td class="num">13571.19</td><td class="num">13356.23</td><td class="num">10</td><td class="num">98.42%</td><td class="num">9.84</td>' \
  '<tr><td colspan="2">其中：当年财政拨款</td><td class="num">13571.19</td><td class="num">13571.19</td><td class="num">13356.23</td><td class="num">—</td><td class="num">98.42%</td><td class="num">—</td></tr>' \
  '<p class="signature">南充市嘉陵区民政局</p>' '<p class="signature">2023年6月12日</p>'
sheet_rows "$f" "small selftable" 17 self-target-
svg_charts "$f" 1
clean "$f"

# ---- the escaping corpus: hostile strings in every field stay text ----
render "$src/tests/html/escaping.yaml"
f=$out/escaping.html
has "$f" '&lt;script&gt;alert(1)&lt;/script&gt;低保项目' \
  '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;绩效评价报告' \
  '&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;' \
  '{{TITLE}}{{#DRAFT}}标记{{/DRAFT}}{{&gt;head}}' '<td>B.{{NAME}}</td>' \
  '控制字符与[31m转义' '&amp;amp; &amp;lt;b&amp;gt; &amp;#x3C;'
count "$f" 1 '<style>'
count "$f" 1 '</style>'
if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$f"; then
  echo "FAIL escaping.html: a control character survived"
  fail=1
fi
# every tag in the file is the writer's; no data-made attribute or link
tags=$(grep -o '<[a-zA-Z][a-zA-Z0-9]*' "$f" | sort -u | tr -d '<' | tr '\n' ' ')
for tag in $tags; do
  case " html head meta title style body main div section nav h1 h2 h3 h4 p br wbr strong em sup sub span ul ol li a table caption colgroup col thead details summary tbody tr th td figure figcaption svg title line text tspan rect path circle " in
  *" $tag "*) ;;
  *)
    echo "FAIL escaping.html: element <$tag> from data"
    fail=1
    ;;
  esac
done
if grep -o '<[^>]*>' "$f" | grep -qi -e ' on[a-z]*=' -e 'href="[^#]' -e ' src='; then
  echo "FAIL escaping.html: an event handler or a non-local link in markup:"
  grep -o '<[^>]*>' "$f" | grep -i -e ' on[a-z]*=' -e 'href="[^#]' -e ' src=' | head -5
  fail=1
fi

# ---- a draft: the watermark and the findings panel, linked ----
"$bin" render "$src/samples/nanchong-2018.yaml" -o "$out/draft" --format html --draft \
  >/dev/null 2>&1 || { echo "FAIL: draft render"; fail=1; }
has "$out/draft/nanchong-2018.html" '<div class="watermark" aria-hidden="true"><span></span></div>' '.watermark span::before { content: "草稿"; }' \
  '<div class="diagnostics">' '<li class="warning"><a href="#annex-2">'
# every sample as a draft too (html-browser.sh looks at them on a phone);
# a finding about no part of the report (an unknown key) links to the top
for data in "$src"/samples/*.yaml; do
  "$bin" render "$data" -o "$out/draft" --format html --draft >/dev/null 2>&1 ||
    { echo "FAIL: draft render $data"; fail=1; }
done
cp "$src/samples/jialing-2023.yaml" "$out/unknown-key.yaml"
printf 'reviewr: 张三\n' >>"$out/unknown-key.yaml"
"$bin" render "$out/unknown-key.yaml" -o "$out/draft" --format html --draft >/dev/null 2>&1 ||
  { echo "FAIL: draft render with an unknown key"; fail=1; }
has "$out/draft/unknown-key.html" '<main class="paper" id="top">' '<a href="#top">'
grep '<a href="#top">' "$out/draft/unknown-key.html" | grep -q 'unknown-key' ||
  { echo "FAIL: the unknown-key finding is not linked"; fail=1; }

# ---- indicator codes that cannot be element ids (甲, a space) still render,
# and their rows get ids of their own ----
mkdir -p "$out/codes"
sed -e 's/- code: A111$/- code: 甲111/' -e 's/- code: A121$/- code: "A 121"/' \
  "$src/samples/nanchong-2018.yaml" >"$out/codes/codes.yaml"
"$bin" render "$out/codes/codes.yaml" -o "$out/codes" --format html >/dev/null 2>&1 ||
  { echo "FAIL: render with codes 甲111 and \"A 121\""; fail=1; }
own_ids=$(grep -o '<tr id="ind--[0-9]*"' "$out/codes/codes.html" | wc -l)
[ "$own_ids" -eq 2 ] && grep -q '<tr id="ind-A131"' "$out/codes/codes.html" ||
  { echo "FAIL: $own_ids rows with ids of their own, not 2; or ind-A131 lost"; fail=1; }

[ $fail -eq 0 ] && echo "ok: html structure of every sample, escaping corpus, draft, codes"
exit $fail
