using HostNetLint.Cli;
using HostNetLint.Parsing.Text;
using HostNetLint.Reporting;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// Our SARIF writer against the SARIF SDK (<see cref="SarifSdkOracle"/>): text that needs escaping everywhere a log
/// carries text, tool failures with real stacks, and whole CLI runs on the sample and the corpus. Every other SARIF
/// test goes through the same check in <see cref="WrittenSarif"/>.
/// </summary>
[TestFixture]
public sealed class SarifSdkOracleTests
{
    /// <summary>Every character Newtonsoft.Json escapes, its neighbours that it does not, and surrogates, paired and lone.</summary>
    private static readonly string Hostile =
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\/'<>&+\u007f\u0080\u0085\u00a0\u2027\u2028\u2029\u202a é 😀 \ud800 end";

    [Test]
    public void Text_that_needs_escaping_is_written_as_the_SDK_writes_it()
    {
        var source = SourceText.From("services:\n  web:\n    image: nginx\n", "dir with space/ünïcode #%/compose.yaml");
        var descriptor = HandMadeFindings.Create("HNL1006", HandMadeFindings.At(source, "nginx"), "p", ["web", "x"]).Descriptor;
        var diagnostic = new Diagnostic(descriptor, HandMadeFindings.At(source, "image"), Hostile, Severity.Error, [new RelatedLocation(HandMadeFindings.At(source, "web"), Hostile)], HandMadeFindings.PathOf("a/" + Hostile));
        var finding = new ReportedFinding(diagnostic)
        {
            Suppression = new FindingSuppression(SuppressionSource.InSource, Hostile),
            Fixes = [new ReportedFix(Hostile, [new ReportedEdit(HandMadeFindings.At(source, "nginx"), Hostile)])],
        };
        var reasonOnly = new ReportedFinding(diagnostic.WithoutFixes(Hostile));
        ToolNotification[] notifications = [new(ToolNotificationKind.Configuration, Hostile) { Id = "HNL9002", Location = HandMadeFindings.At(source, "web"), Level = Severity.Warning }];

        var sarif = WrittenSarif.Of([finding, reasonOnly], WrittenSarif.Options with { IncludeSuppressed = true, Category = Hostile }, notifications);

        Assert.That(sarif.Results[0]!["message"]!["text"]!.GetValue<string>(), Does.StartWith(Hostile[..0x20]), "the text is kept, only its form is the SDK's");
    }

    [Test]
    public void Tool_failures_with_real_stacks_and_inner_exceptions_are_written_as_the_SDK_writes_them()
    {
        ToolNotification[] notifications =
        [
            new(ToolNotificationKind.Execution, "crashed") { Id = "HNL9001", Exception = Thrown(() => throw new InvalidOperationException("outer", new FormatException("inner, never thrown"))) },
            new(ToolNotificationKind.Execution, "several") { Exception = Thrown(() => throw new AggregateException(Thrown(() => throw new IOException("one")), new UnauthorizedAccessException("two"))) },
            new(ToolNotificationKind.Execution, "never thrown") { Exception = new InvalidDataException("no stack") },
        ];

        var sarif = WrittenSarif.Of(HandMadeFindings.Sample(), notifications: notifications).AssertAcceptedByCodeScanning();

        var execution = sarif.Run["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(execution[0]!["exception"]!["stack"]!["frames"]!.AsArray(), Is.Not.Empty);
            Assert.That(execution[0]!["exception"]!["innerExceptions"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("FormatException"));
            Assert.That(execution[1]!["exception"]!["innerExceptions"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(execution[2]!["exception"]!["stack"], Is.Null, "an exception that was never thrown has no stack");
        });
    }

    [Test]
    [Category("EndToEnd")]
    public void The_CLI_on_the_sample_deployment_writes_what_the_SDK_writes() =>
        SarifSdkOracle.AssertWritesItBack(CheckAsSarif(Repository.SampleDeployment));

    [Test]
    [Category("EndToEnd")]
    public void The_CLI_on_the_corpus_writes_what_the_SDK_writes() =>
        SarifSdkOracle.AssertWritesItBack(CheckAsSarif(Corpus.RequireDirectory()));

    /// <summary>The oracle is not vacuous: a default the SDK leaves out, or members in another order, do not come back.</summary>
    [TestCase("          \"message\"", "          \"level\": \"warning\",\n          \"message\"")]
    [TestCase("  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n", "  \"version\": \"2.1.0\",\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n")]
    public void The_oracle_rejects_a_log_the_SDK_would_write_differently(string find, string replacement)
    {
        const string Log = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\n        \"driver\": {\n          \"name\": \"x\"\n        }\n      },\n      \"results\": [\n        {\n          \"message\": {\n            \"text\": \"m\"\n          }\n        }\n      ],\n      \"columnKind\": \"utf16CodeUnits\"\n    }\n  ]\n}\n";
        var changed = Log.Replace(find, replacement, StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(SarifSdkOracle.RoundTrip(Log), Is.EqualTo(Log), "the canonical form comes back");
            Assert.That(changed, Is.Not.EqualTo(Log));
            Assert.That(SarifSdkOracle.RoundTrip(changed), Is.Not.EqualTo(changed));
        });
    }

    private static byte[] CheckAsSarif(string directory)
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out.sarif");
        var exit = CliApplication.Run(["check", "--format", "sarif", "--output", output, directory], TextWriter.Null, TextWriter.Null, Repository.Root);
        Assert.That(exit, Is.Not.EqualTo(ExitCodes.UsageOrToolError));
        return File.ReadAllBytes(output);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
