<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AiHub::Ui::AccessKeysPage</name>
    <message>
        <location filename="../ui/pages/accesskeyspage.cpp" line="+34"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+18"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Access Keys</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apps and people call the hub with an access key. Users may call the AI APIs; admins may also manage the hub.</source>
        <translation>应用和用户使用访问密钥调用 Hub。用户可以调用 AI 接口；管理员还可以管理 Hub。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name, e.g. laptop or my-app</source>
        <translation>名称，例如 laptop 或 my-app</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create Key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copy this secret now. It is shown only once; the hub keeps only a hash of it.</source>
        <translation>请立即复制此密钥。它只显示一次；Hub 只保存它的哈希值。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+139"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show revoked keys</source>
        <translation>显示已吊销的密钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The access keys cannot be read: %1</source>
        <translation>无法读取访问密钥：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revoked %1</source>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The key was not created: %1</source>
        <translation>未能创建密钥：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Created key &quot;%1&quot;.</source>
        <translation>已创建密钥“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Revoke Access Key</source>
        <translation>吊销访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke &quot;%1&quot;? Apps using it stop working at once; this cannot be undone.</source>
        <translation>吊销“%1”？使用它的应用会立即停止工作；此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key was not revoked: %1</source>
        <translation>未能吊销密钥：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoked key &quot;%1&quot;.</source>
        <translation>已吊销密钥“%1”。</translation>
    </message>
</context>
<context>
    <name>AiHub::Cli::AdminCli</name>
    <message>
        <location filename="../core/cli/admincli.cpp" line="+43"/>
        <source>Unknown command &quot;%1&quot;. Run `aigne-hubd --help` for the list.</source>
        <translation>未知命令“%1”。运行 `aigne-hubd --help` 查看命令列表。</translation>
    </message>
</context>
<context>
    <name>AiHub::App</name>
    <message>
        <location filename="../app/servecommand.cpp" line="+48"/>
        <source>--listen wants ADDRESS:PORT, such as 127.0.0.1:8878 or 0.0.0.0:8878, not &quot;%1&quot;.</source>
        <translation>--listen 需要 地址:端口 格式的值，例如 127.0.0.1:8878 或 0.0.0.0:8878，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--threads wants a number from 1 to 64.</source>
        <translation>--threads 需要 1 到 64 之间的数字。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The hub cannot listen on %1:%2: %3. Choose another address or port with --listen.</source>
        <translation>Hub 无法在 %1:%2 上监听：%3。请用 --listen 换一个地址或端口。</translation>
    </message>
