{{! Scores by first-level dimension, and their score rates as a bar chart. }}{{#SCORE_TABLE}}<table class="total">
<caption>{{NO}} {{PROJECT_NAME}}绩效评价得分表</caption>
<thead>
<tr><th>一级指标</th><th class="num">赋分值</th><th class="num">得分</th><th class="num">得分率</th></tr>
</thead>
<tbody>
{{#DIM}}<tr><td>{{NAME}}</td><td class="num">{{WEIGHT}}</td><td class="num">{{SCORE}}</td><td class="num">{{RATE}}</td></tr>
{{/DIM}}<tr><td class="center">合计</td><td class="num">{{TOTAL_WEIGHT}}</td><td class="num">{{TOTAL}}</td><td class="num">{{TOTAL_RATE}}</td></tr>
</tbody>
</table>
{{/SCORE_TABLE}}{{#SCORE_CHART}}<figure class="chart" data-kind="bar" data-unit="%" data-max="100">
{{#DATUM}}<data value="{{VALUE}}">{{LABEL}}</data>
{{/DATUM}}<figcaption>{{NO}} 各一级指标得分率</figcaption>
</figure>
{{/SCORE_CHART}}
