using System.Text.Json.Nodes;
using HostNetLint.Reporting;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// A SARIF file as the writer put it on disk: its bytes and its parsed JSON. Every one is held to the SARIF SDK's own
/// reading and writing of it (<see cref="SarifSdkOracle"/>), so each SARIF test checks the writer's form too.
/// </summary>
public sealed class WrittenSarif
{
    /// <summary>The repository root the hand-made findings are reported against.</summary>
    public const string Root = "/work/checkout";

    private WrittenSarif(byte[] bytes)
    {
        Bytes = bytes;
        Json = JsonNode.Parse(bytes)!.AsObject();
    }

    public byte[] Bytes { get; }

    public JsonObject Json { get; }

    public JsonObject Run => Json["runs"]![0]!.AsObject();

    public JsonArray Results => Run["results"]!.AsArray();

    public JsonArray Rules => Run["tool"]!["driver"]!["rules"]!.AsArray();

    public static SarifOptions Options { get; } = new() { SourceRoot = Root, ToolVersion = "0.1.0" };

    /// <summary>The log of a repository without findings.</summary>
    public static WrittenSarif OfNothing(SarifOptions? options = null) => Of(Array.Empty<Diagnostic>(), options);

    public static WrittenSarif Of(IEnumerable<Diagnostic> diagnostics, SarifOptions? options = null, IEnumerable<ToolNotification>? notifications = null) =>
        Of(diagnostics.Select(d => new ReportedFinding(d)), options, notifications);

    /// <summary>Writes through <see cref="SarifReportWriter.WriteFile(IEnumerable{ReportedFinding}, string, IEnumerable{ToolNotification})"/>, the path <c>--output</c> takes.</summary>
    public static WrittenSarif Of(IEnumerable<ReportedFinding> findings, SarifOptions? options = null, IEnumerable<ToolNotification>? notifications = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostnetlint-{Guid.NewGuid():N}.sarif");
        try
        {
            new SarifReportWriter(options ?? Options).WriteFile(findings, path, notifications);
            var bytes = File.ReadAllBytes(path);
            SarifSdkOracle.AssertWritesItBack(bytes);
            return new WrittenSarif(bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Fails with every schema violation and every GitHub requirement the file breaks.</summary>
    public WrittenSarif AssertAcceptedByCodeScanning()
    {
        var text = System.Text.Encoding.UTF8.GetString(Bytes);
        Assert.Multiple(() =>
        {
            Assert.That(SarifSchema.Validate(text), Is.Empty, "schema violations");
            Assert.That(GitHubSarifRequirements.Check(Bytes), Is.Empty, "GitHub requirements");
        });
        return this;
    }
}