</context>
<context>
    <name>AiHub::Cli</name>
    <message>
        <location filename="../core/cli/cliinvocation.cpp" line="+50"/>
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
  billing on|off                             credit billing on (calls need credits) or off (usage only)
  billing show                               the billing settings
  billing set NAME VALUE                     grant AMOUNT (new users, once) | unpriced refuse|free |
                                             credit-price AMOUNT | currency-prefix TEXT |
                                             credit-prefix TEXT | margin PERCENT | default-max-output N
  rates set PROVIDER/MODEL [--type chat|embedding|image] [--input X] [--output Y]
            [--cache-read X] [--cache-write X] [--variant SIZE/QUALITY] [--from-cost]
                                             credits per 1M tokens (output: per image for images);
                                             --from-cost: values are unit costs, rate = cost x
                                             (1 + margin) / credit-price
  rates list | rates history PROVIDER/MODEL [--type T]
  rates import FILE.json|FILE.csv [--apply]  show the changes; --apply applies them
  credits grant ACCOUNT AMOUNT [--reason R]  top up an account
  credits adjust ACCOUNT AMOUNT --reason R   correct a balance (AMOUNT may be negative)
  credits balance ACCOUNT | credits history ACCOUNT [--limit N]

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
  billing on|off                             开启额度计费（调用需要额度）或关闭（仅记录用量）
  billing show                               显示计费设置
  billing set NAME VALUE                     grant AMOUNT（新用户，仅一次）| unpriced refuse|free |
                                             credit-price AMOUNT | currency-prefix TEXT |
                                             credit-prefix TEXT | margin PERCENT | default-max-output N
  rates set PROVIDER/MODEL [--type chat|embedding|image] [--input X] [--output Y]
            [--cache-read X] [--cache-write X] [--variant SIZE/QUALITY] [--from-cost]
                                             每 100 万 token 的额度（图像的 output：每张图像）；
                                             --from-cost：数值为单位成本，费率 = 成本 x
                                             (1 + margin) / credit-price
  rates list | rates history PROVIDER/MODEL [--type T]
  rates import FILE.json|FILE.csv [--apply]  显示变更；--apply 应用这些变更
  credits grant ACCOUNT AMOUNT [--reason R]  为账户充值
  credits adjust ACCOUNT AMOUNT --reason R   修正余额（AMOUNT 可以为负）
  credits balance ACCOUNT | credits history ACCOUNT [--limit N]

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
    <name>AiHub::Cli::BillingCommands</name>
    <message>
        <location filename="../core/cli/billingcommands.cpp" line="+55"/>
        <source>Credit billing is on: calls need credits; a running hub applies it within a second.</source>
        <translation>额度计费已开启：调用需要额度；正在运行的 Hub 会在一秒内生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit billing is off: usage is still recorded, no credits are checked.</source>
        <translation>额度计费已关闭：仍会记录用量，但不检查额度。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use `aigne-hubd billing set NAME VALUE`; the names are: %1.</source>
        <translation>请使用 `aigne-hubd billing set NAME VALUE`；可用的名称有：%1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Billing setting %1 is now %2.</source>
        <translation>计费设置 %1 现在为 %2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown billing command &quot;%1&quot;. Use `billing on`, `billing off`, `billing show` or `billing set NAME VALUE`.</source>
        <translation>未知的计费命令“%1”。请使用 `billing on`、`billing off`、`billing show` 或 `billing set NAME VALUE`。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Name the model as PROVIDER/MODEL: `aigne-hubd rates set openai/gpt-4o --input 2.5 --output 10`.</source>
        <translation>请以 PROVIDER/MODEL 形式指定模型：`aigne-hubd rates set openai/gpt-4o --input 2.5 --output 10`。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--type must be chat, embedding or image.</source>
        <translation>--type 必须是 chat、embedding 或 image。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the rate with --input and/or --output (credits per 1M tokens; per image for images).</source>
        <translation>请用 --input 和/或 --output 给出费率（每 100 万 token 的额度；图像按每张计）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 now costs %2 credits per 1M input tokens and %3 credits %4 (rate #%5).</source>
        <translation>%1 现在每 100 万输入 token 收费 %2 额度，%4收费 %3 额度（费率 #%5）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per image</source>
        <translation>每张图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per 1M output tokens</source>
        <translation>每 100 万输出 token </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Use `aigne-hubd rates history PROVIDER/MODEL [--type chat|embedding|image]`.</source>
        <translation>请使用 `aigne-hubd rates history PROVIDER/MODEL [--type chat|embedding|image]`。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No rates yet. Set one with `aigne-hubd rates set PROVIDER/MODEL --input X --output Y`.</source>
        <translation>还没有费率。请用 `aigne-hubd rates set PROVIDER/MODEL --input X --output Y` 设置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MODEL</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INPUT/1M</source>
        <translation>输入/100万</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OUTPUT</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CACHE R</source>
        <translation>缓存读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CACHE W</source>
        <translation>缓存写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SINCE</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Use `aigne-hubd rates import FILE.json|FILE.csv [--apply]`.</source>
        <translation>请使用 `aigne-hubd rates import FILE.json|FILE.csv [--apply]`。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing changed yet. Run the same command with --apply to apply these rates.</source>
        <translation>尚未做任何更改。加上 --apply 再次运行同一命令即可应用这些费率。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applied %1 rates.</source>
        <translation>已应用 %1 条费率。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown rates command &quot;%1&quot;. Use `rates set`, `rates list`, `rates history` or `rates import`.</source>
        <translation>未知的费率命令“%1”。请使用 `rates set`、`rates list`、`rates history` 或 `rates import`。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name the account: `aigne-hubd credits %1 ACCOUNT ...`.</source>
        <translation>请指定账户：`aigne-hubd credits %1 ACCOUNT ...`。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A grant must be above zero; use `credits adjust ACCOUNT -AMOUNT --reason WHY` to take credits away.</source>
        <translation>发放额度必须大于零；要扣除额度，请使用 `credits adjust ACCOUNT -AMOUNT --reason WHY`。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say why with --reason: adjustments are kept in the account&apos;s history.</source>
        <translation>请用 --reason 说明原因：调整会记录在账户历史中。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>top-up from the command line</source>
        <translation>通过命令行充值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 credits for %3; the balance is now %4.</source>
        <translation>%1 %2 额度给 %3；当前余额为 %4。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjusted by</source>
        <translation>已调整</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: balance %2, held by calls in progress %3, available %4</source>
        <translation>%1：余额 %2，进行中的调用占用 %3，可用 %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--limit must be a positive number.</source>
        <translation>--limit 必须是正数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Account %1 has no entries yet.</source>
        <translation>账户 %1 还没有记录。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown credits command &quot;%1&quot;. Use `credits grant`, `credits adjust`, `credits balance` or `credits history`.</source>
        <translation>未知的额度命令“%1”。请使用 `credits grant`、`credits adjust`、`credits balance` 或 `credits history`。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::ChatStream</name>
    <message>
        <location filename="../ui/chatstream.cpp" line="+136"/>
        <source>The hub answered HTTP %1.</source>
        <translation>Hub 返回了 HTTP %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub cannot be reached: %1</source>
        <translation>无法连接到 Hub：%1</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::HubPages</name>
    <message>
        <location filename="../ui/hubpages.cpp" line="+29"/>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access Keys</source>
        <translation>访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
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
    <name>AiHub::Ui::PlaygroundKey</name>
    <message>
        <location filename="../ui/playgroundkey.cpp" line="+35"/>
        <source>The hub is still starting; try again in a moment.</source>
        <translation>Hub 仍在启动中；请稍后再试。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::PlaygroundPage</name>
    <message>
        <location filename="../ui/pages/playgroundpage.cpp" line="+43"/>
        <source>%1 in / %2 out tokens</source>
        <translation>输入 %1 / 输出 %2 token</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new conversation (%1)</source>
        <translation>开始新对话（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the hub again which models its providers offer</source>
        <translation>重新向 Hub 查询其服务商提供的模型</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional instructions for the model, e.g. &quot;Answer briefly.&quot;</source>
        <translation>可选的模型指令，例如“请简短回答。”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pick a model, type a message and press %1 to send.</source>
        <translation>选择模型，输入消息，然后按 %1 发送。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Delete Conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this conversation? This cannot be undone.</source>
        <translation>删除此对话？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename Conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+155"/>
        <source>The playground has no access key: %1</source>
        <translation>试验场没有访问密钥：%1</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>The model list is not available: %1</source>
        <translation>无法获取模型列表：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No models yet: add a provider on the Providers page, then press Refresh.</source>
        <translation>还没有模型：请在“服务商”页面添加服务商，然后点击“刷新”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The saved conversations cannot be read: %1</source>
        <translation>无法读取已保存的对话：%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The conversation cannot be opened: %1</source>
        <translation>无法打开该对话：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The conversation was not renamed: %1</source>
        <translation>未能重命名对话：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The conversation was not deleted: %1</source>
        <translation>未能删除对话：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a model first. If the list is empty, add a provider on the Providers page.</source>
        <translation>请先选择模型。如果列表为空，请在“服务商”页面添加服务商。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The conversation cannot be saved: %1</source>
        <translation>无法保存对话：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The message cannot be saved: %1</source>
        <translation>无法保存消息：%1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The reply failed: %1</source>
        <translation>回复失败：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>AiHub::Hub::ProviderAdmin</name>
    <message>
        <location filename="../core/hub/provideradmin.cpp" line="+51"/>
        <source>The base URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>基础 URL“%1”不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amazon Bedrock needs a region, e.g. us-east-1.</source>
        <translation>Amazon Bedrock 需要指定区域，例如 us-east-1。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>A provider named &quot;%1&quot; already exists; choose another name, or add a credential to it.</source>
        <translation>已存在名为“%1”的服务商；请换一个名称，或为它添加凭据。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 needs a secret; nothing was saved.</source>
        <translation>%1 需要密钥；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 providers need no credential.</source>
        <translation>%1 服务商不需要凭据。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A credential&apos;s weight must be 0 or more.</source>
        <translation>凭据的权重必须为 0 或更大。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Amazon Bedrock needs an access key id and its secret access key; nothing was saved.</source>
        <translation>Amazon Bedrock 需要访问密钥 ID 及其秘密访问密钥；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No secret was entered; nothing was saved.</source>
        <translation>未输入密钥；未保存任何内容。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>cannot change provider &quot;%1&quot;</source>
        <translation>无法修改服务商“%1”</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the secret of &quot;%1&quot; is in the %2 store, which is not in use; it was left there</source>
        <translation>“%1”的密钥位于未在使用的 %2 存储中；已保留在那里</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Provider &quot;%1&quot; has no credential labelled &quot;%2&quot;.</source>
        <translation>服务商“%1”没有标签为“%2”的凭据。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Testing %1 providers is not available in this version of the hub.</source>
        <translation>此版本的 Hub 暂不支持测试 %1 服务商。</translation>
    </message>
</context>
<context>
    <name>AiHub::Cli::ProviderCommands</name>
    <message>
        <location filename="../core/cli/providercommands.cpp" line="+65"/>
        <source>Unknown provider command &quot;%1&quot;. Run `aigne-hubd --help` for the list.</source>
        <translation>未知的服务商命令“%1”。运行 `aigne-hubd --help` 查看命令列表。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Say which kind of provider to add: one of %1.</source>
        <translation>请指明要添加的服务商类型：%1 之一。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Amazon Bedrock needs a region, e.g. --region us-east-1.</source>
        <translation>Amazon Bedrock 需要指定区域，例如 --region us-east-1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A provider named &quot;%1&quot; already exists; choose another --name, or add a credential to it with `aigne-hubd provider credential add %1`.</source>
        <translation>名为“%1”的服务商已存在；请用 --name 换一个名称，或用 `aigne-hubd provider credential add %1` 为它添加凭据。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added provider &quot;%1&quot; (%2) at %3; it needs no credential.</source>
        <translation>已添加服务商“%1”（%2），地址 %3；它不需要凭据。</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+6"/>
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
        <location line="+33"/>
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
        <location line="+69"/>
        <source>weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Name the provider to remove: `aigne-hubd provider remove NAME`.</source>
        <translation>请指明要删除的服务商：`aigne-hubd provider remove NAME`。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed provider &quot;%1&quot; and its credentials.</source>
        <translation>已删除服务商“%1”及其凭据。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name the provider to test: `aigne-hubd provider test NAME`.</source>
        <translation>请指明要测试的服务商：`aigne-hubd provider test NAME`。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OK: %1 accepted the credential (HTTP %2, %3 s).</source>
        <translation>成功：%1 接受了该凭据（HTTP %2，%3 秒）。</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <location line="+7"/>
        <source>warning: the secret could not be deleted from the store: %1</source>
        <translation>警告：无法从存储中删除该密钥：%1</translation>
    </message>
    <message>
        <location line="+1"/>
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
    <name>AiHub::Ui::ProviderDialog</name>
    <message>
        <location filename="../ui/pages/providerdialog.cpp" line="+25"/>
        <source>Add Provider</source>
        <translation>添加服务商</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>used in model names, e.g. openai</source>
        <translation>用于模型名称，例如 openai</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access key ID</source>
        <translation>访问密钥 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret access key</source>
        <translation>秘密访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session token</source>
        <translation>会话令牌</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secrets are written to the secret store and never to the database.</source>
        <translation>密钥写入密钥存储，绝不写入数据库。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Edit Provider &quot;%1&quot;</source>
        <translation>编辑服务商“%1”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>leave empty to keep the current secret</source>
        <translation>留空则保留当前密钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Give the provider a name.</source>
        <translation>请为服务商命名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the API key from your %1 account.</source>
        <translation>请输入你的 %1 账户的 API 密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amazon Bedrock needs a region, e.g. us-east-1.</source>
        <translation>Amazon Bedrock 需要指定区域，例如 us-east-1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the access key ID and the secret access key of an IAM user allowed to call Bedrock.</source>
        <translation>请输入有权调用 Bedrock 的 IAM 用户的访问密钥 ID 和秘密访问密钥。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::ProvidersPage</name>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="+33"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The AI provider accounts the hub relays to. Models are called as provider/model, e.g. openai/gpt-4o-mini.</source>
        <translation>Hub 转发请求的 AI 服务商账户。模型以 服务商/模型 的形式调用，例如 openai/gpt-4o-mini。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a small real call to the provider with the saved credential</source>
        <translation>用已保存的凭据向服务商发起一次小的真实调用</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Secrets are kept in the %1.</source>
        <translation>密钥保存在%1中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for the hub to start…</source>
        <translation>正在等待 Hub 启动…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The providers cannot be read: %1</source>
        <translation>无法读取服务商：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>none needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Added provider &quot;%1&quot;. Use Test Connection to check its credential.</source>
        <translation>已添加服务商“%1”。请用“测试连接”检查其凭据。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved provider &quot;%1&quot;.</source>
        <translation>已保存服务商“%1”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove Provider</source>
        <translation>删除服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove provider &quot;%1&quot; and delete its secrets from the secret store? Calls to %1/… models will fail until it is added again.</source>
        <translation>删除服务商“%1”并从密钥存储中删除其密钥？在重新添加之前，对 %1/… 模型的调用都会失败。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Removed provider &quot;%1&quot;.</source>
        <translation>已删除服务商“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Testing &quot;%1&quot;…</source>
        <translation>正在测试“%1”…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; did not accept the call: %2 Check the base URL and the credential, then test again.</source>
        <translation>“%1”未接受调用：%2 请检查基础 URL 和凭据，然后再次测试。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; works: it answered HTTP %2 in %3 s.</source>
        <translation>“%1”工作正常：%3 秒内返回了 HTTP %2。</translation>
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
<context>
    <name>AiHub::Ui::SettingsPage</name>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="+39"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes take effect the next time AIGNE Hub starts.</source>
        <translation>更改将在下次启动 AIGNE Hub 时生效。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other computers on your network will be able to reach the hub at this address. Anyone with an access key can then spend your provider credits, and traffic is not encrypted. Share only on networks you trust, and give each person their own key.</source>
        <translation>你网络中的其他计算机将能通过此地址访问 Hub。任何持有访问密钥的人都可以消耗你的服务商额度，而且流量未加密。请只在你信任的网络中共享，并为每个人分配各自的密钥。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&quot;%1&quot; is not an IP address. Use 127.0.0.1 for this computer only, 0.0.0.0 for every network, or the address of one network card.</source>
        <translation>“%1”不是 IP 地址。仅本机使用请填 127.0.0.1，所有网络请填 0.0.0.0，或填写某块网卡的地址。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The settings cannot be written to %1; check that the folder is writable.</source>
        <translation>无法将设置写入 %1；请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved. Restart AIGNE Hub to use the new settings.</source>
        <translation>已保存。重新启动 AIGNE Hub 以使用新设置。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::UsagePage</name>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="+52"/>
        <source>all calls</source>
        <translation>全部调用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every call through the hub, from this app and from every client.</source>
        <translation>经过 Hub 的每一次调用，包括来自本应用和所有客户端的调用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By provider</source>
        <translation>按服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By model</source>
        <translation>按模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By access key</source>
        <translation>按访问密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All together</source>
        <translation>全部合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Calls</source>
        <translation>调用次数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latency (ms)</source>
        <translation>延迟（毫秒）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recent calls</source>
        <translation>最近的调用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens in</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tokens out</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration (ms)</source>
        <translation>耗时（毫秒）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Waiting for the hub to start…</source>
        <translation>正在等待 Hub 启动…</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The usage cannot be read: %1</source>
        <translation>无法读取用量：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 calls · %2 tokens in · %3 tokens out · %4 errors</source>
        <translation>%1 次调用 · 输入 %2 token · 输出 %3 token · %4 个错误</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Export Usage</source>
        <translation>导出用量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n call(s) to %1.</source>
        <translation><numerusform>已将 %n 次调用导出到 %1。</numerusform></translation>
    </message>
</context>
</TS>
