<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AiHub::Ui::AccessKeysPage</name>
    <message>
        <location filename="../ui/pages/accesskeyspage.cpp" line="+33"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+37"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Grant</source>
        <translation>赠送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge</source>
        <translation>扣费</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <source>Users may call the AI APIs; admins may also manage the hub</source>
        <translation>用户可以调用 AI API；管理员还可以管理中心</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+262"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="-260"/>
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
        <location line="+0"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show revoked keys</source>
        <translation>显示已吊销的密钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+22"/>
        <location line="+80"/>
        <source>Credits</source>
        <translation>积分</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Credits, e.g. 100</source>
        <translation>积分，例如 100</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note, e.g. monthly allowance</source>
        <translation>备注，例如 每月额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant Credits</source>
        <translation>发放积分</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The access keys cannot be read: %1</source>
        <translation>无法读取访问密钥：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Revoked %1</source>
        <translation>已于 %1 吊销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Credits of account &quot;%1&quot;</source>
        <translation>账户“%1”的积分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The history of %1 cannot be read: %2</source>
        <translation>无法读取 %1 的历史记录：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&quot;%1&quot; is not an amount of credits: enter a number like 100 or 2.5. Nothing was granted.</source>
        <translation>“%1”不是有效的积分数：请输入数字，例如 100 或 2.5。未发放任何积分。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A grant must be above zero. Nothing was granted.</source>
        <translation>发放的积分必须大于零。未发放任何积分。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>granted in the desktop app</source>
        <translation>在桌面应用中发放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No credits were granted: %1</source>
        <translation>未发放积分：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Granted %1 credits to %2.</source>
        <translation>已向 %2 发放 %1 积分。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The key was not created: %1</source>
        <translation>未能创建密钥：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created key &quot;%1&quot; with the %2 role.</source>
        <translation>已创建密钥“%1”，角色为%2。</translation>
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
    <name>AiHub::Secrets</name>
    <message>
        <location filename="../core/secrets/keychainsecretstore.cpp" line="+74"/>
        <source>OS keychain (macOS Keychain)</source>
        <translation>系统钥匙串（macOS 钥匙串）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OS keychain (Windows Credential Manager)</source>
        <translation>系统钥匙串（Windows 凭据管理器）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OS keychain (Secret Service)</source>
        <translation>系统钥匙串（Secret Service）</translation>
    </message>
    <message>
        <location filename="../core/secrets/secretstoreselector.cpp" line="+37"/>
        <source>key derived from the passphrase in AIHUB_SECRET_PASSPHRASE</source>
        <translation>加密密钥由 AIHUB_SECRET_PASSPHRASE 中的口令派生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key derived from a passphrase</source>
        <translation>加密密钥由口令派生</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key from %1 (mode 0600)</source>
        <translation>加密密钥来自 %1（权限 0600）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>: the OS keychain is not available (%1).</source>
        <translation>：系统钥匙串不可用（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, as chosen by AIHUB_SECRET_STORE=file.</source>
        <translation>，由 AIHUB_SECRET_STORE=file 指定。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>.</source>
        <comment>end of the sentence about the encrypted file</comment>
        <translation>。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secrets are kept in the encrypted file %1, </source>
        <translation>密钥保存在加密文件 %1 中，</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Secrets are kept in memory only and are lost when the hub stops.</source>
        <translation>密钥仅保存在内存中，Hub 停止后即丢失。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Secrets are kept in the %1.</source>
        <translation>密钥保存在%1中。</translation>
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
    <name>AiHub::Ui::ComparePane</name>
    <message>
        <location filename="../ui/playground/comparepane.cpp" line="+32"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop this answer (%1 stops both)</source>
        <translation>停止此回答（%1 同时停止两边）</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Waiting for the first token…</source>
        <translation>正在等待第一个 token…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Stopped. %1</source>
        <translation>已停止。%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::CompareView</name>
    <message>
        <location filename="../ui/playground/compareview.cpp" line="+33"/>
        <source>One prompt for both models</source>
        <translation>两个模型共用的提示词</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send to Both</source>
        <translation>发送给两者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the prompt to both models at once (%1)</source>
        <translation>同时将提示词发送给两个模型（%1）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The playground has no access key: %1</source>
        <translation>试验场没有访问密钥：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a model for this side first.</source>
        <translation>请先为这一侧选择模型。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::DeriveCostDialog</name>
    <message>
        <location filename="../ui/widgets/derivecostdialog.cpp" line="+20"/>
        <source>Derive Rate from Cost</source>
        <translation>按成本推导费率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What does the provider charge for %1? The rate is the cost plus your %2 % margin, divided by the credit price (%3%4 per credit).</source>
        <translation>提供商对 %1 收费多少？费率 = 成本加上 %2 % 的利润，再除以积分价格（每积分 %3%4）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cost per 1M input tokens (%1)</source>
        <translation>每 100 万个输入 token 的成本（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cost per 1M output tokens (%1)</source>
        <translation>每 100 万个输出 token 的成本（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost per image (%1)</source>
        <translation>每张图像的成本（%1）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&quot;%1&quot; is not a cost: enter a number of at least 0, like 2.5.</source>
        <translation>“%1”不是有效的成本：请输入不小于 0 的数字，例如 2.5。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the provider&apos;s cost to see the rate.</source>
        <translation>输入提供商的成本以查看费率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate: %1 credits per image.</source>
        <translation>费率：每张图像 %1 积分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate: %1 credits per 1M input tokens.</source>
        <translation>费率：每 100 万个输入 token %1 积分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate: %1 credits per 1M input tokens, %2 per 1M output tokens.</source>
        <translation>费率：每 100 万个输入 token %1 积分，每 100 万个输出 token %2 积分。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::EmbeddingsView</name>
    <message>
        <location filename="../ui/playground/embeddingsview.cpp" line="+57"/>
        <source>The hub answered %1 vectors for %2 inputs. Try again or pick another model.</source>
        <translation>Hub 为 %2 条输入返回了 %1 个向量。请重试或选择其他模型。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>One input per line, e.g.
