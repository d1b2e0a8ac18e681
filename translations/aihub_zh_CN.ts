<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AiHub::Cli::AdminCli</name>
    <message>
        <location filename="../core/cli/admincli.cpp" line="+40"/>
        <source>Unknown command &quot;%1&quot;. Run `aigne-hubd --help` for the list.</source>
        <translation>未知命令“%1”。运行 `aigne-hubd --help` 查看命令列表。</translation>
    </message>
</context>
<context>
    <name>AiHub::App</name>
    <message>
        <location filename="../app/servecommand.cpp" line="+45"/>
        <source>--listen wants ADDRESS:PORT, such as 127.0.0.1:8878 or 0.0.0.0:8878, not &quot;%1&quot;.</source>
        <translation>--listen 需要 地址:端口 格式的值，例如 127.0.0.1:8878 或 0.0.0.0:8878，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--threads wants a number from 1 to 64.</source>
        <translation>--threads 需要 1 到 64 之间的数字。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The hub cannot listen on %1:%2: %3. Choose another address or port with --listen.</source>
        <translation>Hub 无法在 %1:%2 上监听：%3。请用 --listen 换一个地址或端口。</translation>
    </message>
</context>
<context>
    <name>AiHub::Cli</name>
    <message>
        <location filename="../core/cli/cliinvocation.cpp" line="+46"/>
        <source>Unknown option --%1. Run `aigne-hubd --help` to see the options.</source>
        <translation>未知选项 --%1。运行 `aigne-hubd --help` 查看可用选项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The option --%1 needs a value.</source>
        <translation>选项 --%1 需要一个值。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Usage: aigne-hubd [--data-dir DIR] [--secret-store auto|keychain|file] COMMAND

Commands:
  serve [--listen ADDR:PORT] [--threads N]   run the hub&apos;s API server (default 127.0.0.1:8878)
  key create --name NAME [--role admin|user] [--account ACCOUNT]
                                             create an access key; its secret is printed once
  key list [--all]                           list access keys (--all: with revoked ones)
  key revoke NAME                            revoke an access key at once
  provider add KIND [--name NAME] [--base-url URL] [--region R] [--access-key-id ID]
               [--label LABEL] [--weight N]
                                             add a provider; KIND is one of openai anthropic bedrock
                                             deepseek google ollama openrouter xai. The secret is read
                                             from standard input, or asked for without echo
  provider list                              list providers and their credentials (masked)
  provider remove NAME                       remove a provider and its secrets
  provider test NAME [--label LABEL]         make a real minimal call with the credential
  provider credential add NAME [--label LABEL] [--weight N] [--access-key-id ID]
  provider credential list NAME
  provider credential remove NAME LABEL

Secrets never go on the command line. Example:
  printf &apos;%s&apos; &quot;$OPENAI_API_KEY&quot; | aigne-hubd provider add openai

Environment: AIHUB_SECRET_STORE (auto|keychain|file), AIHUB_SECRET_PASSPHRASE,
AIHUB_SECRET_KEY_FILE choose and unlock the encrypted-file secret store used where no
OS keychain works.
</source>
        <translation>用法：aigne-hubd [--data-dir DIR] [--secret-store auto|keychain|file] COMMAND

命令：
  serve [--listen ADDR:PORT] [--threads N]   运行 Hub 的 API 服务器（默认 127.0.0.1:8878）
  key create --name NAME [--role admin|user] [--account ACCOUNT]
                                             创建访问密钥；其密钥值只显示一次
  key list [--all]                           列出访问密钥（--all：包括已吊销的）
  key revoke NAME                            立即吊销访问密钥
  provider add KIND [--name NAME] [--base-url URL] [--region R] [--access-key-id ID]
               [--label LABEL] [--weight N]
                                             添加服务商；KIND 为 openai anthropic bedrock
                                             deepseek google ollama openrouter xai 之一。密钥从
                                             标准输入读取，或以不回显的方式询问
  provider list                              列出服务商及其凭据（已遮盖）
  provider remove NAME                       删除服务商及其密钥
  provider test NAME [--label LABEL]         用该凭据发起一次真实的最小调用
  provider credential add NAME [--label LABEL] [--weight N] [--access-key-id ID]
  provider credential list NAME
  provider credential remove NAME LABEL

