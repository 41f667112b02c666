{{! Problems, experience or recommendations: each item a heading with its paragraphs, or a
    paragraph led by its number; a group's name before its first item. }}{{#ITEM}}{{#GROUP_START}}<p class="noindent"><strong>{{GROUP}}</strong></p>
{{/GROUP_START}}{{#TITLED}}<h{{H}} id="{{ID}}">{{NUM}}{{TITLE}}</h{{H}}>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}
