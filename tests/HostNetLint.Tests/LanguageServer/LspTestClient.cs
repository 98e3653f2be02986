using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json.Nodes;
using HostNetLint.Hosting;
using HostNetLint.LanguageServer;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>An error response from the server.</summary>
public sealed class LspErrorException(int code, string message) : Exception($"{code}: {message}")
{
    public int Code { get; } = code;
}

/// <summary>
/// A language-server client of our own for tests: speaks JSON-RPC over the LSP base protocol with a server process
/// (the JIT build through <c>dotnet exec</c>, or the Native AOT binary) or an in-process server over pipes (for seams
/// a process cannot take). Every wait has a generous hang guard; nothing here asserts timing.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly Stream toServer;
    private readonly Stream fromServer;
    private readonly Process? process;
    private readonly Task<int>? inProcess;
    private readonly object gate = new();
    private readonly List<JsonObject> received = [];
    private readonly SemaphoreSlim arrived = new(0);

    // The read loop answers the server's own requests while a test sends: without this, two messages' headers and
    // bodies could interleave on the pipe (seen once in CI as "The message is not JSON: 'C'").
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly Task reading;
    private readonly StringBuilder standardError = new();
    private int nextId;

    private LspTestClient(Stream toServer, Stream fromServer, Process? process, Task<int>? inProcess)
    {
        this.toServer = toServer;
        this.fromServer = fromServer;
        this.process = process;
        this.inProcess = inProcess;
        reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>Every message the server sent, in order (responses, notifications, its own requests).</summary>
    public IReadOnlyList<JsonObject> Log
    {
        get
        {
            lock (gate)
            {
                return [.. all];
            }
        }
    }

    private readonly List<JsonObject> all = [];

    /// <summary>The server as the JIT build of this test run: <c>dotnet exec hostnetlint.dll lsp</c>.</summary>
    public static LspTestClient StartJit(string workingDirectory) =>
        Start(DotnetProcess.Host, workingDirectory, "exec", Path.Combine(TestContext.CurrentContext.TestDirectory, "hostnetlint.dll"), "lsp");

    public static LspTestClient Start(string executable, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start)!;
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, process, null);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (client.standardError)
            {
                client.standardError.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>A server in this process over pipes, running <paramref name="run"/> (a lint pipeline with test seams).</summary>
    public static LspTestClient StartInProcess(LintRun run)
    {
        var up = new Pipe();
        var down = new Pipe();
        var server = Task.Run(async () =>
        {
            var code = await LanguageServerHost.RunAsync(up.Reader.AsStream(), down.Writer.AsStream(), run);
            await down.Writer.CompleteAsync();
            return code;
        });
        return new LspTestClient(up.Writer.AsStream(), down.Reader.AsStream(), null, server);
    }

    public string StandardError
    {
        get
        {
            lock (standardError)
            {
                return standardError.ToString();
            }
        }
    }

    /// <summary><c>initialize</c> (with <paramref name="capabilities"/> and <paramref name="options"/>) then <c>initialized</c>; returns the result.</summary>
    public async Task<JsonObject> InitializeAsync(string? rootPath = null, JsonObject? capabilities = null, JsonObject? options = null)
    {
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = rootPath is null ? null : Uri(rootPath),
            ["capabilities"] = capabilities ?? new JsonObject(),
            ["initializationOptions"] = options,
        });
        await NotifyAsync("initialized", new JsonObject());
        return result!.AsObject();
    }

    /// <summary>Sends a request and waits for its answer; an error answer throws <see cref="LspErrorException"/>.</summary>
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters)
    {
        var id = SendRequest(method, parameters, out var send);
        await send;
        return await AnswerAsync(id);
    }

    /// <summary>Sends a request without waiting; <see cref="AnswerAsync"/> collects the answer.</summary>
    public int SendRequest(string method, JsonNode? parameters, out Task sent)
    {
        var id = Interlocked.Increment(ref nextId);
        sent = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return id;
    }

    public async Task<JsonNode?> AnswerAsync(int id)
    {
        var answer = await WaitForAsync(m => m["id"] is JsonValue v && v.TryGetValue<int>(out var n) && n == id && m["method"] is null, $"the answer to request {id}");
        if (answer["error"] is JsonObject error)
        {
            throw new LspErrorException((int)error["code"]!, (string)error["message"]!);
        }

        return answer["result"];
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Writes raw bytes as one framed message (for malformed input).</summary>
    public async Task SendRawAsync(string content)
    {
        var body = Encoding.UTF8.GetBytes(content);
        await WriteAsync([.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n")), .. body]);
    }

    /// <summary>Writes bytes as they are, without a header (for input that is not the base protocol).</summary>
    public async Task SendUnframedAsync(string content)
    {
        await WriteAsync(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Writes whole messages one at a time (see <see cref="sending"/>).</summary>
    private async Task WriteAsync(byte[] bytes)
    {
        await sending.WaitAsync();
        try
        {
            await toServer.WriteAsync(bytes);
            await toServer.FlushAsync();
        }
        finally
        {
            sending.Release();
        }
    }

    public Task OpenAsync(string path, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "yaml", ["version"] = version, ["text"] = text },
        });

    /// <summary>Replaces the whole text (a full-document change).</summary>
    public Task ChangeAsync(string path, int version, string text) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>Replaces a range (an incremental change).</summary>
    public Task ChangeAsync(string path, int version, (int Line, int Character) start, (int Line, int Character) end, string text) =>
        NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = Range(start, end), ["text"] = text }),
        });

    /// <summary>The next <c>publishDiagnostics</c> for <paramref name="path"/> (at <paramref name="version"/> when given).</summary>
    public async Task<JsonArray> DiagnosticsAsync(string path, int? version = null)
    {
        var uri = Uri(path);
        var message = await WaitForAsync(
            m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri
                && (version is null || (int?)m["params"]!["version"] == version),
            $"diagnostics for {path}" + (version is null ? string.Empty : $" at version {version}"));
        return message["params"]!["diagnostics"]!.AsArray();
    }

    /// <summary>Takes the first message (received or still to come) that matches; consumed messages are not seen again.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> predicate, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // Read before looking: once the reader has ended, every message it will ever add is in the list.
            var ended = reading.IsCompleted;
            lock (gate)
            {
                var index = received.FindIndex(m => predicate(m));
                if (index >= 0)
                {
                    var message = received[index];
                    received.RemoveAt(index);
                    return message;
                }
            }

            var left = HangGuard - deadline.Elapsed;
            if (left <= TimeSpan.Zero || ended)
            {
                Assert.Fail($"No {what} from the server within {HangGuard} (or it stopped). Received:\n{string.Join('\n', Log.Select(m => m.ToJsonString()))}\nstderr: {StandardError}");
            }

            await arrived.WaitAsync(left > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left);
        }
    }

    /// <summary>True when a message that matches is among those received and not consumed yet.</summary>
    public bool HasReceived(Func<JsonObject, bool> predicate)
    {
        lock (gate)
        {
            return received.Exists(m => predicate(m));
        }
    }

    /// <summary>Waits for the server to end; returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        if (process is not null)
        {
            using var guard = new CancellationTokenSource(HangGuard);
            await process.WaitForExitAsync(guard.Token);
            return process.ExitCode;
        }

        return await inProcess!.WaitAsync(HangGuard);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            toServer.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        if (process is not null)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
        else if (inProcess is not null)
        {
            await inProcess.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        arrived.Dispose();
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public static JsonObject Range((int Line, int Character) start, (int Line, int Character) end) => new()
    {
        ["start"] = new JsonObject { ["line"] = start.Line, ["character"] = start.Character },
        ["end"] = new JsonObject { ["line"] = end.Line, ["character"] = end.Character },
    };

    private async Task SendAsync(JsonObject message) => await SendRawAsync(message.ToJsonString());

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var read = await fromServer.ReadAsync(chunk);
            if (read == 0)
            {
                arrived.Release();
                return;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
            while (TryTakeMessage(buffer) is { } message)
            {
                if (message["method"] is not null && message["id"] is not null)
                {
                    // The server's own requests (client/registerCapability): accept them.
                    await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = null });
                }

                lock (gate)
                {
                    received.Add(message);
                    all.Add(message);
                }

                arrived.Release();
            }
        }
    }

    private static JsonObject? TryTakeMessage(List<byte> buffer)
    {
        var bytes = buffer.ToArray();
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return null;
        }

        var headers = Encoding.ASCII.GetString(bytes, 0, headerEnd);
        var lengthLine = headers.Split("\r\n").Single(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        if (bytes.Length < headerEnd + 4 + length)
        {
            return null;
        }

        var body = Encoding.UTF8.GetString(bytes, headerEnd + 4, length);
        buffer.RemoveRange(0, headerEnd + 4 + length);
        return JsonNode.Parse(body)!.AsObject();
    }
}
