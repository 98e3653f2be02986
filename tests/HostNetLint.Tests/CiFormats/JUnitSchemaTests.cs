using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary>
/// The junit format against a published JUnit schema: junit-10.xsd of the Jenkins xUnit plugin, stored beside this
/// file unchanged (it carries its MIT licence header, which allows the copy).
/// Source: https://github.com/jenkinsci/xunit-plugin/blob/ae25da5089d4f94ac6c4669bf736e4d416cc4665/src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd
/// (the file's last change, commit ae25da5089d4f94ac6c4669bf736e4d416cc4665; unchanged at the repository's
/// 8c515de2804b3fd591a3b0f1ff8908a1b1a41887, SHA-256 a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6).
/// </summary>
[TestFixture]
public sealed class JUnitSchemaTests
{
    private static string SchemaPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "CiFormats", "junit-10.xsd");

    [Test]
    public void The_stored_schema_is_the_published_file()
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(SchemaPath)));
        Assert.That(hash, Is.EqualTo("a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6"));
    }

    [TestCase("sample-deployment")]
    [TestCase("hostile-names")]
    public void The_report_is_valid_against_junit_10_xsd(string input)
    {
        Assert.That(Validate(Golden.Read($"{input}/junit.xml")), Is.Empty);
    }

    [Test]
    public void The_validator_rejects_what_the_schema_forbids()
    {
        // A test case without a name and a test suite without counts: proves the schema is really applied.
        Assert.That(Validate("<testsuites><testsuite name=\"x\"><testcase classname=\"c\"/></testsuite></testsuites>"), Has.Count.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void One_test_case_per_rule_and_file_and_one_failure_per_finding()
    {
        var junit = XDocument.Parse(Golden.Read("sample-deployment/junit.xml"));
        var json = System.Text.Json.JsonDocument.Parse(Golden.Read("sample-deployment/report.json")).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var cases = junit.Descendants("testcase").ToList();
        var failing = cases.Where(c => c.Elements("failure").Any()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(
                failing.Select(c => (c.Attribute("classname")!.Value, c.Attribute("name")!.Value[..7])),
                Is.EquivalentTo(json.Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("ruleId").GetString()!)).Distinct()));
            Assert.That(failing.Sum(c => c.Elements("failure").Count()), Is.EqualTo(json.Count));
            Assert.That(junit.Root!.Attribute("tests")!.Value, Is.EqualTo(cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(junit.Root.Attribute("failures")!.Value, Is.EqualTo(failing.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(cases.Where(c => !c.Elements("failure").Any()).Select(c => c.Attribute("name")!.Value), Is.All.EqualTo("no findings"));
        });
    }

    private static List<string> Validate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.Schemas.Add(null, SchemaPath);
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} ({e.Exception.LineNumber},{e.Exception.LinePosition}): {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
