{{! a section found in an outer instance is expanded in that outer scope }}<html><body>
<table><tbody>
{{#ROW}}<tr id="{{ID}}">{{#CELL}}<td rowspan="{{ROWSPAN}}">{{TEXT}}{{#ROW_FIRST}}*{{/ROW_FIRST}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody></table>
{{#DRAFT}}<div class="diagnostics"><ul>{{#FINDING}}<li data-target="{{TARGET}}">{{MESSAGE}}</li>{{/FINDING}}</ul></div>{{/DRAFT}}
{{#SCORE_CHART}}<figure class="chart" data-kind="bar">{{#DATUM}}<data value="{{VALUE}}">{{LABEL}}</data>{{/DATUM}}</figure>{{/SCORE_CHART}}
</body></html>
