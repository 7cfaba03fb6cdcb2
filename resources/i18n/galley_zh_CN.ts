<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <source>Your work is autosaved every few seconds. Please report this problem.</source>
        <translation>您的工作每隔几秒自动保存一次。请报告此问题。</translation>
    </message>
    <message>
        <source>Something went wrong inside Galley: %1</source>
        <translation>Galley 内部出错：%1</translation>
    </message>
    <message>
        <source>Galley</source>
        <translation>Galley</translation>
    </message>
    <message>
        <source>Details were written to %1</source>
        <translation>详细信息已写入 %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Page grid:</source>
        <translation>版式：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output (without extension):</source>
        <translation>输出（不含扩展名）：</translation>
    </message>
    <message>
        <source>Print PDF (.pdf)</source>
        <translation>印刷 PDF（.pdf）</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word 文档（.docx）</translation>
    </message>
    <message>
        <source>PNG proofs (a folder of page images)</source>
        <translation>PNG 校样（页面图片文件夹）</translation>
    </message>
    <message>
        <source>Crop marks</source>
        <translation>裁切标记</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>1 story does not fit its module; its last characters would not be printed:</source>
        <translation>1 篇稿件排不下，末尾的字将不会印出：</translation>
    </message>
    <message>
        <source>Overset text</source>
        <translation>超版文字</translation>
    </message>
    <message>
        <source>Choose an output name and at least one format.</source>
        <translation>请选择输出文件名和至少一种格式。</translation>
    </message>
    <message>
        <source>Not exported: overset text.</source>
        <translation>未导出：有超版文字。</translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation>仍然导出吗？</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>导出失败。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>the output folder does not exist</source>
        <translation>输出文件夹不存在</translation>
    </message>
    <message>
        <source>%1 stories do not fit their modules; their last characters would not be printed:</source>
        <translation>%1 篇稿件排不下，末尾的字将不会印出：</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Some text did not fit its module and is not in the output (characters not set):</source>
        <translation>部分文字超出版块，未出现在输出中（未排字数）：</translation>
    </message>
