using HostNetLint.Cli;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.Cli;

[TestFixture]
public sealed class ExitCodesTests
{
    [Test]
    public void The_codes_are_zero_one_and_two()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExitCodes.Success, Is.Zero);
            Assert.That(ExitCodes.FindingsAtOrAboveFailLevel, Is.EqualTo(1));
            Assert.That(ExitCodes.UsageOrToolError, Is.EqualTo(2));
        });
    }

    [TestCase(Severity.Error)]
    [TestCase(Severity.Warning)]
    [TestCase(Severity.Note)]
    public void No_findings_pass_at_every_level(Severity failLevel)
    {
        Assert.That(ExitCodes.ForFindings([], failLevel), Is.EqualTo(ExitCodes.Success));
    }

    [TestCase(Severity.Error, Severity.Error, 1)]
    [TestCase(Severity.Error, Severity.Warning, 0)]
    [TestCase(Severity.Error, Severity.Note, 0)]
    [TestCase(Severity.Warning, Severity.Error, 1)]
    [TestCase(Severity.Warning, Severity.Warning, 1)]
    [TestCase(Severity.Warning, Severity.Note, 0)]
    [TestCase(Severity.Note, Severity.Error, 1)]
    [TestCase(Severity.Note, Severity.Warning, 1)]
    [TestCase(Severity.Note, Severity.Note, 1)]
    public void A_finding_fails_when_at_or_above_the_fail_level(Severity failLevel, Severity finding, int expected)
    {
        var diagnostics = new[] { TestDiagnostics.AtLine("a.yaml", 1, 1, finding) };

        Assert.That(ExitCodes.ForFindings(diagnostics, failLevel), Is.EqualTo(expected));
    }

    [Test]
    public void The_most_severe_finding_decides()
    {
        var diagnostics = new[]
        {
            TestDiagnostics.AtLine("a.yaml", 1, 1, Severity.Note),
            TestDiagnostics.AtLine("a.yaml", 2, 1, Severity.Error),
        };

        Assert.That(ExitCodes.ForFindings(diagnostics, Severity.Error), Is.EqualTo(ExitCodes.FindingsAtOrAboveFailLevel));
    }

    [Test]
    public void Switched_off_findings_never_fail()
    {
        var diagnostics = new[] { TestDiagnostics.AtLine("a.yaml", 1, 1, Severity.None) };

        Assert.That(ExitCodes.ForFindings(diagnostics, Severity.Note), Is.EqualTo(ExitCodes.Success));
    }
}
