using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary>
/// Every report format, byte for byte, on the sample deployment and on a repository with hostile names
/// (tests/golden/; HOSTNETLINT_UPDATE_GOLDEN=1 rewrites the files). The Native AOT test compares its binary's output
/// with the same files.
/// </summary>
[TestFixture]
public sealed class GoldenReportTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        Reports.Formats.SelectMany(f => new[] { "sample-deployment", "hostile-names" }.Select(input => new TestCaseData(input, f.Format, f.File)));

    [TestCaseSource(nameof(Cases))]
    public void A_format_writes_its_golden_bytes(string input, string format, string file)
    {
        using var temp = new TempDirectory();
        var (directory, paths) = Input(input, temp);

        var result = Reports.Run(directory, null, ["check", "--format", format, .. paths]);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
            Assert.That(result.Stderr, Is.Empty);
        });
        Golden.Verify($"{input}/{file}", Reports.Normalize(result.Stdout));
    }

    [TestCase("sample-deployment")]
    [TestCase("hostile-names")]
    public void The_job_summary_is_appended_to_GITHUB_STEP_SUMMARY(string input)
    {
        using var temp = new TempDirectory();
        var (directory, paths) = Input(input, temp);
        var summary = Path.Combine(temp.Path, "..", Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllText(summary, "earlier step output\n");
        try
        {
            var result = Reports.Run(directory, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, ["check", "--format", "github", .. paths]);

            Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
            var written = File.ReadAllText(summary);
            Assert.That(written, Does.StartWith("earlier step output\n## HostNetLint\n"), "appended, not overwritten");
            Golden.Verify($"{input}/{Reports.SummaryFile}", written["earlier step output\n".Length..]);
        }
        finally
        {
            File.Delete(summary);
        }
    }

    private static (string Directory, string[] Paths) Input(string input, TempDirectory temp) => input switch
    {
        "sample-deployment" => (Repository.Root, Reports.SamplePaths),
        _ => (Reports.WriteHostile(temp), []),
    };
}
