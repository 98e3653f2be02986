using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HostNetLint.Hosting;
using HostNetLint.LanguageServer.Analysis;
using HostNetLint.LanguageServer.Features;
using HostNetLint.LanguageServer.JsonRpc;
using HostNetLint.LanguageServer.Protocol;
using HostNetLint.LanguageServer.Workspace;

namespace HostNetLint.LanguageServer.Server;

/// <summary>
/// The LSP methods: lifecycle (initialize, shutdown, exit), document sync, diagnostics pushed per document, code
/// actions and hover. Diagnostics are published for open documents only (as ESLint's and TypeScript's servers do):
/// the editor shows what is being edited, closed files are <c>hostnetlint check</c>'s business; the one exception is
/// a broken <c>hostnetlint.yaml</c>, whose HNL0006 findings are published even when it is closed, since they are why
/// nothing else is reported.
/// </summary>
internal sealed class LanguageServer : IJsonRpcTarget
{
    private static readonly LspJsonContext Json = LspJsonContext.Default;

    private readonly JsonRpcConnection connection;
    private readonly DocumentStore documents = new();
    private readonly WorkspaceRoots roots = new();
    private readonly LintScheduler scheduler;
    private readonly CodeActionProvider codeActions;
    private readonly DiagnosticConverter converter;
    private readonly object publishGate = new();

    // Closed files given diagnostics (a broken hostnetlint.yaml), by root, to clear them when they are fixed.
    private readonly Dictionary<string, HashSet<string>> publishedClosed = new(StringComparer.Ordinal);

    // URIs whose last published list was not empty: a document that stops being one HostNetLint reads is cleared.
    private readonly HashSet<string> withFindings = new(StringComparer.Ordinal);
    private ClientCapabilities client = new();
    private bool initialized;
    private bool shutDown;

    public LanguageServer(JsonRpcConnection connection, LintRun run)
    {
        this.connection = connection;
        var linter = new RootLinter(run);
        scheduler = new LintScheduler(documents, roots, linter);
        scheduler.Analyzed += Publish;
        scheduler.Failed += (snapshot, ex) => _ = connection.LogAsync(MessageTypes.Error, $"hostnetlint: linting {snapshot.Root} failed; the server goes on. Please report this: {ex}");
        codeActions = new CodeActionProvider(linter);
        converter = new DiagnosticConverter(UriOf);
    }

    /// <summary>0 after <c>shutdown</c> then <c>exit</c>, 1 for <c>exit</c> without <c>shutdown</c>; null until <c>exit</c>.</summary>
    public int? ExitCode { get; private set; }

    public bool IsShutDown => shutDown;

