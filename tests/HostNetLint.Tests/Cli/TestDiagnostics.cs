using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.Cli;

/// <summary>Hand-built descriptors and diagnostics, so the CLI can be tested without the rule catalogue or the model.</summary>
internal static class TestDiagnostics
{
    public static readonly RuleDescriptor NetworkRule = RuleDescriptor.Create(
        "HNL1901", "Reach the VMs", "Service '{0}' cannot reach the VM network", RuleCategory.Networking, Severity.Warning, "A test rule.");

    public static readonly RuleDescriptor InputRule = RuleDescriptor.Create(
        "HNL0901", "Read the file", "The file could not be read", RuleCategory.Input, Severity.Error, "A test rule.", noFixReason: "Nothing to fix automatically.");

    public static readonly RuleDescriptor HygieneRule = RuleDescriptor.Create(
        "HNL3901", "Tidy the file", "Remove the obsolete key", RuleCategory.ComposeHygiene, Severity.Note, "A test rule.");

    /// <summary>A diagnostic on the first occurrence of <paramref name="marker"/> in <paramref name="text"/>.</summary>
    public static Diagnostic At(string path, string text, string marker, Severity severity, string message = "message", RuleDescriptor? descriptor = null)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException($"'{marker}' is not in the text", nameof(marker));
        }

        var location = new Location(SourceText.From(text, path), new TextSpan(start, marker.Length));
        return new Diagnostic(descriptor ?? NetworkRule, location, message, severity, [], FindingPath.InFile("test").Then(marker));
    }

    /// <summary>A diagnostic at 1-based <paramref name="line"/>, <paramref name="column"/> of a file of short lines.</summary>
    public static Diagnostic AtLine(string path, int line, int column, Severity severity, string message = "message", RuleDescriptor? descriptor = null)
    {
        var text = string.Concat(Enumerable.Repeat("0123456789abcdef\n", Math.Max(line, 1) + 1));
        var offset = ((line - 1) * 17) + (column - 1);
        var location = new Location(SourceText.From(text, path), new TextSpan(offset, 1));
        return new Diagnostic(descriptor ?? NetworkRule, location, message, severity, [], FindingPath.InFile("test").Then("line"));
    }

    /// <summary>An absolute directory that need not exist, for path display tests.</summary>
    public static string FakeRepository { get; } = Path.Combine(Path.GetTempPath(), "hostnetlint-cli-tests", "repo");
}
