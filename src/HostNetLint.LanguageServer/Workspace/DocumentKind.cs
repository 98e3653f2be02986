namespace HostNetLint.LanguageServer.Workspace;

/// <summary>What an open document is to HostNetLint.</summary>
internal enum DocumentKind
{
    /// <summary>Not a file HostNetLint reads (a workflow YAML, a README): never linted, never given diagnostics.</summary>
    Other,

    /// <summary>A compose file: by compose's names, or any YAML with a top-level <c>services:</c>.</summary>
    Compose,

    /// <summary>A systemd unit (<c>*.service</c>) or Podman quadlet (<c>.container</c>, <c>.pod</c>, <c>.kube</c>, <c>.network</c>, <c>.volume</c>, …), or a drop-in of one.</summary>
    Unit,

    /// <summary>An env file (<c>.env</c>, <c>*.env</c>): read by the model through compose files and units.</summary>
    EnvFile,

    /// <summary><c>hostnetlint.yaml</c>: its HNL0006 findings show in it, and every change re-lints the documents under it.</summary>
    Configuration,
}
