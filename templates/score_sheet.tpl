{{! 附件 评分表: every indicator with its evaluation point, criteria, score and deduction note. }}{{#SCORE_SHEET}}<table class="small sheet">
<caption>{{PROJECT_NAME}}绩效评价指标评分表</caption>
<colgroup>{{#LEVEL_HEAD}}<col width="{{LEVEL_WIDTH}}%"/>{{/LEVEL_HEAD}}<col width="5%"/><col width="{{POINT_WIDTH}}%"/><col width="{{CRITERIA_WIDTH}}%"/><col width="6%"/><col width="12%"/></colgroup>
<thead>
<tr>{{#LEVEL_HEAD}}<th>{{TEXT}}</th>{{/LEVEL_HEAD}}<th class="num">分值</th><th>指标评价内容</th><th>评分标准</th><th class="num">评价得分</th><th>扣分说明</th></tr>
</thead>
<tbody>
<tr class="total"><td class="center" colspan="{{LEVEL_COUNT}}">总分</td><td class="num">{{TOTAL_WEIGHT}}</td><td></td><td></td><td class="num">{{TOTAL}}</td><td></td></tr>
{{#ROW}}<tr id="{{ID}}">{{>level_cells}}<td class="num">{{WEIGHT}}</td><td>{{POINT}}</td><td>{{#CRITERION}}{{TEXT}}{{#CRITERION_NOT_LAST}}<br/>{{/CRITERION_NOT_LAST}}{{/CRITERION}}</td><td class="num">{{SCORE}}</td><td>{{NOTE}}</td></tr>
{{/ROW}}</tbody>
</table>
{{/SCORE_SHEET}}
