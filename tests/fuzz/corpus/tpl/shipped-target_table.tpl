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