The cat sleeps on the sofa.
A kitten naps on the couch.
Stock prices fell today.</source>
        <translation>每行一条输入，例如：
猫在沙发上睡觉。
小猫在长椅上打盹。
今天股价下跌了。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Embedding models from the providers&apos; catalogue; another can be typed</source>
        <translation>来自服务商目录的嵌入模型；也可以手动输入其他模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embed every line and compare them (%1)</source>
        <translation>为每一行生成嵌入并相互比较（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cosine similarity: 1 = same direction, 0 = unrelated, -1 = opposite</source>
        <translation>余弦相似度：1 = 方向相同，0 = 无关，-1 = 方向相反</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Type at least one input, one per line.</source>
        <translation>请至少输入一条内容，每行一条。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 inputs is more than this tab compares at once (%2). Remove some lines.</source>
        <translation>%1 条输入超过了此页一次可比较的数量（%2）。请删除一些行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose an embedding model first. If the list is empty, add a provider that offers embeddings (e.g. OpenAI) on the Providers page.</source>
        <translation>请先选择嵌入模型。如果列表为空，请在“服务商”页面添加提供嵌入的服务商（例如 OpenAI）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Embedding 1 input…</source>
        <translation>正在为 1 条输入生成嵌入…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embedding %1 inputs…</source>
        <translation>正在为 %1 条输入生成嵌入…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The playground has no access key: %1</source>
        <translation>试验场没有访问密钥：%1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 dimensions</source>
        <translation>%1 维</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 input tokens</source>
        <translation>%1 个输入 token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; vs &quot;%2&quot;</source>
        <translation>“%1”与“%2”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A vector of zeros has no direction to compare.</source>
        <translation>全零向量没有可比较的方向。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::HubPages</name>
    <message>
        <location filename="../ui/hubpages.cpp" line="+32"/>
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
        <source>Model Rates</source>
        <translation>模型费率</translation>
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
    <name>AiHub::Ui::ImageView</name>
    <message>
        <location filename="../ui/playground/imageview.cpp" line="+57"/>
        <source>The hub answered with an image this app cannot read (%1). Try another model.</source>
        <translation>Hub 返回了本应用无法读取的图像（%1）。请换一个模型试试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The hub answered without an image. Try again or pick another model.</source>
        <translation>Hub 的回答中没有图像。请重试或选择其他模型。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Describe the image, e.g. &quot;A lighthouse at dusk, watercolour&quot;</source>
        <translation>描述图像，例如“黄昏时的灯塔，水彩风格”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Image models from the providers&apos; catalogue; another can be typed</source>
        <translation>来自服务商目录的图像模型；也可以手动输入其他模型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How many images: each is a call of its own, shown as soon as it arrives</source>
        <translation>图像数量：每张图像单独调用一次，到达后立即显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate the images (%1)</source>
        <translation>生成图像（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the images (%1)</source>
        <translation>停止等待图像（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Generated images appear here as they arrive.</source>
        <translation>生成的图像会在到达后显示在这里。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Choose an image model first. If the list is empty, add a provider that offers images (e.g. OpenAI) on the Providers page.</source>
        <translation>请先选择图像模型。如果列表为空，请在“服务商”页面添加提供图像生成的服务商（例如 OpenAI）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Generating 1 image…</source>
        <translation>正在生成 1 张图像…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Generating %1 images…</source>
        <translation>正在生成 %1 张图像…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The playground has no access key: %1</source>
        <translation>试验场没有访问密钥：%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+168"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this image to disk as PNG</source>
        <translation>将此图像以 PNG 格式保存到磁盘</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save Image</source>
        <translation>保存图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no such image.</source>
        <translation>没有这张图像。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The image could not be saved to %1: choose a folder you can write to.</source>
        <translation>无法将图像保存到 %1：请选择一个可写入的文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 images</source>
        <translation>%1 张图像</translation>
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
        <location line="+99"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+38"/>
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
    <name>AiHub::Ui::MessageStats</name>
    <message>
        <location filename="../ui/playground/messagestats.cpp" line="+13"/>
        <source>%1 in / %2 out tokens</source>
        <translation>输入 %1 / 输出 %2 token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 credits</source>
        <translation>%1 积分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first token %1 s / total %2 s</source>
        <translation>首个 token %1 秒 / 总计 %2 秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::PlaygroundError</name>
    <message>
        <location filename="../ui/playground/playgrounderror.cpp" line="+19"/>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub at %1 cannot be reached (%2): check on the Server page that it is running.</source>
        <translation>无法连接位于 %1 的 Hub（%2）：请在“服务器”页面确认它正在运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider error: %1 If it happens again, check the provider on the Providers page.</source>
        <translation>服务商出错：%1 如果再次发生，请在“服务商”页面检查该服务商。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub refused the playground&apos;s access key: %1 Try again (a new key is made); if it keeps failing, check Access keys.</source>
        <translation>Hub 拒绝了试验场的访问密钥：%1 请重试（会创建新密钥）；如果仍然失败，请检查“访问密钥”页面。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No credit left: grant credits to the &quot;%1&quot; key in Access keys, then try again. (%2)</source>
        <translation>积分不足：请在“访问密钥”页面为“%1”密钥发放积分，然后重试。（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not allowed: %1 Check the key&apos;s role in Access keys.</source>
        <translation>不允许：%1 请在“访问密钥”页面检查该密钥的角色。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown model: %1 Pick a model from the list, or check Providers.</source>
        <translation>未知模型：%1 请从列表中选择模型，或检查“服务商”页面。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many requests: %1 Wait a moment, then try again.</source>
        <translation>请求过多：%1 请稍候再试。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider unreachable: %1 Check the provider on the Providers page (Test connection).</source>
        <translation>无法连接服务商：%1 请在“服务商”页面检查该服务商（测试连接）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub refused the request: %1</source>
        <translation>Hub 拒绝了请求：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub answered HTTP %1. Look at the Server page for details.</source>
        <translation>Hub 返回了 HTTP %1。详情请查看“服务器”页面。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub failed (HTTP %1): %2</source>
        <translation>Hub 出错（HTTP %1）：%2</translation>
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
        <location filename="../ui/pages/playgroundpage.cpp" line="+70"/>
        <source>Playground</source>
        <translation>试验场</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New Chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new conversation (%1)</source>
        <translation>开始新对话（%1）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+7"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the conversations whose title or messages contain the text</source>
        <translation>显示标题或消息中包含该文本的对话</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the open conversation as Markdown or JSON</source>
        <translation>将当前对话保存为 Markdown 或 JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Options</source>
        <translation>选项</translation>
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
        <location line="+7"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the message (%1)</source>
        <translation>发送消息（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the answer; what arrived is kept (%1)</source>
        <translation>停止回答；已收到的内容会保留（%1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chat with a model; conversations are saved</source>
        <translation>与模型聊天；对话会被保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One prompt, two models side by side</source>
        <translation>同一提示词，两个模型并排对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate images from a prompt</source>
        <translation>根据提示词生成图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embed several inputs and compare them</source>
        <translation>为多条输入生成嵌入并相互比较</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+81"/>
        <location line="+258"/>
        <source>The playground has no access key: %1</source>
        <translation>试验场没有访问密钥：%1</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>The model list is not available: %1</source>
        <translation>无法获取模型列表：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No models yet: add a provider on the Providers page, then press Refresh.</source>
        <translation>还没有模型：请在“服务商”页面添加服务商，然后点击“刷新”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The saved conversations cannot be read: %1</source>
        <translation>无法读取已保存的对话：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The conversations cannot be searched: %1</source>
        <translation>无法搜索对话：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No conversation matches</source>
        <translation>没有匹配的对话</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open a conversation to export first.</source>
        <translation>请先打开要导出的对话。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The conversation cannot be exported: %1</source>
        <translation>无法导出该对话：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+61"/>
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
        <location line="+49"/>
        <source>The reply was not saved: %1</source>
        <translation>回复未能保存：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <name>AiHub::Ui::RateImportDialog</name>
    <message>
        <location filename="../ui/widgets/rateimportdialog.cpp" line="+19"/>
        <source>%1 per image</source>
        <translation>每张图像 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 in / %2 out</source>
        <translation>输入 %1 / 输出 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import Rates</source>
        <translation>导入费率</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unpriced</source>
        <translation>未定价</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not in the file (kept)</source>
        <translation>不在文件中（保留）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>every rate in the file is already in use; nothing to apply.</source>
        <translation>文件中的所有费率都已在使用；无需应用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 added, %2 changed, %3 unchanged; %4 current rates are not in the file and stay as they are.</source>
        <translation>新增 %1 个，更改 %2 个，未变 %3 个；另有 %4 个现有费率不在文件中，将保持不变。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::RatesPage</name>
    <message>
        <location filename="../ui/pages/ratespage.cpp" line="+74"/>
        <source>Model Rates</source>
        <translation>模型费率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What each model costs in credits, per 1M tokens (images: per image). Double-click a rate to change it; the next call uses it.</source>
        <translation>每个模型以积分计的价格，按每 100 万个 token 计（图像：按每张）。双击费率即可修改，下一次调用即按新费率计费。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credit price</source>
        <translation>积分价格</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What one credit costs, in money</source>
        <translation>一个积分的价格（货币）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Margin %</source>
        <translation>利润率 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Target profit on top of the provider&apos;s cost when a rate is derived from it</source>
        <translation>从提供商成本推导费率时，在成本之上加的目标利润</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Price</source>
        <translation>保存价格</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provider</source>
        <translation>提供商</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Input / 1M</source>
        <translation>输入 / 100 万</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Output / 1M</source>
        <translation>输出 / 100 万</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1K in + 1K out</source>
        <translation>1K 输入 + 1K 输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt / 1M</source>
        <translation>提示词 / 100 万</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per image</source>
        <translation>每张图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One image</source>
        <translation>一张图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1K tokens</source>
        <translation>1K token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Refresh Models</source>
        <translation>刷新模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the providers again which models they offer</source>
        <translation>再次询问提供商提供哪些模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Derive from Cost…</source>
        <translation>按成本推导…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the selected model&apos;s rate from what the provider charges, plus the margin</source>
        <translation>按提供商的收费加上利润率，设置所选模型的费率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every rate the selected model has had; each charge names the one it used</source>
        <translation>所选模型用过的所有费率；每笔扣费都记录了所用的费率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read rates from a JSON or CSV price list; the changes are shown before they apply</source>
        <translation>从 JSON 或 CSV 价目表读取费率；应用前会先显示变更</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The rates cannot be read: %1</source>
        <translation>无法读取费率：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Offered by your providers but without a rate: %1 (highlighted). With billing on they are refused or served free, as the billing settings say; enter their rates to charge for them.</source>
        <translation>您的提供商提供但没有费率的模型：%1 个（已高亮）。计费开启时，这些模型会按计费设置被拒绝或免费提供；请输入其费率以便计费。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Priced</source>
        <translation>已定价</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unpriced</source>
        <translation>未定价</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A provider offers this model but it has no rate. Enter its rates to charge for it.</source>
        <translation>有提供商提供此模型，但它没有费率。请输入其费率以便计费。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&quot;%1&quot; is not a rate: enter a number of credits like 2.5 (at most 9 decimals). Nothing was changed.</source>
        <translation>“%1”不是有效的费率：请输入积分数，例如 2.5（最多 9 位小数）。未做任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A rate cannot be negative (%1). Enter 0 or more; nothing was changed.</source>
        <translation>费率不能为负数（%1）。请输入 0 或更大的数；未做任何更改。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter a rate of 0 or more; nothing was changed.</source>
        <translation>请输入 0 或更大的费率；未做任何更改。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Now enter the %1 rate of %2/%3; it is saved when both are set.</source>
        <translation>请再输入 %2/%3 的%1费率；两项都填写后才会保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The rate of %1/%2 was not saved: %3</source>
        <translation>%1/%2 的费率未保存：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 now costs %2 credits per 1M input tokens and %3 %4; the next call is charged so.</source>
        <translation>%1 现在每 100 万个输入 token 收费 %2 积分，%4 收费 %3 积分；下一次调用即按此计费。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per image</source>
        <translation>每张图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per 1M output tokens</source>
        <translation>每 100 万个输出 token</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The providers&apos; model list is not available (%1), so unpriced models are not shown. Check the Providers page, then press Refresh Models.</source>
        <translation>无法获取提供商的模型列表（%1），因此不显示未定价的模型。请检查“提供商”页面，然后点击“刷新模型”。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The credit price must be a number above 0, like 0.001 (money per credit). Nothing was saved.</source>
        <translation>积分价格必须是大于 0 的数字，例如 0.001（每个积分的货币价格）。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The margin must be a percentage of 0 or more, like 20. Nothing was saved.</source>
        <translation>利润率必须是 0 或更大的百分比，例如 20。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One credit now costs %1; derived rates add a %2 % margin.</source>
        <translation>现在一个积分价格为 %1；推导的费率加上 %2 % 的利润。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import Rates</source>
        <translation>导入费率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price lists (*.json *.csv)</source>
        <translation>价目表 (*.json *.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 was not imported: %2</source>
        <translation>%1 未导入：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 was not imported: %2 has a negative rate. Correct the file and import it again; nothing was changed.</source>
        <translation>%1 未导入：%2 含有负数费率。请修正文件后重新导入；未做任何更改。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The rates cannot be compared: %1</source>
        <translation>无法比较费率：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No rate was imported: %1</source>
        <translation>未导入任何费率：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported %1 rates.</source>
        <translation>已导入 %1 个费率。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The rate history cannot be read: %1</source>
        <translation>无法读取费率历史：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rate History of %1/%2</source>
        <translation>%1/%2 的费率历史</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rate</source>
        <translation>费率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Since</source>
        <translation>起始时间</translation>
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
        <location filename="../ui/pages/settingspage.cpp" line="+55"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The listen address and the language take effect the next time AIGNE Hub starts; everything else applies when you save.</source>
        <translation>监听地址和语言在下次启动 AIGNE Hub 时生效；其他设置保存后立即生效。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+4"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep serving in the tray when the window is closed</source>
        <translation>关闭窗口后在托盘中继续提供服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charge credits for calls (billing)</source>
        <translation>对调用收取积分（计费）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: a personal hub; usage is still recorded but no credits are checked.</source>
        <translation>关闭：个人中心；仍会记录用量，但不检查积分。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing</source>
        <translation>计费</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Credits each new account receives once, on its first call</source>
        <translation>新账户在首次调用时一次性获得的积分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New-user grant</source>
        <translation>新用户赠送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse the call with a message</source>
        <translation>拒绝调用并给出提示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve it free, with an &quot;unpriced&quot; warning</source>
        <translation>免费提供，并给出“未定价”警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happens to a call to a model without a rate while billing is on</source>
        <translation>计费开启时，对没有费率的模型的调用如何处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models without a rate</source>
        <translation>没有费率的模型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>This desktop has no system tray.</source>
        <translation>此桌面没有系统托盘。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The billing settings cannot be read: %1</source>
        <translation>无法读取计费设置：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The new-user grant must be a number of credits of 0 or more, like 100. Nothing was saved.</source>
        <translation>新用户赠送必须是 0 或更大的积分数，例如 100。未保存任何内容。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The billing settings were not saved: %1</source>
        <translation>计费设置未保存：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not an IP address. Use 127.0.0.1 for this computer only, 0.0.0.0 for every network, or the address of one network card.</source>
        <translation>“%1”不是 IP 地址。仅本机使用请填 127.0.0.1，所有网络请填 0.0.0.0，或填写某块网卡的地址。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The settings cannot be written to %1; check that the folder is writable.</source>
        <translation>无法将设置写入 %1；请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved. A new listen address or language is used the next time AIGNE Hub starts.</source>
        <translation>已保存。新的监听地址或语言将在下次启动 AIGNE Hub 时使用。</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::SingleInstance</name>
    <message>
        <location filename="../ui/singleinstance.cpp" line="+79"/>
        <source>Cannot watch for a second start of AIGNE Hub (%1): %2</source>
        <translation>无法监视 AIGNE Hub 的第二次启动（%1）：%2</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::TrayIcon</name>
    <message>
        <location filename="../ui/trayicon.cpp" line="+24"/>
        <source>Open AIGNE Hub</source>
        <translation>打开 AIGNE Hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+52"/>
        <source>Stop the Hub and Quit</source>
        <translation>停止中心并退出</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>AIGNE Hub is still serving</source>
        <translation>AIGNE Hub 仍在提供服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub keeps answering API calls. Open it again or quit from this icon.</source>
        <translation>中心会继续响应 API 调用。可从此图标重新打开或退出。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Serving at %1</source>
        <translation>正在 %1 提供服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AIGNE Hub — %1</source>
        <translation>AIGNE Hub — %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit Now</source>
        <translation>立即退出</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::UsageCallsModel</name>
    <message>
        <location filename="../ui/widgets/usagecallsmodel.cpp" line="+122"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens in</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens out</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credits</source>
        <translation>额度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration (ms)</source>
        <translation>耗时（毫秒）</translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::UsagePage</name>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="+70"/>
        <source>all calls</source>
        <translation>全部调用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no app</source>
        <translation>无应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no key</source>
        <translation>无密钥</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+49"/>
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
        <location line="+1"/>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start of the custom range</source>
        <translation>自定义范围的开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End of the custom range</source>
        <translation>自定义范围的结束时间</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <source>By app</source>
        <translation>按应用</translation>
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
        <location line="+31"/>
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
        <location line="+0"/>
        <source>Credits</source>
        <translation>额度</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Calls in this range</source>
        <translation>此范围内的调用</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search models…</source>
        <translation>搜索模型…</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%n call(s) match.</source>
        <translation>
            <numerusform>共 %n 次调用符合条件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Showing the newest %n call(s); scroll down for more.</source>
        <translation>
            <numerusform>显示最新的 %n 次调用；向下滚动以加载更多。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The calls cannot be read: %1</source>
        <translation>无法读取调用记录：%1</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>Any provider</source>
        <translation>任意服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any model</source>
        <translation>任意模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any key</source>
        <translation>任意密钥</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading calls…</source>
        <translation>正在加载调用记录…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 calls · %2 tokens in · %3 tokens out · %4 credits · %5 errors</source>
        <translation>%1 次调用 · 输入 %2 token · 输出 %3 token · %4 额度 · %5 个错误</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Waiting for the hub to start…</source>
        <translation>正在等待 Hub 启动…</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The custom range ends before it starts: choose a &quot;to&quot; time after the &quot;from&quot; time.</source>
        <translation>自定义范围的结束时间早于开始时间：请选择晚于“开始”时间的“结束”时间。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The usage cannot be read: %1</source>
        <translation>无法读取用量：%1</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export Usage</source>
        <translation>导出用量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n call(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 次调用导出到 %1。</numerusform>
        </translation>
    </message>
</context>
</TS>
