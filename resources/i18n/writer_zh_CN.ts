<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>{0}, in use</source>
        <translation>{0}，正在使用</translation>
    </message>
    <message>
        <source>{0}, not in use</source>
        <translation>{0}，未使用</translation>
    </message>
    <message>
        <source>GPU offload</source>
        <translation>GPU 加速</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>About Writer</source>
        <translation>关于 Writer</translation>
    </message>
    <message>
        <source>A writing assistant that runs a language model on your own computer. Your text never leaves it.</source>
        <translation>一款在你自己的电脑上运行语言模型的写作助手。你的文字永远不会离开这台电脑。</translation>
    </message>
</context>
<context>
    <name>AssistantPanel</name>
    <message>
        <source>Ask without the selection</source>
        <translation>提问时不附带所选文字</translation>
    </message>
    <message>
        <source>Ask the assistant…</source>
        <translation>向助手提问…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Change Tone</source>
        <translation>改变语气</translation>
    </message>
    <message>
        <source>The conversation could not be saved: {0}</source>
        <translation>无法保存对话：{0}</translation>
    </message>
    <message>
        <source>Cannot chat</source>
        <translation>无法聊天</translation>
    </message>
    <message>
        <source>Select the text to ask about first.</source>
        <translation>请先选中要提问的文字。</translation>
    </message>
    <message>
        <source>Asking about: “{0}”</source>
        <translation>提问内容：“{0}”</translation>
    </message>
    <message>
        <source>There is nothing to summarize.</source>
        <translation>没有可总结的内容。</translation>
    </message>
    <message>
        <source>Cannot summarize</source>
        <translation>无法总结</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Select some text first.</source>
        <translation>请先选中一些文字。</translation>
    </message>
    <message>
        <source>Cannot run the tool</source>
        <translation>无法运行该工具</translation>
    </message>
    <message>
        <source>Wait until the text being written is finished.</source>
        <translation>请等待正在写入的文字完成。</translation>
    </message>
    <message>
        <source>Select the text to replace first.</source>
        <translation>请先选中要替换的文字。</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>{0} request(s) waiting for the engine ({1} in the queue)</source>
        <translation>{0} 个请求正在等待引擎（队列中共 {1} 个）</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写作…</translation>
    </message>
    <message>
        <source>combining the parts</source>
        <translation>正在合并各部分</translation>
    </message>
    <message>
        <source>combining, group {0} of {1}</source>
        <translation>正在合并，第 {0} 组，共 {1} 组</translation>
    </message>
    <message>
        <source>part {0} of {1}</source>
        <translation>第 {0} 部分，共 {1} 部分</translation>
    </message>
    <message>
        <source>Stopped; kept the summaries of {0} of {1} parts.</source>
        <translation>已停止；保留了 {1} 个部分中 {0} 个部分的总结。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <source>Assistant</source>
        <extracomment>Selection tools: action objectName -&gt; prompt name.</extracomment>
        <translation>助手</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
</context>
<context>
    <name>ContextMeter</name>
    <message>
        <source>{0} prompt tokens, {1} reused from the cache</source>
        <extracomment>The editor property that holds the document&apos;s figure: (used tokens, tooltip).</extracomment>
        <translation>提示词 {0} 个词元，其中 {1} 个来自缓存</translation>
    </message>
</context>
<context>
    <name>ContinueLength</name>
    <message>
        <source>Continue: </source>
        <translation>续写：</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>How much Continue writes before it finishes its sentence.</source>
        <translation>续写时先写这么多，然后把句子写完。</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>Simplified Chinese</source>
        <extracomment>What the common encodings are for, as the core names them in ``COMMON_ENCODINGS``.</extracomment>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日文</translation>
    </message>
    <message>
        <source>Western</source>
        <translation>西欧</translation>
    </message>
    <message>
        <source>Central European</source>
        <translation>中欧</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>西里尔文</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊文</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其文</translation>
    </message>
    <message>
        <source>Latin-1</source>
        <translation>拉丁文-1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{0} characters, {1} words</source>
        <translation>{0} 字，{1} 词</translation>
    </message>
    <message>
        <source>{0} characters</source>
        <translation>{0} 字</translation>
    </message>
    <message>
        <source>{0} words</source>
        <translation>{0} 词</translation>
    </message>
    <message>
        <source>{0} with BOM</source>
        <translation>{0}（带 BOM）</translation>
    </message>
    <message>
        <source>Korean (CP949)</source>
        <translation>韩文 (CP949)</translation>
    </message>
