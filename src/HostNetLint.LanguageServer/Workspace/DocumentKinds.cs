using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.LanguageServer.Workspace;

/// <summary>Decides what an open document is, by its name and, for YAML under another name, by its text.</summary>
internal static class DocumentKinds
{
    public static DocumentKind Classify(string fullPath, string text)
    {
        var name = Path.GetFileName(fullPath);
        if (name == HostNetLintConfigLoader.FileName)
        {
            return DocumentKind.Configuration;
        }

        if (ModelFiles.IsComposeFileName(name))
        {
            return DocumentKind.Compose;
        }

        if (ModelFiles.IsUnitFileName(name) || IsDropIn(fullPath))
        {
            return DocumentKind.Unit;
        }

        if (name == ".env" || name.EndsWith(".env", StringComparison.Ordinal))
        {
            return DocumentKind.EnvFile;
        }

        // A YAML file under any other name is a compose file when it has a top-level services: mapping.
        return ModelFiles.IsYamlFileName(name) && ModelFiles.HasServices(YamlSyntaxTree.Parse(SourceText.From(text, name)))
            ? DocumentKind.Compose
            : DocumentKind.Other;
    }

    /// <summary>True for the kinds the server lints; the rest are left to other tools.</summary>
    public static bool IsLinted(this DocumentKind kind) => kind != DocumentKind.Other;

    /// <summary>Files whose change may change the findings of every document under them.</summary>
    public static bool IsConfiguration(string fullPath) =>
        Path.GetFileName(fullPath) is HostNetLintConfigLoader.FileName or EditorConfigSeverityProvider.FileName;

    /// <summary><c>NAME.service.d/*.conf</c> (and the quadlet equivalents): merged into the unit it amends.</summary>
    private static bool IsDropIn(string fullPath) =>
        fullPath.EndsWith(".conf", StringComparison.Ordinal)
        && Path.GetFileName(Path.GetDirectoryName(fullPath)) is { } directory
        && directory.EndsWith(".d", StringComparison.Ordinal)
        && ModelFiles.IsUnitFileName(directory[..^2]);
}
