{{! The self-evaluation report (绩效自评报告, seeds 000 and 002) with its 自评表 annex.
    Numbers (一、（一）1. 表2-1) come from the view; a part without data is left out. }}<html lang="zh-CN">
{{>head}}
<body>
{{>draft_panel}}
<h1>{{TITLE}}</h1>
{{#HAS_SUBTITLE}}<p class="subtitle">{{SUBTITLE}}</p>
{{/HAS_SUBTITLE}}{{#FOREWORD}}{{>prose}}{{/FOREWORD}}

{{#CH_ALLOCATION}}<h2 id="{{ID}}">{{NUM}}绩效目标分解下达情况</h2>
{{#ALLOCATION}}{{>prose}}{{/ALLOCATION}}{{#FUND_ITEM}}<h3 id="{{ID}}">{{NUM}}{{NAME}}</h3>
{{#DESCRIPTION}}{{>prose}}{{/DESCRIPTION}}<p>{{SENTENCE}}</p>
{{/FUND_ITEM}}{{/CH_ALLOCATION}}

{{#CH_COMPLETION}}<h2 id="{{ID}}">{{NUM}}绩效目标完成情况分析</h2>
{{#SEC_FUND_INPUT}}<h3 id="{{ID}}">{{NUM}}资金投入情况分析</h3>
{{#FUNDS_TEXT}}{{>prose}}{{/FUNDS_TEXT}}<p>{{FUNDS_SENTENCE}}</p>
{{>fund_tables}}{{/SEC_FUND_INPUT}}
{{#SEC_FUND_MANAGEMENT}}<h3 id="{{ID}}">{{NUM}}资金管理情况分析</h3>
{{#FUND_MANAGEMENT}}{{>prose}}{{/FUND_MANAGEMENT}}{{/SEC_FUND_MANAGEMENT}}
{{#SEC_OVERALL}}<h3 id="{{ID}}">{{NUM}}总体绩效目标完成情况分析</h3>
{{#GOALS_ACHIEVED}}{{>prose}}{{/GOALS_ACHIEVED}}{{>beneficiary_table}}{{/SEC_OVERALL}}
{{#SEC_INDICATORS}}<h3 id="{{ID}}">{{NUM}}绩效指标完成情况分析</h3>
{{#INDICATOR_ANALYSIS}}{{>prose}}{{/INDICATOR_ANALYSIS}}{{>target_table}}{{/SEC_INDICATORS}}
{{/CH_COMPLETION}}

{{#CH_RESULT}}<h2 id="{{ID}}">{{NUM}}综合评价情况及评价结论</h2>
<p>经对项目决策、资金管理、项目产出和效益等方面进行绩效自评，项目自评得分<strong>{{TOTAL}}</strong>分{{#HAS_GRADE}}，评价等级为<strong>{{GRADE}}</strong>{{/HAS_GRADE}}。各项得分情况见{{SCORE_TABLE_NO}}、{{SCORE_CHART_NO}}。</p>
{{>score_table}}{{#CONCLUSION}}{{>prose}}{{/CONCLUSION}}{{/CH_RESULT}}

{{#CH_PROBLEMS}}<h2 id="{{ID}}">{{NUM}}存在的问题</h2>
{{#ITEM}}{{#TITLED}}<h3 id="{{ID}}">{{NUM}}{{TITLE}}</h3>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}{{/CH_PROBLEMS}}

{{#CH_DEVIATION}}<h2 id="{{ID}}">{{NUM}}偏离绩效目标的原因和下一步改进措施</h2>
{{#SEC_DEVIATION}}<h3 id="{{ID}}">{{NUM}}偏离绩效目标的原因</h3>
{{#DEVIATION}}{{>prose}}{{/DEVIATION}}{{/SEC_DEVIATION}}
{{#SEC_IMPROVEMENT}}<h3 id="{{ID}}">{{NUM}}下一步改进措施</h3>
{{#IMPROVEMENT}}{{>prose}}{{/IMPROVEMENT}}{{/SEC_IMPROVEMENT}}
{{/CH_DEVIATION}}

{{#CH_RECOMMENDATIONS}}<h2 id="{{ID}}">{{NUM}}有关建议</h2>
{{#ITEM}}{{#TITLED}}<h3 id="{{ID}}">{{NUM}}{{TITLE}}</h3>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}{{/CH_RECOMMENDATIONS}}

{{#CH_APPLICATION}}<h2 id="{{ID}}">{{NUM}}绩效自评结果拟应用和公开情况</h2>
{{#SEC_APPLICATION}}<h3 id="{{ID}}">{{NUM}}拟应用情况</h3>
{{#APPLICATION}}{{>prose}}{{/APPLICATION}}{{/SEC_APPLICATION}}
{{#SEC_DISCLOSURE}}<h3 id="{{ID}}">{{NUM}}公开情况</h3>
{{#DISCLOSURE}}{{>prose}}{{/DISCLOSURE}}{{/SEC_DISCLOSURE}}
{{/CH_APPLICATION}}

{{#CH_OTHER}}<h2 id="{{ID}}">{{NUM}}其他需要说明的问题</h2>
{{#OTHER}}{{>prose}}{{/OTHER}}{{/CH_OTHER}}

{{#CH_ANNEX}}<h2 id="{{ID}}">{{NUM}}附件</h2>
{{#ANNEX_SELF}}<p>{{NO}}：{{PROJECT_NAME}}项目支出绩效自评表</p>
{{/ANNEX_SELF}}{{/CH_ANNEX}}

{{#SIGNATURE}}<p class="signature">{{ORG}}</p>
<p class="signature">{{DATE}}</p>
{{/SIGNATURE}}

{{#CH_ANNEX}}{{#ANNEX_SELF}}<div class="page-break"/>
<h3 id="{{ID}}">{{NO}}：{{PROJECT_NAME}}项目支出绩效自评表</h3>
{{>self_table}}{{/ANNEX_SELF}}{{/CH_ANNEX}}
</body>
</html>
