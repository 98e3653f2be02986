using System.Text;

namespace HostNetLint.Tests.Sarif;

/// <summary>The checks the other SARIF tests rely on do catch what GitHub rejects; otherwise they would pass vacuously.</summary>
[TestFixture]
public sealed class SarifValidatorTests
{
    private const string Valid = """
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "version": "2.1.0",
          "runs": [{
            "tool": { "driver": { "name": "HostNetLint", "rules": [{ "id": "HNL1002", "shortDescription": { "text": "s" }, "fullDescription": { "text": "f" }, "help": { "text": "h" } }] } },
            "results": [{
              "ruleId": "HNL1002", "ruleIndex": 0, "message": { "text": "Ports are discarded." },
              "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "compose.yaml" }, "region": { "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2 } } }],
              "partialFingerprints": { "hostNetLint/v1": "abc:1" }
            }]
          }]
        }
        """;

    [Test]
    public void A_minimal_valid_log_passes_both_checks() => Assert.Multiple(() =>
    {
        Assert.That(SarifSchema.Validate(Valid), Is.Empty);
        Assert.That(GitHubSarifRequirements.Check(Encoding.UTF8.GetBytes(Valid)), Is.Empty);
    });

    [TestCase("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"", TestName = "Schema_rejects_another_version")]
    [TestCase("\"startLine\": 1,", "\"startLine\": 0,", TestName = "Schema_rejects_line_zero")]
    [TestCase("\"ruleId\": \"HNL1002\",", "\"ruleId\": \"HNL1002\", \"level\": \"fatal\",", TestName = "Schema_rejects_an_unknown_level")]
    public void The_schema_check_catches(string from, string to) =>
        Assert.That(SarifSchema.Validate(Valid.Replace(from, to, StringComparison.Ordinal)), Is.Not.Empty);

    [TestCase("\"uri\": \"compose.yaml\"", "\"uri\": \"file:///home/runner/work/compose.yaml\"", "GH1006", TestName = "GitHub_check_rejects_absolute_file_uris")]
    [TestCase("\"uri\": \"compose.yaml\"", "\"uri\": \"https://example.org/compose.yaml\"", "GH1005", TestName = "GitHub_check_rejects_non_file_uris")]
    [TestCase("\"uri\": \"compose.yaml\"", "\"uri\": \"deploy\\\\compose.yaml\"", "GH1005", TestName = "GitHub_check_rejects_backslashes")]
    [TestCase("\"text\": \"Ports are discarded.\"", "\"text\": \"\"", "GH1015", TestName = "GitHub_check_rejects_an_empty_message")]
    [TestCase("\"text\": \"Ports are discarded.\"", "\"text\": \"Port {0} is discarded.\"", "GH1007", TestName = "GitHub_check_rejects_unformatted_messages")]
    [TestCase("\"startColumn\": 1, ", "", "GH1003", TestName = "GitHub_check_rejects_partial_regions")]
    [TestCase("\"help\": { \"text\": \"h\" }", "\"help\": { \"text\": \"\" }", "GH2012", TestName = "GitHub_check_rejects_rules_without_help")]
    [TestCase("\"partialFingerprints\": { \"hostNetLint/v1\": \"abc:1\" }", "\"partialFingerprints\": {}", "GH1015", TestName = "GitHub_check_rejects_missing_fingerprints")]
    [TestCase("\"ruleIndex\": 0", "\"ruleIndex\": 1", "ruleIndex", TestName = "GitHub_check_rejects_a_dangling_rule_index")]
    public void The_GitHub_check_catches(string from, string to, string expected) =>
        Assert.That(GitHubSarifRequirements.Check(Encoding.UTF8.GetBytes(Valid.Replace(from, to, StringComparison.Ordinal))), Has.Some.Contains(expected));

    [Test]
    public void The_GitHub_check_rejects_a_byte_order_mark()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)];

        Assert.That(GitHubSarifRequirements.Check(withBom), Has.Some.Contains("byte-order mark"));
    }
}
