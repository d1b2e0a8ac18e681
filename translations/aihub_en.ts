<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AiHub::Cli::AdminCli</name>
    <message>
        <location filename="../core/cli/admincli.cpp" line="+40"/>
        <source>Unknown command &quot;%1&quot;. Run `aigne-hubd --help` for the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiHub::App</name>
    <message>
        <location filename="../app/servecommand.cpp" line="+45"/>
        <source>--listen wants ADDRESS:PORT, such as 127.0.0.1:8878 or 0.0.0.0:8878, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--threads wants a number from 1 to 64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The hub cannot listen on %1:%2: %3. Choose another address or port with --listen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiHub::Cli</name>
    <message>
        <location filename="../core/cli/cliinvocation.cpp" line="+46"/>
        <source>Unknown option --%1. Run `aigne-hubd --help` to see the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The option --%1 needs a value.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/clioutput.cpp" line="+29"/>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiHub::Cli::KeyCommands</name>
    <message>
        <location filename="../core/cli/keycommands.cpp" line="+35"/>
        <source>Unknown key command &quot;%1&quot;. Use `key create`, `key list` or `key revoke`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give the key a name: `aigne-hubd key create --name NAME`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The role must be &quot;admin&quot; or &quot;user&quot;, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Created access key &quot;%1&quot; (role %2, account %3). This is the only time its secret is shown; keep it somewhere safe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No access keys yet. Create one with `aigne-hubd key create --name NAME`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ACCOUNT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAST USED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>revoked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name the key to revoke: `aigne-hubd key revoke NAME`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Revoked access key &quot;%1&quot;. A running hub refuses it within a second.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+59"/>
        <location line="+24"/>
        <source>AIGNE Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Copied %1 to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AIGNE Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>About AIGNE Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;AIGNE Hub %1&lt;/h3&gt;&lt;p&gt;Keep your AI provider accounts in one place and call every model through one API.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiHub::Cli::ProviderCommands</name>
    <message>
        <location filename="../core/cli/providercommands.cpp" line="+67"/>
        <source>Unknown provider command &quot;%1&quot;. Run `aigne-hubd --help` for the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Say which kind of provider to add: one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The base URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amazon Bedrock needs a region, e.g. --region us-east-1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A provider named &quot;%1&quot; already exists; choose another --name, or add a credential to it with `aigne-hubd provider credential add %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Added provider &quot;%1&quot; (%2) at %3; it needs no credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--weight must be a whole number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Amazon Bedrock needs --access-key-id ID; the secret access key is read from standard input or asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secret access key for %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session token (optional, Enter to skip): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API key for %1 (%2): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No secret was entered; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No secret arrived on standard input; pipe it in, e.g. `printf &apos;%s&apos; &quot;$KEY&quot; | aigne-hubd provider add %1`. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 provider &quot;%2&quot; (%3) with credential &quot;%4&quot; (%5), kept in the %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No providers yet. Add one with `aigne-hubd provider add openai` (the API key is read from standard input).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <source>  (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+152"/>
        <source>weight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Name the provider to remove: `aigne-hubd provider remove NAME`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed provider &quot;%1&quot; and its credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the secret of &quot;%1&quot; is in the %2 store, which is not in use; it was left there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name the provider to test: `aigne-hubd provider test NAME`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Testing %1 providers is not available in this version of the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>OK: %1 accepted the credential (HTTP %2, %3 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Name the provider: `aigne-hubd provider credential %1 NAME`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 providers need no credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Provider &quot;%1&quot; has no credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Provider &quot;%1&quot; has no credential labelled &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>warning: the secret could not be deleted from the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed credential &quot;%1&quot; from provider &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use `provider credential add|list|remove NAME`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::ServerPage</name>
    <message>
        <location filename="../ui/pages/serverpage.cpp" line="+97"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AIGNE Hub answers OpenAI-compatible API calls on this computer and relays them to your AI providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+108"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Copy the address to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the data folder in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1. Create an access key in a terminal. Its secret is shown only once, so keep it somewhere safe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>2. Send OpenAI-style requests to the hub with that key. Models are named provider/model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+64"/>
        <source>Copy Command</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiHub::Ui::ServerStatus</name>
    <message>
        <location filename="../ui/serverstatus.cpp" line="+11"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
