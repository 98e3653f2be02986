namespace HostNetLint.Tests.TestSupport;

/// <summary>Paths inside this repository, found from the test binaries by walking up to HostNetLint.sln.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string RulesDirectory => Path.Combine(Root, "rules");

    public static string SampleDeployment => Path.Combine(Root, "tests", "sample-deployment");

    public static string SampleAirflowStack => Path.Combine(Root, "tests", "sample-airflow-stack");

    /// <summary>hostnetlint.schema.json, wherever under src/ the project that ships it keeps it.</summary>
    public static string ConfigurationSchema =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "hostnetlint.schema.json", SearchOption.AllDirectories)
            .Single(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HostNetLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HostNetLint.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
