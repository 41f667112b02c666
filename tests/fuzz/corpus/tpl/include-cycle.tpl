<html><body>
{{>a}}
</body></html>
%% a
<p>a {{TITLE}}</p>
{{>b}}
%% b
<p>b</p>
{{>a}}
