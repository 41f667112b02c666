<html><body>{{>p1}}</body></html>
%% p1
{{#GRADE_BAND}}{{>p2}}{{/GRADE_BAND}}
%% p2
<p>{{NAME}} {{>p3}}</p>
%% p3
{{MIN}}–{{>p4}}
%% p4
{{MAX}}{{>p5}}
%% p5
{{#GRADE_BAND_NOT_LAST}}，{{/GRADE_BAND_NOT_LAST}}{{>p6}}
%% p6
{{GRADE_BAND_INDEX}}
