using System.Collections.Immutable;
using System.Text.Json.Nodes;
using HostNetLint.Parsing.Text;
using HostNetLint.Reporting;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Tests.TestSupport;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Tests.Sarif;

/// <summary>Results: where they point, what they say, and what later stages (suppressions, fixes) attach.</summary>
[TestFixture]
public sealed class SarifResultTests
{
    private static JsonNode ResultOf(WrittenSarif sarif, string ruleId, int occurrence = 0) =>
        sarif.Results.Where(r => r!["ruleId"]!.GetValue<string>() == ruleId).ElementAt(occurrence)!;

    private static (int StartLine, int StartColumn, int EndLine, int EndColumn) RegionOf(JsonNode location)
    {
        var region = location["physicalLocation"]!["region"]!;
        return (region["startLine"]!.GetValue<int>(), region["startColumn"]!.GetValue<int>(), region["endLine"]!.GetValue<int>(), region["endColumn"]!.GetValue<int>());
    }

    [Test]
    public void Locations_are_repository_relative_with_a_source_root_base()
    {
        var sarif = WrittenSarif.Of(HandMadeFindings.Sample());

        var artifact = ResultOf(sarif, "HNL1002")["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Multiple(() =>
        {
            Assert.That(artifact["uri"]!.GetValue<string>(), Is.EqualTo("airflow/docker-compose.yaml"));
            Assert.That(artifact["uriBaseId"]!.GetValue<string>(), Is.EqualTo("SRCROOT"));
            Assert.That(sarif.Run["originalUriBaseIds"]!["SRCROOT"]!["uri"]!.GetValue<string>(), Is.EqualTo("file:///work/checkout/"));
            Assert.That(sarif.Run["columnKind"]!.GetValue<string>(), Is.EqualTo("utf16CodeUnits"));
        });
    }

