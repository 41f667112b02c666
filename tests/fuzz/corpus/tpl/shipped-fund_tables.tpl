{{! Funds: sources and arrival, spending, and the composition chart. }}{{#FUND_TABLE}}<table class="total small">
<caption>{{NO}} 项目资金来源及使用情况表（单位：万元）</caption>
<thead>
<tr><th>资金项目</th><th>资金来源</th><th class="num">全年预算</th><th class="num">实际到位</th><th class="num">到位率</th><th class="num">实际支出</th><th class="num">结转结余</th><th class="num">执行率</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>{{#ITEM_CELL}}<td rowspan="{{ROWSPAN}}">{{ITEM}}</td>{{/ITEM_CELL}}<td>{{SOURCE}}</td><td class="num">{{PLANNED}}</td><td class="num">{{ARRIVED}}</td><td class="num">{{ARRIVAL_RATE}}</td>{{#ITEM_CELL}}<td class="num" rowspan="{{ROWSPAN}}">{{ITEM_SPENT}}</td><td class="num" rowspan="{{ROWSPAN}}">{{ITEM_BALANCE}}</td><td class="num" rowspan="{{ROWSPAN}}">{{ITEM_EXECUTION_RATE}}</td>{{/ITEM_CELL}}</tr>
{{/ROW}}<tr><td colspan="2" class="center">合计</td><td class="num">{{TOTAL_PLANNED}}</td><td class="num">{{TOTAL_ARRIVED}}</td><td class="num">{{TOTAL_ARRIVAL_RATE}}</td><td class="num">{{TOTAL_SPENT}}</td><td class="num">{{TOTAL_BALANCE}}</td><td class="num">{{TOTAL_EXECUTION_RATE}}</td></tr>
</tbody>
</table>
{{/FUND_TABLE}}{{#SPENDING_TABLE}}<table class="total">
<caption>{{NO}} 项目资金支出明细表（单位：万元）</caption>
<thead>
<tr><th>资金项目</th><th>支出内容</th><th class="num">支出金额</th><th class="num">占总支出比例</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>{{#ITEM_CELL}}<td rowspan="{{ROWSPAN}}">{{ITEM}}</td>{{/ITEM_CELL}}<td>{{CATEGORY}}</td><td class="num">{{AMOUNT}}</td><td class="num">{{SHARE}}</td></tr>
{{/ROW}}<tr><td colspan="2" class="center">合计</td><td class="num">{{TOTAL_SPENT}}</td><td class="num">100.00%</td></tr>
</tbody>
</table>
{{/SPENDING_TABLE}}{{#FUND_CHART}}<figure class="chart" data-kind="pie" data-unit="万元">
{{#DATUM}}<data value="{{VALUE}}">{{LABEL}}</data>
{{/DATUM}}<figcaption>{{NO}} {{CHART_TITLE}}</figcaption>
</figure>
{{/FUND_CHART}}
