<html><body>
{{#A}}<p>{{/B}}
{{X:none}} {{%AUTOESCAPE context="JAVASCRIPT"}} {{=<% %>=}}
{{{TITLE}}}
{{ bad name }}
{{>missing_partial}}
{{! a comment
over two lines }}
{{#OPEN}}
</body></html>
