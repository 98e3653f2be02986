using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.Sarif;

/// <summary>tool.driver.rules: the whole catalogue, stable indices, and the texts GitHub shows for a rule.</summary>
[TestFixture]
public sealed class SarifRuleTests
{
    [Test]
    public void Every_catalogue_rule_is_listed_in_catalogue_order_whether_it_fired_or_not()
    {
        var sarif = WrittenSarif.OfNothing();

        Assert.That(sarif.Rules.Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(RuleCatalog.Descriptors.Select(d => d.Id)));
    }

    [Test]
    public void RuleIndex_points_at_the_rule_and_does_not_depend_on_what_fired()
    {
        var all = WrittenSarif.Of(HandMadeFindings.Sample());
        var one = WrittenSarif.Of(HandMadeFindings.Sample().Where(d => d.Id == "HNL3001"));

        var expected = RuleCatalog.Descriptors.Select(d => d.Id).ToList().IndexOf("HNL3001");
        Assert.Multiple(() =>
        {
            foreach (var result in all.Results)
            {
                var index = result!["ruleIndex"]!.GetValue<int>();
                Assert.That(all.Rules[index]!["id"]!.GetValue<string>(), Is.EqualTo(result["ruleId"]!.GetValue<string>()));
            }

            Assert.That(one.Results[0]!["ruleIndex"]!.GetValue<int>(), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Rules_carry_what_GitHub_reads()
    {
        var sarif = WrittenSarif.OfNothing();
        var hnl1002 = sarif.Rules.Single(r => r!["id"]!.GetValue<string>() == "HNL1002")!;
        var hnl3001 = sarif.Rules.Single(r => r!["id"]!.GetValue<string>() == "HNL3001")!;

        Assert.Multiple(() =>
        {
            Assert.That(hnl1002["name"]!.GetValue<string>(), Is.EqualTo("PublishedPortsAreDiscardedUnderHostNetworking"));
            Assert.That(hnl1002["shortDescription"]!["text"]!.GetValue<string>(), Is.EqualTo("Published ports are discarded under host networking"));
            Assert.That(hnl1002["fullDescription"]!["text"]!.GetValue<string>(), Does.StartWith("With host networking"));
            Assert.That(hnl1002["helpUri"]!.GetValue<string>(), Is.EqualTo("https://github.com/hostnetlint/hostnetlint/blob/main/rules/HNL1002.md"));
            Assert.That(hnl1002["properties"]!["precision"]!.GetValue<string>(), Is.EqualTo("high"));
            Assert.That(hnl1002["properties"]!["problem.severity"]!.GetValue<string>(), Is.EqualTo("warning"));
            Assert.That(hnl1002["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Does.Contain("networking"));

            // Warning is SARIF's default level, so only the other levels are written.
            Assert.That(hnl3001["defaultConfiguration"]!["level"]!.GetValue<string>(), Is.EqualTo("note"));
            Assert.That(hnl3001["properties"]!["problem.severity"]!.GetValue<string>(), Is.EqualTo("recommendation"));
        });
    }

    [Test]
    public void Only_security_findings_have_a_security_severity()
    {
        var sarif = WrittenSarif.OfNothing();

        var withSeverity = sarif.Rules.Where(r => r!["properties"]?["security-severity"] is not null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(withSeverity.Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "HNL1006" }));
            Assert.That(withSeverity[0]!["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Does.Contain("security"));
        });
    }

    [Test]
    public void Help_links_are_built_from_one_configurable_base()
    {
        var options = WrittenSarif.Options with { HelpBaseUri = "https://docs.example.org/hostnetlint/v1/" };

        var sarif = WrittenSarif.OfNothing(options);

        Assert.That(sarif.Rules.Select(r => r!["helpUri"]!.GetValue<string>()), Is.All.StartsWith("https://docs.example.org/hostnetlint/v1/rules/HNL"));
    }

    [Test]
    public void Help_is_never_empty_and_markdown_is_the_page_without_front_matter()
    {
        var sarif = WrittenSarif.OfNothing();

        Assert.Multiple(() =>
        {
            foreach (var rule in sarif.Rules)
            {
                var id = rule!["id"]!.GetValue<string>();
                Assert.That(rule["help"]!["text"]!.GetValue<string>(), Is.Not.Empty, id);
                if (rule["help"]!["markdown"] is { } markdown)
                {
                    Assert.That(markdown.GetValue<string>(), Does.Not.StartWith("---").And.Not.Contain("\nfixable:"), id);
                }
                else
                {
                    // No page embedded (yet): the descriptor's description stands in.
                    Assert.That(rule["help"]!["text"]!.GetValue<string>(), Is.EqualTo(RuleCatalog.Find(id)!.Description), id);
                }
            }
        });
    }

    [Test]
    public void Front_matter_is_stripped_and_relative_links_resolve_against_the_page()
    {
        const string Page = "---\r\nid: HNL1002\r\ntitle: Published ports are discarded under host networking\r\nfixable: true\r\n---\r\n# HNL1002: Published ports\r\n\r\nSee [HNL1003](HNL1003.md), [the spec](https://compose-spec.io) and [below](#how-to-fix).\r\n";

        var markdown = RulePages.StripFrontMatter(Page);
        var resolved = RulePages.ResolveRelativeLinks(markdown, new Uri("https://github.com/hostnetlint/hostnetlint/blob/main/rules/HNL1002.md"));

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.StartWith("# HNL1002: Published ports\n"));
            Assert.That(resolved, Does.Contain("[HNL1003](https://github.com/hostnetlint/hostnetlint/blob/main/rules/HNL1003.md)"));
            Assert.That(resolved, Does.Contain("[the spec](https://compose-spec.io)").And.Contain("[below](#how-to-fix)"));
            Assert.That(RulePages.ToPlainText(markdown), Does.StartWith("HNL1002: Published ports").And.Contain("HNL1003 (HNL1003.md)"));
        });
    }

    [Test]
    public void A_page_without_front_matter_is_kept_whole() =>
        Assert.That(RulePages.StripFrontMatter("# Title\n\n---\n\ntext\n"), Is.EqualTo("# Title\n\n---\n\ntext"));

    [Test]
    public void Rule_names_are_PascalCase_titles() =>
        Assert.That(RuleMetadata.Name("network_mode cannot be combined with networks"), Is.EqualTo("NetworkModeCannotBeCombinedWithNetworks"));
}
