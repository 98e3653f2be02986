using System.Collections.Immutable;
using HostNetLint.Parsing.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// Diagnostics built by hand, as the rules would report them, so the writer can be tested without the
/// model builder. Spans are found by searching the text for a snippet.
/// </summary>
public static class HandMadeFindings
{
    public const string ComposePath = "airflow/docker-compose.yaml";

    /// <summary>The compose file of the sample findings; <paramref name="linesAbove"/> are inserted before everything.</summary>
    public static string ComposeText(string linesAbove = "") => linesAbove + """
        x-airflow-common: &airflow-common
          image: docker.io/apache/airflow:3.0.2
          network_mode: host
          environment:
            AIRFLOW_HOST: 0.0.0.0

        services:
          airflow-webserver:
            <<: *airflow-common
            command: api-server --host 0.0.0.0 --port 8888
            ports:
              - "8888:8888"
          airflow-scheduler:
            <<: *airflow-common
            command: scheduler

        """;

    /// <summary>Findings of four rules in two files, one with a related location at the anchor a merged value came from.</summary>
    public static ImmutableArray<Diagnostic> Sample(string linesAbove = "")
    {
        var compose = SourceText.From(ComposeText(linesAbove), ComposePath);
        var legacy = SourceText.From("version: \"3.8\"\nservices:\n  web:\n    image: nginx\n", "legacy/compose.yaml");
        return
        [
            Create("HNL1002", At(compose, "ports:"), "airflow/airflow-webserver/ports", ["airflow-webserver", "port 8888"], new RelatedLocation(At(compose, "network_mode: host"), "network_mode: host comes from the x-airflow-common anchor")),
            Create("HNL1006", At(compose, "--host 0.0.0.0"), "airflow/airflow-webserver/bind", ["airflow-webserver", "--host 0.0.0.0"]),
            Create("HNL1006", At(compose, "AIRFLOW_HOST: 0.0.0.0"), "airflow/airflow-webserver+airflow-scheduler/bind", ["airflow-webserver', 'airflow-scheduler", "AIRFLOW_HOST=0.0.0.0"]),
            Create("HNL3001", At(legacy, "version: \"3.8\""), "legacy/version", []),
        ];
    }

    public static Diagnostic Create(string ruleId, Location location, string logicalPath, object?[] arguments, params RelatedLocation[] related)
    {
        var descriptor = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule {ruleId}", nameof(ruleId));
        return new Diagnostic(descriptor, location, descriptor.FormatMessage(arguments), descriptor.DefaultSeverity, [.. related], PathOf(logicalPath));
    }

    /// <summary>A finding path written out as <c>a/b/c</c>.</summary>
    public static FindingPath PathOf(string segments)
    {
        var parts = segments.Split('/');
        return FindingPath.InFile(parts[0]).Then(parts[1..]);
    }

    /// <summary>The location of the <paramref name="occurrence"/>-th (1-based) appearance of <paramref name="snippet"/>.</summary>
    public static Location At(SourceText source, string snippet, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = source.Text.IndexOf(snippet, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{snippet}' does not occur {occurrence} times in {source.Path}", nameof(snippet));
            }
        }

        return new Location(source, new TextSpan(index, snippet.Length));
    }
}
