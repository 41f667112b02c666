{{! Paragraphs of a prose value: PARA items, the first of a titled part with a LEAD. }}{{#PARA}}<p>{{#LEAD}}<strong>{{LEAD_TEXT}}</strong>{{/LEAD}}{{TEXT}}</p>
{{/PARA}}
