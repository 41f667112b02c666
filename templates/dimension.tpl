{{! One first-level dimension's analysis (绩效评价指标分析): heading, sentences, its table
    with 扣分说明, the evaluator's analysis and the deductions. }}{{#DIMENSION}}{{#DIM_HEADING}}<h{{H}} id="{{ID}}">{{NUM}}{{NAME}}</h{{H}}>
{{/DIM_HEADING}}<p>{{RESULT_SENTENCE}}{{STRUCTURE_SENTENCE}}</p>
{{#DIM_TABLE}}<table class="total">
<caption>{{NO}} {{NAME}}指标得分情况表</caption>
<thead>
<tr>{{#LEVEL_HEAD}}<th>{{TEXT}}</th>{{/LEVEL_HEAD}}<th class="num">分值</th><th class="num">得分</th><th>扣分说明</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>{{>level_cells}}<td class="num">{{WEIGHT}}</td><td class="num">{{SCORE}}</td><td>{{NOTE}}</td></tr>
{{/ROW}}<tr><td class="center" colspan="{{LEVEL_COUNT}}">合计</td><td class="num">{{TOTAL_WEIGHT}}</td><td class="num">{{TOTAL_SCORE}}</td><td></td></tr>
</tbody>
</table>
{{/DIM_TABLE}}{{#ANALYSIS}}{{>prose}}{{/ANALYSIS}}<p>{{DEDUCTION_SENTENCE}}</p>
{{/DIMENSION}}
