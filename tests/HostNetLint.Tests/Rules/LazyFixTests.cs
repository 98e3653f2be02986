using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Tests.Cli;

namespace HostNetLint.Tests.Rules;

/// <summary>A rule's fix is made only when something asks for it (fix, SARIF fixes[], the language server), and once.</summary>
public sealed class LazyFixTests
{
    [Test]
    public void A_fix_factory_runs_on_first_use_only_and_once_for_every_copy()
    {
        var finding = TestDiagnostics.At("compose.yaml", "version: '3'\n", "version", Severity.Note);
        var calls = 0;
        var lazy = finding.WithFix(() =>
        {
            calls++;
            return FixOffer.Of(new CodeFix("Remove the version key", "k", finding.Location.Source, [TextEdit.Delete(new TextSpan(0, 13))]));
        });
        var reconfigured = lazy with { Severity = Severity.Error };

        Assert.That(calls, Is.Zero, "reporting and re-configuring a finding must not make its fix");
        Assert.That(reconfigured.Fixes.Single().Title, Is.EqualTo("Remove the version key"));
        Assert.That(lazy.Fixes.Single().Apply(), Is.EqualTo(string.Empty));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void A_factory_that_finds_no_safe_fix_leaves_the_finding_without_fixes()
    {
        var finding = TestDiagnostics.At("compose.yaml", "version: '3'\n", "version", Severity.Note).WithFix(() => null);

        Assert.That(finding.Fixes, Is.Empty);
    }

    [Test]
    public void The_reason_for_no_fix_comes_from_the_same_factory_on_first_read_and_an_engine_reason_replaces_it()
    {
        var finding = TestDiagnostics.At("compose.yaml", "version: '3'\n", "version", Severity.Note);
        var calls = 0;
        var lazy = finding.WithFix(() =>
        {
            calls++;
            return FixOffer.None("version is the only key of the file");
        });

        Assert.That(calls, Is.Zero);
        Assert.That(lazy.Fixes, Is.Empty);
        Assert.That(lazy.NoFixReason, Is.EqualTo("version is the only key of the file"));
        Assert.That(lazy.WithoutFixes("refused").NoFixReason, Is.EqualTo("refused"));
        Assert.That(calls, Is.EqualTo(1));
    }
}
