using System.Collections.Immutable;
using HostNetLint.Fixes;
using HostNetLint.Model;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Hygiene;
using HostNetLint.Rules.Networking;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

[TestFixture]
public sealed class FixAllEngineTests
{
    private const string Compose = "services:\n  web:\n    image: nginx\n";

    [Test]
    public void Overlapping_fixes_keep_the_earlier_one_and_identical_edits_apply_once()
    {
        var text = SourceText.From("abcdef");
        var first = Fix(text, new TextEdit(new TextSpan(1, 2), "X"));
        var overlapping = Fix(text, new TextEdit(new TextSpan(2, 2), "Y"));
        var sameInsertPoint = Fix(text, TextEdit.Insert(1, "Z"));
        var duplicate = Fix(text, new TextEdit(new TextSpan(1, 2), "X"));
        var later = Fix(text, TextEdit.Insert(6, "!"));

        var (edits, fixes) = FixAllEngine.SelectEdits([("A", later), ("A", overlapping), ("A", first), ("A", sameInsertPoint), ("A", duplicate)]);

        Assert.Multiple(() =>
        {
            Assert.That(TextEdit.Apply(text.Text, edits), Is.EqualTo("aXdef!"));
            Assert.That(fixes.Select(f => f.Fix), Is.EquivalentTo(new[] { first, duplicate, later }));
        });
    }

    [Test]
    public void TextEdit_Apply_refuses_overlapping_edits()
    {
        Assert.That(TextEdit.Apply("abc", [new TextEdit(new TextSpan(0, 2), ""), new TextEdit(new TextSpan(1, 1), "")]), Is.Null);
    }

