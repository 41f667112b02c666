{{! The full third-party evaluation report (财预〔2020〕10号 reference outline, as seed 004):
    cover, 摘要, 目录, 一 to 七, 附件. Numbers (一、（一）1. 表3-1) come from the view. }}<html lang="zh-CN">
{{>head}}
<body>
{{>draft_panel}}
<section class="cover">
<h1>{{TITLE}}</h1>
{{#HAS_SUBTITLE}}<p class="subtitle">{{SUBTITLE}}</p>
{{/HAS_SUBTITLE}}<table class="fields">
<tbody>
<tr><th>项目名称</th><td>{{PROJECT_NAME}}</td></tr>
{{#HAS_DEPARTMENT}}<tr><th>项目单位</th><td>{{DEPARTMENT}}</td></tr>
{{/HAS_DEPARTMENT}}{{#HAS_COMMISSIONER}}<tr><th>委托单位</th><td>{{COMMISSIONER}}</td></tr>
{{/HAS_COMMISSIONER}}{{#HAS_EVALUATOR}}<tr><th>评价机构</th><td>{{EVALUATOR}}</td></tr>
{{/HAS_EVALUATOR}}</tbody>
</table>
<p class="date">{{REPORT_MONTH}}</p>
</section>
<div class="page-break"/>

{{#SUMMARY}}<h1 id="summary">摘要</h1>
{{#SUM_BASICS}}<h2>{{NUM}}项目基本情况</h2>
{{#BASICS}}{{>prose}}{{/BASICS}}{{/SUM_BASICS}}
{{#SUM_CONCLUSION}}<h2>{{NUM}}评价结论</h2>
<p>{{#HAS_BASIS}}根据{{BASIS}}的要求，{{/HAS_BASIS}}经综合评价，项目综合得分为<strong>{{TOTAL}}</strong>分{{#HAS_GRADE}}，评价等级为<strong>{{GRADE}}</strong>{{/HAS_GRADE}}。</p>
{{#SUMMARY_CONCLUSION}}{{>prose}}{{/SUMMARY_CONCLUSION}}{{/SUM_CONCLUSION}}
{{#SUM_PROBLEMS}}<h2>{{NUM}}存在问题</h2>
{{#SUMMARY_ITEM}}<p><strong>{{LEAD_TEXT}}</strong>{{TEXT}}</p>
{{/SUMMARY_ITEM}}{{/SUM_PROBLEMS}}
{{#SUM_RECOMMENDATIONS}}<h2>{{NUM}}相关建议</h2>
{{#SUMMARY_ITEM}}<p><strong>{{LEAD_TEXT}}</strong>{{TEXT}}</p>
{{/SUMMARY_ITEM}}{{/SUM_RECOMMENDATIONS}}
<div class="page-break"/>
{{/SUMMARY}}

<nav class="toc"><h1>目录</h1></nav>
<div class="page-break"/>

<h1>{{TITLE}}</h1>
{{#FOREWORD}}{{>prose}}{{/FOREWORD}}

{{#CH_BASICS}}<h2 id="{{ID}}">{{NUM}}基本情况</h2>
{{#SEC_OVERVIEW}}<h3 id="{{ID}}">{{NUM}}项目概况</h3>
{{#SUB_BACKGROUND}}<h4 id="{{ID}}">{{NUM}}立项背景</h4>
{{#BACKGROUND}}{{>prose}}{{/BACKGROUND}}{{/SUB_BACKGROUND}}
{{#SUB_CONTENT}}<h4 id="{{ID}}">{{NUM}}项目内容</h4>
{{#CONTENT}}{{>prose}}{{/CONTENT}}{{/SUB_CONTENT}}
{{#SUB_FUNDS}}<h4 id="{{ID}}">{{NUM}}资金来源及使用情况</h4>
{{#FUND_DESCRIPTION}}{{>prose}}{{/FUND_DESCRIPTION}}{{#FUNDS_TEXT}}{{>prose}}{{/FUNDS_TEXT}}<p>{{FUNDS_SENTENCE}}</p>
{{>fund_tables}}{{/SUB_FUNDS}}
{{#SUB_MANAGEMENT}}<h4 id="{{ID}}">{{NUM}}实施管理情况</h4>
{{#MANAGEMENT}}{{>prose}}{{/MANAGEMENT}}{{/SUB_MANAGEMENT}}
{{/SEC_OVERVIEW}}
{{#SEC_GOALS}}<h3 id="{{ID}}">{{NUM}}绩效目标</h3>
{{#SUB_GOALS}}<h4 id="{{ID}}">{{NUM}}绩效目标</h4>
{{#GOALS}}{{>prose}}{{/GOALS}}{{/SUB_GOALS}}
{{#SUB_ACHIEVED}}<h4 id="{{ID}}">{{NUM}}绩效目标完成情况</h4>
{{#GOALS_ACHIEVED}}{{>prose}}{{/GOALS_ACHIEVED}}{{>beneficiary_table}}{{>target_table}}{{/SUB_ACHIEVED}}
{{/SEC_GOALS}}
{{/CH_BASICS}}

{{#CH_WORK}}<h2 id="{{ID}}">{{NUM}}绩效评价工作开展情况</h2>
{{#SEC_PURPOSE}}<h3 id="{{ID}}">{{NUM}}评价目的</h3>
{{#PURPOSE}}{{>prose}}{{/PURPOSE}}{{/SEC_PURPOSE}}
{{#SEC_SCOPE}}<h3 id="{{ID}}">{{NUM}}评价对象和范围</h3>
{{#SCOPE}}{{>prose}}{{/SCOPE}}{{/SEC_SCOPE}}
{{#SEC_APPROACH}}<h3 id="{{ID}}">{{NUM}}评价思路及重点</h3>
{{#APPROACH}}{{>prose}}{{/APPROACH}}{{/SEC_APPROACH}}
{{#SEC_METHODS}}<h3 id="{{ID}}">{{NUM}}评价方式方法及程序</h3>
{{#METHODS}}{{>prose}}{{/METHODS}}{{/SEC_METHODS}}
{{#SEC_SYSTEM}}<h3 id="{{ID}}">{{NUM}}评价指标体系</h3>
{{#INDICATOR_SYSTEM}}{{>prose}}{{/INDICATOR_SYSTEM}}{{>system_table}}{{/SEC_SYSTEM}}
{{#SEC_SAMPLING}}<h3 id="{{ID}}">{{NUM}}选点及抽样调查</h3>
{{#SAMPLING}}{{>prose}}{{/SAMPLING}}{{/SEC_SAMPLING}}
{{#SEC_PROCESS}}<h3 id="{{ID}}">{{NUM}}评价工作过程</h3>
{{#PROCESS}}{{>prose}}{{/PROCESS}}{{/SEC_PROCESS}}
{{/CH_WORK}}

{{#CH_RESULT}}<h2 id="{{ID}}">{{NUM}}综合评价情况及评价结论</h2>
<p>{{#HAS_BASIS}}根据{{BASIS}}的指标体系框架，{{/HAS_BASIS}}经综合评价，项目综合得分<strong>{{TOTAL}}</strong>分{{#HAS_GRADE}}，评价等级为<strong>{{GRADE}}</strong>{{/HAS_GRADE}}。各项得分情况见{{SCORE_TABLE_NO}}、{{SCORE_CHART_NO}}。</p>
{{>score_table}}{{#CONCLUSION}}{{>prose}}{{/CONCLUSION}}{{/CH_RESULT}}

{{#CH_ANALYSIS}}<h2 id="{{ID}}">{{NUM}}绩效评价指标分析</h2>
{{#DIMENSION}}<h3 id="{{ID}}">{{NUM}}{{NAME}}</h3>
<p>{{RESULT_SENTENCE}}{{STRUCTURE_SENTENCE}}</p>
{{#DIM_TABLE}}<table class="total">
<caption>{{NO}} {{NAME}}指标得分情况表</caption>
<thead>
<tr>{{#LEVEL_HEAD}}<th>{{TEXT}}</th>{{/LEVEL_HEAD}}<th class="num">分值</th><th class="num">得分</th><th>扣分说明</th></tr>
</thead>
<tbody>
{{#ROW}}<tr>{{>level_cells}}<td class="num">{{WEIGHT}}</td><td class="num">{{SCORE}}</td><td>{{NOTE}}</td></tr>
{{/ROW}}<tr><td class="center" colspan="{{LEVEL_COUNT}}">合计</td><td class="num">{{TOTAL_WEIGHT}}</td><td class="num">{{TOTAL_SCORE}}</td><td></td></tr>
</tbody>
</table>
{{/DIM_TABLE}}{{#ANALYSIS}}{{>prose}}{{/ANALYSIS}}<p>{{DEDUCTION_SENTENCE}}</p>
{{/DIMENSION}}{{/CH_ANALYSIS}}

{{#CH_FINDINGS}}<h2 id="{{ID}}">{{NUM}}主要经验及做法、存在的问题及原因分析</h2>
{{#SEC_EXPERIENCE}}<h3 id="{{ID}}">{{NUM}}主要经验及做法</h3>
{{#ITEM}}{{#GROUP_START}}<p class="noindent"><strong>{{GROUP}}</strong></p>
{{/GROUP_START}}{{#TITLED}}<h4 id="{{ID}}">{{NUM}}{{TITLE}}</h4>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}{{/SEC_EXPERIENCE}}
{{#SEC_PROBLEMS}}<h3 id="{{ID}}">{{NUM}}存在的问题及原因分析</h3>
{{#PROBLEMS_INTRO}}{{>prose}}{{/PROBLEMS_INTRO}}{{#NO_ITEMS}}<p>本次评价未发现需要说明的问题。</p>
{{/NO_ITEMS}}{{#ITEM}}{{#GROUP_START}}<p class="noindent"><strong>{{GROUP}}</strong></p>
{{/GROUP_START}}{{#TITLED}}<h4 id="{{ID}}">{{NUM}}{{TITLE}}</h4>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}{{/SEC_PROBLEMS}}
{{/CH_FINDINGS}}

{{#CH_RECOMMENDATIONS}}<h2 id="{{ID}}">{{NUM}}有关建议</h2>
{{#NO_ITEMS}}<p>无。</p>
{{/NO_ITEMS}}{{#ITEM}}{{#GROUP_START}}<p class="noindent"><strong>{{GROUP}}</strong></p>
{{/GROUP_START}}{{#TITLED}}<h3 id="{{ID}}">{{NUM}}{{TITLE}}</h3>
{{/TITLED}}{{#BODY}}{{>prose}}{{/BODY}}{{/ITEM}}{{/CH_RECOMMENDATIONS}}

{{#CH_OTHER}}<h2 id="{{ID}}">{{NUM}}其他需要说明的问题</h2>
{{#OTHER}}{{>prose}}{{/OTHER}}{{/CH_OTHER}}

{{#CH_ANNEX}}<h2 id="{{ID}}">附件</h2>
{{#ANNEX_SHEET}}<p>{{NO}}：绩效评价指标体系评分表</p>
{{/ANNEX_SHEET}}{{#ANNEX_SURVEY}}<p>{{NO}}：调查问卷汇总表</p>
{{/ANNEX_SURVEY}}
{{#ANNEX_SHEET}}<div class="page-break"/>
<h3 id="{{ID}}">{{NO}}：{{PROJECT_NAME}}绩效评价指标体系评分表</h3>
{{>score_sheet}}{{/ANNEX_SHEET}}
{{#ANNEX_SURVEY}}<div class="page-break"/>
<h3 id="{{ID}}">{{NO}}：调查问卷汇总表</h3>
{{#SURVEY}}{{#INTRO}}{{>prose}}{{/INTRO}}{{/SURVEY}}{{>survey}}{{/ANNEX_SURVEY}}
{{/CH_ANNEX}}
</body>
</html>
