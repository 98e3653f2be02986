using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// GitHub code scanning's requirements beyond the schema, re-implemented from the Sarif Multitool's GitHub
/// rules (GH1001-GH1007, GH1013-GH1018, GH2012) with today's upload limits, plus what the upload action
/// itself rejects (a byte-order mark). Returns one line per violation.
/// </summary>
public static partial class GitHubSarifRequirements
{
    private static readonly string[] Levels = ["none", "note", "warning", "error"];
    private static readonly string[] Precisions = ["very-high", "high", "medium", "low"];
    private static readonly string[] ProblemSeverities = ["error", "warning", "recommendation"];

    public static IReadOnlyList<string> Check(byte[] file)
    {
        var problems = new List<string>();
        if (file.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            problems.Add("the file starts with a UTF-8 byte-order mark, which the upload action's JSON.parse rejects");
            return problems;
        }

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file);
        var log = JsonNode.Parse(text)!.AsObject();
        CheckLog(log, problems);
        return problems;
    }

    private static void CheckLog(JsonObject log, List<string> problems)
    {
        // GH1013 / GH1011: the log's required properties and the final schema.
        RequireText(log, "$schema", "sarifLog", problems);
        if (Text(log, "version") != "2.1.0")
        {
            problems.Add("GH1013: sarifLog.version must be 2.1.0");
        }

        if (log["runs"] is not JsonArray runs)
        {
            problems.Add("GH1013: sarifLog.runs is missing");
            return;
        }

        Limit(runs.Count, 20, "runs per file", problems);
        for (var r = 0; r < runs.Count; r++)
        {
            CheckRun(runs[r]!.AsObject(), $"runs[{r}]", problems);
        }
    }

    private static void CheckRun(JsonObject run, string path, List<string> problems)
    {
        // GH1014 / GH1018: tool.driver with a name and the rules.
        if (run["tool"]?["driver"] is not JsonObject driver)
        {
            problems.Add($"GH1014: {path}.tool.driver is missing");
            return;
        }

        RequireText(driver, "name", $"{path}.tool.driver", problems);
        var rules = driver["rules"] as JsonArray;
        if (rules is null)
        {
            problems.Add($"GH1018: {path}.tool.driver.rules is missing");
        }
        else
        {
            Limit(rules.Count, 25_000, "rules per run", problems);
            for (var i = 0; i < rules.Count; i++)
            {
                CheckRule(rules[i]!.AsObject(), $"{path}.tool.driver.rules[{i}]", problems);
            }
        }

        Limit((run["tool"]?["extensions"] as JsonArray)?.Count ?? 0, 100, "tool extensions per run", problems);

        if (run["automationDetails"]?["id"] is JsonValue id && !id.GetValue<string>().Contains('/', StringComparison.Ordinal))
        {
            problems.Add($"{path}.automationDetails.id '{id}' has no '/', so GitHub reads no category from it");
        }

        if (run["results"] is not JsonArray results)
        {
            problems.Add($"GH1014: {path}.results is missing (write [] when there are none)");
            return;
        }

        Limit(results.Count, 25_000, "results per run", problems);
        for (var i = 0; i < results.Count; i++)
        {
            CheckResult(results[i]!.AsObject(), rules, $"{path}.results[{i}]", problems);
        }
    }

    private static void CheckRule(JsonObject rule, string path, List<string> problems)
    {
        RequireText(rule, "id", path, problems);
        if (Text(rule, "name") is { Length: > 255 })
        {
            problems.Add($"{path}.name is longer than 255 characters");
        }

        // GH2012: the texts GitHub shows for a rule.
        foreach (var property in new[] { "shortDescription", "fullDescription", "help" })
        {
            var value = rule[property]?["text"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"GH2012: {path}.{property}.text is missing or empty");
            }
            else if (property != "help" && value.Length > 1024)
            {
                problems.Add($"{path}.{property}.text is longer than 1024 characters");
            }
        }

        if (rule["help"]?["markdown"] is JsonValue markdown && string.IsNullOrWhiteSpace(markdown.GetValue<string>()))
        {
            problems.Add($"{path}.help.markdown is empty (leave it out instead)");
        }

        if (Text(rule, "helpUri") is { } helpUri && !Uri.TryCreate(helpUri, UriKind.Absolute, out _))
        {
            problems.Add($"{path}.helpUri '{helpUri}' is not absolute");
        }

        if (rule["defaultConfiguration"]?["level"] is JsonValue level && !Levels.Contains(level.GetValue<string>()))
        {
            problems.Add($"{path}.defaultConfiguration.level '{level}' is not a SARIF level");
        }

        var properties = rule["properties"] as JsonObject;
        Limit((properties?["tags"] as JsonArray)?.Count ?? 0, 10, $"tags of {path} (GitHub keeps 10 of at most 20)", problems);
        if (properties?["precision"] is JsonValue precision && !Precisions.Contains(precision.GetValue<string>()))
        {
            problems.Add($"{path}.properties.precision '{precision}' is not one GitHub reads");
        }

        if (properties?["problem.severity"] is JsonValue severity && !ProblemSeverities.Contains(severity.GetValue<string>()))
        {
            problems.Add($"{path}.properties.problem.severity '{severity}' is not one GitHub reads");
        }

        if (properties?["security-severity"] is JsonValue securitySeverity &&
            (!double.TryParse(securitySeverity.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || score < 0.1 || score > 10))
        {
            problems.Add($"{path}.properties.security-severity '{securitySeverity}' is not a number from 0.1 to 10 in a string");
        }
    }

    private static void CheckResult(JsonObject result, JsonArray? rules, string path, List<string> problems)
    {
        // GH1015: the result's required properties.
        RequireText(result, "ruleId", path, problems);
        var message = result["message"] as JsonObject;
        var messageText = message is null ? null : Text(message, "text");
        if (string.IsNullOrWhiteSpace(messageText))
        {
            problems.Add($"GH1015/GH1007: {path}.message.text is missing or empty");
        }
        else if (Placeholder().IsMatch(messageText))
        {
            problems.Add($"GH1007: {path}.message.text is not fully formatted: {messageText}");
        }

        if (result["ruleIndex"] is JsonValue ruleIndex)
        {
            var index = ruleIndex.GetValue<int>();
            if (rules is null || index < 0 || index >= rules.Count || Text(rules[index]!.AsObject(), "id") != Text(result, "ruleId"))
            {
                problems.Add($"{path}.ruleIndex {index} does not point at rule {Text(result, "ruleId")}");
            }
        }

        if (result["partialFingerprints"] is not JsonObject { Count: > 0 } fingerprints || fingerprints.Any(f => string.IsNullOrWhiteSpace(f.Value?.GetValue<string>())))
        {
            problems.Add($"GH1015: {path}.partialFingerprints is missing or has an empty value");
        }

        if (result["locations"] is not JsonArray { Count: > 0 } locations)
        {
            problems.Add($"GH1015: {path}.locations is missing or empty");
            return;
        }

        Limit(locations.Count, 1000, $"locations of {path}", problems);
        Limit((result["relatedLocations"] as JsonArray)?.Count ?? 0, 100, $"related locations of {path} (GitHub keeps 100)", problems);
        for (var i = 0; i < locations.Count; i++)
        {
            CheckLocation(locations[i]!.AsObject(), $"{path}.locations[{i}]", problems);
        }

        foreach (var (related, i) in ((result["relatedLocations"] as JsonArray) ?? []).Select((l, i) => (l!, i)))
        {
            CheckLocation(related.AsObject(), $"{path}.relatedLocations[{i}]", problems);
        }

        // GH1002: thread flow locations must be inline, not references into run.threadFlowLocations.
        foreach (var flowLocation in (result["codeFlows"] as JsonArray ?? []).SelectMany(c => c?["threadFlows"] as JsonArray ?? []).SelectMany(t => t?["locations"] as JsonArray ?? []))
        {
            if (flowLocation?["location"] is null)
            {
                problems.Add($"GH1002: {path} has a thread flow location that is not inline");
            }
        }
    }

    private static void CheckLocation(JsonObject location, string path, List<string> problems)
    {
        // GH1016 / GH1017 / GH1001 / GH1003: a physical location with a URI and a full region.
        if (location["physicalLocation"] is not JsonObject physical)
        {
            problems.Add($"GH1016: {path}.physicalLocation is missing");
            return;
        }

        var uri = physical["artifactLocation"]?["uri"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(uri))
        {
            problems.Add($"GH1001: {path}.physicalLocation.artifactLocation.uri is missing or empty");
        }
        else
        {
            CheckUri(uri, $"{path}.physicalLocation.artifactLocation.uri", problems);
        }

        if (physical["region"] is not JsonObject region)
        {
            problems.Add($"GH1017: {path}.physicalLocation.region is missing");
            return;
        }

        foreach (var property in new[] { "startLine", "startColumn", "endLine", "endColumn" })
        {
            if (region[property] is not JsonValue value || value.GetValue<int>() < 1)
            {
                problems.Add($"GH1003: {path}.physicalLocation.region.{property} is missing or below 1");
            }
        }
    }

    /// <summary>GH1005 / GH1006: relative URIs (forward slashes) only; an absolute file URI needs a checkout path we cannot count on.</summary>
    private static void CheckUri(string uri, string path, List<string> problems)
    {
        if (uri.Contains('\\', StringComparison.Ordinal))
        {
            problems.Add($"GH1005: {path} '{uri}' has a backslash");
        }

        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && !uri.StartsWith('/'))
        {
            problems.Add(absolute.IsFile
                ? $"GH1006: {path} '{uri}' is an absolute file URI"
                : $"GH1005: {path} '{uri}' is neither relative nor a file URI");
        }
        else if (uri.StartsWith('/'))
        {
            problems.Add($"GH1005: {path} '{uri}' is an absolute path");
        }
    }

    private static void RequireText(JsonObject node, string property, string path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Text(node, property)))
        {
            problems.Add($"{path}.{property} is missing or empty (GitHub does not support empty strings there)");
        }
    }

    private static string? Text(JsonObject node, string property) => node[property] is JsonValue value ? value.ToString() : null;

    private static void Limit(int count, int maximum, string what, List<string> problems)
    {
        if (count > maximum)
        {
            problems.Add($"GH1004: {count} {what}, more than {maximum}");
        }
    }

    [GeneratedRegex(@"\{\d+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