</context>
<context>
    <name>ExportWorker</name>
    <message>
        <source>Laying out pages</source>
        <translation>正在排版</translation>
    </message>
    <message>
        <source>Writing PDF</source>
        <translation>正在写入 PDF</translation>
    </message>
    <message>
        <source>Writing DOCX</source>
        <translation>正在写入 DOCX</translation>
    </message>
    <message>
        <source>Rendering PNG proofs</source>
        <translation>正在生成 PNG 校样</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>All stories</source>
        <translation>全部稿件</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>Replace &amp;all</source>
        <translation>全部替换(&amp;A)</translation>
    </message>
    <message>
        <source>Type what to find.</source>
        <translation>请输入要查找的内容。</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>Wrapped to the start.</source>
        <translation>已从头开始查找。</translation>
    </message>
    <message>
        <source>Replace %1 matches</source>
        <translation>替换 %1 处</translation>
    </message>
    <message>
        <source>Replaced 1 match.</source>
        <translation>已替换 1 处。</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 处匹配</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replaced %1 matches.</source>
        <translation>已替换 %1 处。</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 处匹配</translation>
    </message>
    <message>
        <source>Not a valid regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <source>Not a valid replacement: %1</source>
        <translation>替换内容无效：%1</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Story:</source>
        <translation>稿件：</translation>
    </message>
    <message>
        <source>Proofreading…</source>
        <translation>正在校对…</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>All stories</source>
        <translation>全部稿件</translation>
    </message>
    <message>
        <source>Proofreading failed: %1</source>
        <translation>校对失败：%1</translation>
    </message>
    <message>
        <source>%1 of %2 finding</source>
        <translation>%1 / %2 条问题</translation>
    </message>
    <message>
        <source>%1 of %2 findings</source>
        <translation>%1 / %2 条问题</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an edition: .txt, .docx, .pdf or .galley</source>
        <translation>打开版面稿：.txt、.docx、.pdf 或 .galley</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project (.galley)</source>
        <translation>保存项目（.galley）</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export PDF, DOCX or PNG</source>
        <translation>导出 PDF、DOCX 或 PNG</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Next finding</source>
        <translation>下一处问题(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous finding</source>
        <translation>上一处问题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Accept fix</source>
        <translation>采纳修改(&amp;A)</translation>
    </message>
    <message>
        <source>Apply the finding&apos;s fix</source>
        <translation>采用该问题的修改建议</translation>
    </message>
    <message>
        <source>&amp;Reject finding</source>
        <translation>驳回(&amp;R)</translation>
    </message>
    <message>
        <source>Dismiss this finding here</source>
        <translation>忽略此处的这条问题</translation>
    </message>
    <message>
        <source>&amp;Ignore rule in story</source>
        <translation>本稿忽略此规则(&amp;I)</translation>
    </message>
    <message>
        <source>Ignore this rule in the whole story</source>
        <translation>在整篇稿件中忽略此规则</translation>
    </message>
    <message>
        <source>Add to &amp;dictionary</source>
        <translation>加入词典(&amp;D)</translation>
    </message>
    <message>
        <source>Add the word to the user dictionary</source>
        <translation>把该词加入用户词典</translation>
    </message>
    <message>
        <source>Accept all fixes of this &amp;rule</source>
        <translation>接受此规则的全部修改(&amp;R)</translation>
    </message>
    <message>
        <source>Apply every fix of the current finding&apos;s rule</source>
        <translation>应用当前问题所属规则的全部修改</translation>
    </message>
    <message>
        <source>Accept all fixes in this s&amp;tory</source>
        <translation>接受本稿全部修改(&amp;T)</translation>
    </message>
    <message>
        <source>Apply every fix in the current story</source>
        <translation>应用当前稿件中的全部修改</translation>
    </message>
    <message>
        <source>Accept every &amp;safe fix</source>
        <translation>接受全部安全修改(&amp;S)</translation>
    </message>
    <message>
        <source>Apply every fix marked safe in the whole edition</source>
        <translation>应用整个版面中标为安全的全部修改</translation>
    </message>
    <message>
        <source>Re-check &amp;all</source>
        <translation>全部重新校对(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find and replace…</source>
        <translation>查找和替换(&amp;F)…</translation>
    </message>
    <message>
        <source>Find and replace in the stories (regular expressions too)</source>
        <translation>在稿件中查找和替换（支持正则表达式）</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>查找下一个(&amp;X)</translation>
    </message>
    <message>
        <source>Next &amp;spelling finding</source>
        <translation>下一个拼写问题(&amp;S)</translation>
    </message>
    <message>
        <source>Go to the next spelling or misused-word finding</source>
        <translation>转到下一个拼写或错别字问题</translation>
    </message>
    <message>
        <source>&amp;Join with next paragraph</source>
        <translation>与下一段合并(&amp;J)</translation>
    </message>
    <message>
        <source>Join this paragraph with the one after it</source>
        <translation>把这一段与下一段合并</translation>
    </message>
    <message>
        <source>&amp;Split paragraph here</source>
        <translation>在此处拆段(&amp;S)</translation>
    </message>
    <message>
        <source>Split this paragraph at the cursor</source>
        <translation>在光标处拆分这一段</translation>
    </message>
    <message>
        <source>Accept &amp;repair</source>
        <translation>采纳修复(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;ject repair</source>
        <translation>撤销修复(&amp;J)</translation>
    </message>
    <message>
        <source>Next repai&amp;r</source>
        <translation>下一处修复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Grid overlay</source>
        <translation>显示网格(&amp;G)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit page</source>
        <translation>适合页面(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lay out again</source>
        <translation>重新排版(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Change &amp;kind to</source>
        <translation>改为类型(&amp;K)</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>校对问题</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>结构修复</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Proofreading</source>
        <translation>校对(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repairs</source>
        <translation>修复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Page</source>
        <translation>版面(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Galley</source>
        <translation>关于 Galley(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>1 story</source>
        <translation>1 篇稿件</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 字</translation>
    </message>
    <message>
        <source>1 finding</source>
        <translation>1 条问题</translation>
    </message>
    <message>
        <source>Accept %1 fixes</source>
        <translation>接受 %1 处修改</translation>
    </message>
    <message>
        <source>Join paragraphs</source>
        <translation>合并段落</translation>
    </message>
    <message>
        <source>Split paragraph</source>
        <translation>拆分段落</translation>
    </message>
    <message>
        <source>Open an edition</source>
        <translation>打开版面稿</translation>
    </message>
    <message>
        <source>Editions (*.txt *.docx *.pdf *.galley);;All files (*)</source>
        <translation>版面稿 (*.txt *.docx *.pdf *.galley);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Galley projects (*.galley)</source>
        <translation>Galley 项目 (*.galley)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to this edition first?</source>
        <translation>是否先保存对本版的修改？</translation>
    </message>
    <message>
        <source>About Galley</source>
        <translation>关于 Galley</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>Overset: %1 characters in 1 story</source>
        <translation>超版：1 篇稿件共 %1 字</translation>
    </message>
    <message>
        <source>Overset: %1 characters in %2 stories</source>
        <translation>超版：%2 篇稿件共 %1 字</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>没有校对问题。</translation>
    </message>
    <message>
        <source>No spelling findings.</source>
        <translation>没有拼写问题。</translation>
    </message>
    <message>
        <source>No fixes to apply.</source>
        <translation>没有可应用的修改。</translation>
    </message>
    <message>
        <source>This finding has no automatic fix; edit the text or reject it.</source>
        <translation>此问题没有自动修改建议，请直接改稿或驳回。</translation>
    </message>
    <message>
        <source>Only word and spelling findings can be added to the dictionary.</source>
        <translation>只有用词和拼写问题可以加入词典。</translation>
    </message>
    <message>
        <source>That does not apply here.</source>
        <translation>此处不适用。</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>无需更改。</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>an unsaved edition</source>
        <translation>未保存的版面</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>%1 stories</source>
        <translation>%1 篇稿件</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>%1 条问题</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>校对问题（%1）</translation>
    </message>
    <message>
        <source>Repairs (%1)</source>
        <translation>结构修复（%1）</translation>
    </message>
    <message>
        <source>Select a finding of the rule first.</source>
        <translation>请先选中该规则的一条问题。</translation>
    </message>
    <message>
        <source>Move out as %1</source>
        <translation>移出为%1</translation>
    </message>
    <message>
        <source>Make it: %1</source>
        <translation>改为：%1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Galley %1&lt;/b&gt;&lt;p&gt;Copy-editing, proofreading and page layout for Chinese newspaper newsrooms.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Galley %1&lt;/b&gt;&lt;p&gt;面向中文报社编辑部的编校与排版工具。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>1 fix applied.</source>
        <translation>已应用 1 处修改。</translation>
    </message>
    <message>
        <source>%1 fixes applied.</source>
        <translation>已应用 %1 处修改。</translation>
    </message>
    <message>
        <source>Reject finding “%1”</source>
        <translation>驳回“%1”</translation>
    </message>
    <message>
        <source>Ignore %1 in this story</source>
        <translation>本稿忽略 %1</translation>
    </message>
    <message>
        <source>Project in use</source>
        <translation>项目正在使用</translation>
    </message>
    <message>
        <source>not opened: the project is in use</source>
        <translation>未打开：项目正在被使用</translation>
    </message>
    <message>
        <source>Autosaved at %1</source>
        <translation>已于 %1 自动保存</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Some settings in %1 were not used, and their defaults apply instead:</source>
        <translation>%1 中有些设置未被采用，改用默认值：</translation>
    </message>
    <message>
        <source>Overset: cut 1 character (or give the story more room on the page).</source>
        <translation>超版：删去 1 个字（或在版面上给本稿更多位置）。</translation>
    </message>
    <message>
        <source>Overset: cut %1 characters (or give the story more room on the page).</source>
        <translation>超版：删去 %1 个字（或在版面上给本稿更多位置）。</translation>
    </message>
    <message>
        <source>Open it read-only? (Choose No to take over the lock if you are sure the other computer is not working on it.)</source>
        <translation>以只读方式打开吗？（如确定另一台电脑没有在编辑，选择“否”可接管锁定。）</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Galley did not close properly. Your work on %1 was autosaved at %2. Recover it?</source>
        <translation>Galley 上次未正常关闭。您对 %1 的修改已于 %2 自动保存。是否恢复？</translation>
    </message>
    <message>
        <source>Fix “%1” → “%2”</source>
        <translation>修改“%1”→“%2”</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Pages and stories</source>
        <translation>版面与稿件</translation>
    </message>
    <message>
        <source>Chars</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>校对问题</translation>
    </message>
    <message>
        <source>Overset</source>
        <translation>超版</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <source>%1 characters overset</source>
        <translation>超版 %1 字</translation>
    </message>
</context>
<context>
    <name>PagePanel</name>
    <message>
        <source>Page grid:</source>
        <translation>版式：</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>版块：</translation>
    </message>
    <message>
        <source>col </source>
        <translation>栏 </translation>
    </message>
    <message>
        <source>First column (1 = leftmost)</source>
        <translation>起始栏（1 为最左栏）</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Columns wide</source>
        <translation>栏数</translation>
    </message>
    <message>
        <source>line </source>
        <translation>行 </translation>
    </message>
    <message>
        <source>First grid line (1 = top of the type area)</source>
        <translation>起始网格行（1 为版心顶端）</translation>
    </message>
    <message>
        <source>Grid lines deep</source>
        <translation>网格行数</translation>
    </message>
    <message>
        <source>The page view appears here when the layout engine is installed.</source>
        <translation>安装排版引擎后，这里显示版面预览。</translation>
    </message>
    <message>
        <source>Page grid: %1</source>
        <translation>版式：%1</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <source>Layout failed: %1</source>
        <translation>排版失败：%1</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 个版面</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 个版面</translation>
    </message>
    <message>
        <source>overset %1 characters</source>
        <translation>超版 %1 字</translation>
    </message>
    <message>
        <source>There is no room for that: “%1” would be pushed off the page.</source>
        <translation>放不下：“%1”会被挤出版面。</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Resize %1</source>
        <translation>调整 %1 的大小</translation>
    </message>
    <message>
        <source>There is no room to place “%1” there.</source>
        <translation>此处放不下“%1”。</translation>
    </message>
    <message>
        <source>Place %1</source>
        <translation>放置 %1</translation>
    </message>
    <message>
        <source>Edit caption…</source>
        <translation>编辑图片说明…</translation>
    </message>
    <message>
        <source>Edit label…</source>
        <translation>编辑标注…</translation>
    </message>
    <message>
        <source>Remove frame</source>
        <translation>删除框</translation>
    </message>
    <message>
        <source>Add picture frame here…</source>
        <translation>在此处添加图片框…</translation>
    </message>
    <message>
        <source>Add ad frame here</source>
        <translation>在此处添加广告框</translation>
    </message>
    <message>
        <source>Picture frame</source>
        <translation>图片框</translation>
    </message>
    <message>
        <source>Caption (may be left empty):</source>
        <translation>图片说明（可留空）：</translation>
    </message>
    <message>
        <source>Ad frame</source>
        <translation>广告框</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>图片说明：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>标注：</translation>
    </message>
    <message>
        <source>There is no room for the frame there: too little of “%1” would be left.</source>
        <translation>此处放不下该框：“%1”剩下的篇幅太少。</translation>
    </message>
    <message>
        <source>Add picture frame</source>
        <translation>添加图片框</translation>
    </message>
    <message>
        <source>Add ad frame</source>
        <translation>添加广告框</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>编辑图片说明</translation>
    </message>
    <message>
        <source>Edit label</source>
        <translation>编辑标注</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>%1 characters overset</source>
        <translation>超版 %1 字</translation>
    </message>
    <message>
        <source>%1 — %2 columns × %3 lines</source>
        <translation>%1 — %2 栏 × %3 行</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>cannot read it (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>it is not valid TOML (%1)</source>
        <translation>不是有效的 TOML（%1）</translation>
    </message>
    <message>
        <source>“%1” should be %2</source>
        <translation>“%1”应为%2</translation>
    </message>
    <message>
        <source>a whole number of seconds from %1 to %2</source>
        <translation>%1 到 %2 之间的整数秒</translation>
    </message>
    <message>
        <source>a font file path per role (song, hei, kai, latin)</source>
        <translation>每种字体角色（song、hei、kai、latin）一个字体文件路径</translation>
    </message>
    <message>
        <source>a severity (error, warning, info or off) per rule id</source>
        <translation>每条规则一个级别（error、warning、info 或 off）</translation>
    </message>
    <message>
        <source>a language code such as en_US</source>
        <translation>语言代码，如 en_US</translation>
    </message>
    <message>
        <source>a list of words</source>
        <translation>词语列表</translation>
    </message>
    <message>
        <source>Song (body)</source>
        <translation>宋体（正文）</translation>
    </message>
    <message>
        <source>Hei (headlines)</source>
        <translation>黑体（标题）</translation>
    </message>
    <message>
        <source>Kai (bylines, captions)</source>
        <translation>楷体（署名、图说）</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>西文</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Autosave at least every:</source>
        <translation>自动保存间隔不超过：</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Leave empty to use the default font for each role.</source>
        <translation>留空则使用各字体角色的默认字体。</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Spelling language (Latin words):</source>
        <translation>拼写检查语言（西文单词）：</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Proofreading rules are not available in this build.</source>
        <translation>此版本不含校对规则。</translation>
    </message>
    <message>
        <source>User dictionary (one word a line):</source>
        <translation>用户词典（每行一个词）：</translation>
    </message>
    <message>
        <source>Proofreading</source>
        <translation>校对</translation>
    </message>
    <message>
        <source>Choose a font</source>
        <translation>选择字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>RepairsPanel</name>
    <message>
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>Move the paragraph at the editor&apos;s cursor out, or change its kind</source>
        <translation>把编辑器光标所在段移出，或改变其类型</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>接排</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>连字符</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Possible cut</source>
        <translation>可能断行</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Accept repair %1</source>
        <translation>采纳修复 %1</translation>
    </message>
    <message>
        <source>Reject repair %1</source>
        <translation>撤销修复 %1</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修复前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>Select a repair to see it before and after.</source>
        <translation>选择一处修复，查看修复前后的对比。</translation>
    </message>
    <message>
        <source>%1 repair, %2 accepted</source>
        <translation>%1 处修复，已采纳 %2 处</translation>
    </message>
    <message>
        <source>%1 repairs, %2 accepted</source>
        <translation>%1 处修复，已采纳 %2 处</translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <source>Open an edition (File ▸ Open) or drop a .txt, .docx, .pdf or .galley file here.</source>
        <translation>打开版面稿（文件 ▸ 打开），或把 .txt、.docx、.pdf、.galley 文件拖到这里。</translation>
    </message>
    <message>
        <source>Dismiss this finding</source>
        <translation>忽略此处问题</translation>
    </message>
    <message>
        <source>Page marker</source>
        <translation>版次</translation>
    </message>
    <message>
        <source>Section label</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Banner</source>
        <translation>通栏</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <source>Body paragraph</source>
        <translation>正文段落</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>边栏</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>图片署名</translation>
    </message>
    <message>
        <source>Author line</source>
        <translation>作者行</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Edit paragraphs</source>
        <translation>编辑段落</translation>
    </message>
    <message>
        <source>Fix: “%1” → “%2”</source>
        <translation>建议：“%1”→“%2”</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Typing</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Add “%1” to dictionary</source>
        <translation>把“%1”加入词典</translation>
    </message>
</context>
</TS>
