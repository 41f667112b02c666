%% selfeval
{{! The self-evaluation report (绩效自评报告, seeds 000 and 002) with its 自评表 annex.
    Numbers (一、（一）1. 表2-1) come from the view; a part without data is left out. }}<html lang="zh-CN">
{{>head}}
<body>
{{>draft_panel}}
<h1>{{TITLE}}</h1>
{{#HAS_SUBTITLE}}<p class="subtitle">{{SUBTITLE}}</p>
{{/HAS_SUBTITLE}}{{#FOREWORD}}{{>prose}}{{/FOREWORD}}

{{#CH_ALLOCATION}}<h2 id="{{ID}}">{{NUM}}绩效目标分解下达情况</h2>
{{#ALLOCATION}}{{>prose}}{{/ALLOCATION}}{{#FUND_ITEM}}<h3 id="{{ID}}">{{NUM}}{{NAME}}</h3>
{{#DESCRIPTION}}{{>prose}}{{/DESCRIPTION}}<p>{{SENTENCE}}</p>
{{/FUND_ITEM}}{{/CH_ALLOCATION}}

{{#CH_COMPLETION}}<h2 id="{{ID}}">{{NUM}}绩效目标完成情况分析</h2>
{{#SEC_FUND_INPUT}}<h3 id="{{ID}}">{{NUM}}资金投入情况分析</h3>
{{#FUNDS_TEXT}}{{>prose}}{{/FUNDS_TEXT}}<p>{{FUNDS_SENTENCE}}</p>
{{>fund_tables}}{{/SEC_FUND_INPUT}}
{{#SEC_FUND_MANAGEMENT}}<h3 id="{{ID}}">{{NUM}}资金管理情况分析</h3>
{{#FUND_MANAGEMENT}}{{>prose}}{{/FUND_MANAGEMENT}}{{/SEC_FUND_MANAGEMENT}}
{{#SEC_OVERALL}}<h3 id="{{ID}}">{{NUM}}总体绩效目标完成情况分析</h3>
{{#GOALS_ACHIEVED}}{{>prose}}{{/GOALS_ACHIEVED}}{{>beneficiary_table}}{{/SEC_OVERALL}}
{{#SEC_INDICATORS}}<h3 id="{{ID}}">{{NUM}}绩效指标完成情况分析</h3>
{{#INDICATOR_ANALYSIS}}{{>prose}}{{/INDICATOR_ANALYSIS}}{{>target_table}}{{/SEC_INDICATORS}}
{{/CH_COMPLETION}}

{{#CH_RESULT}}<h2 id="{{ID}}">{{NUM}}综合评价情况及评价结论</h2>
<p>经对项目决策、资金管理、项目产出和效益等方面进行绩效自评，项目自评得分<strong>{{TOTAL}}</strong>分，评价等级为<strong>{{GRADE}}</strong>。各项得分情况见{{SCORE_TABLE_NO}}、{{SCORE_CHART_NO}}。</p>
{{>score_table}}{{#CONCLUSION}}{{>prose}}{{/CONCLUSION}}{{/CH_RESULT}}

{{#CH_PROBLEMS}}<h2 id="{{ID}}">{{NUM}}存在的问题</h2>
{{#ITEM}}{{#TITLED}}<h3 id="{{ID}}">{{NUM}}{{TITLE}}</h3>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}{{/CH_PROBLEMS}}

{{#CH_DEVIATION}}<h2 id="{{ID}}">{{NUM}}偏离绩效目标的原因和下一步改进措施</h2>
{{#SEC_DEVIATION}}<h3 id="{{ID}}">{{NUM}}偏离绩效目标的原因</h3>
{{#DEVIATION}}{{>prose}}{{/DEVIATION}}{{/SEC_DEVIATION}}
{{#SEC_IMPROVEMENT}}<h3 id="{{ID}}">{{NUM}}下一步改进措施</h3>
{{#IMPROVEMENT}}{{>prose}}{{/IMPROVEMENT}}{{/SEC_IMPROVEMENT}}
{{/CH_DEVIATION}}

{{#CH_RECOMMENDATIONS}}<h2 id="{{ID}}">{{NUM}}有关建议</h2>
{{#ITEM}}{{#TITLED}}<h3 id="{{ID}}">{{NUM}}{{TITLE}}</h3>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}{{/CH_RECOMMENDATIONS}}

{{#CH_APPLICATION}}<h2 id="{{ID}}">{{NUM}}绩效自评结果拟应用和公开情况</h2>
{{#SEC_APPLICATION}}<h3 id="{{ID}}">{{NUM}}拟应用情况</h3>
{{#APPLICATION}}{{>prose}}{{/APPLICATION}}{{/SEC_APPLICATION}}
{{#SEC_DISCLOSURE}}<h3 id="{{ID}}">{{NUM}}公开情况</h3>
{{#DISCLOSURE}}{{>prose}}{{/DISCLOSURE}}{{/SEC_DISCLOSURE}}
{{/CH_APPLICATION}}

{{#CH_OTHER}}<h2 id="{{ID}}">{{NUM}}其他需要说明的问题</h2>
{{#OTHER}}{{>prose}}{{/OTHER}}{{/CH_OTHER}}

{{#CH_ANNEX}}<h2 id="{{ID}}">{{NUM}}附件</h2>
{{#ANNEX_SELF}}<p>{{NO}}：{{PROJECT_NAME}}项目支出绩效自评表</p>
{{/ANNEX_SELF}}{{/CH_ANNEX}}

{{#SIGNATURE}}<p class="signature">{{ORG}}</p>
<p class="signature">{{DATE}}</p>
{{/SIGNATURE}}

{{#CH_ANNEX}}{{#ANNEX_SELF}}<div class="page-break"/>
<h3 id="{{ID}}">{{NO}}：{{PROJECT_NAME}}项目支出绩效自评表</h3>
{{>self_table}}{{/ANNEX_SELF}}{{/CH_ANNEX}}
</body>
</html>
%% self_table
{{! 项目支出绩效自评表 in its national layout: header, funds block, overall target, indicators, total. }}{{#SELF_TABLE}}<table class="small selftable">
<caption>项目支出绩效自评表（{{YEAR}}年度）</caption>
<colgroup>{{#SELF_COL}}<col width="{{WIDTH}}%"/>{{/SELF_COL}}</colgroup>
<tbody>
<tr><th colspan="2">项目名称</th><td colspan="{{SPAN_VALUE}}">{{PROJECT_NAME}}</td></tr>
<tr><th colspan="2">主管部门</th><td colspan="{{SPAN_DEPT}}">{{DEPARTMENT}}</td><th colspan="2">实施单位</th><td colspan="{{SPAN_IMPL}}">{{IMPLEMENTER}}</td></tr>
<tr id="self-funds"><th rowspan="5">项目资金（万元）</th><th colspan="{{SPAN_FUND_LABEL}}"></th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th></tr>
{{#FUND_ROW}}<tr><td colspan="{{SPAN_FUND_LABEL}}">{{LABEL}}</td><td class="num">{{INITIAL}}</td><td class="num">{{PLANNED}}</td><td class="num">{{SPENT}}</td><td class="num">{{WEIGHT}}</td><td class="num">{{RATE}}</td><td class="num">{{SCORE}}</td></tr>
{{/FUND_ROW}}<tr><th rowspan="2">年度总体目标</th><th colspan="{{SPAN_EXPECTED}}">预期目标</th><th colspan="{{SPAN_ACHIEVED}}">实际完成情况</th></tr>
<tr><td colspan="{{SPAN_EXPECTED}}">{{#OVERALL}}{{>prose}}{{/OVERALL}}</td><td colspan="{{SPAN_ACHIEVED}}">{{#OVERALL_ACTUAL}}{{>prose}}{{/OVERALL_ACTUAL}}</td></tr>
{{#BY_TARGET}}<tr>{{#LEVEL_HEAD}}<th>{{TEXT}}</th>{{/LEVEL_HEAD}}<th>年度指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>
{{#ROW}}<tr id="{{ID}}">{{>level_cells}}<td class="center">{{TARGET}}</td><td class="center">{{ACTUAL}}</td><td class="num">{{WEIGHT}}</td><td class="num">{{SCORE}}</td><td>{{DEVIATION}}</td></tr>
{{/ROW}}{{/BY_TARGET}}{{#BY_CRITERIA}}<tr>{{#LEVEL_HEAD}}<th>{{TEXT}}</th>{{/LEVEL_HEAD}}<th>具体指标</th><th>评价标准</th><th>分值</th><th>自评分</th><th>扣分说明</th></tr>
{{#ROW}}<tr id="{{ID}}">{{>level_cells}}<td>{{POINT}}</td><td>{{CRITERIA}}</td><td class="num">{{WEIGHT}}</td><td class="num">{{SCORE}}</td><td>{{NOTE}}</td></tr>
{{/ROW}}{{/BY_CRITERIA}}<tr class="total"><th colspan="{{SPAN_TOTAL}}">总分</th><td class="num">{{TOTAL_WEIGHT}}</td><td class="num">{{TOTAL}}</td><td>{{GRADE}}</td></tr>
</tbody>
</table>
{{/SELF_TABLE}}
%% level_cells
{{! The merged level cells of an indicator row. }}{{#CELL}}<td class="level" rowspan="{{ROWSPAN}}">{{TEXT}}</td>{{/CELL}}
%% prose
{{! Paragraphs of a prose value: PARA items, the first of a titled part with a LEAD. }}{{#PARA}}<p>{{#LEAD}}<strong>{{LEAD_TEXT}}</strong>{{/LEAD}}{{TEXT}}</p>
{{/PARA}}
%% fund_tables
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
%% draft_panel
{{! Draft only: every finding of check, linked to the part of the report it concerns. }}{{#DRAFT}}<div class="diagnostics">
<p><strong>草稿 · 数据检查</strong>：{{FILE}} 共有 {{ERRORS}} 个错误、{{WARNINGS}} 个警告。本稿仅供审阅，不作为正式报告。</p>
{{#NO_FINDINGS}}<p>数据检查未发现问题。</p>{{/NO_FINDINGS}}
<ul>
{{#FINDING}}<li class="{{CLASS}}" data-target="{{TARGET}}"><span class="sev">{{SEVERITY}}</span> {{WHERE}} {{MESSAGE}}</li>
{{/FINDING}}</ul>
</div>
{{/DRAFT}}
%% head
{{! The document head: title and the style profile. }}<head>
<title>{{TITLE}}</title>
<meta name="style" content="{{STYLE}}"/>
</head>
%% target_table
{{! 绩效目标表: each target with its value, what was achieved and whether it was met. }}{{#TARGET_TABLE}}<table>
<caption>{{NO}} 绩效目标完成情况表</caption>
<thead>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>完成情况</th>{{#HAS_DEVIATION}}<th>偏差原因分析</th>{{/HAS_DEVIATION}}</tr>
</thead>
<tbody>
{{#ROW}}<tr>{{#LEVEL1_CELL}}<td class="level" rowspan="{{ROWSPAN}}">{{TEXT}}</td>{{/LEVEL1_CELL}}{{#LEVEL2_CELL}}<td class="level" rowspan="{{ROWSPAN}}">{{TEXT}}</td>{{/LEVEL2_CELL}}<td>{{NAME}}</td><td class="center">{{TARGET}}</td><td class="center">{{ACTUAL}}</td><td class="center">{{MET}}</td>{{#HAS_DEVIATION}}<td>{{DEVIATION}}</td>{{/HAS_DEVIATION}}</tr>
{{/ROW}}</tbody>
</table>
{{/TARGET_TABLE}}
