<html><body>
<p>{{TITLE}}</p>
{{>report}}
</body></html>
