using HostNetLint.Cli.Commands;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.Cli;

[TestFixture]
public sealed class RulesCommandTests
{
    [Test]
    public void The_table_has_a_header_and_one_row_per_rule()
    {
        var lines = RulesCommand.FormatTable([TestDiagnostics.InputRule, TestDiagnostics.NetworkRule, TestDiagnostics.HygieneRule]);

        string[] expected =
        [
            "ID       Severity  Category         Fixable  Title",
            "HNL0901  error     input            no       Read the file",
            "HNL1901  warning   networking       yes      Reach the VMs",
            "HNL3901  note      compose-hygiene  yes      Tidy the file",
        ];
        Assert.That(lines, Is.EqualTo(expected));
    }

    [Test]
    public void Columns_line_up_and_lines_have_no_trailing_spaces()
    {
        var lines = RulesCommand.FormatTable([TestDiagnostics.NetworkRule, TestDiagnostics.HygieneRule]);
        var titleColumn = lines[0].IndexOf("Title", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(lines[1].IndexOf("Reach", StringComparison.Ordinal), Is.EqualTo(titleColumn));
            Assert.That(lines[2].IndexOf("Tidy", StringComparison.Ordinal), Is.EqualTo(titleColumn));
            Assert.That(lines, Has.All.Not.EndWith(" "));
        });
    }

    [Test]
    public void An_empty_catalogue_gives_the_header_only()
    {
        string[] expected = ["ID  Severity  Category  Fixable  Title"];
        Assert.That(RulesCommand.FormatTable([]), Is.EqualTo(expected));
    }

    [TestCase(RuleCategory.Input, "input")]
    [TestCase(RuleCategory.Networking, "networking")]
    [TestCase(RuleCategory.UnitOrdering, "unit-ordering")]
    [TestCase(RuleCategory.ComposeHygiene, "compose-hygiene")]
    public void Categories_are_shown_in_kebab_case(RuleCategory category, string expected)
    {
        Assert.That(RulesCommand.CategoryName(category), Is.EqualTo(expected));
    }
}
