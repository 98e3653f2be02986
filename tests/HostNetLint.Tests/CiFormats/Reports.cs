using HostNetLint.Cli;
using HostNetLint.Cli.Output;
using HostNetLint.Tests.Cli;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.CiFormats;

/// <summary>The inputs of the report-format tests and how the CLI runs on them (in process, with a chosen environment).</summary>
internal static class Reports
{
    /// <summary>Every format, with the golden file its standard output is compared with.</summary>
    public static readonly IReadOnlyList<(string Format, string File)> Formats =
    [
        ("text", "text.txt"),
        ("github", "github.txt"),
        ("junit", "junit.xml"),
        ("gitlab", "gitlab.json"),
        ("json", "report.json"),
        ("sarif", "report.sarif"),
    ];

    /// <summary>The Markdown job summary of the github format.</summary>
    public const string SummaryFile = "github-summary.md";

    /// <summary>A directory name with what GitHub's escaping is about (<c>%</c>, <c>,</c>, <c>:</c>, a line break) and control characters.</summary>
    public const string HostileDirectory = "100%0A,a:b\nc\u001B[1m\u0007";

    /// <summary>A directory whose name, shown first on a text line, would read as a workflow command.</summary>
    public const string CommandDirectory = "::stop-commands::tok";

    /// <summary>
    /// Service names with GitHub's escapes, the runner's <c>##[</c> command prefix, ESC, Markdown and HTML, a workflow
    /// command and a line separator; the first publishes ports on the host network (HNL1002), the second mounts the
    /// libvirt socket on a bridge (HNL1001), and the version key is HNL3001.
    /// </summary>
    public const string HostileCompose =
        "version: '3'\n" +
        "services:\n" +
        "  \"web%0A,x:y\\n##[add-mask]z\\e[31m|*_[l](u)<b>&\":\n" +
        "    image: nginx\n" +
        "    network_mode: host\n" +
        "    ports: ['80:80']\n" +
        "  \"vm::error::forged\\L\":\n" +
        "    image: virt\n" +
        "    volumes: ['/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock']\n";

    /// <summary>The repository the sample runs in: this one, from its root, on tests/sample-deployment.</summary>
    public static readonly string[] SamplePaths = ["tests/sample-deployment"];

    /// <summary>Writes the hostile-names repository (with a <c>.git</c> folder, so paths are relative to it) into <paramref name="temp"/>.</summary>
    public static string WriteHostile(TempDirectory temp)
    {
        ArgumentNullException.ThrowIfNull(temp);
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Windows file names cannot hold a line break or a colon.");
        }

        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        temp.Write(Path.Combine(HostileDirectory, "compose.yaml"), HostileCompose);
        temp.Write(Path.Combine(CommandDirectory, "compose.yaml"), "version: '3'\nservices:\n  app:\n    image: nginx\n");
        return temp.Path;
    }

    /// <summary>Runs the CLI in process in <paramref name="directory"/>; the environment holds only <paramref name="environment"/>.</summary>
    public static CliResult Run(string directory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr, directory)
        {
            Environment = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        };
        var exit = HostileFileSystem.WithinHangGuard(() => CliApplication.Run(args, context));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// The golden form of a report: the tool's version, which changes with every release, as <c>VERSION</c>; in SARIF also
    /// the linted root's absolute URI as <c>file:///ROOT/</c> and each rule's <c>help</c>, which is its whole page (rules/HNLxxxx.md, checked by the rule-docs tests), as <c>RULE PAGE</c>,
    /// so editing a page does not rewrite the golden files.
    /// </summary>
    public static string Normalize(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output = output.Replace($"\"version\": \"{LintReportReporter.ToolVersion}\"", "\"version\": \"VERSION\"", StringComparison.Ordinal);
        if (!output.StartsWith("{\n  \"$schema\": \"https://json.schemastore.org/sarif-", StringComparison.Ordinal))
        {
            return output;
        }

        var sarif = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        foreach (var run in sarif["runs"]!.AsArray())
        {
            // The linted root is an absolute URI: this checkout, or a temporary directory.
            foreach (var (_, baseId) in run!["originalUriBaseIds"]?.AsObject() ?? [])
            {
                baseId!["uri"] = "file:///ROOT/";
            }

            var driver = run["tool"]!["driver"]!;
            driver["semanticVersion"] = "VERSION";
            foreach (var rule in driver["rules"]!.AsArray())
            {
                rule!["help"] = new System.Text.Json.Nodes.JsonObject { ["text"] = "RULE PAGE", ["markdown"] = "RULE PAGE" };
            }
        }

        return sarif.ToJsonString(SarifGoldenOptions) + "\n";
    }

    private static readonly System.Text.Json.JsonSerializerOptions SarifGoldenOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