    public Task<byte[]?> HandleRequest(string method, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (method == "initialize")
        {
            return Task.FromResult<byte[]?>(Initialize(parameters));
        }

        if (!initialized)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.ServerNotInitialized, $"'{method}' before 'initialize'.");
        }

        if (shutDown)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidRequest, $"'{method}' after 'shutdown'.");
        }

        return method switch
        {
            "shutdown" => Shutdown(),
            "textDocument/codeAction" => CodeActionAsync(Read(parameters, Json.CodeActionParams), cancellationToken),
            "codeAction/resolve" => ResolveAsync(Read(parameters, Json.CodeAction), cancellationToken),
            "textDocument/hover" => HoverAsync(Read(parameters, Json.HoverParams), cancellationToken),
            _ => throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound, $"Unknown method '{method}'."),
        };
    }

    public void HandleNotification(string method, JsonElement parameters)
    {
        if (method == "exit")
        {
            ExitCode = shutDown ? 0 : 1;
            connection.Stop();
            return;
        }

        if (!initialized || shutDown)
        {
            return;
        }

        switch (method)
        {
            case "initialized":
                RegisterFileWatchers();
                break;
            case "textDocument/didOpen":
                Changed(documents.Open(Read(parameters, Json.DidOpenTextDocumentParams).TextDocument));
                break;
            case "textDocument/didChange":
                var change = Read(parameters, Json.DidChangeTextDocumentParams);
                Changed(documents.Change(change.TextDocument, change.ContentChanges));
                break;
            case "textDocument/didSave":
                Changed(documents.Find(Read(parameters, Json.DidSaveTextDocumentParams).TextDocument.Uri));
                break;
            case "textDocument/didClose":
                Close(Read(parameters, Json.DidCloseTextDocumentParams).TextDocument.Uri);
                break;
            case "workspace/didChangeWatchedFiles":
                var paths = Read(parameters, Json.DidChangeWatchedFilesParams).Changes.Select(c => DocumentUri.ToPath(c.Uri)).OfType<string>().ToList();
                Invalidate(paths);
                break;
        }
    }

    private static T Read<T>(JsonElement parameters, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return parameters.Deserialize(typeInfo) ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, "The params are missing.");
        }
        catch (JsonException ex)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"The params are not what the method takes: {ex.Message}");
        }
    }

    private byte[] Initialize(JsonElement parameters)
    {
        if (initialized)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidRequest, "'initialize' was already sent.");
        }

        client = ClientCapabilities.From(parameters);
        roots.SetFolders(WorkspaceFolders(parameters));
        if (ClientCapabilities.Find(parameters, "initializationOptions", "debounceMilliseconds") is { ValueKind: JsonValueKind.Number } debounce
            && debounce.TryGetInt32(out var milliseconds) && milliseconds is >= 0 and <= 60_000)
        {
            scheduler.Debounce = TimeSpan.FromMilliseconds(milliseconds);
        }

        initialized = true;
        _ = scheduler.RunAsync(connection.Stopping);
        var version = typeof(LanguageServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var result = new InitializeResult(
            new ServerCapabilities(
                "utf-16",
                new TextDocumentSyncOptions(OpenClose: true, Change: 2, new SaveOptions(IncludeText: false)),
                new CodeActionOptions([CodeActionKinds.QuickFix, CodeActionKinds.FixAll], ResolveProvider: true),
                HoverProvider: true),
            new ServerInfo("hostnetlint", version.Split('+')[0]));
        return JsonSerializer.SerializeToUtf8Bytes(result, Json.InitializeResult);
    }

    private static IEnumerable<string> WorkspaceFolders(JsonElement parameters)
    {
        var folders = ClientCapabilities.Find(parameters, "workspaceFolders");
        if (folders.ValueKind == JsonValueKind.Array)
        {
            foreach (var folder in folders.EnumerateArray())
            {
                if (ClientCapabilities.Find(folder, "uri") is { ValueKind: JsonValueKind.String } uri && DocumentUri.ToPath(uri.GetString()!) is { } path)
                {
                    yield return path;
                }
            }
        }
        else if (ClientCapabilities.Find(parameters, "rootUri") is { ValueKind: JsonValueKind.String } rootUri && DocumentUri.ToPath(rootUri.GetString()!) is { } root)
        {
            yield return root;
        }
    }

    private Task<byte[]?> Shutdown()
    {
        shutDown = true;
        return Task.FromResult<byte[]?>(null);
    }

    /// <summary>Asks the client to report files changed on disk that can change findings (closed compose files, units, env files, configuration).</summary>
    private void RegisterFileWatchers()
    {
        if (!client.WatchFiles)
        {
            return;
        }

        string[] globs =
        [
            "**/*.{yml,yaml}",
            "**/*.{service,container,pod,kube,network,volume,image,build,conf}",
            "**/{.env,*.env}",
            "**/.editorconfig",
        ];
        var registration = new Registration("hostnetlint-watched-files", "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions([.. globs.Select(g => new Protocol.FileSystemWatcher(g))]));
        _ = connection.RequestAsync("client/registerCapability", new RegistrationParams([registration]), Json.RegistrationParams);
    }

    private void Changed(OpenDocument? document)
    {
        if (document is null)
        {
            return;
        }

        if (!document.Kind.IsLinted())
        {
            // services: deleted from a YAML file: it is no compose file any more, and its findings go.
            lock (publishGate)
            {
                if (withFindings.Contains(document.Uri))
                {
                    Send(document.Uri, document.Version, []);
                }
            }
        }

        Invalidate([document.FullPath]);
    }

    private void Invalidate(List<string> fullPaths)
    {
        if (fullPaths.Any(DocumentKinds.IsConfiguration))
        {
            scheduler.InvalidateAll();
        }
        else if (fullPaths.Count > 0)
        {
            scheduler.Invalidate(fullPaths);
        }
    }

    private void Close(string uri)
    {
        lock (publishGate)
        {
            if (documents.Close(uri) is not { } document)
            {
                return;
            }

            scheduler.Forget(document.FullPath);
            Send(document.Uri, null, []);

            // Other documents may have read its unsaved text; the file on disk stands for it now.
            Invalidate([document.FullPath]);
        }
    }

    /// <summary>Publishes a root's findings for each of its open documents still at the linted version.</summary>
    private void Publish(RootAnalysis analysis)
    {
        lock (publishGate)
        {
            var open = documents.Snapshot;
            foreach (var document in analysis.Snapshot.Documents)
            {
                // Closed meanwhile, or changed: a newer lint is on its way.
                if (open.TryGetValue(document.FullPath, out var current) && current.Version == document.Version && current.Uri == document.Uri)
                {
                    var findings = analysis.FindingsByPath.GetValueOrDefault(document.FullPath, []);
                    Send(document.Uri, document.Version, findings.Select(f => converter.Convert(f, analysis.FullPathOf)));
                }
            }

            var closed = (analysis.Outcome?.ConfigurationProblems ?? [])
                .GroupBy(p => analysis.FullPathOf(p.Location.Path), StringComparer.Ordinal)
                .Where(g => !open.ContainsKey(g.Key))
                .ToList();
            var before = publishedClosed.GetValueOrDefault(analysis.Snapshot.Root) ?? [];
            var now = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in closed)
            {
                var uri = UriOf(group.Key);
                now.Add(uri);
                Send(uri, null, group.Select(f => converter.Convert(f, analysis.FullPathOf)));
            }

            foreach (var uri in before.Where(u => !now.Contains(u)))
            {
                Send(uri, null, []);
            }

            publishedClosed[analysis.Snapshot.Root] = now;
        }
    }

    /// <summary>Publishes a document's whole list; called under <see cref="publishGate"/>, so lists go out in the order decided.</summary>
    private void Send(string uri, int? version, IEnumerable<LspDiagnostic> diagnostics)
    {
        LspDiagnostic[] list = [.. diagnostics];
        if (list.Length > 0)
        {
            withFindings.Add(uri);
        }
        else
        {
            withFindings.Remove(uri);
        }

        _ = connection.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, version, list), Json.PublishDiagnosticsParams);
    }

    private string UriOf(string fullPath) =>
        documents.Snapshot.TryGetValue(fullPath, out var open) ? open.Uri : DocumentUri.FromPath(fullPath);

    private EditContext EditContext => new(client, UriOf, converter);

    private Task<byte[]?> CodeActionAsync(CodeActionParams parameters, CancellationToken cancellationToken)
    {
        if (documents.Find(parameters.TextDocument.Uri) is not { } document)
        {
            return Task.FromResult<byte[]?>(JsonSerializer.SerializeToUtf8Bytes(Array.Empty<CodeAction>(), Json.CodeActionArray));
        }

        var context = EditContext;
        return Task.Run<byte[]?>(
            async () =>
            {
                var analysis = await scheduler.WaitForAsync(document, cancellationToken).ConfigureAwait(false);
                var actions = analysis is not null && analysis.Version == document.Version
                    ? codeActions.Provide(analysis, parameters.Range, parameters.Context?.Only, context, cancellationToken)
                    : [];
                return JsonSerializer.SerializeToUtf8Bytes(actions.ToArray(), Json.CodeActionArray);
            },
            cancellationToken);
    }

    private Task<byte[]?> ResolveAsync(CodeAction action, CancellationToken cancellationToken)
    {
        if (action.Data is not { } data || documents.Find(data.Uri) is not { } document)
        {
            return Task.FromResult<byte[]?>(JsonSerializer.SerializeToUtf8Bytes(action, Json.CodeAction));
        }

        var context = EditContext;
        return Task.Run<byte[]?>(
            async () =>
            {
                var analysis = await scheduler.WaitForAsync(document, cancellationToken).ConfigureAwait(false);
                var resolved = analysis is null ? action : codeActions.Resolve(action, analysis, context, cancellationToken);
                return JsonSerializer.SerializeToUtf8Bytes(resolved, Json.CodeAction);
            },
            cancellationToken);
    }

    private Task<byte[]?> HoverAsync(HoverParams parameters, CancellationToken cancellationToken)
    {
        if (documents.Find(parameters.TextDocument.Uri) is not { } document)
        {
            return Task.FromResult<byte[]?>(null);
        }

        return Task.Run<byte[]?>(
            async () =>
            {
                var analysis = await scheduler.WaitForAsync(document, cancellationToken).ConfigureAwait(false);
                return analysis is not null && analysis.Version == document.Version && HoverProvider.Provide(analysis, parameters.Position, client.HoverMarkdown) is { } hover
                    ? JsonSerializer.SerializeToUtf8Bytes(hover, Json.Hover)
                    : null;
            },
            cancellationToken);
    }
}
