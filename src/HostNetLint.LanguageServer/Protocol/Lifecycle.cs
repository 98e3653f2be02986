namespace HostNetLint.LanguageServer.Protocol;

internal sealed record ServerInfo(string Name, string Version);

internal sealed record SaveOptions(bool IncludeText);

/// <summary><see cref="Change"/>: 1 full text, 2 incremental.</summary>
internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

internal sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);

internal sealed record ServerCapabilities(string PositionEncoding, TextDocumentSyncOptions TextDocumentSync, CodeActionOptions CodeActionProvider, bool HoverProvider);

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record FileSystemWatcher(string GlobPattern);

internal sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

internal sealed record Registration(string Id, string Method, DidChangeWatchedFilesRegistrationOptions RegisterOptions);

internal sealed record RegistrationParams(Registration[] Registrations);
