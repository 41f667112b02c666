{{! 评价指标体系: names and weights down to the third level. }}{{#SYSTEM_TABLE}}<table class="total">
<caption>{{NO}} 绩效评价指标体系</caption>
<thead>
<tr>{{#LEVEL_HEAD}}<th>{{TEXT}}</th>{{/LEVEL_HEAD}}<th class="num">分值</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>{{>level_cells}}<td class="num">{{WEIGHT}}</td></tr>
{{/ROW}}<tr><td class="center" colspan="{{LEVEL_COUNT}}">合计</td><td class="num">{{TOTAL_WEIGHT}}</td></tr>
</tbody>
</table>
{{/SYSTEM_TABLE}}
