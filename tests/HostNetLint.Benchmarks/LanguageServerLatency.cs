using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HostNetLint.Benchmarks.Datasets;

namespace HostNetLint.Benchmarks;

/// <summary>
/// Issue 16's target, "diagnostics appear within 100 ms of a change on the sample": drives <c>hostnetlint lsp</c> as an
/// editor does (a child process over stdio) on a copy of tests/sample-deployment and times each
/// <c>didChange</c> of the compose file until the <c>publishDiagnostics</c> of that version arrives. The time includes
/// the server's debounce (25 ms by default), the lint of the whole sample and both pipes. Measured, never asserted.
/// </summary>
public static class LanguageServerLatency
{
    /// <param name="command">The server program and its arguments before <c>lsp</c> (the native binary, or <c>dotnet path/hostnetlint.dll</c>).</param>
    public static int Run(string[] command, int changes)
    {
        var sample = Path.Combine(Path.GetTempPath(), "hostnetlint-lsp-latency-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(BenchmarkPaths.SampleDeployment, sample);
        try
        {
            var start = new ProcessStartInfo(command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in command.Skip(1).Append("lsp"))
            {
                start.ArgumentList.Add(argument);
            }

            using var server = Process.Start(start)!;
            var input = server.StandardInput.BaseStream;
            var output = server.StandardOutput.BaseStream;
            var compose = Path.Combine(sample, "airflow", "docker-compose.yaml");
            var uri = new Uri(compose).AbsoluteUri;
            var text = File.ReadAllText(compose);

            Send(input, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject { ["processId"] = null, ["rootUri"] = new Uri(sample).AbsoluteUri, ["capabilities"] = new JsonObject() } });
            Receive(output, m => (int?)m["id"] == 1);
            Send(input, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "initialized", ["params"] = new JsonObject() });
            var opened = Stopwatch.StartNew();
            Send(input, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen", ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text } } });
            Receive(output, m => IsPublish(m, uri, 1));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first diagnostics after didOpen (includes start-up and JIT): {opened.Elapsed.TotalMilliseconds:F0} ms"));

            var latencies = new List<double>();
            for (var version = 2; version < changes + 2; version++)
            {
                // Alternate adding and removing the obsolete version key: the findings change every time.
                var changed = version % 2 == 0 ? text.Replace("version: '3.8'\n", string.Empty, StringComparison.Ordinal) : text;
                var watch = Stopwatch.StartNew();
                Send(input, new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["method"] = "textDocument/didChange",
                    ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version }, ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = changed }) },
                });
                Receive(output, m => IsPublish(m, uri, version));
                latencies.Add(watch.Elapsed.TotalMilliseconds);

                // A pause longer than the debounce, as between keystrokes.
                Thread.Sleep(50);
            }

            Send(input, new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "shutdown" });
            Receive(output, m => (int?)m["id"] == 2);
            Send(input, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" });
            server.WaitForExit(10_000);

            latencies.Sort();
            double At(double quantile) => latencies[Math.Min(latencies.Count - 1, (int)(quantile * latencies.Count))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"didChange -> publishDiagnostics over {latencies.Count} changes: median {At(0.5):F1} ms, p90 {At(0.9):F1} ms, max {latencies[^1]:F1} ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
    }

    private static bool IsPublish(JsonObject message, string uri, int version) =>
        (string?)message["method"] == "textDocument/publishDiagnostics" && (string?)message["params"]!["uri"] == uri && (int?)message["params"]!["version"] == version;

    private static void Send(Stream input, JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        input.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n")));
        input.Write(body);
        input.Flush();
    }

    private static JsonObject Receive(Stream output, Func<JsonObject, bool> wanted)
    {
        while (true)
        {
            var length = 0;
            for (var line = ReadLine(output); line.Length > 0; line = ReadLine(output))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
                }
            }

            var body = new byte[length];
            output.ReadExactly(body);
            var message = JsonNode.Parse(body)!.AsObject();
            if (wanted(message))
            {
                return message;
            }
        }
    }

    private static string ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        for (var b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
        {
            if (b < 0)
            {
                throw new EndOfStreamException("the server closed its output");
            }

            line.Append((char)b);
        }

        return line.ToString().TrimEnd('\r');
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
