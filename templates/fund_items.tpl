{{! Each fund item of a self-evaluation: a heading, its description and its figures. }}{{#FUND_ITEM}}<h{{H}} id="{{ID}}">{{NUM}}{{NAME}}</h{{H}}>
{{#DESCRIPTION}}{{>prose}}{{/DESCRIPTION}}<p>{{SENTENCE}}</p>
{{/FUND_ITEM}}
