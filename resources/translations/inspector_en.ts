<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AmendmentDialog</name>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="54"/>
        <location filename="../../inspector/ui/amendment_dialog.py" line="116"/>
        <source>登记更正</source>
        <translation>Record correction</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="58"/>
        <source>检查已定稿，原始记录保持不变。更正将连同更正人、时间和原因一并登记，并显示更正后的评级。</source>
        <translation>The inspection is finalized and its original record stays unchanged. The correction is recorded together with who made it, when and why, and the corrected grade is shown.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="73"/>
        <source>答案</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="74"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="91"/>
        <source>必填：为什么更正，依据是什么（如复核照片、企业提供的记录）</source>
        <translation>Required: why the correction is made and on what grounds (e.g. re-checked photos, records provided by the enterprise)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="100"/>
        <source>检查项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="101"/>
        <source>检查内容</source>
        <translation>Item content</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="102"/>
        <source>更正内容</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="103"/>
        <source>新答案</source>
        <translation>New answer</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="104"/>
        <source>新备注</source>
        <translation>New note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="105"/>
        <source>更正原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="106"/>
        <source>更正人</source>
        <translation>Corrected by</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="117"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/amendment_dialog.py" line="150"/>
        <source>未作答</source>
        <translation>Not answered</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="226"/>
        <source>否决项</source>
        <translation>Veto item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="228"/>
        <source>关键项</source>
        <translation>Key item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="230"/>
        <source>选答</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="254"/>
        <source>检查方法</source>
        <translation>How to check</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="258"/>
        <source>依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="283"/>
        <source>符合</source>
        <translation>Compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="284"/>
        <source>部分符合</source>
        <translation>Partially compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="285"/>
        <source>不符合</source>
        <translation>Non-compliant</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="286"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="307"/>
        <location filename="../../inspector/ui/checklist_view.py" line="545"/>
        <source>登记隐患 (Enter)</source>
        <translation>Record hazard (Enter)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="314"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="329"/>
        <source>快捷键：1 符合 · 2 部分符合 · 3 不符合 · 0 不适用 · ↑↓ 上一项/下一项 · Esc 离开备注 · Ctrl+V 粘贴照片</source>
        <translation>Shortcuts: 1 Compliant · 2 Partially compliant · 3 Non-compliant · 0 Not applicable · ↑↓ previous/next item · Esc leave note · Ctrl+V paste photo</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="350"/>
        <source>实时评分</source>
        <translation>Live score</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="367"/>
        <source>评级理由</source>
        <translation>Grading reasons</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="386"/>
        <source>完成检查</source>
        <translation>Complete inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="390"/>
        <source>返回列表</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="427"/>
        <source>{day} · {inspectors}</source>
        <translation>{day} · {inspectors}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="438"/>
        <source>该检查{status}，只能查看</source>
        <translation>This inspection is {status} and can only be viewed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="486"/>
        <source>第 {n} / {total} 项</source>
        <translation>Item {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="491"/>
        <source>分值 {weight:g}</source>
        <translation>Weight {weight:g}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="495"/>
        <location filename="../../inspector/ui/checklist_view.py" line="496"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="527"/>
        <source>现场情况、整改要求…</source>
        <translation>On-site situation, rectification requirements…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="527"/>
        <source>作答后可填写备注</source>
        <translation>Answer the item to add a note</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="541"/>
        <source>此项不符合，已登记 {n} 项隐患。</source>
        <translation>Non-compliant; {n} hazard(s) recorded.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="542"/>
        <source>再登记一项 (Enter)</source>
        <translation>Record another (Enter)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="544"/>
        <source>此项不符合：登记隐患（已按检查表预填等级和整改期限）</source>
        <translation>Non-compliant: record a hazard (severity and rectification deadline are pre-filled from the checklist)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="565"/>
        <source>检查项 {code} 不能选“{label}”</source>
        <translation>Item {code} cannot be answered “{label}”</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="648"/>
        <source>已登记检查项 {code} 的隐患</source>
        <translation>Hazard recorded for item {code}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="680"/>
        <source>尚无可计分的答案</source>
        <translation>No scorable answers yet</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="683"/>
        <source>{score:g} 分</source>
        <translation>{score:g} pts</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="686"/>
        <source>暂定（尚未答完）</source>
        <translation>Provisional (not all answered)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="686"/>
        <source>已答完</source>
        <translation>All answered</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="696"/>
        <source>已答 {n} / {total}</source>
        <translation>Answered {n} / {total}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="708"/>
        <source>未作答的必答项（{n}）</source>
        <translation>Unanswered required items ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/checklist_view.py" line="748"/>
        <source>剪贴板里没有图片；请先作答，再粘贴照片</source>
        <translation>No image on the clipboard; answer the item first, then paste the photo</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetailPanel</name>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="83"/>
        <source>在左侧列表中选择一家企业，查看详情</source>
        <translation>Select an enterprise in the list on the left to see its details</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="97"/>
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="98"/>
        <source>为这家企业新建一次检查</source>
        <translation>Create a new inspection for this enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="112"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="113"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="114"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="115"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="116"/>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="117"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="118"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="127"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="127"/>
        <location filename="../../inspector/ui/enterprise_detail.py" line="130"/>
        <location filename="../../inspector/ui/enterprise_detail.py" line="133"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="127"/>
        <location filename="../../inspector/ui/enterprise_detail.py" line="133"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="127"/>
        <location filename="../../inspector/ui/enterprise_detail.py" line="133"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="127"/>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="130"/>
        <source>隐患描述</source>
        <translation>Hazard description</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="130"/>
        <source>隐患等级</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="130"/>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="133"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="133"/>
        <source>牌匾编号</source>
        <translation>Plaque no.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="135"/>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="135"/>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="189"/>
        <source>{year} 年度：{grade}</source>
        <translation>{year}: {grade}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="195"/>
        <source>{quarter}：&lt;span style=&apos;color:{color}&apos;&gt;●&lt;/span&gt; {light}</source>
        <translation>{quarter}: &lt;span style=&apos;color:{color}&apos;&gt;●&lt;/span&gt; {light}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="200"/>
        <source>尚未亮灯</source>
        <translation>No light yet</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="202"/>
        <source>（未填）</source>
        <translation>(not provided)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="219"/>
        <source>{code} 第 {version} 版</source>
        <translation>{code} version {version}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="225"/>
        <source>检查（{n}）</source>
        <translation>Inspections ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="234"/>
        <source>{day}（逾期）</source>
        <translation>{day} (overdue)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="246"/>
        <source>未整改隐患（{n}）</source>
        <translation>Open hazards ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="251"/>
        <source>其中 {overdue} 项已逾期</source>
        <translation>{overdue} of them overdue</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="258"/>
        <source>当前</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="258"/>
        <source>已撤换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="262"/>
        <source>颁发于 {day}</source>
        <translation>Issued on {day}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="265"/>
        <source>评级（{n}）</source>
        <translation>Grades ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_detail.py" line="275"/>
        <source>亮灯（{n}）</source>
        <translation>Lights ({n})</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="69"/>
        <source>编辑企业</source>
        <translation>Edit enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="69"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="73"/>
        <source>营业执照上的全称</source>
        <translation>Full name as on the business licence</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="75"/>
        <source>18 位，如 91330482MA2B3C4D5E</source>
        <translation>18 characters, e.g. 91330482MA2B3C4D5E</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="82"/>
        <source>选择或输入镇、街道</source>
        <translation>Choose or enter a town or street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="91"/>
        <source>手机或座机，如 0573-85123456</source>
        <translation>Mobile or landline, e.g. 0573-85123456</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="101"/>
        <source>企业名称 *</source>
        <translation>Enterprise name *</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="102"/>
        <source>统一社会信用代码 *</source>
        <translation>Unified social credit code *</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="103"/>
        <source>镇街道 *</source>
        <translation>Town/street *</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="104"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="105"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="106"/>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="107"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="108"/>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="110"/>
        <source>带 * 的为必填项</source>
        <translation>Fields marked * are required</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="121"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_dialog.py" line="122"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EnterpriseLabels</name>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="64"/>
        <source>待评</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="65"/>
        <source>{grade}级</source>
        <translation>Grade {grade}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="70"/>
        <source>绿灯</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="72"/>
        <source>黄灯</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="74"/>
        <source>红灯</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="80"/>
        <source>大型</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="82"/>
        <source>中型</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="84"/>
        <source>小型</source>
        <translation>Small</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="86"/>
        <source>微型</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="87"/>
        <source>未填</source>
        <translation>Not specified</translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="48"/>
        <source>企业名称</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="49"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="50"/>
        <source>镇街道</source>
        <translation>Town/street</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="51"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="52"/>
        <source>亮灯</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="53"/>
        <source>未整改</source>
        <translation>Open hazards</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="54"/>
        <source>最近检查</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="55"/>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="56"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="201"/>
        <source>{year} 年度当前牌匾等级</source>
        <translation>Current plaque grade for {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="205"/>
        <source>{quarter} 季度亮灯</source>
        <translation>Light for {quarter}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprise_model.py" line="209"/>
        <source>未整改的隐患数（含待复查）</source>
        <translation>Number of unrectified hazards (including those awaiting re-check)</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="75"/>
        <source>搜索企业名称、信用代码或地址</source>
        <translation>Search enterprise name, credit code or address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="81"/>
        <source>全部等级</source>
        <translation>All grades</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="85"/>
        <source>{year} 年度当前牌匾等级</source>
        <translation>Current plaque grade for {year}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="87"/>
        <source>全部亮灯</source>
        <translation>All lights</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="90"/>
        <source>{quarter} 季度亮灯</source>
        <translation>Light for {quarter}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="92"/>
        <source>新增企业</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="93"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="201"/>
        <source>全部镇街道</source>
        <translation>All towns/streets</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/enterprises_page.py" line="235"/>
        <location filename="../../inspector/ui/enterprises_page.py" line="300"/>
        <source>共 {n} 家</source>
        <translation>{n} enterprises</translation>
    </message>
</context>
<context>
    <name>HazardDialog</name>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="71"/>
        <location filename="../../inspector/ui/hazard_dialog.py" line="152"/>
        <source>登记隐患</source>
        <translation>Record hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="73"/>
        <source>登记隐患 · 检查项 {code}</source>
        <translation>Record hazard · item {code}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="84"/>
        <source>具体部位，如：二号车间东侧配电箱</source>
        <translation>Exact spot, e.g. distribution box on the east side of workshop 2</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="94"/>
        <source>重大隐患判定依据条款</source>
        <translation>Clause for classifying it as a major hazard</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="104"/>
        <source>企业整改责任人</source>
        <translation>Person responsible at the enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="106"/>
        <source>{day} · {who}</source>
        <translation>{day} · {who}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="106"/>
        <source>（未填）</source>
        <translation>(not provided)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="117"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="120"/>
        <source>勾选的照片作为整改前照片</source>
        <translation>Checked photos are kept as before-rectification photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="128"/>
        <source>隐患描述</source>
        <translation>Hazard description</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="129"/>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="133"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="134"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="138"/>
        <source>隐患等级</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="139"/>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="140"/>
        <source>依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="141"/>
        <source>整改措施</source>
        <translation>Rectification measures</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="142"/>
        <source>整改责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="143"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="154"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="180"/>
        <source>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;所有文件 (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/hazard_dialog.py" line="181"/>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
</context>
<context>
    <name>InspectionListModel</name>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="53"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="54"/>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="55"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="56"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="57"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="58"/>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="61"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="62"/>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="63"/>
        <source>已定稿</source>
        <translation>Finalized</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="135"/>
        <source>检查</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="137"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="139"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="165"/>
        <source>草稿在前：双击或按 Enter 继续检查；已完成的检查打开评审页面</source>
        <translation>Drafts first: double-click or press Enter to continue an inspection; completed inspections open the review page</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/inspections_page.py" line="242"/>
        <source>检查已完成。</source>
        <translation>Inspection completed.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="21"/>
        <source>Inspector 安全生产检查</source>
        <translation>Inspector – Work Safety Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="31"/>
        <source>企业名录</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/main_window.py" line="32"/>
        <source>检查</source>
        <translation>Inspections</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="151"/>
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="154"/>
        <location filename="../../inspector/ui/photo_strip.py" line="187"/>
        <source>可拖入照片文件，或按 Ctrl+V 粘贴</source>
        <translation>Drag photo files here, or press Ctrl+V to paste</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="163"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="187"/>
        <source>作答后可添加照片</source>
        <translation>Answer the item to add photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="199"/>
        <source>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;所有文件 (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="200"/>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="226"/>
        <source>正在导入照片…</source>
        <translation>Importing photos…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/photo_strip.py" line="264"/>
        <source>移除这张照片</source>
        <translation>Remove this photo</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="148"/>
        <source>检查结果复核</source>
        <translation>Review inspection results</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="217"/>
        <source>更正记录</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="229"/>
        <source>分区得分</source>
        <translation>Section scores</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="249"/>
        <source>请两名检查人员和企业代表核对上述结果后分别签名。</source>
        <translation>The two inspectors and the enterprise representative check the results above, then each signs.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="253"/>
        <location filename="../../inspector/ui/review_view.py" line="339"/>
        <source>返回修改</source>
        <translation>Back to edit</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="256"/>
        <source>定稿</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="258"/>
        <source>保存三人签名并定稿；定稿后检查为只读，只能登记更正</source>
        <translation>Save the three signatures and finalize; a finalized inspection is read-only and can only be corrected</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="260"/>
        <source>更正…</source>
        <translation>Amend…</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="262"/>
        <source>登记对已定稿检查的更正（保留原始记录）</source>
        <translation>Record a correction to the finalized inspection (the original record is kept)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="275"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="338"/>
        <source>检查结果（已定稿）</source>
        <translation>Inspection results (finalized)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="338"/>
        <source>检查结果复核与签名</source>
        <translation>Review and sign inspection results</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="339"/>
        <source>返回列表</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="343"/>
        <source>已定稿，检查为只读。发现错误请点“更正…”登记，原始记录保持不变。</source>
        <translation>Finalized; the inspection is read-only. To fix an error, click “Amend…” to record a correction; the original record stays unchanged.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="345"/>
        <source>请两名检查人员和企业代表核对左侧结果后，在下方分别手写签名，然后点击“定稿”。</source>
        <translation>The two inspectors and the enterprise representative check the results on the left, each sign by hand below, then click “Finalize”.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="354"/>
        <source>评级 {0}</source>
        <translation>Grade {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="355"/>
        <source>{0:g} 分</source>
        <translation>{0:g} pts</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="398"/>
        <source>{0:g}/{1:g}（{2:g}%）</source>
        <translation>{0:g}/{1:g} ({2:g}%)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="400"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="435"/>
        <source>否决项</source>
        <translation>Veto item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="437"/>
        <source>关键项</source>
        <translation>Key item</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="443"/>
        <source>已更正为：{0}</source>
        <translation>Corrected to: {0}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="450"/>
        <source>不符合项（{0}）</source>
        <translation>Non-compliant items ({0})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="451"/>
        <source>全部符合或不适用。</source>
        <translation>All items compliant or not applicable.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="455"/>
        <source>&#x3000;部分符合（{0}）</source>
        <translation>  ·  Partially compliant ({0})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="458"/>
        <source>本次检查发现的隐患（{0}）</source>
        <translation>Hazards found in this inspection ({0})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="470"/>
        <source>本次检查未登记隐患。</source>
        <translation>No hazards were recorded in this inspection.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="483"/>
        <source>暂无更正。</source>
        <translation>No corrections yet.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="489"/>
        <source>更正后：{0} 级&#x3000;{1:g} 分（已登记 {2} 项更正；上方为定稿时的原始评级）
{3}</source>
        <translation>After correction: grade {0}, {1:g} pts ({2} correction(s) recorded; the grade above is the original one at finalization)
{3}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="513"/>
        <source>未留签名</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="519"/>
        <source>签名时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="562"/>
        <source>已定稿。检查现为只读；如需更正请点击“更正…”。</source>
        <translation>Finalized. The inspection is now read-only; to correct it, click “Amend…”.</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="598"/>
        <source>更正已登记。</source>
        <translation>Correction recorded.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../inspector/ui/signature_pad.py" line="54"/>
        <source>用鼠标、手写笔或手指在此签名</source>
        <translation>Sign here with a mouse, stylus or finger</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/signature_pad.py" line="224"/>
        <source>请在此处手写签名</source>
        <translation>Please sign here</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="46"/>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="51"/>
        <source>输入企业名称、信用代码或地址搜索</source>
        <translation>Search by enterprise name, credit code or address</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="63"/>
        <source>被检查企业</source>
        <translation>Enterprise inspected</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="76"/>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="77"/>
        <source>检查日期</source>
        <translation>Inspection date</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="83"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="86"/>
        <source>添加检查人员</source>
        <translation>Add inspector</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="92"/>
        <source>检查人员（至少 {n} 名）</source>
        <translation>Inspectors (at least {n})</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="109"/>
        <source>开始检查</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="110"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="151"/>
        <source>没有找到匹配的企业</source>
        <translation>No matching enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="154"/>
        <source>共 {total} 家，显示前 {shown} 家：请输入更多文字缩小范围</source>
        <translation>{total} enterprises, showing the first {shown}: type more to narrow the search</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="159"/>
        <source>共 {total} 家</source>
        <translation>{total} enterprises</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="189"/>
        <source>检查表无法加载：{error}</source>
        <translation>Checklist could not be loaded: {error}</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="192"/>
        <source>{title}（第 {version} 版，{count} 项）</source>
        <translation>{title} (version {version}, {count} items)</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="256"/>
        <source>检查表无法加载，不能开始检查</source>
        <translation>The checklist could not be loaded, so the inspection cannot start</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="258"/>
        <source>请选择被检查企业</source>
        <translation>Select the enterprise to inspect</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/start_dialog.py" line="260"/>
        <source>请至少勾选 {n} 名检查人员（已选 {checked} 名）</source>
        <translation>Tick at least {n} inspectors ({checked} selected)</translation>
    </message>
</context>
<context>
    <name>_SignatureBox</name>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="99"/>
        <location filename="../../inspector/ui/review_view.py" line="121"/>
        <source>签名人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../inspector/ui/review_view.py" line="100"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
</context>
</TS>
