{{! Each fund item of a self-evaluation: a heading, its description and its figures. }}{{#FUND_ITEM}}{{#ITEM_HEADING}}<h{{H}} id="{{ID}}">{{NUM}}{{NAME}}</h{{H}}>
{{/ITEM_HEADING}}{{#DESCRIPTION}}{{>prose}}{{/DESCRIPTION}}<p>{{SENTENCE}}</p>
{{/FUND_ITEM}}
