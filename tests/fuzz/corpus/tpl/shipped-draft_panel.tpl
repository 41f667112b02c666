{{! Draft only: every finding of check, linked to the part of the report it concerns. }}{{#DRAFT}}<div class="diagnostics">
<p><strong>草稿 · 数据检查</strong>：{{FILE}} 共有 {{ERRORS}} 个错误、{{WARNINGS}} 个警告。本稿仅供审阅，不作为正式报告。</p>
{{#NO_FINDINGS}}<p>数据检查未发现问题。</p>{{/NO_FINDINGS}}
<ul>
{{#FINDING}}<li class="{{CLASS}}" data-target="{{TARGET}}"><span class="sev">{{SEVERITY}}</span> {{WHERE}} {{MESSAGE}}</li>
{{/FINDING}}</ul>
</div>
{{/DRAFT}}
