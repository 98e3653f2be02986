using System.Collections.Immutable;
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

    public static ImmutableArray<Diagnostic> Directory(string root, LintOptions? options = null)
    {
        var model = DeploymentModelBuilder.Build(root, [], ModelOptions.Default);
        return LintEngine.Run(model, options ?? LintOptions.Default);
    }
}
