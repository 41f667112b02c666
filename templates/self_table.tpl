{{! 项目支出绩效自评表 as the form defines it (national, or Sichuan's variant), in its own wording (L_*, `form_labels`): header, funds block, overall target, indicators from the targets, 总分; then the data's own 评分表 where it is another scheme. }}{{#SELF_TABLE}}<table class="small selftable">
<caption>{{L_TITLE}}（{{YEAR}}年度）</caption>
<colgroup>{{#SELF_COL}}<col width="{{WIDTH}}%"/>{{/SELF_COL}}</colgroup>
<tbody>
<tr><th>{{L_NAME}}</th><td colspan="{{SPAN_VALUE}}">{{PROJECT_NAME}}</td></tr>
<tr><th>{{L_DEPARTMENT}}</th><td colspan="{{SPAN_DEPT}}">{{DEPARTMENT}}</td><th colspan="2">{{L_IMPLEMENTER}}</th><td colspan="{{SPAN_IMPL}}">{{IMPLEMENTER}}</td></tr>
<tr id="self-funds"><th rowspan="5">{{L_FUNDS}}（{{UNIT}}）</th><th colspan="{{SPAN_FUND_LABEL}}"></th><th>{{L_INITIAL}}</th><th>{{L_PLANNED}}</th><th>{{L_SPENT}}</th><th>{{L_WEIGHT}}</th><th>{{L_RATE}}</th><th>{{L_SCORE}}</th></tr>
{{#FUND_ROW}}<tr><td colspan="{{SPAN_FUND_LABEL}}">{{LABEL}}</td><td class="num">{{INITIAL}}</td><td class="num">{{PLANNED}}</td><td class="num">{{SPENT}}</td><td class="num">{{WEIGHT}}</td><td class="num">{{RATE}}</td><td class="num">{{SCORE}}</td></tr>
{{/FUND_ROW}}<tr><th rowspan="2">{{L_OVERALL}}</th><th colspan="{{SPAN_EXPECTED}}">{{L_EXPECTED}}</th><th colspan="{{SPAN_ACHIEVED}}">{{L_ACHIEVED}}</th></tr>
<tr><td colspan="{{SPAN_EXPECTED}}">{{#OVERALL}}{{>prose}}{{/OVERALL}}</td><td colspan="{{SPAN_ACHIEVED}}">{{#OVERALL_ACTUAL}}{{>prose}}{{/OVERALL_ACTUAL}}</td></tr>
<tr><th rowspan="{{SPAN_INDICATORS}}">{{L_INDICATORS}}</th><th>{{L_LEVEL1}}</th><th>{{L_LEVEL2}}</th><th>{{L_LEVEL3}}</th>{{#NATIONAL}}<th>{{L_TARGET}}</th><th>{{L_ACTUAL}}</th>{{/NATIONAL}}{{#SICHUAN}}<th>{{L_NATURE}}</th><th>{{L_TARGET}}</th><th>{{L_UNIT}}</th><th>{{L_ACTUAL}}</th>{{/SICHUAN}}<th>{{L_WEIGHT}}</th><th>{{L_SCORE}}</th><th>{{L_DEVIATION}}</th></tr>
{{#ROW}}<tr id="{{ID}}">{{>level_cells}}<td>{{NAME}}</td>{{#NATIONAL}}<td class="center">{{TARGET}}</td><td class="center">{{ACTUAL}}</td>{{/NATIONAL}}{{#SICHUAN}}<td class="center">{{NATURE}}</td><td class="center">{{TARGET}}</td><td class="center">{{UNIT}}</td><td class="center">{{ACTUAL}}</td>{{/SICHUAN}}<td class="num">{{WEIGHT}}</td><td class="num">{{SCORE}}</td><td>{{DEVIATION}}</td></tr>
{{/ROW}}<tr class="total"><th colspan="{{SPAN_TOTAL}}">{{L_TOTAL}}</th><td class="num">{{TOTAL_WEIGHT}}</td><td class="num">{{FORM_TOTAL}}</td><td>{{FORM_GRADE}}</td></tr>
{{#CLOSING}}<tr><th>{{LABEL}}</th><td colspan="{{SPAN_CLOSING}}">{{#TEXT}}{{>prose}}{{/TEXT}}</td></tr>
{{/CLOSING}}</tbody>
</table>
{{/SELF_TABLE}}{{>score_sheet}}