</context>
<context>
    <name>DocumentFiles</name>
    <message>
        <source>Text and Markdown (*.md *.markdown *.txt *.fountain);;All files (*)</source>
        <translation>文本和 Markdown (*.md *.markdown *.txt *.fountain);;所有文件 (*)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Choose an encoding</source>
        <translation>选择编码</translation>
    </message>
    <message>
        <source>{0} is not valid UTF-8 and its encoding is uncertain. Which encoding should Writer use?</source>
        <translation>{0} 不是有效的 UTF-8，且无法确定其编码。Writer 应该使用哪种编码？</translation>
    </message>
    <message>
        <source>{0} (as detected)</source>
        <translation>{0}（检测结果）</translation>
    </message>
    <message>
        <source>Check the encoding</source>
        <translation>确认编码</translation>
    </message>
    <message>
        <source>{0} looks like {1}, but other encodings are possible. Is this right?</source>
        <translation>{0} 看起来是 {1} 编码，但也可能是其他编码。这样对吗？</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Markdown (*.md);;Text (*.txt);;Fountain screenplay (*.fountain);;All files (*)</source>
        <translation>Markdown (*.md);;文本 (*.txt);;Fountain 剧本 (*.fountain);;所有文件 (*)</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>文件已在磁盘上被修改</translation>
    </message>
    <message>
        <source>{0} was changed by another program since you opened it. Overwrite it with your version?</source>
        <translation>打开 {0} 之后，它已被其他程序修改。要用你的版本覆盖它吗？</translation>
    </message>
    <message>
        <source>Cannot save in this encoding</source>
        <translation>无法以此编码保存</translation>
    </message>
    <message>
        <source>{0} Save as UTF-8 instead?</source>
        <translation>{0} 改为以 UTF-8 保存吗？</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Reopen with encoding</source>
        <translation>以指定编码重新打开</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Reopening discards your unsaved changes to {0}. Continue?</source>
        <translation>重新打开将丢弃你对 {0} 未保存的修改。要继续吗？</translation>
    </message>
    <message>
        <source>Cannot reopen</source>
        <translation>无法重新打开</translation>
    </message>
    <message>
        <source>Save with encoding</source>
        <translation>以指定编码保存</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>DraftChip</name>
    <message>
        <source>about: {0}, {1} tokens</source>
        <translation>关于：{0}，{1} 个词元</translation>
    </message>
    <message>
        <source>The chat sees this document. Click to ask without it.</source>
        <translation>聊天会参考此文档。点击可不带它提问。</translation>
    </message>
    <message>
        <source>not about {0}</source>
        <translation>不参考 {0}</translation>
    </message>
    <message>
        <source>The chat does not see this document. Click to include it.</source>
        <translation>聊天不参考此文档。点击可将其加入。</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The model is still loading. Try again in a moment.</source>
        <translation>模型仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>Choose one in Models &gt; Manage Models.</source>
        <translation>请在“模型 &gt; 管理模型”中选择一个。</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <extracomment>Emitted when the bar hides itself (Esc or the close button).</extracomment>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <source>Wrapped around</source>
        <translation>已从头开始查找</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source># Welcome to Writer

Writer runs a language model on this computer. Nothing you write leaves it.

- **Ctrl+Return** continues writing from the cursor; **Esc** stops it.
- **Ctrl+Z** takes a whole generated passage back; **Ctrl+Shift+Return** writes it again differently.
- **Ctrl+Shift+M** summarizes the selection; the assistant panel chats about your draft.
- **Ctrl+Shift+N** starts a poem, a script scene or a letter from a template.
- **Models &gt; Browse Models** finds bigger models on the Hugging Face Hub.

Delete this text and start writing.
</source>
        <translation># 欢迎使用 Writer

Writer 在这台电脑上运行语言模型。你写的内容不会离开这台电脑。

- **Ctrl+Return** 从光标处继续写作；**Esc** 停止。
- **Ctrl+Z** 一次撤回整段生成的文字；**Ctrl+Shift+Return** 换一种写法重新生成。
- **Ctrl+Shift+M** 总结所选文字；助手面板可以就你的草稿聊天。
- **Ctrl+Shift+N** 从模板开始写一首诗、一场戏或一封信。
- **模型 &gt; 浏览模型** 可在 Hugging Face Hub 上寻找更大的模型。

