{{! A chart typed in the data (block: chart): each row's name and value. }}{{#USER_CHART}}<figure class="chart" data-kind="{{KIND}}"{{#UNIT}} data-unit="{{TEXT}}"{{/UNIT}}>
{{#DATUM}}<data value="{{VALUE}}">{{LABEL}}</data>
{{/DATUM}}{{#CAPTION}}<figcaption>{{NO}} {{TITLE}}</figcaption>
{{/CAPTION}}</figure>
{{/USER_CHART}}