{{! 调查问卷汇总表: one table per respondent group. }}{{#SURVEY}}{{#GROUP}}<table class="small survey">
<caption>{{TITLE}}（答卷 {{RESPONDENTS}} 份）</caption>
<colgroup><col width="7%"/><col width="38%"/><col width="35%"/><col width="8%"/><col width="12%"/></colgroup>
<thead>
<tr><th class="num">序号</th><th>问题</th><th>选项</th><th class="num">份数</th><th class="num">比例</th></tr>
</thead>
<tbody>
{{#Q}}{{#OPT}}<tr>{{#OPT_FIRST}}<td class="center" rowspan="{{ROWSPAN}}">{{NO}}</td><td rowspan="{{ROWSPAN}}">{{TEXT}}{{#MULTI}}（多选）{{/MULTI}}</td>{{/OPT_FIRST}}<td>{{LABEL}}</td><td class="num">{{COUNT}}</td><td class="num">{{SHARE}}</td></tr>
{{/OPT}}{{/Q}}</tbody>
</table>
{{/GROUP}}{{#HAS_MULTIPLE}}<p class="note">注：单选题的比例为选择该项的份数占该题回答份数之和的比例；多选题的比例为选择该项的份数占答卷份数的比例，各项之和可超过100%。</p>
{{/HAS_MULTIPLE}}{{/SURVEY}}