删除这段文字，开始写作吧。
</translation>
    </message>
    <message>
        <source>Use the bundled model</source>
        <translation>使用内置模型</translation>
    </message>
    <message>
        <source>Browse models…</source>
        <translation>浏览模型…</translation>
    </message>
    <message>
        <source>Open a .gguf file…</source>
        <translation>打开 .gguf 文件…</translation>
    </message>
    <message>
        <source>{0} Writer needs a model to continue, chat and summarize.</source>
        <translation>{0} Writer 需要一个模型才能续写、聊天和总结。</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
</context>
<context>
    <name>HubBrowser</name>
    <message>
        <source>Most downloads</source>
        <extracomment>The sort orders as shown (translated in the HubBrowser context).</extracomment>
        <translation>下载最多</translation>
    </message>
    <message>
        <source>Most likes</source>
        <translation>点赞最多</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>fits</source>
        <extracomment>How a file fits this machine, on the CPU and in GPU memory.</extracomment>
        <translation>可运行</translation>
    </message>
    <message>
        <source>tight</source>
        <translation>勉强可运行</translation>
    </message>
    <message>
        <source>too big</source>
        <translation>太大</translation>
    </message>
    <message>
        <source>fits in GPU memory</source>
        <translation>可放入显存</translation>
    </message>
    <message>
        <source>tight in GPU memory</source>
        <translation>勉强放入显存</translation>
    </message>
    <message>
        <source>{0} (needs {1})</source>
        <translation>{0}（需要 {1}）</translation>
    </message>
    <message>
        <source>Model hub</source>
        <translation>模型库</translation>
    </message>
    <message>
        <source>Model hub browser</source>
        <translation>模型库浏览器</translation>
    </message>
    <message>
        <source>Search GGUF models on Hugging Face…</source>
        <translation>在 Hugging Face 上搜索 GGUF 模型…</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>搜索模型</translation>
    </message>
    <message>
        <source>Sort results</source>
        <translation>结果排序</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载量</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日期</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Fits this computer</source>
        <translation>本机能否运行</translation>
    </message>
    <message>
        <source>Model files</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Models on this computer</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <source>On this computer:</source>
        <translation>本机上的模型：</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Gated: needs a Hugging Face login or HF_TOKEN.</source>
        <translation>受限访问：需要登录 Hugging Face 或设置 HF_TOKEN。</translation>
    </message>
    <message>
        <source>{0} repositories found.</source>
        <translation>找到 {0} 个仓库。</translation>
    </message>
    <message>
        <source>{0} The recommended models are listed; the ones on this computer are below.</source>
        <translation>{0} 上方列出了推荐的模型，本机上的模型在下方。</translation>
    </message>
    <message>
        <source>Listing the files of {0}…</source>
        <translation>正在列出 {0} 的文件…</translation>
    </message>
    <message>
        <source>{0} ({1} parts)</source>
        <translation>{0}（{1} 个分卷）</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>{0} GGUF files.</source>
        <translation>{0} 个 GGUF 文件。</translation>
    </message>
    <message>
        <source>This repository has no GGUF files Writer can run.</source>
        <translation>此仓库中没有 Writer 能运行的 GGUF 文件。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Downloading {0}…</source>
        <translation>正在下载 {0}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>, {0} min {1} s left</source>
        <translation>，剩余 {0} 分 {1} 秒</translation>
    </message>
    <message>
        <source>, {0} s left</source>
        <translation>，剩余 {0} 秒</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Downloaded and verified: {0}</source>
        <translation>已下载并校验：{0}</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>HubJob</name>
    <message>
        <source>Unexpected error: {0}. Details are in the log.</source>
        <translation>意外错误：{0}。详情见日志。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Export Screen&amp;play (Fountain/HTML)…</source>
        <translation>导出剧本（Fountain/HTML）(&amp;P)…</translation>
    </message>
    <message>
        <source>Reopen with &amp;Encoding…</source>
        <translation>以指定编码重新打开(&amp;E)…</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>替换(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;place Selection with Reply</source>
        <translation>用回复替换所选文字(&amp;P)</translation>
    </message>
    <message>
        <source>Cop&amp;y Reply</source>
        <translation>复制回复(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Discard Reply</source>
        <translation>丢弃回复(&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;lear Conversation</source>
        <translation>清空对话(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <source>Story &amp;Notes</source>
        <translation>故事笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <extracomment>Every action, separator and submenu of the window, in menu order.</extracomment>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Export as &amp;HTML…</source>
        <translation>导出为 HTML(&amp;H)…</translation>
    </message>
    <message>
        <source>Save with Enco&amp;ding…</source>
        <translation>以指定编码保存(&amp;D)…</translation>
    </message>
    <message>
        <source>Export as Plain Te&amp;xt…</source>
        <translation>导出为纯文本(&amp;X)…</translation>
    </message>
    <message>
        <source>New from &amp;Template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Continue Writing</source>
        <translation>继续写作(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>Su&amp;mmarize</source>
        <translation>总结(&amp;M)</translation>
    </message>
    <message>
        <source>Re&amp;write Selection</source>
        <translation>改写所选文字(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Expand Selection</source>
        <translation>扩写所选文字(&amp;E)</translation>
    </message>
    <message>
        <source>S&amp;horten Selection</source>
        <translation>缩写所选文字(&amp;H)</translation>
    </message>
    <message>
        <source>Change &amp;Tone…</source>
        <translation>改变语气(&amp;T)…</translation>
    </message>
    <message>
        <source>Continue in A&amp;nother Direction</source>
        <translation>换个方向续写(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Ask About Selection…</source>
        <translation>就所选文字提问(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Insert Reply at Cursor</source>
        <translation>在光标处插入回复(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Browse Models…</source>
        <translation>浏览模型(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Manage Models…</source>
        <translation>管理模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Markdown &amp;Preview</source>
        <translation>Markdown 预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About Writer</source>
        <translation>关于 Writer(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Menu keys and titles, in menu-bar order.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Assistant</source>
        <translation>助手(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>{0:.1f} tok/s</source>
        <translation>{0:.1f} 词元/秒</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>{0}
Context: {1} tokens</source>
        <translation>{0}
上下文：{1} 个词元</translation>
    </message>
    <message>
        <source>Model not loaded</source>
        <translation>模型未加载</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法续写</translation>
    </message>
    <message>
        <source>Nothing to regenerate yet.</source>
        <translation>还没有可重新生成的内容。</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>生成失败</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>正在生成</translation>
    </message>
    <message>
        <source> · {0} waiting</source>
        <translation> · {0} 个等待中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>Messenger</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to “{0}”?</source>
        <translation>要保存对“{0}”的修改吗？</translation>
    </message>
</context>
<context>
    <name>ModelManager</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>聊天模板</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>downloaded</source>
        <extracomment>Where a model came from (ModelSource values), as shown in the Source column.</extracomment>
        <translation>已下载</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Models on this computer</source>
        <translation>本机上的模型</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Import .gguf…</source>
        <translation>导入 .gguf…</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>  (in use)</source>
        <translation>  （正在使用）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>no</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Remove “{0}” from the list? The file itself stays on disk.</source>
        <translation>要从列表中移除“{0}”吗？文件本身仍保留在磁盘上。</translation>
    </message>
    <message>
        <source>Delete “{0}” ({1}) from this computer?</source>
        <translation>要从这台电脑上删除“{0}”（{1}）吗？</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Import model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>No file manager could be opened.</source>
        <translation>无法打开文件管理器。</translation>
    </message>
</context>
<context>
    <name>ModelsFeature</name>
    <message>
        <source>Model downloaded</source>
        <translation>模型已下载</translation>
    </message>
    <message>
        <source>{0} is ready. Use it now?</source>
        <translation>{0} 已就绪。现在就使用它吗？</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>{0} (line {1})</source>
        <extracomment>Emitted with the heading&apos;s character position after it was activated.</extracomment>
        <translation>{0}（第 {1} 行）</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview failed: {0}</source>
        <extracomment>Characters of Markdown rendered live while typing (python-markdown takes ~5 s per MB).</extracomment>
        <translation>预览失败：{0}</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <extracomment>Emitted with a RecoveryEntry the user chose to restore. Emitted with the doc_id of a copy the user discarded.</extracomment>
        <translation>恢复未保存的内容</translation>
    </message>
    <message>
        <source>Writer closed without saving these documents. Restore the ones you want; discarded copies are deleted.</source>
        <translation>Writer 关闭时这些文档尚未保存。请恢复你需要的文档；丢弃的副本将被删除。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore all</source>
        <translation>全部恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>从未保存</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Model and engine</source>
        <translation>模型与引擎</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>auto (all layers when a GPU is available)</source>
        <translation>自动（有 GPU 时加载全部层）</translation>
    </message>
    <message>
        <source>0 (CPU only)</source>
        <translation>0（仅 CPU）</translation>
    </message>
    <message>
        <source>Context size (tokens)</source>
        <translation>上下文长度（词元）</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <source>Changes here reload the model.</source>
        <translation>修改这里的设置会重新加载模型。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>续写</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>Also used for summaries and the selection tools.</source>
        <translation>也用于摘要和选区工具。</translation>
    </message>
    <message>
        <source>Custom values</source>
        <translation>自定义参数</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Name for a new preset</source>
        <translation>新预设的名称</translation>
    </message>
    <message>
        <source>Save custom values as preset</source>
        <translation>将自定义参数保存为预设</translation>
    </message>
    <message>
        <source>Window width</source>
        <translation>窗口宽度</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>自动换行</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Custom</source>
        <extracomment>The built-in sampling presets as shown (their names are stored in English).</extracomment>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Creative</source>
        <translation>创意</translation>
    </message>
    <message>
        <source>Precise</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>Each template&apos;s own</source>
        <translation>各模板自带</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>行宽</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Default folder</source>
        <translation>默认文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Autosave after typing pauses for</source>
        <translation>停止输入多久后自动保存</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>模型文件夹</translation>
    </message>
    <message>
        <source>Type a new, unused name</source>
        <translation>请输入一个未使用的新名称</translation>
    </message>
</context>
<context>
    <name>SettingsFeature</name>
    <message>
        <source>Reloading the model with the new settings…</source>
        <translation>正在用新设置重新加载模型…</translation>
    </message>
</context>
<context>
    <name>StoryNotes</name>
    <message>
        <source>Characters, setting, style: Continue and the selection tools always see these notes.</source>
        <translation>人物、背景、风格：续写和选区工具始终会参考这些笔记。</translation>
    </message>
    <message>
        <source>Story notes</source>
        <translation>故事笔记</translation>
    </message>
    <message>
        <source>Mara: a lighthouse keeper&apos;s daughter, stubborn. Setting: a storm coast, 1890s. Style: spare.</source>
        <translation>玛拉：灯塔看守人的女儿，倔强。背景：19 世纪 90 年代，风暴肆虐的海岸。风格：简洁。</translation>
    </message>
    <message>
        <source>Story Notes</source>
        <translation>故事笔记</translation>
    </message>
    <message>
        <source>Could not save the story notes: {0}</source>
        <translation>无法保存故事笔记：{0}</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New from Template</source>
        <extracomment>Emitted with the job id when writing starts.</extracomment>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Prompt preview</source>
        <translation>提示词预览</translation>
    </message>
    <message>
        <source>In a &amp;new document</source>
        <translation>在新文档中(&amp;N)</translation>
    </message>
    <message>
        <source>At the &amp;cursor</source>
        <translation>在光标处(&amp;C)</translation>
    </message>
    <message>
        <source>Prompt preview:</source>
        <translation>提示词预览：</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>写作(&amp;W)</translation>
    </message>
    <message>
        <source>These template files could not be loaded:</source>
        <translation>以下模板文件无法加载：</translation>
    </message>
    <message>
        <source>Cannot write</source>
        <translation>无法写作</translation>
    </message>
</context>
<context>
    <name>TemplatesFeature</name>
    <message>
        <source>Screenplay</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>Fountain screenplay (*.fountain)</source>
        <translation>Fountain 剧本 (*.fountain)</translation>
    </message>
    <message>
        <source>HTML screenplay (*.html)</source>
        <translation>HTML 剧本 (*.html)</translation>
    </message>
    <message>
        <source>Export Screenplay</source>
        <translation>导出剧本</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>You: {0}</source>
        <extracomment>Longest part of the &quot;about the selection&quot; context shown under a question.</extracomment>
        <translation>你：{0}</translation>
    </message>
    <message>
        <source>(about the selection: “{0}”)</source>
        <translation>（关于所选文字：“{0}”）</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Waiting for the engine…</source>
        <translation>正在等待引擎…</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
</context>
<context>
    <name>ViewFeature</name>
    <message>
        <source>Outline</source>
        <extracomment>Documents longer than this are counted in slices between events.</extracomment>
        <translation>大纲</translation>
    </message>
</context>
</TS>
