<html><head><title>{{TITLE}}</title><script>x</script></head>
<body onload="x">
<video src="{{TITLE}}"/>
<p class="Bad">{{PROJECT_NAME}}<div class="page-break"/></p>
<table><tr><td colspan="0">{{TOTAL}}</td></tr></table>
<p>&nbsp;<![CDATA[x]]><?pi x?></p>
</body></html>