    [Test]
    public void Absolute_paths_under_the_root_become_relative_and_unusual_characters_are_escaped()
    {
        var source = SourceText.From("version: '3'\n", Path.Combine(WrittenSarif.Root, "my stack", "compose#1.yaml"));

        var sarif = WrittenSarif.Of([HandMadeFindings.Create("HNL3001", HandMadeFindings.At(source, "version"), "v", [])]).AssertAcceptedByCodeScanning();

        Assert.That(sarif.Results[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(), Is.EqualTo("my%20stack/compose%231.yaml"));
    }

    [Test]
    public void A_source_root_with_a_space_is_an_escaped_file_uri()
    {
        var options = WrittenSarif.Options with { SourceRoot = "/home/runner/my work/repo" };

        var sarif = WrittenSarif.Of(HandMadeFindings.Sample(), options).AssertAcceptedByCodeScanning();

        Assert.That(sarif.Run["originalUriBaseIds"]!["SRCROOT"]!["uri"]!.GetValue<string>(), Is.EqualTo("file:///home/runner/my%20work/repo/"));
    }

    [Test]
    public void Paths_relative_to_the_linted_folder_become_relative_to_the_repository()
    {
        var source = SourceText.From("version: '3'\n", "airflow/compose.yaml");
        var options = WrittenSarif.Options with { DiagnosticPathBase = Path.Combine(WrittenSarif.Root, "deploy") };

        var sarif = WrittenSarif.Of([HandMadeFindings.Create("HNL3001", HandMadeFindings.At(source, "version"), "v", [])], options);

        Assert.That(sarif.Results[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(), Is.EqualTo("deploy/airflow/compose.yaml"));
    }

    [Test]
    public void The_source_root_is_the_nearest_folder_with_git()
    {
        using var repository = new TempDirectory();
        repository.Write(".git", "gitdir: /elsewhere/.git/worktrees/x\n");
        var deploy = Path.GetDirectoryName(repository.Write("deploy/airflow/compose.yaml", "services: {}\n"))!;
        using var outside = new TempDirectory();

        Assert.Multiple(() =>
        {
            Assert.That(SourceRoots.Find(deploy), Is.EqualTo(repository.Path));
            Assert.That(SourceRoots.Find(outside.Path), Is.EqualTo(outside.Path));
        });
    }

    [Test]
    public void Regions_are_one_based_with_an_exclusive_end_column()
    {
        var sarif = WrittenSarif.Of(HandMadeFindings.Sample());

        // "    command: api-server --host 0.0.0.0 --port 8888" is line 10; "--host" starts at column 25.
        Assert.That(RegionOf(ResultOf(sarif, "HNL1006")["locations"]![0]!), Is.EqualTo((10, 25, 10, 39)));
    }

    [Test]
    public void Columns_count_UTF16_code_units()
    {
        var source = SourceText.From("services:\n  app:\n    environment:\n      GREETING: \"👋\"\n      HOST: 0.0.0.0\n    network_mode: host\n", "emoji/compose.yaml");
        var diagnostic = HandMadeFindings.Create("HNL1006", HandMadeFindings.At(source, "\"👋\""), "emoji/app/bind", ["app", "x"]);

        var sarif = WrittenSarif.Of([diagnostic]);

        // The emoji is two UTF-16 code units: the quoted value spans columns 17 to 21 (exclusive).
        Assert.That(RegionOf(sarif.Results[0]!["locations"]![0]!), Is.EqualTo((4, 17, 4, 21)));
    }

    [Test]
    public void Message_first_sentence_is_the_alert_title_and_related_locations_are_linked()
    {
        var sarif = WrittenSarif.Of(HandMadeFindings.Sample());

        var result = ResultOf(sarif, "HNL1002");
        var text = result["message"]!["text"]!.GetValue<string>();
        var related = result["relatedLocations"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("Published ports of 'airflow-webserver' are discarded because it uses host networking. "));
            Assert.That(text, Does.EndWith(" Related: [network_mode: host comes from the x-airflow-common anchor](1)."));
            Assert.That(related["id"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(related["message"]!["text"]!.GetValue<string>(), Is.EqualTo("network_mode: host comes from the x-airflow-common anchor"));
            Assert.That(RegionOf(related), Is.EqualTo((3, 3, 3, 21)), "the anchor line");
        });
    }

    [Test]
    public void Level_follows_the_effective_severity()
    {
        var diagnostic = HandMadeFindings.Sample()[0] with { Severity = Severity.Error };

        var sarif = WrittenSarif.Of([diagnostic]);

        Assert.That(sarif.Results[0]!["level"]!.GetValue<string>(), Is.EqualTo("error"));
    }

    [Test]
    public void Suppressed_findings_are_left_out_unless_asked_for()
    {
        var findings = HandMadeFindings.Sample().Select((d, i) => new ReportedFinding(d)
        {
            Suppression = i == 0 ? new FindingSuppression(SuppressionSource.InSource, "ports kept for documentation") : null,
        }).ToList();

        var byDefault = WrittenSarif.Of(findings);
        var included = WrittenSarif.Of(findings, WrittenSarif.Options with { IncludeSuppressed = true }).AssertAcceptedByCodeScanning();

        var suppression = ResultOf(included, "HNL1002")["suppressions"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(byDefault.Results.Select(r => r!["ruleId"]!.GetValue<string>()), Does.Not.Contain("HNL1002"));
            Assert.That(included.Results, Has.Count.EqualTo(4));
            Assert.That(suppression["kind"]!.GetValue<string>(), Is.EqualTo("inSource"));
            Assert.That(suppression["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
            Assert.That(suppression["justification"]!.GetValue<string>(), Is.EqualTo("ports kept for documentation"));
            Assert.That(ResultOf(included, "HNL1006")["suppressions"], Is.Null);
        });
    }

    [Test]
    public void Fixes_are_written_from_text_edits()
    {
        var sample = HandMadeFindings.Sample();
        var version = sample.Single(d => d.Id == "HNL3001");
        var source = version.Location.Source;
        var compose = sample[0].Location.Source;
        var finding = new ReportedFinding(version)
        {
            Fixes =
            [
                new ReportedFix("Remove the version key", [new ReportedEdit(new Location(source, source.GetFullLineSpan(0)), string.Empty)]),
                new ReportedFix("Two files at once",
                [
                    new ReportedEdit(HandMadeFindings.At(compose, "0.0.0.0", 2), "127.0.0.1"),
                    new ReportedEdit(new Location(source, new TextSpan(0, 0)), "# linted\n"),
                ]),
            ],
        };

        var sarif = WrittenSarif.Of([finding]).AssertAcceptedByCodeScanning();

        var fixes = sarif.Results[0]!["fixes"]!.AsArray();
        var deletion = fixes[0]!["artifactChanges"]![0]!["replacements"]![0]!;
        var changes = fixes[1]!["artifactChanges"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(fixes[0]!["description"]!["text"]!.GetValue<string>(), Is.EqualTo("Remove the version key"));

            // The whole line including its break: the exact region ends at column 1 of line 2.
            var deleted = deletion["deletedRegion"]!;
            Assert.That((deleted["startLine"]!.GetValue<int>(), deleted["startColumn"]!.GetValue<int>(), deleted["endLine"]!.GetValue<int>(), deleted["endColumn"]!.GetValue<int>()), Is.EqualTo((1, 1, 2, 1)));
            Assert.That(deletion["insertedContent"], Is.Null);
            Assert.That(changes.Select(c => c!["artifactLocation"]!["uri"]!.GetValue<string>()), Is.EquivalentTo(new[] { "airflow/docker-compose.yaml", "legacy/compose.yaml" }));
            Assert.That(changes.SelectMany(c => c!["replacements"]!.AsArray()).Select(r => r!["insertedContent"]!["text"]!.GetValue<string>()), Is.EquivalentTo(new[] { "127.0.0.1", "# linted\n" }));
        });
    }

    [Test]
    public void A_finding_of_a_fixable_rule_without_a_fix_says_why_in_a_result_property_and_has_no_fixes()
    {
        var sample = HandMadeFindings.Sample();
        var version = sample.Single(d => d.Id == "HNL3001").WithoutFixes("version is the only key of the file");

        var sarif = WrittenSarif.Of([new ReportedFinding(version)]).AssertAcceptedByCodeScanning();

        var result = sarif.Results[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(result["fixes"], Is.Null);
            Assert.That(result["properties"]![SarifReportWriter.NoFixReasonProperty]!.GetValue<string>(), Is.EqualTo("version is the only key of the file"));
        });
    }

    [Test]
    public void A_finding_the_lint_engine_left_without_a_fix_carries_the_reason_into_sarif()
    {
        using var temp = new TempDirectory();
        temp.Write("compose.yaml", "x-common: &common\n  image: airflow\n  volumes: [/run/libvirt:/run/libvirt]\n  networks: [lab]\nservices:\n  scheduler:\n    <<: *common\n  # hostnetlint-disable-next-line HNL1001 -- macvlan\n  worker:\n    <<: *common\nnetworks:\n  lab: {}\n");
        var finding = Lint.Directory(temp.Path).Single(d => d.Id == "HNL1001");

        var result = WrittenSarif.Of([new ReportedFinding(finding)]).Results[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(result["fixes"], Is.Null);
            Assert.That(result["properties"]![SarifReportWriter.NoFixReasonProperty]!.GetValue<string>(), Does.Contain("compose.yaml(9,3), which is suppressed"));
        });
    }

