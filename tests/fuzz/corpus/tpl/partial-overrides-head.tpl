{{! main with a head of its own and the shipped prose partial }}<html lang="zh-CN">
{{>head}}
<body>
<h1>{{TITLE}}</h1>
{{#FOREWORD}}{{>prose}}{{/FOREWORD}}
{{>score_table}}
</body>
</html>
%% head
<head>
<title>{{PROJECT_NAME}}：{{TOTAL}}分</title>
<meta name="style" content="{{STYLE}}"/>
</head>
