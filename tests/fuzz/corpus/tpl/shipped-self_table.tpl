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