密钥绝不出现在命令行上。示例：
  printf &apos;%s&apos; &quot;$OPENAI_API_KEY&quot; | aigne-hubd provider add openai

环境变量：AIHUB_SECRET_STORE（auto|keychain|file）、AIHUB_SECRET_PASSPHRASE、
AIHUB_SECRET_KEY_FILE 用于选择并解锁加密文件密钥存储；在没有可用系统钥匙串时
使用该存储。
</translation>
    </message>
    <message>
        <location filename="../core/cli/clioutput.cpp" line="+29"/>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>AiHub::Cli::KeyCommands</name>
    <message>
        <location filename="../core/cli/keycommands.cpp" line="+35"/>
        <source>Unknown key command &quot;%1&quot;. Use `key create`, `key list` or `key revoke`.</source>
        <translation>未知的密钥命令“%1”。请使用 `key create`、`key list` 或 `key revoke`。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give the key a name: `aigne-hubd key create --name NAME`.</source>
        <translation>请为密钥命名：`aigne-hubd key create --name NAME`。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The role must be &quot;admin&quot; or &quot;user&quot;, not &quot;%1&quot;.</source>
        <translation>角色必须是“admin”或“user”，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Created access key &quot;%1&quot; (role %2, account %3). This is the only time its secret is shown; keep it somewhere safe:</source>
        <translation>已创建访问密钥“%1”（角色 %2，账户 %3）。其密钥值仅此一次显示，请妥善保存：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No access keys yet. Create one with `aigne-hubd key create --name NAME`.</source>
        <translation>还没有访问密钥。请用 `aigne-hubd key create --name NAME` 创建一个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACCOUNT</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAST USED</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>revoked %1</source>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name the key to revoke: `aigne-hubd key revoke NAME`.</source>
        <translation>请指明要吊销的密钥：`aigne-hubd key revoke NAME`。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Revoked access key &quot;%1&quot;. A running hub refuses it within a second.</source>
        <translation>已吊销访问密钥“%1”。正在运行的 Hub 会在一秒内开始拒绝它。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+59"/>
        <location line="+24"/>
        <source>AIGNE Hub</source>
        <translation>AIGNE Hub</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Copied %1 to the clipboard</source>
        <translation>已将 %1 复制到剪贴板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AIGNE Hub</source>
        <translation>关于 AIGNE Hub(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About AIGNE Hub</source>
        <translation>关于 AIGNE Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;AIGNE Hub %1&lt;/h3&gt;&lt;p&gt;Keep your AI provider accounts in one place and call every model through one API.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AIGNE Hub %1&lt;/h3&gt;&lt;p&gt;在一个地方管理 AI 服务商账户，通过一个 API 调用所有模型。&lt;/p&gt;&lt;p&gt;依据 GNU 通用公共许可证第 3 版或（由你选择）任何更高版本授权。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AiHub::Cli::ProviderCommands</name>
    <message>
        <location filename="../core/cli/providercommands.cpp" line="+67"/>
        <source>Unknown provider command &quot;%1&quot;. Run `aigne-hubd --help` for the list.</source>
        <translation>未知的服务商命令“%1”。运行 `aigne-hubd --help` 查看命令列表。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Say which kind of provider to add: one of %1.</source>
        <translation>请指明要添加的服务商类型：%1 之一。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The base URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>基础 URL“%1”不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amazon Bedrock needs a region, e.g. --region us-east-1.</source>
        <translation>Amazon Bedrock 需要指定区域，例如 --region us-east-1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A provider named &quot;%1&quot; already exists; choose another --name, or add a credential to it with `aigne-hubd provider credential add %1`.</source>
        <translation>名为“%1”的服务商已存在；请用 --name 换一个名称，或用 `aigne-hubd provider credential add %1` 为它添加凭据。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Added provider &quot;%1&quot; (%2) at %3; it needs no credential.</source>
        <translation>已添加服务商“%1”（%2），地址 %3；它不需要凭据。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--weight must be a whole number of 0 or more.</source>
        <translation>--weight 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Amazon Bedrock needs --access-key-id ID; the secret access key is read from standard input or asked for.</source>
        <translation>Amazon Bedrock 需要 --access-key-id ID；私有访问密钥从标准输入读取，或在提示时输入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secret access key for %1: </source>
        <translation>%1 的私有访问密钥：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session token (optional, Enter to skip): </source>
        <translation>会话令牌（可选，按 Enter 跳过）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API key for %1 (%2): </source>
        <translation>%1（%2）的 API 密钥：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No secret was entered; nothing was saved.</source>
        <translation>没有输入密钥；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No secret arrived on standard input; pipe it in, e.g. `printf &apos;%s&apos; &quot;$KEY&quot; | aigne-hubd provider add %1`. Nothing was saved.</source>
        <translation>标准输入中没有收到密钥；请通过管道传入，例如 `printf &apos;%s&apos; &quot;$KEY&quot; | aigne-hubd provider add %1`。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 provider &quot;%2&quot; (%3) with credential &quot;%4&quot; (%5), kept in the %6.</source>
        <translation>%1服务商“%2”（%3），凭据“%4”（%5）保存在%6中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No providers yet. Add one with `aigne-hubd provider add openai` (the API key is read from standard input).</source>
        <translation>还没有服务商。请用 `aigne-hubd provider add openai` 添加一个（API 密钥从标准输入读取）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <source>  (disabled)</source>
        <translation>  （已停用）</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+152"/>
        <source>weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Name the provider to remove: `aigne-hubd provider remove NAME`.</source>
        <translation>请指明要删除的服务商：`aigne-hubd provider remove NAME`。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed provider &quot;%1&quot; and its credentials.</source>
        <translation>已删除服务商“%1”及其凭据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the secret of &quot;%1&quot; is in the %2 store, which is not in use; it was left there</source>
        <translation>“%1”的密钥位于未在使用的 %2 存储中，已保留在原处</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name the provider to test: `aigne-hubd provider test NAME`.</source>
        <translation>请指明要测试的服务商：`aigne-hubd provider test NAME`。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Testing %1 providers is not available in this version of the hub.</source>
        <translation>此版本的 Hub 尚不支持测试 %1 服务商。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>OK: %1 accepted the credential (HTTP %2, %3 s).</source>
        <translation>成功：%1 接受了该凭据（HTTP %2，%3 秒）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Name the provider: `aigne-hubd provider credential %1 NAME`.</source>
        <translation>请指明服务商：`aigne-hubd provider credential %1 NAME`。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 providers need no credential.</source>
        <translation>%1 服务商不需要凭据。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Provider &quot;%1&quot; has no credentials.</source>
        <translation>服务商“%1”没有凭据。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Provider &quot;%1&quot; has no credential labelled &quot;%2&quot;.</source>
        <translation>服务商“%1”没有标签为“%2”的凭据。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>warning: the secret could not be deleted from the store: %1</source>
        <translation>警告：无法从存储中删除该密钥：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed credential &quot;%1&quot; from provider &quot;%2&quot;.</source>
        <translation>已从服务商“%2”中删除凭据“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use `provider credential add|list|remove NAME`.</source>
        <translation>请使用 `provider credential add|list|remove NAME`。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::ServerPage</name>
    <message>
        <location filename="../ui/pages/serverpage.cpp" line="+97"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AIGNE Hub answers OpenAI-compatible API calls on this computer and relays them to your AI providers.</source>
        <translation>AIGNE Hub 在本机提供兼容 OpenAI 的 API，并把收到的调用转发给你的 AI 服务商。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not listening</source>
        <translation>未在监听</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+108"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Copy the address to the clipboard</source>
        <translation>将地址复制到剪贴板</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the data folder in the file manager</source>
        <translation>在文件管理器中显示数据文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secrets</source>
        <translation>密钥存储</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How to connect</source>
        <translation>如何连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1. Create an access key in a terminal. Its secret is shown only once, so keep it somewhere safe:</source>
        <translation>1. 在终端中创建访问密钥。其密钥值只显示一次，请妥善保存：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>2. Send OpenAI-style requests to the hub with that key. Models are named provider/model:</source>
        <translation>2. 用该密钥向 Hub 发送 OpenAI 格式的请求。模型名称的格式为 provider/model：</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+64"/>
        <source>Copy Command</source>
        <translation>复制命令</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::ServerStatus</name>
    <message>
        <location filename="../ui/serverstatus.cpp" line="+11"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
</TS>
