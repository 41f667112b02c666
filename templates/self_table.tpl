{{! 项目支出绩效自评表 as the form defines it (national, or Sichuan's variant): header, funds block, overall target, indicators from the targets, 总分; then the data's own 评分表 where it is another scheme. }}{{#SELF_TABLE}}<table class="small selftable">
<caption>项目支出绩效自评表（{{YEAR}}年度）</caption>
<colgroup>{{#SELF_COL}}<col width="{{WIDTH}}%"/>{{/SELF_COL}}</colgroup>
<tbody>
<tr><th>项目名称</th><td colspan="{{SPAN_VALUE}}">{{PROJECT_NAME}}</td></tr>
<tr><th>主管部门</th><td colspan="{{SPAN_DEPT}}">{{DEPARTMENT}}</td><th colspan="2">实施单位</th><td colspan="{{SPAN_IMPL}}">{{IMPLEMENTER}}</td></tr>
<tr id="self-funds"><th rowspan="5">项目资金（{{UNIT}}）</th><th colspan="{{SPAN_FUND_LABEL}}"></th><th>年初预算数</th><th>{{PLANNED_HEAD}}</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th></tr>
{{#FUND_ROW}}<tr><td colspan="{{SPAN_FUND_LABEL}}">{{LABEL}}</td><td class="num">{{INITIAL}}</td><td class="num">{{PLANNED}}</td><td class="num">{{SPENT}}</td><td class="num">{{WEIGHT}}</td><td class="num">{{RATE}}</td><td class="num">{{SCORE}}</td></tr>
{{/FUND_ROW}}<tr><th rowspan="2">年度总体目标</th><th colspan="{{SPAN_EXPECTED}}">预期目标</th><th colspan="{{SPAN_ACHIEVED}}">实际完成情况</th></tr>
<tr><td colspan="{{SPAN_EXPECTED}}">{{#OVERALL}}{{>prose}}{{/OVERALL}}</td><td colspan="{{SPAN_ACHIEVED}}">{{#OVERALL_ACTUAL}}{{>prose}}{{/OVERALL_ACTUAL}}</td></tr>
<tr><th rowspan="{{SPAN_INDICATORS}}">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th>{{#NATIONAL}}<th>年度指标值</th><th>实际完成值</th>{{/NATIONAL}}{{#SICHUAN}}<th>指标性质</th><th>年度指标值</th><th>度量单位</th><th>实际完成值</th>{{/SICHUAN}}<th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th></tr>
{{#ROW}}<tr id="{{ID}}">{{>level_cells}}<td>{{NAME}}</td>{{#NATIONAL}}<td class="center">{{TARGET}}</td><td class="center">{{ACTUAL}}</td>{{/NATIONAL}}{{#SICHUAN}}<td class="center">{{NATURE}}</td><td class="center">{{TARGET}}</td><td class="center">{{UNIT}}</td><td class="center">{{ACTUAL}}</td>{{/SICHUAN}}<td class="num">{{WEIGHT}}</td><td class="num">{{SCORE}}</td><td>{{DEVIATION}}</td></tr>
{{/ROW}}<tr class="total"><th colspan="{{SPAN_TOTAL}}">总分</th><td class="num">{{TOTAL_WEIGHT}}</td><td class="num">{{FORM_TOTAL}}</td><td>{{FORM_GRADE}}</td></tr>
{{#CLOSING}}<tr><th>{{LABEL}}</th><td colspan="{{SPAN_CLOSING}}">{{#TEXT}}{{>prose}}{{/TEXT}}</td></tr>
{{/CLOSING}}</tbody>
</table>
{{/SELF_TABLE}}{{>score_sheet}}
