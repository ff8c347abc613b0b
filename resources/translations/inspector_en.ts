<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AmendmentDialog</name>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="58"/>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="116"/>
        <source>登记更正</source>
        <translation>Record correction</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="62"/>
        <source>检查已定稿，原始记录保持不变。更正将连同更正人、时间和原因一并登记，并显示更正后的评级。</source>
        <translation>The inspection is finalized and its original record stays unchanged. The correction is recorded together with who made it, when and why, and the corrected grade is shown.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="78"/>
        <source>答案</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="79"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="96"/>
        <source>必填：为什么更正，依据是什么（如复核照片、企业提供的记录）</source>
        <translation>Required: why the correction is made and on what grounds (e.g. re-checked photos, records provided by the enterprise)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="105"/>
        <source>检查项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="106"/>
        <source>检查内容</source>
        <translation>Item content</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="107"/>
        <source>更正内容</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="108"/>
        <source>新答案</source>
        <translation>New answer</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="109"/>
        <source>新备注</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="110"/>
        <source>更正原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="111"/>
        <source>更正人</source>
        <translation>Corrected by</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="149"/>
        <source>未作答</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="153"/>
        <source>；备注：{0}</source>
        <translation>; note: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/amendment_dialog.py" line="154"/>
        <source>现在的记录：{0}</source>
        <translation>Current record: {0}</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="245"/>
        <source>否决项</source>
        <translation>Veto item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="247"/>
        <source>关键项</source>
        <translation>Key item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="249"/>
        <source>选答</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="273"/>
        <source>检查方法</source>
        <translation>How to check</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="277"/>
        <source>依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="305"/>
        <source>符合</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="306"/>
        <source>部分符合</source>
        <translation>Partially compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="307"/>
        <source>不符合</source>
        <translation>Non-compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="308"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="329"/>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="590"/>
        <source>登记隐患 (Enter)</source>
        <translation>Record hazard (Enter)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="336"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="351"/>
        <source>快捷键：1 符合 · 2 部分符合 · 3 不符合 · 0 不适用 · ↑↓ 上一项/下一项 · Esc 离开备注 · Ctrl+V 粘贴照片</source>
        <translation>Shortcuts: 1 Compliant · 2 Partially compliant · 3 Non-compliant · 0 Not applicable · ↑↓ previous/next item · Esc leave note · Ctrl+V paste photo</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="372"/>
        <source>实时评分</source>
        <translation>Live score</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="389"/>
        <source>评级理由</source>
        <translation>Grading reasons</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="408"/>
        <source>完成检查</source>
        <translation>Complete inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="412"/>
        <source>返回列表</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="453"/>
        <source>{number} · {day} · {inspectors}</source>
        <translation>{number} · {day} · {inspectors}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="456"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="460"/>
        <source>{title}（第 {version} 版）</source>
        <translation>{title} (version {version})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="470"/>
        <source>该检查{status}，只能查看</source>
        <translation>This inspection is {status} and can only be viewed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="482"/>
        <source>复查：上次不符合或隐患未整改</source>
        <translation>Re-check first</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="529"/>
        <source>第 {n} / {total} 项</source>
        <translation>Item {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="534"/>
        <source>分值 {weight:g}</source>
        <translation>Weight {weight:g}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="540"/>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="541"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="572"/>
        <source>现场情况、整改要求…</source>
        <translation>On-site situation, rectification requirements…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="572"/>
        <source>作答后可填写备注</source>
        <translation>Answer the item to add a note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="586"/>
        <source>此项不符合，已登记 {n} 项隐患。</source>
        <translation>Non-compliant; {n} hazard(s) recorded.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="587"/>
        <source>再登记一项 (Enter)</source>
        <translation>Record another (Enter)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="589"/>
        <source>此项不符合：登记隐患（已按检查表预填等级和整改期限）</source>
        <translation>Non-compliant: record a hazard (severity and rectification deadline are pre-filled from the checklist)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="610"/>
        <source>检查项 {code} 不能选“{label}”</source>
        <translation>Item {code} cannot be answered “{label}”</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="693"/>
        <source>已登记检查项 {code} 的隐患</source>
        <translation>Hazard recorded for item {code}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="725"/>
        <source>尚无可计分的答案</source>
        <translation>No scorable answers yet</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="728"/>
        <source>{score:g} 分</source>
        <translation>{score:g} pts</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="731"/>
        <source>暂定（尚未答完）</source>
        <translation>Provisional (not all answered)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="731"/>
        <source>已答完</source>
        <translation>All answered</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="741"/>
        <source>已答 {n} / {total}</source>
        <translation>Answered {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="753"/>
        <source>未作答的必答项（{n}）</source>
        <translation>Unanswered required items ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/checklist_view.py" line="793"/>
        <source>剪贴板里没有图片；请先作答，再粘贴照片</source>
        <translation>No image on the clipboard; answer the item first, then paste the photo</translation>
    </message>
</context>
<context>
    <name>ConfirmStep</name>
    <message>
        <location filename="../../inspector/ui/common/confirm_step.py" line="13"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="75"/>
        <source>{year} 年度检查覆盖</source>
        <translation>Inspection coverage {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="90"/>
        <source>分派给所选人员</source>
        <translation>Assign to selected inspector</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="91"/>
        <source>所选企业分派给该检查人员；下次同步时到达其电脑</source>
        <translation>Assign the selected enterprises to this inspector; they reach the inspector&apos;s computer at the next sync</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="94"/>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="113"/>
        <source>{scope}：企业 {n} 家，已检查 {inspected} 家（{rate}），未检查 {rest} 家，其中已分派 {assigned} 家、未分派 {free} 家</source>
        <translation>{scope}: {n} enterprises, {inspected} inspected ({rate}), {rest} not inspected, of which {assigned} assigned and {free} unassigned</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="116"/>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="136"/>
        <source>分派失败</source>
        <translation>Assignment failed</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="81"/>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="86"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="87"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="88"/>
        <source>把看板上的全部数字导出为 Excel（.xlsx）</source>
        <translation>Export all figures on the dashboard to Excel (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="79"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="82"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="96"/>
        <source>在册企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="97"/>
        <source>本年已检查 / 覆盖率</source>
        <translation>Inspected / coverage</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="98"/>
        <source>发现隐患</source>
        <translation>Hazards found</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="99"/>
        <source>已整改 / 整改率</source>
        <translation>Rectified / rate</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="100"/>
        <source>逾期未整改</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="101"/>
        <source>未整改重大隐患</source>
        <translation>Open major hazards</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="105"/>
        <source>点击查看企业名录</source>
        <translation>Click to view the enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="106"/>
        <source>点击查看尚未检查的企业并分派检查人员</source>
        <translation>Click to view enterprises not yet inspected and assign inspectors</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="121"/>
        <source>亮牌等级（企业数）</source>
        <translation>Plaque grades (enterprises)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="122"/>
        <source>季度亮灯（企业数）</source>
        <translation>Quarterly lights (enterprises)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="123"/>
        <source>隐患类别</source>
        <translation>Hazard categories</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="124"/>
        <source>各镇街道隐患</source>
        <translation>Hazards by town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="125"/>
        <source>月度趋势</source>
        <translation>Monthly trend</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="125"/>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="233"/>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="125"/>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="233"/>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="131"/>
        <source>点击柱形查看本年隐患台账</source>
        <translation>Click a bar to view this year&apos;s hazard ledger</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="179"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="195"/>
        <source>统计失败：{message}</source>
        <translation>Calculation failed: {message}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="201"/>
        <source>检查 {n} 次</source>
        <translation>{n} inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="203"/>
        <source>未检查 {n} 家</source>
        <translation>{n} not inspected</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="205"/>
        <source>{year} 年发现</source>
        <translation>Found in {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="208"/>
        <source>各年度合计</source>
        <translation>All years combined</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="220"/>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="227"/>
        <source>企业数</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="231"/>
        <source>季度亮灯（{quarter}）</source>
        <translation>Quarterly lights ({quarter})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="231"/>
        <source>季度亮灯（本年尚无）</source>
        <translation>Quarterly lights (none yet this year)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="251"/>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="252"/>
        <source>{scope} · {year} 年</source>
        <translation>{scope} · {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="299"/>
        <source>看板_{year}.xlsx</source>
        <translation>Dashboard_{year}.xlsx</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="301"/>
        <source>导出看板数据</source>
        <translation>Export dashboard data</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="301"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="319"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="320"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="102"/>
        <source>开工第一课</source>
        <translation>First lesson</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="103"/>
        <source>班组长培训</source>
        <translation>Team-leader training</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="212"/>
        <source>{n} 家</source>
        <translation>{n} firms</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_page.py" line="213"/>
        <source>{workers} 人次 · {sessions} 次</source>
        <translation>{workers} people · {sessions} sessions</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetailPanel</name>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="102"/>
        <source>在左侧列表中选择一家企业，查看详情</source>
        <translation>Select an enterprise in the list on the left to see its details</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="116"/>
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="117"/>
        <source>为这家企业新建一次检查</source>
        <translation>Create a new inspection for this enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="120"/>
        <source>亮牌…</source>
        <translation>Plaque…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="122"/>
        <source>预览、打印或保存当前评级的亮牌（A4 / A3）</source>
        <translation>Preview, print or save the plaque for the current grade (A4 / A3)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="137"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="138"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="139"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="140"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="141"/>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="143"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="144"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="153"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="153"/>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="156"/>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="159"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="153"/>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="159"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="153"/>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="159"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="153"/>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="156"/>
        <source>隐患描述</source>
        <translation>Hazard description</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="156"/>
        <source>隐患等级</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="156"/>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="159"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="159"/>
        <source>牌匾编号</source>
        <translation>Plaque no.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="161"/>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="161"/>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="236"/>
        <source>{year} 年度：{grade}</source>
        <translation>{year}: {grade}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="242"/>
        <source>{quarter}：&lt;span style=&apos;color:{color}&apos;&gt;●&lt;/span&gt; {light}</source>
        <translation>{quarter}: &lt;span style=&apos;color:{color}&apos;&gt;●&lt;/span&gt; {light}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="247"/>
        <source>尚未亮灯</source>
        <translation>No light yet</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="253"/>
        <source>（未填）</source>
        <translation>(not provided)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="277"/>
        <source>{code} 第 {version} 版</source>
        <translation>{code} version {version}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="283"/>
        <source>检查（{n}）</source>
        <translation>Inspections ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="292"/>
        <source>{day}（逾期）</source>
        <translation>{day} (overdue)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="304"/>
        <source>未整改隐患（{n}）</source>
        <translation>Open hazards ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="309"/>
        <source>其中 {overdue} 项已逾期</source>
        <translation>{overdue} of them overdue</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="316"/>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="316"/>
        <source>已撤换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="320"/>
        <source>颁发于 {day}</source>
        <translation>Issued on {day}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="323"/>
        <source>评级（{n}）</source>
        <translation>Grades ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="333"/>
        <source>亮灯（{n}）</source>
        <translation>Lights ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="142"/>
        <source>风险标签</source>
        <translation>Risk tags</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="163"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="163"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="163"/>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="163"/>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="163"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="165"/>
        <source>双击一条记录可以修改</source>
        <translation>Double-click a record to correct it</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="167"/>
        <source>记录培训…</source>
        <translation>Record training…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="169"/>
        <source>记录在这家企业举办的开工第一课或班组长培训</source>
        <translation>Record a first safety lesson or team-leader training held at this enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="264"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="261"/>
        <source>{n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_detail.py" line="346"/>
        <source>培训（{n}）</source>
        <translation>Training ({n})</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="98"/>
        <source>编辑企业</source>
        <translation>Edit enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="98"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="102"/>
        <source>营业执照上的全称</source>
        <translation>Full name as on the business licence</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="104"/>
        <source>18 位，如 91330482MA2B3C4D5E</source>
        <translation>18 characters, e.g. 91330482MA2B3C4D5E</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="114"/>
        <source>手机或座机，如 0573-85123456</source>
        <translation>Mobile or landline, e.g. 0573-85123456</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="136"/>
        <source>企业名称 *</source>
        <translation>Enterprise name *</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="137"/>
        <source>统一社会信用代码 *</source>
        <translation>Unified social credit code *</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="138"/>
        <source>镇街道 *</source>
        <translation>Town/street *</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="139"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="140"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="141"/>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="145"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="146"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="148"/>
        <source>带 * 的为必填项</source>
        <translation>Fields marked * are required</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="99"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="121"/>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="126"/>
        <source>未填</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="122"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="127"/>
        <source>规上：年主营业务收入 2000 万元及以上的工业企业</source>
        <translation>Above scale: industrial enterprises with an annual main-business revenue of 20 million yuan or more</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="142"/>
        <source>规上</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="143"/>
        <source>从业人数</source>
        <translation>Workforce</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_dialog.py" line="144"/>
        <source>风险标签</source>
        <translation>Risk tags</translation>
    </message>
</context>
<context>
    <name>EnterpriseLabels</name>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="67"/>
        <source>待评</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="68"/>
        <source>{grade}级</source>
        <translation>Grade {grade}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="73"/>
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="75"/>
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="77"/>
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="83"/>
        <source>大型</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="85"/>
        <source>中型</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="87"/>
        <source>小型</source>
        <translation>Small</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="89"/>
        <source>微型</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="90"/>
        <source>未填</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/risk_tag_labels.py" line="41"/>
        <source>规上</source>
        <translation>Above scale</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/risk_tag_labels.py" line="42"/>
        <source>规下</source>
        <translation>Below scale</translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="48"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="49"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="50"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="51"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="52"/>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="53"/>
        <source>未整改</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="54"/>
        <source>最近检查</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="55"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="56"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="188"/>
        <source>{year} 年度当前牌匾等级</source>
        <translation>Current plaque grade for {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="190"/>
        <source>{quarter} 季度亮灯</source>
        <translation>Light for {quarter}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="192"/>
        <source>未整改的隐患数（含待复查）</source>
        <translation>Number of unrectified hazards (including those awaiting re-check)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="57"/>
        <source>风险标签</source>
        <translation>Risk tags</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="58"/>
        <source>从业人数</source>
        <translation>Workforce</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="59"/>
        <source>规上</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprise_model.py" line="194"/>
        <source>规模以上工业企业（规上）或规模以下（规下）</source>
        <translation>Above designated scale (规上) or below it (规下)</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="80"/>
        <source>搜索企业名称、信用代码或地址</source>
        <translation>Search enterprise name, credit code or address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="83"/>
        <source>全部等级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="85"/>
        <source>{year} 年度当前牌匾等级</source>
        <translation>Current plaque grade for {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="88"/>
        <source>全部亮灯</source>
        <translation>All lights</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="90"/>
        <source>{quarter} 季度亮灯</source>
        <translation>Light for {quarter}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="104"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="105"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="235"/>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="300"/>
        <source>共 {n} 家</source>
        <translation>{n} enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="93"/>
        <source>全部风险标签</source>
        <translation>All risk tags</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/enterprises_page.py" line="95"/>
        <source>只列出带这个风险标签的企业</source>
        <translation>List only the enterprises with this risk tag</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="19"/>
        <source>导出同步包</source>
        <translation>Export sync bundle</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="20"/>
        <source>选择保存位置…</source>
        <translation>Choose where to save…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="24"/>
        <source>{name}（指纹 {fingerprint}…）</source>
        <translation>{name} (fingerprint {fingerprint}…)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="27"/>
        <source>其他电脑（导出全部数据）</source>
        <translation>Another computer (export all data)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="28"/>
        <source>全部数据（对方是新电脑，或提示缺少同步包时）</source>
        <translation>All data (for a new computer, or when bundles are reported missing)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="31"/>
        <source>接收方</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="49"/>
        <source>同步包包含本机的全部数据。对方需先信任本机（核对本机指纹）才能导入。</source>
        <translation>The bundle holds all data of this computer. The receiver must trust this computer (compare its fingerprint) before importing it.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="51"/>
        <source>同步包包含本机的全部数据，{name} 导入后补齐所有缺失的内容。</source>
        <translation>The bundle holds all data of this computer; once {name} imports it, everything missing there is filled in.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/export_dialog.py" line="53"/>
        <source>同步包只包含上次导出给 {name} 之后的改动。</source>
        <translation>The bundle holds only the changes since the last bundle for {name}.</translation>
    </message>
</context>
<context>
    <name>FiguresStrip</name>
    <message>
        <location filename="../../inspector/ui/hazards/figures_strip.py" line="30"/>
        <source>{year} 年：发现 {found} · 已整改 {fixed} · 整改率 {rate} · 逾期 {overdue}</source>
        <translation>{year}: found {found} · rectified {fixed} · rectification rate {rate} · overdue {overdue}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../inspector/ui/common/form_dialog.py" line="43"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GradingModel</name>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="47"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="100"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="101"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="102"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="103"/>
        <source>建议等级</source>
        <translation>Suggested grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="104"/>
        <source>核定等级</source>
        <translation>Approved grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="105"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="106"/>
        <source>上年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="107"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="108"/>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="113"/>
        <source>升级</source>
        <translation>Upgraded</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="114"/>
        <source>降级</source>
        <translation>Downgraded</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="115"/>
        <source>持平</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="116"/>
        <source>新评</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="117"/>
        <source>待评</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="127"/>
        <location filename="../../inspector/ui/grading/grading_page.py" line="93"/>
        <source>（调整）</source>
        <translation> (adjusted)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_model.py" line="134"/>
        <source>调整理由：{reason}</source>
        <translation>Reason for adjustment: {reason}</translation>
    </message>
</context>
<context>
    <name>GradingPage</name>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="63"/>
        <source>{year} 年度</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="64"/>
        <source>生成评级建议</source>
        <translation>Generate grade suggestions</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="75"/>
        <source>全部变化</source>
        <translation>All changes</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="77"/>
        <source>升级</source>
        <translation>Upgraded</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="78"/>
        <source>降级</source>
        <translation>Downgraded</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="79"/>
        <source>持平</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="80"/>
        <source>新评</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="81"/>
        <source>待评</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="85"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="112"/>
        <source>调整等级…</source>
        <translation>Adjust grade…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="113"/>
        <location filename="../../inspector/ui/grading/grading_page.py" line="274"/>
        <source>确认发牌</source>
        <translation>Issue plaques</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="115"/>
        <source>批量打印亮牌</source>
        <translation>Print plaques in batch</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="117"/>
        <source>重新计算亮灯</source>
        <translation>Recalculate lights</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="125"/>
        <source>季度亮灯</source>
        <translation>Quarterly lights</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="173"/>
        <source>共 {n} 家</source>
        <translation>{n} enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="183"/>
        <source>正在生成 {year} 年度评级建议…</source>
        <translation>Generating grade suggestions for {year}…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="208"/>
        <source>{year} 年度建议：A {a} · B {b} · C {c} · D {d} · 待评 {p}</source>
        <translation>Suggestions for {year}: A {a} · B {b} · C {c} · D {d} · pending {p}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="190"/>
        <location filename="../../inspector/ui/grading/grading_page.py" line="231"/>
        <source>操作失败</source>
        <translation>Operation failed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="264"/>
        <source>将为 {n} 家企业发放 {year} 年度亮牌（人工调整 {o} 家，待评 {p} 家不发牌）。</source>
        <translation>Plaques for {year} will be issued to {n} enterprises ({o} manually adjusted; {p} pending get no plaque).</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="268"/>
        <source>其中 {n} 家本年度已经发牌，将重新发牌（原牌匾保留，标为已作废）。</source>
        <translation>{n} of them already have a plaque this year and will get a new one (the old plaque is kept and marked as voided).</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="271"/>
        <source>发牌后每块亮牌得到编号并记入牌匾记录，不能撤回（如需更改只能重新发牌）。</source>
        <translation>Once issued, every plaque gets a serial number and is recorded; this cannot be undone (to change it, reissue).</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="275"/>
        <source>确定发牌吗？</source>
        <translation>Issue the plaques?</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="291"/>
        <source>正在发牌…</source>
        <translation>Issuing plaques…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="300"/>
        <source>已发牌 {n} 块（编号 {span}），人工调整 {o} 块</source>
        <translation>{n} plaques issued (nos. {span}), {o} manually adjusted</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="323"/>
        <source>正在计算 {quarter} 季度亮灯…</source>
        <translation>Calculating lights for {quarter}…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="332"/>
        <source>{quarter} 季度亮灯：绿灯 {g} · 黄灯 {y} · 红灯 {r}（变更 {n} 条）</source>
        <translation>Lights for {quarter}: green {g} · yellow {y} · red {r} ({n} changed)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="340"/>
        <source>评级建议_{year}.xlsx</source>
        <translation>Grade_suggestions_{year}.xlsx</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="342"/>
        <source>导出评级建议</source>
        <translation>Export grade suggestions</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="342"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="357"/>
        <source>已导出 {n} 家到 {path}</source>
        <translation>Exported {n} enterprises to {path}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/grading_page.py" line="356"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <location filename="../../inspector/ui/common/guarded_dialog.py" line="128"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/guarded_dialog.py" line="129"/>
        <source>放弃已填写的内容？</source>
        <translation>Discard what you entered?</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/guarded_dialog.py" line="130"/>
        <source>已填写和添加的内容不会保存。</source>
        <translation>What you entered and added will not be saved.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/guarded_dialog.py" line="132"/>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/guarded_dialog.py" line="135"/>
        <source>继续填写</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>HazardActionDialog</name>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="42"/>
        <source>隐患操作：{action}</source>
        <translation>Hazard action: {action}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="46"/>
        <source>确认作废</source>
        <translation>Confirm voiding</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="49"/>
        <source>作废后，这条隐患不再跟踪整改、不计入未整改数，状态改为“已作废”，不能撤回；作废原因和操作人记入隐患履历。</source>
        <translation>Once voided, this hazard is no longer followed up or counted as open; its status becomes “Voided”. This cannot be undone; the reason and who voided it are kept in its history.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="58"/>
        <source>操作人姓名</source>
        <translation>Name of the person acting</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="59"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="62"/>
        <source>原因（必填）</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="62"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="68"/>
        <source>新整改期限</source>
        <translation>New rectification deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="71"/>
        <source>添加整改后照片…</source>
        <translation>Add after-photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="71"/>
        <source>勾选的照片作为整改后照片</source>
        <translation>Checked photos are kept as after-rectification photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="74"/>
        <source>整改后照片</source>
        <translation>After-photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_action_dialog.py" line="86"/>
        <source>请填写操作人</source>
        <translation>Enter who is acting</translation>
    </message>
</context>
<context>
    <name>HazardDetailPanel</name>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="60"/>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="174"/>
        <source>选择一条隐患查看详情</source>
        <translation>Select a hazard to see its details</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="68"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="69"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="72"/>
        <source>等级</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="73"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="74"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="75"/>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="76"/>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="77"/>
        <source>责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="78"/>
        <source>整改措施</source>
        <translation>Rectification measures</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="121"/>
        <source>整改前照片</source>
        <translation>Before-photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="123"/>
        <source>整改后照片</source>
        <translation>After-photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="125"/>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="228"/>
        <source>（未下发）</source>
        <translation>(not issued)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="188"/>
        <source>{date}（已逾期）</source>
        <translation>{date} (overdue)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="67"/>
        <source>隐患编号</source>
        <translation>Hazard no.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="70"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="71"/>
        <source>书面答复</source>
        <translation>Written reply</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="93"/>
        <source>文书…</source>
        <translation>Document…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="95"/>
        <source>预览、打印或保存本隐患所在的文书（PDF）</source>
        <translation>Preview, print or save the document this hazard was issued on (PDF)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="98"/>
        <source>登记书面答复…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="101"/>
        <source>移送建议书…</source>
        <translation>Refer…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="103"/>
        <source>企业逾期未书面答复：向行政机关移送建议书</source>
        <translation>The enterprise did not reply in time: refer the letter to the authority</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="116"/>
        <source>标注照片…</source>
        <translation>Mark up photo…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="118"/>
        <source>在所选的整改前照片上画圆圈、箭头或文字；原照片保留不变</source>
        <translation>Draw a circle, an arrow or a label on the selected before-photo; the original is kept unchanged</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="193"/>
        <source>；延期申请至 {date} 待审批</source>
        <translation>; extension to {date} awaiting approval</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="205"/>
        <source>新期限 {date}</source>
        <translation>new deadline {date}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="207"/>
        <source>照片 {n} 张</source>
        <translation>{n} photo(s)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="239"/>
        <source>（无需书面答复）</source>
        <translation>(no written reply required)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="242"/>
        <source>{date} 收到</source>
        <translation>received {date}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="246"/>
        <source>逾期未答复，已于 {date} 移送（建议书 {number}）</source>
        <translation>no reply in time; referred on {date} (referral {number})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="250"/>
        <source>逾期未答复（期限 {date}）</source>
        <translation>reply overdue (due {date})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="253"/>
        <source>待答复，期限 {date}</source>
        <translation>awaiting reply, due {date}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="309"/>
        <source>{sha}（已标注）</source>
        <translation>{sha} (marked up)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_detail.py" line="313"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>HazardDialog</name>
    <message>
        <location filename="../../inspector/ui/inspection/hazard_dialog.py" line="35"/>
        <location filename="../../inspector/ui/inspection/hazard_dialog.py" line="39"/>
        <source>登记隐患</source>
        <translation>Record hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/hazard_dialog.py" line="37"/>
        <source>登记隐患 · 检查项 {code}</source>
        <translation>Record hazard · item {code}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/hazard_dialog.py" line="43"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/hazard_dialog.py" line="44"/>
        <source>{day} · {who}</source>
        <translation>{day} · {who}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/hazard_dialog.py" line="43"/>
        <source>（未填）</source>
        <translation>(not provided)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/hazard_dialog.py" line="44"/>
        <source>发现</source>
        <translation>Found</translation>
    </message>
</context>
<context>
    <name>HazardFormDialog</name>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="87"/>
        <source>具体部位，如：二号车间东侧配电箱</source>
        <translation>Exact spot, e.g. distribution box on the east side of workshop 2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="91"/>
        <source>重大隐患判定依据条款</source>
        <translation>Clause for classifying it as a major hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="98"/>
        <source>企业整改责任人</source>
        <translation>Person responsible at the enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="100"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="100"/>
        <source>勾选的照片作为整改前照片</source>
        <translation>Checked photos are kept as before-rectification photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="114"/>
        <source>隐患描述</source>
        <translation>Hazard description</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="115"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="116"/>
        <source>类别 / 等级</source>
        <translation>Category / severity</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="117"/>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="118"/>
        <source>依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="119"/>
        <source>整改措施</source>
        <translation>Rectification measures</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="120"/>
        <source>整改责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_form.py" line="121"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
</context>
<context>
    <name>HazardTableModel</name>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="42"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="43"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="44"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="45"/>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="46"/>
        <source>等级</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="47"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="48"/>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="49"/>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazard_model.py" line="107"/>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="79"/>
        <source>搜索隐患描述或企业名称</source>
        <translation>Search hazard description or enterprise name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="80"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="81"/>
        <source>全部等级</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="83"/>
        <source>仅看逾期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="86"/>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="91"/>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="87"/>
        <source> 天内</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="88"/>
        <source>只看今后 N 天内到期、仍待整改的隐患（0 = 不限）</source>
        <translation>Only hazards still awaiting the fix that fall due within the next N days (0 = any)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="92"/>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="92"/>
        <source>发现人或参与检查的人员姓名（回车筛选）</source>
        <translation>Name of the finder or an inspector of the inspection (Enter to filter)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="96"/>
        <source>点击取消按企业筛选</source>
        <translation>Click to stop filtering by enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="102"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="104"/>
        <source>新增隐患</source>
        <translation>New hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="105"/>
        <source>登记职工随手拍或企业自查发现的隐患</source>
        <translation>Record a hazard from a worker&apos;s photo report or an enterprise self-check</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="85"/>
        <source>到期天数</source>
        <translation>Due within</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="91"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="206"/>
        <source>共 {n} 条</source>
        <translation>{n} hazards</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="211"/>
        <source>企业：{name} ✕</source>
        <translation>Enterprise: {name} ✕</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="311"/>
        <source>已{action}：隐患现为“{status}”。</source>
        <translation>Done ({action}): the hazard is now “{status}”.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="321"/>
        <source>导出隐患台账</source>
        <translation>Export hazard ledger</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="323"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="339"/>
        <source>正在导出隐患台账…</source>
        <translation>Exporting the hazard ledger…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="337"/>
        <location filename="../../inspector/ui/hazards/hazards_page.py" line="352"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>InspectionListModel</name>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="80"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="81"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="82"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="83"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="84"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="85"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="86"/>
        <source>检查编号</source>
        <translation>Inspection no.</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="122"/>
        <source>检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="124"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="126"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="152"/>
        <source>草稿在前：双击或按 Enter 继续检查；已完成的检查打开评审页面</source>
        <translation>Drafts first: double-click or press Enter to continue an inspection; completed inspections open the review page</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="229"/>
        <source>检查已完成。</source>
        <translation>Inspection completed.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/inspections_page.py" line="242"/>
        <source>已定稿：{enterprise} {day} 的检查现为只读；如需更正，请打开它点击“更正…”。</source>
        <translation>Finalized: the inspection of {enterprise} on {day} is now read-only; to correct it, open it and click “Correct…”.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="27"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="28"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="29"/>
        <source>已定稿</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="35"/>
        <source>已登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="36"/>
        <source>已当场整改</source>
        <translation>Fixed on site</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="37"/>
        <source>已下发整改通知</source>
        <translation>Notice issued</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="38"/>
        <source>整改中</source>
        <translation>Rectifying</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="39"/>
        <source>申请复查</source>
        <translation>Re-check requested</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="40"/>
        <source>复查通过</source>
        <translation>Re-check passed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="41"/>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="42"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="49"/>
        <source>登记隐患</source>
        <translation>Record hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="50"/>
        <source>当场整改</source>
        <translation>Fix on site</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="51"/>
        <source>下发整改通知</source>
        <translation>Issue rectification notice</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="52"/>
        <source>开始整改</source>
        <translation>Start rectifying</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="53"/>
        <source>申请复查</source>
        <comment>hazard action</comment>
        <translation>Request re-check</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="54"/>
        <source>复查通过</source>
        <comment>hazard action</comment>
        <translation>Pass re-check</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="55"/>
        <source>复查不通过</source>
        <translation>Fail re-check</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="56"/>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="57"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="58"/>
        <source>申请延期</source>
        <translation>Request extension</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="59"/>
        <source>批准延期</source>
        <translation>Approve extension</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="60"/>
        <source>驳回延期</source>
        <translation>Refuse extension</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="66"/>
        <source>符合</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="67"/>
        <source>部分符合</source>
        <translation>Partially compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="68"/>
        <source>不符合</source>
        <translation>Non-compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="69"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="75"/>
        <source>一般隐患</source>
        <translation>General hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="76"/>
        <source>重大隐患</source>
        <translation>Major hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="82"/>
        <location filename="../../inspector/ui/common/labels.py" line="104"/>
        <source>生产车间</source>
        <translation>Production workshop</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="83"/>
        <source>仓库</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="84"/>
        <source>危险化学品仓库</source>
        <translation>Hazardous chemicals store</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="85"/>
        <source>危险废物贮存库</source>
        <translation>Hazardous waste store</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="86"/>
        <source>食堂</source>
        <translation>Canteen</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="87"/>
        <source>配电房</source>
        <translation>Power distribution room</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="88"/>
        <source>办公区</source>
        <translation>Office area</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="89"/>
        <source>宿舍</source>
        <translation>Dormitory</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="90"/>
        <source>室外场地</source>
        <translation>Outdoor area</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="91"/>
        <source>全厂</source>
        <translation>Whole site</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="97"/>
        <source>安全管理</source>
        <translation>Safety management</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="98"/>
        <source>教育培训</source>
        <translation>Education and training</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="99"/>
        <source>消防安全</source>
        <translation>Fire safety</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="100"/>
        <source>用电安全</source>
        <translation>Electrical safety</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="101"/>
        <source>燃气与食堂</source>
        <translation>Gas and canteen</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="102"/>
        <source>危险化学品</source>
        <translation>Hazardous chemicals</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="103"/>
        <source>危险废物</source>
        <translation>Hazardous waste</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="105"/>
        <source>仓储</source>
        <translation>Storage</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="106"/>
        <source>劳动防护用品</source>
        <translation>Personal protective equipment</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="107"/>
        <source>职业健康</source>
        <translation>Occupational health</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="108"/>
        <source>应急管理</source>
        <translation>Emergency management</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="109"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="115"/>
        <source>A级</source>
        <translation>Grade A</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="116"/>
        <source>B级</source>
        <translation>Grade B</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="117"/>
        <source>C级</source>
        <translation>Grade C</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="118"/>
        <source>D级</source>
        <translation>Grade D</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="124"/>
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="125"/>
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="126"/>
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="132"/>
        <source>检查人员 1</source>
        <translation>Inspector 1</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="133"/>
        <source>检查人员 2</source>
        <translation>Inspector 2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="134"/>
        <source>企业代表</source>
        <translation>Enterprise representative</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="147"/>
        <source>答案</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="148"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="156"/>
        <source>未作答</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="159"/>
        <location filename="../../inspector/ui/common/labels.py" line="160"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="161"/>
        <source>{code} {field}：{old} → {new}</source>
        <translation>{code} {field}: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="162"/>
        <source>检查</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="171"/>
        <source>监督意见书</source>
        <translation>Supervision opinion letter</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="172"/>
        <source>整改建议书</source>
        <translation>Rectification suggestion</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="173"/>
        <source>责令限期整改指令书</source>
        <translation>Rectification order</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="174"/>
        <source>建议书</source>
        <translation>Referral to the authority</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="175"/>
        <source>整改通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="181"/>
        <source>工会</source>
        <translation>Trade union</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="182"/>
        <source>行政机关</source>
        <translation>Government authority</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="188"/>
        <source>至次年12月31日</source>
        <translation>Until 31 December of the following year</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="189"/>
        <source>至下一轮评定</source>
        <translation>Until the next round</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="196"/>
        <source>责令限期改正</source>
        <translation>Ordered to correct by a deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="197"/>
        <source>责令立即改正</source>
        <translation>Ordered to correct immediately</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="198"/>
        <source>限期整改</source>
        <translation>Rectify by a deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="199"/>
        <source>立即整改</source>
        <translation>Rectify immediately</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="140"/>
        <source>开工第一课</source>
        <translation>First safety lesson</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/labels.py" line="141"/>
        <source>班组长培训</source>
        <translation>Team-leader training</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../inspector/ui/common/i18n.py" line="23"/>
        <source>zh_CN</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>LastVisitBox</name>
    <message>
        <location filename="../../inspector/ui/inspection/last_visit_box.py" line="42"/>
        <source>上次检查（{day}）发现</source>
        <translation>Found at the last inspection ({day})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/last_visit_box.py" line="51"/>
        <source>整改前照片</source>
        <translation>Photo before rectification</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/last_visit_box.py" line="67"/>
        <source>结果：{result}。备注：{note}</source>
        <translation>Result: {result}. Note: {note}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/last_visit_box.py" line="69"/>
        <source>结果：{result}</source>
        <translation>Result: {result}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/last_visit_box.py" line="73"/>
        <source>未整改隐患：{description}（{status}，期限 {deadline}）</source>
        <translation>Open hazard: {description} ({status}, due {deadline})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="57"/>
        <source>Inspector 安全生产检查</source>
        <translation>Inspector – Work Safety Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="69"/>
        <source>看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="70"/>
        <source>企业名录</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="71"/>
        <source>检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="72"/>
        <source>隐患台账</source>
        <translation>Hazard ledger</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="73"/>
        <source>评级发牌</source>
        <translation>Grading &amp; plaques</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="74"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="79"/>
        <source>已逾期或申请复查的隐患：点击查看</source>
        <translation>Hazards overdue or awaiting re-check: click to view</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="82"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="176"/>
        <source>待办 {n}</source>
        <translation>To do {n}</translation>
    </message>
</context>
<context>
    <name>MarkupDialog</name>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="150"/>
        <source>标注照片</source>
        <translation>Mark up photo</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="162"/>
        <source>圆圈</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="163"/>
        <source>箭头</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="164"/>
        <source>文字</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="177"/>
        <source>文字标注（最多 {n} 字），然后点击照片</source>
        <translation>Label text (at most {n} characters), then click the photo</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="180"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="185"/>
        <source>在照片上拖动画圆圈或箭头；原照片保留不变，保存为新的版本，报告使用标注后的照片。</source>
        <translation>Drag on the photo to draw a circle or an arrow. The original is kept unchanged; the drawing is saved as a new version, which reports print.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="188"/>
        <source>保存标注</source>
        <translation>Save mark-up</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="189"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/markup_dialog.py" line="218"/>
        <source>无法保存标注</source>
        <translation>The mark-up could not be saved</translation>
    </message>
</context>
<context>
    <name>NewHazardDialog</name>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="28"/>
        <source>登记隐患（随手拍 / 企业自查）</source>
        <translation>Record hazard (photo report / self-check)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="32"/>
        <source>职工随手拍</source>
        <translation>Worker photo report</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="33"/>
        <source>企业自查</source>
        <translation>Enterprise self-check</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="36"/>
        <source>输入企业名称、信用代码或地址搜索</source>
        <translation>Search by enterprise name, credit code or address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="47"/>
        <source>报告人或自查人姓名</source>
        <translation>Name of the reporter or self-checker</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="48"/>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="49"/>
        <source>发现人</source>
        <translation>Found by</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="51"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="52"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="53"/>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="29"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="70"/>
        <source>{name}（{town}）</source>
        <translation>{name} ({town})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/new_hazard_dialog.py" line="85"/>
        <source>请选择企业</source>
        <translation>Please choose an enterprise</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="55"/>
        <source>下发整改通知</source>
        <translation>Issue rectification notice</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="67"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="69"/>
        <source>本次检查中已登记的隐患：</source>
        <translation>Recorded hazards of this inspection:</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="71"/>
        <source>该企业已登记、未经检查发现的隐患：</source>
        <translation>Recorded hazards of this enterprise found outside an inspection:</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="76"/>
        <source>{found}  {description}（期限 {deadline}）</source>
        <translation>{found}  {description} (deadline {deadline})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="89"/>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="106"/>
        <source>不填</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="108"/>
        <source>复查日期</source>
        <translation>Re-check date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="110"/>
        <source>至少两名检查人员，用“、”分隔</source>
        <translation>At least two inspectors, separated by “、”</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="124"/>
        <source>签发人</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="56"/>
        <source>签发</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="97"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="105"/>
        <source>整改方式</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="107"/>
        <source>限期整改时必填；默认为所选隐患中最晚的整改期限</source>
        <translation>Required for a deadline; defaults to the latest deadline of the chosen hazards</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="111"/>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="116"/>
        <source>监督证号</source>
        <translation>Permit no.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="120"/>
        <source>（不填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="123"/>
        <source>代表本单位签发文书的负责人，从检查人员名单中选择</source>
        <translation>The person who signs for the office, chosen from the roster</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="167"/>
        <source>企业应在收到{kind}之日起 {days} 个工作日内书面答复整改情况（今天送达的，答复截止 {due}，按国家法定节假日及调休计算）。</source>
        <translation>The enterprise replies in writing within {days} working days of receiving the {kind} (delivered today: due {due}, counted on China&apos;s official holiday calendar).</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="185"/>
        <source>监督证编号</source>
        <translation>supervision permit number</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="230"/>
        <source>已签发</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/notice_dialog.py" line="231"/>
        <source>{kind}已签发，编号 {number}</source>
        <translation>{kind} issued, number {number}</translation>
    </message>
</context>
<context>
    <name>OfficeKeysSection</name>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="56"/>
        <source>发证单位</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="56"/>
        <source>公钥指纹</source>
        <translation>Public key fingerprint</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="56"/>
        <source>启用日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="56"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="64"/>
        <location filename="../../inspector/ui/settings_keys.py" line="103"/>
        <source>创建密钥</source>
        <translation>Create key</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="66"/>
        <source>导入公钥…</source>
        <translation>Import public key…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="67"/>
        <source>导入其他发证单位电脑导出的公钥文件，以便核验其亮牌</source>
        <translation>Import a public key file exported by another issuing office&apos;s computer, to verify its plaques</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="69"/>
        <source>导出公钥…</source>
        <translation>Export public key…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="70"/>
        <source>把本单位公钥存为文件，供不同步的电脑导入</source>
        <translation>Save this office&apos;s public key as a file, for computers that do not sync</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="72"/>
        <source>发布核验网页…</source>
        <translation>Publish verification page…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="74"/>
        <source>写出一个自带公钥的亮牌核验网页（index.html），放到网站上供公众扫码核验</source>
        <translation>Write a plaque verification page (index.html) with the public keys built in, to put on a website for the public to scan</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="92"/>
        <source>本机可为发证单位 {office} 签发亮牌。私钥文件：{path}（请妥善备份，勿外传）</source>
        <translation>This computer can sign plaques for issuing office {office}. Private key file: {path} (back it up safely, never share it)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="97"/>
        <source>公钥指纹：{fingerprint}</source>
        <translation>Public key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="99"/>
        <source>这是演示数据生成的演示密钥：它签发的亮牌注明“演示”。正式使用前请更换密钥。</source>
        <translation>This is the demo key made with the demo data: its plaques are marked “演示” (demo). Replace the key before real use.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="100"/>
        <source>更换密钥…</source>
        <translation>Replace key…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="102"/>
        <source>本机还没有发证单位 {office}的签名密钥：创建后即可打印亮牌。</source>
        <translation>This computer has no signing key for issuing office {office} yet: create one to print plaques.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="120"/>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="120"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="121"/>
        <source>{state}，演示</source>
        <translation>{state}, demo</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="129"/>
        <location filename="../../inspector/ui/settings_keys.py" line="134"/>
        <source>更换密钥</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="131"/>
        <source>为发证单位 {code} 创建新的签名密钥？之后打印的亮牌用新密钥签名；旧密钥签发的亮牌仍可核验。其他电脑需同步或导入新公钥后才能核验新亮牌。</source>
        <translation>Create a new signing key for issuing office {code}? Plaques printed from now on are signed with the new key; plaques signed with the old key still verify. Other computers verify the new plaques once they have synced or imported the new public key.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="139"/>
        <source>已创建发证单位 {code} 的签名密钥，公钥指纹：{fingerprint}</source>
        <translation>Created the signing key of issuing office {code}; public key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="144"/>
        <source>导入公钥</source>
        <translation>Import public key</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="144"/>
        <source>发证单位公钥 (*.json);;所有文件 (*)</source>
        <translation>Office public key (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="152"/>
        <source>已导入发证单位 {code} 的公钥，指纹：{fingerprint}。请与对方电脑上显示的指纹核对。</source>
        <translation>Imported the public key of issuing office {code}, fingerprint: {fingerprint}. Compare it with the fingerprint shown on the other computer.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="158"/>
        <source>导出公钥</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="158"/>
        <source>发证单位公钥 (*.json)</source>
        <translation>Office public key (*.json)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="166"/>
        <source>已导出发证单位 {code} 的公钥到 {path}，指纹：{fingerprint}</source>
        <translation>Exported the public key of issuing office {code} to {path}, fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="171"/>
        <source>发布核验网页</source>
        <translation>Publish verification page</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="187"/>
        <source>请把它放到 {address}</source>
        <translation>Put it at {address}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="189"/>
        <source>放到网站上后，请在“常规”中填写亮牌验证地址，之后打印的亮牌二维码即指向该网页。</source>
        <translation>Once it is on a website, enter its address as the plaque verification address under “General”; plaques printed afterwards point to it.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_keys.py" line="192"/>
        <source>已写出亮牌核验网页 {path}（公钥 {keys} 个，亮牌 {plaques} 块）。</source>
        <translation>Wrote the plaque verification page {path} ({keys} keys, {plaques} plaques). </translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../inspector/ui/common/operations.py" line="97"/>
        <source>内部错误：{error}</source>
        <translation>Internal error: {error}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/operations.py" line="114"/>
        <source>操作失败</source>
        <translation>Operation failed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/operations.py" line="176"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="25"/>
        <source>调整等级</source>
        <translation>Adjust grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="32"/>
        <source>调整等级必须写明理由，理由随牌匾记录保存</source>
        <translation>Adjusting a grade requires a reason; it is kept with the plaque record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="35"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="38"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="39"/>
        <source>建议等级</source>
        <translation>Suggested grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="40"/>
        <source>核定等级</source>
        <translation>Approved grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="41"/>
        <source>调整理由</source>
        <translation>Reason for adjustment</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/override_dialog.py" line="54"/>
        <source>与建议等级不同，必须填写调整理由</source>
        <translation>Differs from the suggested grade: a reason for the adjustment is required</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="115"/>
        <source>中心数据库密码</source>
        <translation>Central database password</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="118"/>
        <source>保存到系统钥匙串（不写入设置文件）</source>
        <translation>Save in the system keychain (not in the settings file)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="120"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="121"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="123"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="160"/>
        <source>预览：{title}</source>
        <translation>Preview: {title}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="177"/>
        <source>第 </source>
        <translation>Page </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="178"/>
        <source> 页</source>
        <translation> of</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="179"/>
        <source>输入页码后回车跳转</source>
        <translation>Type a page number and press Enter to go there</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="181"/>
        <source>共 {n} 页</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="189"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="191"/>
        <source>打印（Ctrl+P）</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="192"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="194"/>
        <source>将 PDF 保存到其他位置（Ctrl+S）</source>
        <translation>Save the PDF to another location (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="196"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="199"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="201"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="202"/>
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="205"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="208"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="211"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="317"/>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="334"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="333"/>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="333"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="348"/>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="358"/>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="358"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="366"/>
        <source>无法保存到 {path}：{error}</source>
        <translation>Could not save to {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/pdf_preview.py" line="367"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="55"/>
        <source>图片 (*.jpg *.jpeg *.png *.webp *.heic *.heif *.bmp *.gif *.tif *.tiff);;所有文件 (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.heic *.heif *.bmp *.gif *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="174"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="177"/>
        <location filename="../../inspector/ui/common/photo_strip.py" line="210"/>
        <source>可拖入照片文件，或按 Ctrl+V 粘贴</source>
        <translation>Drag photo files here, or press Ctrl+V to paste</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="186"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="210"/>
        <source>作答后可添加照片</source>
        <translation>Answer the item to add photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="59"/>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="248"/>
        <source>正在导入照片…</source>
        <translation>Importing photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/photo_strip.py" line="286"/>
        <source>移除这张照片</source>
        <translation>Remove this photo</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="54"/>
        <source>移送建议书</source>
        <translation>Refer to the authority</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="55"/>
        <source>签发建议书</source>
        <translation>Issue referral</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="58"/>
        <source>{kind} {number}（{enterprise}）的书面答复期限 {due} 已过，未收到答复。</source>
        <translation>The written reply to {kind} {number} ({enterprise}) was due on {due} and has not arrived.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="63"/>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="64"/>
        <source>移送至</source>
        <translation>Refer to</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="66"/>
        <source>经办人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="72"/>
        <source>签发人</source>
        <translation>Signed by</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="24"/>
        <source>登记书面答复</source>
        <translation>Record written reply</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="25"/>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="27"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="30"/>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="32"/>
        <source>如：已整改 2 项，1 项正在采购设备</source>
        <translation>e.g. 2 items fixed, equipment for 1 on order</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/reply_dialogs.py" line="33"/>
        <source>答复摘要</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="104"/>
        <location filename="../../inspector/ui/documents/report_actions.py" line="145"/>
        <source>无法生成文档</source>
        <translation>The document could not be made</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="108"/>
        <source>正在生成“{title}”…</source>
        <translation>Making “{title}”…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="175"/>
        <location filename="../../inspector/ui/documents/report_actions.py" line="180"/>
        <source>检查报告</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="203"/>
        <location filename="../../inspector/ui/documents/report_actions.py" line="220"/>
        <location filename="../../inspector/ui/documents/report_actions.py" line="348"/>
        <source>亮牌</source>
        <translation>Plaque</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="206"/>
        <source>{year} 年度亮牌</source>
        <translation>Plaques {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="223"/>
        <source>批量</source>
        <translation>batch</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="229"/>
        <source>{year} 年度亮牌（批量）</source>
        <translation>Plaques {year} (batch)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="240"/>
        <location filename="../../inspector/ui/documents/report_actions.py" line="376"/>
        <source>年度汇总</source>
        <translation>Annual summary</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="245"/>
        <source>{year} 年度汇总</source>
        <translation>Annual summary {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="363"/>
        <source>批量打印亮牌</source>
        <translation>Print plaques in batch</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="387"/>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="389"/>
        <source>批量打印亮牌、年度汇总</source>
        <translation>Print plaques in batch, annual summary</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="392"/>
        <source>批量打印亮牌…</source>
        <translation>Print plaques in batch…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="395"/>
        <source>年度汇总…</source>
        <translation>Annual summary…</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="273"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="280"/>
        <source> 年</source>
        <translation> (year)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="282"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="287"/>
        <source>A4 横向</source>
        <translation>A4 landscape</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="288"/>
        <source>A3 横向</source>
        <translation>A3 landscape</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="289"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/documents/report_actions.py" line="299"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
</context>
<context>
    <name>ResultColumn</name>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="83"/>
        <source>更正记录</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="95"/>
        <source>分区得分</source>
        <translation>Section scores</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="128"/>
        <source>评级 {0}</source>
        <translation>Grade {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="129"/>
        <source>{0:g} 分</source>
        <translation>{0:g} pts</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="173"/>
        <source>{0:g}/{1:g}（{2:g}%）</source>
        <translation>{0:g}/{1:g} ({2:g}%)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="175"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="206"/>
        <source>否决项</source>
        <translation>Veto item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="208"/>
        <source>关键项</source>
        <translation>Key item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="209"/>
        <source>备注：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="214"/>
        <source>；备注：{0}</source>
        <translation>; note: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="215"/>
        <source>已更正为：{0}</source>
        <translation>Corrected to: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="222"/>
        <source>不符合项（{0}）</source>
        <translation>Non-compliant items ({0})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="224"/>
        <source>&#x3000;部分符合（{0}）</source>
        <translation>  ·  Partially compliant ({0})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="226"/>
        <source>全部符合或不适用。</source>
        <translation>All items compliant or not applicable.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="229"/>
        <source>本次检查发现的隐患（{0}）</source>
        <translation>Hazards found in this inspection ({0})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="234"/>
        <source>整改期限：{0}</source>
        <translation>Rectification deadline: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="235"/>
        <source>状态：{0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="242"/>
        <source>本次检查未登记隐患。</source>
        <translation>No hazards were recorded in this inspection.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="249"/>
        <source>原因：{0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="252"/>
        <source>{by}：{change}</source>
        <translation>{by}: {change}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="257"/>
        <source>暂无更正。</source>
        <translation>No corrections yet.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_result.py" line="261"/>
        <source>更正后：{0} 级&#x3000;{1:g} 分（已登记 {2} 项更正；上方为定稿时的原始评级）
{3}</source>
        <translation>After correction: grade {0}, {1:g} pts ({2} correction(s) recorded; the grade above is the original one at finalization)
{3}</translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <location filename="../../inspector/ui/resume_offer.py" line="52"/>
        <source>Inspector 上次没有正常退出。有一份未完成的检查：

{enterprise}&#x3000;{day}（已答 {done} / {total} 项）

已答的内容都已保存。现在继续这份检查吗？</source>
        <translation>Inspector did not close normally last time. An inspection was left unfinished:

{enterprise}  {day} ({done} / {total} items answered)

Everything answered has been saved. Continue this inspection now?</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/resume_offer.py" line="63"/>
        <source>另有 {n} 份未完成的检查在“检查”列表中。</source>
        <translation>{n} more unfinished inspections are in the “Inspections” list.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/resume_offer.py" line="66"/>
        <source>继续未完成的检查</source>
        <translation>Continue the unfinished inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/resume_offer.py" line="68"/>
        <source>继续检查</source>
        <translation>Continue inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/resume_offer.py" line="69"/>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="96"/>
        <source>检查结果复核</source>
        <translation>Review inspection results</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="113"/>
        <location filename="../../inspector/ui/inspection/review_view.py" line="179"/>
        <source>返回修改</source>
        <translation>Back to edit</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="121"/>
        <location filename="../../inspector/ui/inspection/review_view.py" line="241"/>
        <source>定稿</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="121"/>
        <source>保存三人签名并定稿；定稿后检查为只读，只能登记更正</source>
        <translation>Save the three signatures and finalize; a finalized inspection is read-only and can only be corrected</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="118"/>
        <source>更正…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="118"/>
        <source>登记对已定稿检查的更正（保留原始记录）</source>
        <translation>Record a correction to the finalized inspection (the original record is kept)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="115"/>
        <source>检查报告</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="115"/>
        <source>预览、打印或保存本次检查的检查报告（PDF）</source>
        <translation>Preview, print or save the report of this inspection (PDF)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="154"/>
        <source>检查人员：{0}</source>
        <translation>Inspectors: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="154"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="157"/>
        <source>&#x3000;·&#x3000;</source>
        <translation>  ·  </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="178"/>
        <source>检查结果（已定稿）</source>
        <translation>Inspection results (finalized)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="178"/>
        <source>检查结果复核与签名</source>
        <translation>Review and sign inspection results</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="179"/>
        <source>返回列表</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="222"/>
        <source>已定稿。检查现为只读；如需更正请点击“更正…”。</source>
        <translation>Finalized. The inspection is now read-only; to correct it, click “Amend…”.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="236"/>
        <source>定稿 {enterprise} {day} 的检查：三人签名和全部答案随之锁定，检查变为只读，不能撤回。此后发现的错误只能用“更正…”登记（原始记录保留）。</source>
        <translation>Finalize the inspection of {enterprise} on {day}: the three signatures and all answers are locked and the inspection becomes read-only. This cannot be undone; errors found later can only be recorded with “Correct…” (the original is kept).</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="241"/>
        <source>确认定稿</source>
        <translation>Confirm finalizing</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/review_view.py" line="255"/>
        <source>更正已登记。</source>
        <translation>Correction recorded.</translation>
    </message>
</context>
<context>
    <name>ServerSection</name>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="25"/>
        <source>中心数据库的地址和用户名；密码不写在这里</source>
        <translation>The central database&apos;s address and user name; the password does not go here</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="28"/>
        <source>删除已保存的密码</source>
        <translation>Delete the saved password</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="34"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="35"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="38"/>
        <source>密码保存在系统钥匙串（Windows 凭据管理器、macOS 钥匙串）中，不写入设置文件，保存后不再显示。不保存密码时，每次推送或拉取都会询问。</source>
        <translation>The password is kept in the system keyring (Windows Credential Manager, macOS Keychain), never in the settings file, and is not shown again. Without a saved password, every push or pull asks for it.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="54"/>
        <source>已保存（不显示）；输入新密码可替换</source>
        <translation>Saved (not shown); type a new one to replace it</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="54"/>
        <source>输入后随设置一起保存</source>
        <translation>Saved with the settings</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="57"/>
        <source>未设置中心数据库：同步页只能用同步包交换数据。</source>
        <translation>No central database: the Sync page exchanges data by bundles only.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="59"/>
        <source>密码已保存在系统钥匙串中。</source>
        <translation>The password is saved in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="61"/>
        <source>尚未保存密码：推送或拉取时会询问。</source>
        <translation>No password saved: push and pull will ask for it.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_server.py" line="82"/>
        <source>请先填写中心数据库地址，再保存密码。</source>
        <translation>Enter the central database&apos;s address first, then save the password.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="52"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="66"/>
        <source>工会签发监督意见书、整改建议书，企业 15 个工作日内书面答复，逾期未答复向行政机关移送建议书；行政机关（应急管理局、综合行政执法）签发责令限期整改指令书。</source>
        <translation>A trade union issues supervision letters and suggestions, answered in writing within 15 working days, and refers unanswered ones to the authority; an authority (emergency management bureau, law enforcement) issues rectification orders.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="71"/>
        <source>工会移送建议书的行政机关，例如 平湖市应急管理局</source>
        <translation>The authority a union refers letters to, e.g. the city emergency management bureau</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="78"/>
        <source>年末评定当年等级，亮牌在次年悬挂：有效至次年12月31日，或至下一轮评定的亮牌签发为止。</source>
        <translation>A year is graded at its end and its plaque hangs during the next year: valid until 31 December of that year, or until the next round&apos;s plaques are issued.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="83"/>
        <source> 像素</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="90"/>
        <source>发布了亮牌核验网页（发证单位密钥 → 发布核验网页…）的网址。填写后，新打印的亮牌二维码用手机相机或微信一扫即打开该网页核验；不填，二维码只能用 Inspector 核验。</source>
        <translation>The address where the plaque verification page (Office key → Publish verification page…) is published. Set, a newly printed plaque&apos;s QR code opens that page when scanned with a phone camera or WeChat; empty, the QR code can be checked only with Inspector.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="95"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="96"/>
        <source>发证单位</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="97"/>
        <source>单位代码</source>
        <translation>Authority code</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="98"/>
        <source>单位类别</source>
        <translation>Office kind</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="99"/>
        <source>移送机关</source>
        <translation>Refer to authority</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="100"/>
        <source>亮牌有效期</source>
        <translation>Plaque validity</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="102"/>
        <source>照片长边</source>
        <translation>Photo long edge</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="103"/>
        <source>时区</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="105"/>
        <source>界面语言在重新启动 Inspector 后生效。</source>
        <translation>The interface language takes effect after Inspector is restarted.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="107"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="111"/>
        <source>备份…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="113"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="123"/>
        <source>备份包含数据库、照片、设置和密钥，保存为一个 .zip 文件。</source>
        <translation>A backup holds the database, photos, settings and keys, in one .zip file.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="127"/>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="128"/>
        <location filename="../../inspector/ui/settings_dialog.py" line="232"/>
        <source>发证单位密钥</source>
        <translation>Office key</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="129"/>
        <source>中心数据库</source>
        <translation>Central database</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="130"/>
        <location filename="../../inspector/ui/settings_dialog.py" line="174"/>
        <source>备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="174"/>
        <location filename="../../inspector/ui/settings_dialog.py" line="200"/>
        <source>Inspector 备份 (*.zip)</source>
        <translation>Inspector backups (*.zip)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="185"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="189"/>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="200"/>
        <location filename="../../inspector/ui/settings_dialog.py" line="207"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="209"/>
        <source>用备份 {name} 替换当前的全部数据？
当前数据会先移到数据文件夹中的 .before-restore-… 文件夹保留。</source>
        <translation>Replace all current data with the backup {name}?
The current data is first moved to a .before-restore-… folder in the data folder and kept there.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="233"/>
        <source>本机还没有发证单位 {code}（{name}）的签名密钥，亮牌要用它签名。现在到 设置 → 发证单位密钥 中创建吗？</source>
        <translation>This computer has no signing key of issuing office {code} ({name}) yet; plaques are signed with it. Create it now in Settings → Office key?</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="240"/>
        <source>打开设置</source>
        <translation>Open settings</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="241"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/settings_dialog.py" line="104"/>
        <source>亮牌验证地址</source>
        <translation>Plaque check address</translation>
    </message>
</context>
<context>
    <name>SignatureBox</name>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="49"/>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="63"/>
        <source>签名人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="50"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../inspector/ui/common/signature_pad.py" line="56"/>
        <source>用鼠标、手写笔或手指在此签名</source>
        <translation>Sign here with a mouse, stylus or finger</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/signature_pad.py" line="226"/>
        <source>请在此处手写签名</source>
        <translation>Please sign here</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="92"/>
        <source>请两名检查人员和企业代表核对上述结果后分别签名。</source>
        <translation>The two inspectors and the enterprise representative check the results above, then each signs.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="97"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="113"/>
        <source>已定稿，检查为只读。发现错误请点“更正…”登记，原始记录保持不变。</source>
        <translation>Finalized; the inspection is read-only. To fix an error, click “Amend…” to record a correction; the original record stays unchanged.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="115"/>
        <source>请两名检查人员和企业代表核对左侧结果后，在下方分别手写签名，然后点击“定稿”。</source>
        <translation>The two inspectors and the enterprise representative check the results on the left, each sign by hand below, then click “Finalize”.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="129"/>
        <source>未留签名</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/signature_panel.py" line="135"/>
        <source>签名时间</source>
        <translation>Signed at</translation>
    </message>
</context>
<context>
    <name>StartController</name>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="268"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="62"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="67"/>
        <source>输入企业名称、信用代码或地址搜索</source>
        <translation>Search by enterprise name, credit code or address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="79"/>
        <source>被检查企业</source>
        <translation>Enterprise inspected</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="99"/>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="102"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="108"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="111"/>
        <source>添加检查人员</source>
        <translation>Add inspector</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="117"/>
        <source>检查人员（至少 {n} 名）</source>
        <translation>Inspectors (at least {n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="132"/>
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="180"/>
        <source>没有找到匹配的企业</source>
        <translation>No matching enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="183"/>
        <source>共 {total} 家，显示前 {shown} 家：请输入更多文字缩小范围</source>
        <translation>{total} enterprises, showing the first {shown}: type more to narrow the search</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="188"/>
        <source>共 {total} 家</source>
        <translation>{total} enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="231"/>
        <source>从上次检查（{day}）开始：先复查 {items} 项检查项和 {hazards} 条未整改隐患</source>
        <translation>Start from the last inspection ({day}): re-check {items} items and {hazards} open hazard(s) first</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="215"/>
        <source>{title}（第 {version} 版，{count} 项）</source>
        <translation>{title} (version {version}, {count} items)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="354"/>
        <source>检查表无法加载，不能开始检查</source>
        <translation>The checklist could not be loaded, so the inspection cannot start</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="356"/>
        <source>请选择被检查企业</source>
        <translation>Select the enterprise to inspect</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="358"/>
        <source>请至少勾选 {n} 名检查人员（已选 {checked} 名）</source>
        <translation>Tick at least {n} inspectors ({checked} selected)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="264"/>
        <source>无法按风险标签建议检查表：{error}</source>
        <translation>Cannot propose checklists from the risk tags: {error}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="270"/>
        <source>{template} · 建议</source>
        <translation>{template} · proposed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="284"/>
        <source>该企业还应分别使用：{templates}</source>
        <translation>Also inspect this enterprise, separately, with: {templates}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="291"/>
        <source>没有可用的检查表</source>
        <translation>No checklist is available</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="278"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="279"/>
        <source>{title}（{tags}）</source>
        <translation>{title} ({tags})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspection/start_dialog.py" line="248"/>
        <source>沿用上次检查的检查表：{title}（第 {version} 版，{count} 项）</source>
        <translation>The last visit&apos;s checklist: {title} (version {version}, {count} items)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="56"/>
        <source>删除与合并记录</source>
        <translation>Deletions and merges</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="57"/>
        <source>企业</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="58"/>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="59"/>
        <source>发证密钥</source>
        <translation>Issuing keys</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="60"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="61"/>
        <source>检查表模板</source>
        <translation>Checklist templates</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="62"/>
        <source>检查任务</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="63"/>
        <source>检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="64"/>
        <source>亮灯</source>
        <translation>Lights</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="65"/>
        <source>更正记录</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="66"/>
        <source>检查项结果</source>
        <translation>Item results</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="67"/>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="68"/>
        <source>检查人员分工</source>
        <translation>Inspector roles</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="69"/>
        <source>整改通知书</source>
        <translation>Rectification notices</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="70"/>
        <source>亮牌</source>
        <translation>Plaques</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="71"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="72"/>
        <source>检查项照片</source>
        <translation>Item photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="73"/>
        <source>隐患处理记录</source>
        <translation>Hazard history</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="74"/>
        <source>通知书所列隐患</source>
        <translation>Hazards listed in notices</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="75"/>
        <source>隐患处理照片</source>
        <translation>Hazard history photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="144"/>
        <source>推送</source>
        <translation>Push</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="145"/>
        <source>把本机的改动发送到中心数据库</source>
        <translation>Send this computer&apos;s changes to the central database</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="146"/>
        <source>拉取</source>
        <translation>Pull</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="147"/>
        <source>从中心数据库取回其他电脑的改动</source>
        <translation>Fetch other computers&apos; changes from the central database</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="152"/>
        <location filename="../../inspector/ui/sync/sync_page.py" line="346"/>
        <location filename="../../inspector/ui/sync/sync_page.py" line="357"/>
        <source>中心数据库</source>
        <translation>Central database</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="157"/>
        <source>导出同步包…</source>
        <translation>Export sync bundle…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="158"/>
        <source>导入同步包…</source>
        <translation>Import sync bundle…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="159"/>
        <source>信任设备…</source>
        <translation>Trust device…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="160"/>
        <source>导出本机公钥…</source>
        <translation>Export this computer&apos;s public key…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="168"/>
        <source>同步包（U 盘、邮件）</source>
        <translation>Sync bundles (USB stick, email)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="182"/>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="185"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="195"/>
        <source>本次打开后尚未同步。</source>
        <translation>Not synced since the app was opened.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="198"/>
        <location filename="../../inspector/ui/sync/sync_page.py" line="211"/>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="198"/>
        <source>收发条数</source>
        <translation>Records sent/received</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="198"/>
        <source>新增</source>
        <translation>Inserted</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="198"/>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="198"/>
        <source>合并或删除</source>
        <translation>Merged or deleted</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="205"/>
        <source>对方</source>
        <translation>Peer</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="205"/>
        <source>上次发送</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="205"/>
        <source>上次接收</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="207"/>
        <source>设备名称</source>
        <translation>Device name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="207"/>
        <source>设备编号</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="207"/>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="207"/>
        <source>信任时间</source>
        <translation>Trusted at</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="207"/>
        <source>最近导入</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="212"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="213"/>
        <source>保留的版本来自</source>
        <translation>Kept version from</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="214"/>
        <source>落选的版本来自</source>
        <translation>Discarded version from</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="215"/>
        <source>发现时间</source>
        <translation>Detected at</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="222"/>
        <source>保留当前版本</source>
        <translation>Keep current version</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="223"/>
        <source>改用落选版本</source>
        <translation>Use discarded version</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="229"/>
        <source>两台电脑同时修改了同一条记录：较新的版本已采用，落选的版本保存在这里供核对。</source>
        <translation>Two computers changed the same record: the newer version was applied, and the discarded version is kept here for review.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="240"/>
        <source>本次同步</source>
        <translation>This sync</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="241"/>
        <source>同步记录</source>
        <translation>Sync history</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="242"/>
        <source>信任的设备</source>
        <translation>Trusted devices</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="243"/>
        <location filename="../../inspector/ui/sync/sync_page.py" line="307"/>
        <source>待处理冲突</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="262"/>
        <source>本机：{name}（{device}）
指纹：{fingerprint}</source>
        <translation>This computer: {name} ({device})
Fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="284"/>
        <source>未设置中心数据库地址。</source>
        <translation>No central database address set.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="292"/>
        <source>上次推送：{sent}&#x3000;上次拉取：{received}</source>
        <translation>Last push: {sent}   Last pull: {received}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="307"/>
        <source>待处理冲突 ({n})</source>
        <translation>Open conflicts ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="327"/>
        <source>落选的版本：</source>
        <translation>Discarded version:</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="332"/>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="332"/>
        <source>请先选择一条冲突。</source>
        <translation>Select a conflict first.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="337"/>
        <source>无法处理冲突</source>
        <translation>Could not resolve the conflict</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="347"/>
        <source>请先填写中心数据库地址，例如 postgresql://用户@服务器:5432/数据库。</source>
        <translation>Enter the central database address first, e.g. postgresql://user@server:5432/database.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="372"/>
        <source>密码未保存</source>
        <translation>Password not saved</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="390"/>
        <source>正在推送…</source>
        <translation>Pushing…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="390"/>
        <source>正在拉取…</source>
        <translation>Pulling…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="408"/>
        <source>导出同步包</source>
        <translation>Export sync bundle</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="408"/>
        <location filename="../../inspector/ui/sync/sync_page.py" line="413"/>
        <source>同步包 (*.zip)</source>
        <translation>Sync bundles (*.zip)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="413"/>
        <source>导入同步包</source>
        <translation>Import sync bundle</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="430"/>
        <location filename="../../inspector/ui/sync/sync_page.py" line="469"/>
        <source>信任设备</source>
        <translation>Trust device</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="431"/>
        <source>同步包或设备公钥 (*.zip *.json *.key);;所有文件 (*)</source>
        <translation>Sync bundles or device public keys (*.zip *.json *.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="438"/>
        <source>导出本机公钥</source>
        <translation>Export this computer&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="438"/>
        <source>设备公钥 (*.key)</source>
        <translation>Device public keys (*.key)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="444"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="447"/>
        <source>已导出公钥</source>
        <translation>Public key exported</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="447"/>
        <source>指纹：{fingerprint}</source>
        <translation>Fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="452"/>
        <source>正在导出同步包…</source>
        <translation>Exporting sync bundle…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="456"/>
        <source>正在导入同步包…</source>
        <translation>Importing sync bundle…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="463"/>
        <source>无法读取设备信息</source>
        <translation>Could not read the device information</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="466"/>
        <source>设备：{name}
设备编号：{device}
密钥指纹：{fingerprint}

请与对方电脑上显示的指纹逐字核对，一致才可信任。信任这台设备吗？</source>
        <translation>Device: {name}
Device ID: {device}
Key fingerprint: {fingerprint}

Compare the fingerprint character by character with the one shown on the other computer; trust the device only if they match. Trust this device?</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="474"/>
        <source>无法信任设备</source>
        <translation>Could not trust the device</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="512"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="532"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="496"/>
        <location filename="../../inspector/ui/sync/sync_page.py" line="533"/>
        <source>同步失败</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="537"/>
        <source>已取消，数据保持原样</source>
        <translation>Cancelled; the data is unchanged</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="527"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="143"/>
        <source>postgresql://用户@服务器:5432/数据库（在 设置 → 中心数据库 中保存）</source>
        <translation>postgresql://user@server:5432/database (saved in Settings → Central database)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="536"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="557"/>
        <source>推送到</source>
        <translation>Pushed to</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="557"/>
        <source>拉取自</source>
        <translation>Pulled from</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="558"/>
        <source>{verb} {server}：{rows} 条记录，照片 {photos} 张，冲突 {conflicts} 条。</source>
        <translation>{verb} {server}: {rows} records, {photos} photos, {conflicts} conflicts.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="573"/>
        <source>已导入来自 {device} 的同步包：照片 {photos} 张，冲突 {conflicts} 条。</source>
        <translation>Imported the sync bundle from {device}: {photos} photos, {conflicts} conflicts.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/sync/sync_page.py" line="582"/>
        <source>已导出 {rows} 条记录、照片 {photos} 张到 {path}。</source>
        <translation>Exported {rows} records and {photos} photos to {path}.</translation>
    </message>
</context>
<context>
    <name>TodoPanel</name>
    <message>
        <location filename="../../inspector/ui/hazards/todo_panel.py" line="62"/>
        <source>已逾期（{n}）</source>
        <translation>Overdue ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/todo_panel.py" line="64"/>
        <source>{days} 天内到期（{n}）</source>
        <translation>Due within {days} days ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/todo_panel.py" line="65"/>
        <source>待复查（{n}）</source>
        <translation>Awaiting re-check ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/todo_panel.py" line="75"/>
        <source>{deadline}  {enterprise}：{description}</source>
        <translation>{deadline}  {enterprise}: {description}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazards/todo_panel.py" line="85"/>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>TownSelector</name>
    <message>
        <location filename="../../inspector/ui/common/town_selector.py" line="28"/>
        <source>选择或输入镇、街道</source>
        <translation>Choose or enter a town or street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/common/town_selector.py" line="50"/>
        <source>全部镇街道</source>
        <translation>All towns/streets</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="38"/>
        <source>修改培训记录</source>
        <translation>Correct training record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="38"/>
        <source>记录培训</source>
        <translation>Record training</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="39"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="48"/>
        <source>如：节后复工安全第一课、班组长安全管理培训</source>
        <translation>e.g. first safety lesson after the holiday, team-leader safety management</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="51"/>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="53"/>
        <source>记录人姓名</source>
        <translation>Name of the person recording</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="57"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="57"/>
        <source>现场照片、签到表等，勾选的照片随记录保存</source>
        <translation>Photos of the session, sign-in sheets…; ticked photos are saved with the record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="63"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="64"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="65"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="66"/>
        <source>主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="67"/>
        <source>参加人数</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="68"/>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="69"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="71"/>
        <source>已有照片</source>
        <translation>Photos so far</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="71"/>
        <source>{n} 张</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="72"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="101"/>
        <source>照片还在导入，请稍候</source>
        <translation>Photos are still being imported, please wait</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="76"/>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="119"/>
        <source>删除 {day} 的{kind}记录（{n} 人）？删除后不计入培训统计，同步后其他电脑上也会删除。</source>
        <translation>Delete the {kind} record of {day} ({n} people)? It no longer counts in the training figures, and the next sync deletes it on the other computers too.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="135"/>
        <source>删除培训记录</source>
        <translation>Delete training record</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises/training_dialog.py" line="135"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../inspector/ui/dashboard/dashboard_charts.py" line="167"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
</context>
<context>
    <name>UninspectedModel</name>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="54"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="55"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="56"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="57"/>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/grading/coverage_dialog.py" line="65"/>
        <source>未分派</source>
        <translation>Unassigned</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="56"/>
        <source>Inspector 安全生产检查</source>
        <translation>Inspector – Work Safety Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="61"/>
        <source>欢迎使用 Inspector 安全生产检查</source>
        <translation>Welcome to Inspector – Work Safety Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="64"/>
        <source>数据文件夹 {folder} 中还没有企业。请选择一种方式开始：</source>
        <translation>The data folder {folder} has no enterprises yet. Choose how to start:</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="67"/>
        <source>导入企业名单…</source>
        <translation>Import enterprise list…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="68"/>
        <source>加载演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="69"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="71"/>
        <source>从 Excel（.xlsx）或 CSV 文件导入本地区的企业名录（企业名称、统一社会信用代码、地址、镇街道等）。</source>
        <translation>Import your area&apos;s enterprises from an Excel (.xlsx) or CSV file (enterprise name, unified social credit code, address, town/street, etc.).</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="72"/>
        <source>生成一个演示城市：企业、三年的检查、隐患和照片，用于培训和试用。</source>
        <translation>Generate a demo city with enterprises, three years of inspections, hazards and photos, for training and trying out.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="73"/>
        <source>用“备份…”生成的 .zip 文件恢复全部数据（数据库、照片和设置）。</source>
        <translation>Restore all data (database, photos and settings) from a .zip file made with “Back up…”.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="125"/>
        <source>导入企业名单</source>
        <translation>Import enterprise list</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="125"/>
        <source>企业名单 (*.xlsx *.csv)</source>
        <translation>Enterprise lists (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="138"/>
        <source>正在导入企业名单…</source>
        <translation>Importing the enterprise list…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="138"/>
        <source>已导入 {n} 家企业</source>
        <translation>Imported {n} enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="152"/>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="152"/>
        <source>演示数据已生成</source>
        <translation>Demo data generated</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="156"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="156"/>
        <source>Inspector 备份 (*.zip)</source>
        <translation>Inspector backups (*.zip)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="185"/>
        <source>正在生成：{step}</source>
        <translation>Generating: {step}</translation>
    </message>
</context>
<context>
    <name>_RestoreProgress</name>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="276"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/welcome_page.py" line="278"/>
        <source>正在校验并恢复备份，请稍候…</source>
        <translation>Verifying and restoring the backup, please wait…</translation>
    </message>
</context>
</TS>
