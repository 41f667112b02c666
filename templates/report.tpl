{{! Every report: front matter, the outline's sections (outline.tpl), the signature, the
    annexes and the 版记. What is shown, in which order and with which numbers comes from
    the report's structure: the data's `outline` and `report`, or outlines/KIND.yaml. }}<html lang="zh-CN">
{{>head}}
<body>
{{>draft_panel}}
{{#COVER}}<section class="cover">
<h1>{{TITLE}}</h1>
{{#HAS_SUBTITLE}}<p class="subtitle">{{SUBTITLE}}</p>
{{/HAS_SUBTITLE}}{{#HAS_FIELDS}}<table class="fields">
<tbody>
{{#FIELD}}<tr><th>{{LABEL}}</th><td>{{VALUE}}</td></tr>
{{/FIELD}}</tbody>
</table>
{{/HAS_FIELDS}}{{#COVER_DATE}}<p class="date">{{DATE}}</p>
{{/COVER_DATE}}</section>
<div class="page-break"/>
{{/COVER}}
{{#SUMMARY}}<h1 id="summary">摘要</h1>
{{>outline}}<div class="page-break"/>
{{/SUMMARY}}
{{#CONTENTS}}<nav class="toc"><h1>目录</h1></nav>
<div class="page-break"/>
{{/CONTENTS}}
{{#HEADER}}{{#ISSUER}}<p class="issuer">{{NAME}}</p>
{{/ISSUER}}{{#DOC_NUMBER}}<p class="doc-number">{{TEXT}}</p>
{{/DOC_NUMBER}}{{/HEADER}}<h1>{{TITLE}}</h1>
{{#BODY_SUBTITLE}}<p class="subtitle">{{SUBTITLE}}</p>
{{/BODY_SUBTITLE}}{{#ADDRESSEE}}<p class="addressee">{{TEXT}}</p>
{{/ADDRESSEE}}
{{#BODY}}{{>outline}}{{/BODY}}
{{#ANNEX_NOTE}}<p class="annex-note">{{#ANNEX}}{{#ANNEX_FIRST}}附件：{{/ANNEX_FIRST}}{{#ANNEX_NOT_FIRST}}<br/>{{/ANNEX_NOT_FIRST}}{{NUM}}{{TITLE}}{{/ANNEX}}</p>
{{/ANNEX_NOTE}}{{#SIGNER}}<p class="signature">{{ORG}}</p>
<p class="signature">{{DATE}}</p>
{{/SIGNER}}
{{#ANNEXES}}{{>outline}}{{/ANNEXES}}
{{#IMPRINT}}<div class="page-break"/>
{{#CC}}<p class="imprint">抄送：{{TEXT}}</p>
{{/CC}}<p class="imprint">{{PRINTER}}　　{{DATE}}</p>
{{/IMPRINT}}</body>
</html>
