using System.Collections.Immutable;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.TestSupport;

/// <summary>Runs the real model builder and engine over files written to a temporary directory.</summary>
public static class Lint
{
    public static ImmutableArray<Diagnostic> Files(params (string Path, string Text)[] files) => Files(LintOptions.Default, files);

    public static ImmutableArray<Diagnostic> Files(LintOptions options, params (string Path, string Text)[] files)
    {
        using var temp = new TempDirectory();
        foreach (var (path, text) in files)
        {
            temp.Write(path, text);
        }

        return Directory(temp.Path, options);
    }

    /// <summary>
    /// Lints <paramref name="root"/> with the settings its <c>hostnetlint.yaml</c> gives, as the CLI does (no .editorconfig);
    /// a configuration that does not load fails the test.
    /// </summary>
    public static ImmutableArray<Diagnostic> Configured(string root)
    {
        var settings = LintSettingsBuilder.Build(new LintSettingsRequest { Root = root, UseEditorConfig = false });
        Assert.That(settings.ConfigurationProblems, Is.Empty, "the hostnetlint.yaml does not load");
        var model = DeploymentModelBuilder.Build(root, [], settings.ModelOptions);
        return LintEngine.Run(model, settings.LintOptions);
    }

    public static ImmutableArray<Diagnostic> Directory(string root, LintOptions? options = null)
    {
        var model = DeploymentModelBuilder.Build(root, [], ModelOptions.Default);
        return LintEngine.Run(model, options ?? LintOptions.Default);
    }
}
