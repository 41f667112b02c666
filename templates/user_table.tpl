{{! A table typed in the data (block: table): header rows, rows as written with their merged cells, figures right-aligned, and the total row the engine sums. }}{{#USER_TABLE}}<table{{#TABLE_CLASS}} class="{{NAME}}"{{/TABLE_CLASS}}>
{{#CAPTION}}<caption>{{NO}} {{TITLE}}{{#UNIT}}（单位：{{TEXT}}）{{/UNIT}}</caption>
{{/CAPTION}}<thead>
{{#HEAD_ROW}}<tr>{{#CELL}}<th{{#SPAN}} rowspan="{{ROWS}}" colspan="{{COLS}}"{{/SPAN}}>{{TEXT}}</th>{{/CELL}}</tr>
{{/HEAD_ROW}}</thead>
<tbody>
{{#ROW}}<tr>{{#CELL}}<td{{#SPAN}} rowspan="{{ROWS}}" colspan="{{COLS}}"{{/SPAN}}{{#CLASS}} class="{{NAME}}"{{/CLASS}}>{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}{{#TOTAL}}<tr><td class="center">{{LABEL}}</td>{{#CELL}}<td{{#CLASS}} class="{{NAME}}"{{/CLASS}}>{{TEXT}}</td>{{/CELL}}</tr>
{{/TOTAL}}</tbody>
</table>
{{/USER_TABLE}}