using System.Globalization;
using System.Runtime.CompilerServices;
using HostNetLint.Benchmarks.Datasets;
using HostNetLint.Model;

namespace HostNetLint.Benchmarks;

/// <summary>
/// What each layer of the model keeps alive (issue 13's memory target): the model is built afresh for each layer, only
/// that layer is kept, and the live heap after a full collection is compared with the one before. A layer counts what
/// it references, so workloads include the texts their locations point into. Measured, never asserted.
/// </summary>
internal static class RetainedMemory
{
    private static readonly (string Name, Func<string, object> Keep)[] Layers =
    [
        ("whole model", root => Build(root)),
        ("file texts", root => Build(root).Documents.Select(d => d.Text).ToArray()),
        ("file texts and YAML trees", root => Build(root).Documents.Select(d => (d.Text, d.Yaml)).ToArray()),
        ("documents (texts, trees, parse problems)", root => Build(root).Documents),
        ("workloads", root => Build(root).Workloads),
        ("units (with their workloads)", root => Build(root).Units),
        ("compose projects (with their files and workloads)", root => Build(root).ComposeProjects),
        ("findings of a whole lint (with what they reference)", root => LintPipeline.Lint(root).Diagnostics),
        ("whole model and findings", root => LintPipeline.Lint(root)),
    ];

    // Optimised at once (no tiering), so a local does not keep what it held alive to the end of the method.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Run(string root)
    {
        root = Path.GetFullPath(root);
        Console.WriteLine($"| layer kept | live MiB |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, keep) in Layers)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var kept = BuildAndKeep(root, keep);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(kept);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {(after - before) / 1048576.0:F1} |"));
        }

        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static object BuildAndKeep(string root, Func<string, object> keep) => keep(root);

    private static DeploymentModel Build(string root) => LintPipeline.BuildModel(root);
}
