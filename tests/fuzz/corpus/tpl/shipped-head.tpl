{{! The document head: title and the style profile. }}<head>
<title>{{TITLE}}</title>
<meta name="style" content="{{STYLE}}"/>
</head>
