{{! A table typed in the data (block: table): header, rows as written, figures right-aligned, and the total row the engine sums. }}{{#USER_TABLE}}<table{{#TOTALED}} class="total"{{/TOTALED}}>
{{#CAPTION}}<caption>{{NO}} {{TITLE}}{{#UNIT}}（单位：{{TEXT}}）{{/UNIT}}</caption>
{{/CAPTION}}<thead>
<tr>{{#HEAD}}<th>{{TEXT}}</th>{{/HEAD}}</tr>
</thead>
<tbody>
{{#ROW}}<tr>{{#CELL}}<td{{#CLASS}} class="{{NAME}}"{{/CLASS}}>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}{{#TOTAL}}<tr><td class="center">{{LABEL}}</td>{{#CELL}}<td{{#CLASS}} class="{{NAME}}"{{/CLASS}}>{{TEXT}}</td>{{/CELL}}</tr>
{{/TOTAL}}</tbody>
</table>
{{/USER_TABLE}}