using System.Globalization;
using System.Text;
using System.Xml;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.JUnit;

/// <summary>
/// The <c>junit</c> format: JUnit XML as Jenkins, GitLab (<c>artifacts:reports:junit</c>) and Azure DevOps read it,
/// valid against the Jenkins xUnit plugin's <c>junit-10.xsd</c>. One <c>testsuite</c> per file reported on (its
/// repository path as <c>name</c> and <c>file</c>); in it one <c>testcase</c> per rule with findings in that file
/// (<c>classname</c> the path, <c>name</c> the rule ID and title) holding one <c>failure</c> per finding
/// (<c>type</c> the severity, <c>message</c> the message, the text the finding's line and the rule page). A file
/// without findings has one passing test case, <c>no findings</c>, so a clean run still shows its tests and CI
/// readers that refuse an empty report do not fail. No times or timestamps: the same findings give the same bytes.
/// </summary>
public static class JUnitReportWriter
{
    public const string PassingTestName = "no findings";

    public static void Write(LintReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Create(report));
    }

    /// <summary>The document as text, declared and encoded as UTF-8 (it is written through a UTF-8 writer).</summary>
    public static string Create(LintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var byFile = report.InFileOrder()
            .GroupBy(d => report.RepositoryPath(d.Location.Path), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var files = report.Files.Select(report.RepositoryPath).Concat(byFile.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var suites = files.Select(file => (File: file, Cases: byFile.TryGetValue(file, out var found) ? found.GroupBy(d => d.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList() : [])).ToList();

        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "HostNetLint");
            WriteCounts(xml, suites.Sum(s => Math.Max(1, s.Cases.Count)), suites.Sum(s => s.Cases.Count));
            foreach (var (file, cases) in suites)
            {
                var name = XmlSafe(file);
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", name);
                WriteCounts(xml, Math.Max(1, cases.Count), cases.Count);
                xml.WriteAttributeString("skipped", "0");
                xml.WriteAttributeString("file", name);
                if (cases.Count == 0)
                {
                    WriteTestCase(xml, PassingTestName, name);
                }

                foreach (var rule in cases)
                {
                    var descriptor = rule.First().Descriptor;
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("name", XmlSafe($"{descriptor.Id}: {descriptor.Title}"));
                    xml.WriteAttributeString("classname", name);
                    foreach (var diagnostic in rule)
                    {
                        WriteFailure(xml, diagnostic, file, report);
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
    }

    private static void WriteTestCase(XmlWriter xml, string name, string classname)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("classname", classname);
        xml.WriteEndElement();
    }

    private static void WriteFailure(XmlWriter xml, Diagnostic diagnostic, string file, LintReport report)
    {
        var region = DisplayRegion.Of(diagnostic.Location);
        xml.WriteStartElement("failure");
        xml.WriteAttributeString("message", XmlSafe(diagnostic.Message));
        xml.WriteAttributeString("type", diagnostic.Severity.ToDisplay());
        xml.WriteString(XmlSafe(string.Create(
            CultureInfo.InvariantCulture,
            $"{file}({region.StartLine},{region.StartColumn}): {diagnostic.Severity.ToDisplay()} {diagnostic.Id}: {diagnostic.Message}")));
        xml.WriteString("\n" + report.HelpUri(diagnostic));
        xml.WriteEndElement();
    }

    /// <summary>
    /// Text XML 1.0 can hold: control characters and lone surrogates as visible escapes (<see cref="TerminalText"/>),
    /// and the two noncharacters XML also refuses (U+FFFE, U+FFFF) likewise.
    /// </summary>
    private static string XmlSafe(string text)
    {
        var escaped = TerminalText.Escape(text);
        return escaped.Contains('\uFFFE', StringComparison.Ordinal) || escaped.Contains('\uFFFF', StringComparison.Ordinal)
            ? escaped.Replace("\uFFFE", "\\uFFFE", StringComparison.Ordinal).Replace("\uFFFF", "\\uFFFF", StringComparison.Ordinal)
            : escaped;
    }
}
