{{! The merged level cells of an indicator row. }}{{#CELL}}<td class="level" rowspan="{{ROWSPAN}}">{{TEXT}}</td>{{/CELL}}
