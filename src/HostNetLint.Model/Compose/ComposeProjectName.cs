namespace HostNetLint.Model.Compose;

/// <summary>The name compose gives a project, and the normalisation it applies to directory names.</summary>
internal static class ComposeProjectName
{
    /// <summary>Compose's order: <c>COMPOSE_PROJECT_NAME</c>, then the top-level <c>name:</c>, then the directory name.</summary>
    public static string Resolve(IReadOnlyDictionary<string, string> variables, ComposeMapping? merged, string directory) =>
        variables.TryGetValue("COMPOSE_PROJECT_NAME", out var fromVariable) && fromVariable.Length > 0 ? fromVariable
            : merged?["name"] is ComposeScalar { IsNull: false } nameScalar ? nameScalar.Text
            : Normalize(Path.GetFileName(directory));

    /// <summary>Compose's project name rule: lower case, only letters, digits, <c>-</c> and <c>_</c>.</summary>
    public static string Normalize(string directoryName)
    {
        var name = new string([.. directoryName.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return name.Length == 0 ? "default" : name;
    }
}
