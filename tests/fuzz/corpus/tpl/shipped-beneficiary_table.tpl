{{! 项目完成情况表: who the money reached. }}{{#BENEFICIARY_TABLE}}<table>
<caption>{{NO}} 项目完成情况表</caption>
<thead>
<tr><th>保障类别</th>{{#HAS_HOUSEHOLDS}}<th>户数</th>{{/HAS_HOUSEHOLDS}}<th>人数</th>{{#HAS_STANDARD}}<th>保障标准</th>{{/HAS_STANDARD}}{{#HAS_AMOUNT}}<th>金额（万元）</th>{{/HAS_AMOUNT}}{{#HAS_NOTE}}<th>说明</th>{{/HAS_NOTE}}</tr>
</thead>
<tbody>
{{#ROW}}<tr><td>{{CATEGORY}}</td>{{#HAS_HOUSEHOLDS}}<td class="num">{{HOUSEHOLDS}}</td>{{/HAS_HOUSEHOLDS}}<td class="num">{{PERSONS}}</td>{{#HAS_STANDARD}}<td class="num">{{STANDARD}}</td>{{/HAS_STANDARD}}{{#HAS_AMOUNT}}<td class="num">{{AMOUNT}}</td>{{/HAS_AMOUNT}}{{#HAS_NOTE}}<td>{{NOTE}}</td>{{/HAS_NOTE}}</tr>
{{/ROW}}</tbody>
</table>
{{/BENEFICIARY_TABLE}}