    [Test]
    public void A_fix_that_never_settles_stops_at_the_pass_bound()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        var result = FixAllEngine.Run(temp.Path, [], FixOptions.Default with { MaxPasses = 3 }, DeploymentModelBuilder.Build, (model, _) => FixingLinter(model, "# again\n"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Passes, Is.EqualTo(3));
            Assert.That(result.ReachedPassLimit, Is.True);
            Assert.That(result.Files.Single().NewText, Is.EqualTo("# again\n# again\n# again\n" + Compose));
        });
    }

    [Test]
    public void A_fix_whose_result_would_not_parse_is_refused_and_the_reason_kept()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        var result = FixAllEngine.Run(temp.Path, [], FixOptions.Default, DeploymentModelBuilder.Build, (model, _) => FixingLinter(model, "bad: [\n"));
        var file = result.Files.Single();
        Assert.Multiple(() =>
        {
            Assert.That(file.IsChanged, Is.False);
            Assert.That(file.RefusedReason, Does.Contain("would not parse"));
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "compose.yaml")), Is.EqualTo(Compose));
        });
    }

    [Test]
    public void A_finding_with_severity_none_is_not_fixed()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", Compose);
        var result = FixAllEngine.Run(
            temp.Path,
            [],
            FixOptions.Default,
            DeploymentModelBuilder.Build,
            (model, _) => [.. FixingLinter(model, "# x\n").Select(d => d with { Severity = Severity.None })]);
        Assert.That(result.Changed, Is.Empty);
    }

    [Test]
    public void Nothing_is_written_by_the_engine()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3'\n" + Compose);
        var result = FixRunner.Fix(temp);
        Assert.Multiple(() =>
        {
            Assert.That(result.Changed.Single().NewText, Is.EqualTo(Compose));
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "compose.yaml")), Is.EqualTo("version: '3'\n" + Compose));
        });
    }

    [Test]
    public void Rule_filter_limits_fixing_to_the_named_rules()
    {
        const string before = "version: '3'\nservices:\n  web:\n    image: nginx\n    network_mode: host\n    ports:\n      - \"80:80\"\n";
        Assert.That(
            FixRunner.FixText(before, options: new FixOptions { Rules = ["HNL3001"] }),
            Is.EqualTo("services:\n  web:\n    image: nginx\n    network_mode: host\n    ports:\n      - \"80:80\"\n"));
    }

    [Test]
    public void BOM_and_encoding_survive_in_the_bytes_to_write()
    {
        using var temp = new TempDirectory();
        byte[] bom = [0xEF, 0xBB, 0xBF];
        temp.WriteBytes("compose.yaml", [.. bom, .. "version: '3'\nservices:\n  web:\n    image: nginx\n"u8]);
        var file = FixRunner.Fix(temp).Files.Single();
        Assert.That(file.NewBytes(), Is.EqualTo((byte[])[.. bom, .. "services:\n  web:\n    image: nginx\n"u8]));
    }

    [Test]
    public void A_file_with_a_duplicate_key_is_not_fixed_and_says_why()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3'\nservices:\n  web:\n    image: nginx\n    image: httpd\n");
        var file = FixRunner.Fix(temp).Files.Single();
        Assert.Multiple(() =>
        {
            Assert.That(file.IsChanged, Is.False);
            Assert.That(file.RefusedReason, Does.Contain("parse problems"));
        });
    }

    [Test]
    public void A_file_with_a_syntax_error_is_never_fixed()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3'\nservices:\n  web: [\n");
        Assert.That(FixRunner.Fix(temp).Changed, Is.Empty);
    }

    [Test]
    public void A_fix_whose_finding_survives_it_is_refused_with_the_reason_and_the_other_fixes_still_apply()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "version: '3'\n" + Compose);

        // The real findings (HNL3001 removes version:), and one whose fix has no effect: its finding stays whatever the text.
        var result = FixAllEngine.Run(temp.Path, [], FixOptions.Default, DeploymentModelBuilder.Build, (model, options) =>
        {
            var text = model.Documents.First(d => d.Yaml is not null).Text;
            var useless = new Diagnostic(HNL1002PublishedPortsDiscardedUnderHostNetwork.Definition, new Location(text, new TextSpan(text.Length, 0)), "m", Severity.Warning, [], FindingPath.InFile("compose.yaml").Then("ports"))
            {
                Fixes = [new CodeFix("Append a comment", "k", text, [TextEdit.Insert(text.Length, "# no effect\n")])],
            };
            return [.. LintEngine.Run(model, options), useless];
        });

        var file = result.Files.Single();
        Assert.Multiple(() =>
        {
            Assert.That(file.NewText, Is.EqualTo(Compose));
            Assert.That(file.RuleIds, Is.EqualTo(new[] { "HNL3001" }));
            Assert.That(result.NotFixed.Single().Id, Is.EqualTo("HNL1002"));
            Assert.That(result.NotFixed.Single().Fixes, Is.Empty);
            Assert.That(result.NotFixed.Single().NoFixReason, Is.EqualTo("the fix 'Append a comment' was tried and refused: re-linting the fixed text still reports this finding, so the edit would not take effect"));
        });
    }

    [Test]
    public void A_fix_that_also_changes_a_finding_of_a_rule_not_being_fixed_is_not_applied_and_says_why()
    {
        // Removing the anchor's networks: for 'scheduler' also resolves HNL1003 of 'web', which merges them beside its own network_mode: host.
        const string text = "x-common: &common\n  image: airflow\n  networks: [lab]\n  volumes: [/run/libvirt:/run/libvirt]\nservices:\n  scheduler:\n    <<: *common\n  web:\n    <<: *common\n    network_mode: host\nnetworks:\n  lab: {}\n";
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", text);

        var only = FixRunner.Fix(temp, FixOptions.Default with { Rules = ["HNL1001"] });
        var both = FixRunner.Fix(temp, FixOptions.Default with { Rules = ["HNL1001", "HNL1003"] });
        Assert.Multiple(() =>
        {
            Assert.That(only.Changed, Is.Empty);
            Assert.That(only.NotFixed.Single().NoFixReason, Is.EqualTo("its fix edits text shared with HNL1003 at compose.yaml(3,3), which this run does not fix (--rule); fix both together"));
            Assert.That(both.Changed.Single().NewText, Is.EqualTo("x-common: &common\n  image: airflow\n  volumes: [/run/libvirt:/run/libvirt]\n  network_mode: host\nservices:\n  scheduler:\n    <<: *common\n  web:\n    <<: *common\n    network_mode: host\nnetworks:\n  lab: {}\n"));
            Assert.That(both.Remaining, Is.Empty);
        });
    }

    private static CodeFix Fix(SourceText text, TextEdit edit) => new("t", "k", text, [edit]);

    /// <summary>
    /// A linter that always offers one fix inserting <paramref name="insert"/> at the top of the first document. Each
    /// text gets a finding of its own (its logical path counts the lines), so the fix always removes the finding it fixes.
    /// </summary>
    private static ImmutableArray<Diagnostic> FixingLinter(DeploymentModel model, string insert)
    {
        var text = model.Documents.First(d => d.Yaml is not null).Text;
        var location = new Location(text, new TextSpan(0, 0));
        var diagnostic = new Diagnostic(HNL3001ObsoleteVersionKey.Definition, location, "m", Severity.Note, [], FindingPath.InFile("p").Then("lines", text.LineCount))
        {
            Fixes = [new CodeFix("insert", "insert", text, [TextEdit.Insert(0, insert)])],
        };
        return [diagnostic];
    }
}