    [Test]
    public void Automation_details_are_written_only_for_a_category()
    {
        var without = WrittenSarif.OfNothing();
        var with = WrittenSarif.OfNothing(WrittenSarif.Options with { Category = "hostnetlint-compose" }).AssertAcceptedByCodeScanning();

        Assert.Multiple(() =>
        {
            Assert.That(without.Run["automationDetails"], Is.Null);

            // GitHub reads the category as everything before the last '/'.
            Assert.That(with.Run["automationDetails"]!["id"]!.GetValue<string>(), Is.EqualTo("hostnetlint-compose/"));
        });
    }

    [Test]
    public void The_driver_names_the_tool_and_its_version()
    {
        var driver = WrittenSarif.OfNothing().Run["tool"]!["driver"]!;

        Assert.Multiple(() =>
        {
            Assert.That(driver["name"]!.GetValue<string>(), Is.EqualTo("HostNetLint"));
            Assert.That(driver["semanticVersion"]!.GetValue<string>(), Is.EqualTo("0.1.0"));
            Assert.That(driver["informationUri"]!.GetValue<string>(), Is.EqualTo("https://github.com/hostnetlint/hostnetlint"));
        });
    }

    [Test]
    public void Many_related_locations_are_capped_at_what_GitHub_keeps()
    {
        var source = SourceText.From(new string('x', 500), "wide/compose.yaml");
        ImmutableArray<RelatedLocation> related = [.. Enumerable.Range(0, 150).Select(i => new RelatedLocation(new Location(source, new TextSpan(i, 1)), $"use {i}"))];
        var diagnostic = HandMadeFindings.Create("HNL1005", new Location(source, new TextSpan(400, 1)), "wide/a/8080", ["a", "binds", 8080, "tcp", "b", "ports"]) with { RelatedLocations = related };

        var sarif = WrittenSarif.Of([diagnostic]).AssertAcceptedByCodeScanning();

        Assert.That(sarif.Results[0]!["relatedLocations"]!.AsArray(), Has.Count.EqualTo(100));
    }
}
