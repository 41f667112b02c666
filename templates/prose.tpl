{{! Paragraphs: PARA items of runs (plain T, strong B, footnote MARK), a LEAD where a titled
    part starts, a class (PCLASS), and the footnotes that follow. }}{{#PARA}}<p{{#PCLASS}} class="{{NAME}}"{{/PCLASS}}>{{#LEAD}}<strong>{{LEAD_TEXT}}</strong>{{/LEAD}}{{#RUN}}{{#T}}{{TEXT}}{{/T}}{{#B}}<strong>{{TEXT}}</strong>{{/B}}{{#MARK}}<sup>{{TEXT}}</sup>{{/MARK}}{{/RUN}}</p>
{{#FOOTNOTE}}<aside class="footnote">{{MARK}}{{TEXT}}</aside>
{{/FOOTNOTE}}{{/PARA}}
