using System.Globalization;
using System.Text;
using HostNetLint.Rules.Diagnostics;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using SarifLocation = Microsoft.CodeAnalysis.Sarif.Location;

namespace HostNetLint.Reporting.Sarif;

/// <summary>
/// Writes one SARIF 2.1.0 run for one HostNetLint invocation, shaped for GitHub code scanning:
/// the whole rule catalogue (so <c>ruleIndex</c> never shifts), repository-relative URIs,
/// full regions, a line-independent fingerprint, and tool problems as notifications, not results.
/// </summary>
public sealed class SarifReportWriter
{
    public const string ToolName = "HostNetLint";

    /// <summary>The schema address GitHub's own examples use; the same final 2.1.0 schema the SDK names.</summary>
    public static readonly Uri SchemaUri = new("https://json.schemastore.org/sarif-2.1.0.json");

    private readonly SarifOptions options;
    private readonly ArtifactUris uris;

    public SarifReportWriter(SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        uris = new ArtifactUris(options.SourceRoot, options.DiagnosticPathBase);
    }

    public SarifLog CreateLog(IEnumerable<Diagnostic> diagnostics, IEnumerable<ToolNotification>? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return CreateLog(diagnostics.Select(d => new ReportedFinding(d)), notifications);
    }

    public SarifLog CreateLog(IEnumerable<ReportedFinding> findings, IEnumerable<ToolNotification>? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var toolNotifications = (notifications ?? []).ToList();
        var reported = findings.Where(f => options.IncludeSuppressed || !f.IsSuppressed).ToList();

        if (reported.Count > SarifLimits.MaxResultsPerRun)
        {
            // GitHub rejects a run over the limit; keep the most severe and say what was dropped.
            toolNotifications.Add(new ToolNotification(
                ToolNotificationKind.Execution,
                string.Create(CultureInfo.InvariantCulture, $"{reported.Count} findings exceed code scanning's limit of {SarifLimits.MaxResultsPerRun} results per run; the {reported.Count - SarifLimits.MaxResultsPerRun} least severe were left out."))
            {
                Level = Severity.Warning,
            });
            reported = [.. reported.OrderByDescending(f => f.Diagnostic.Severity).Take(SarifLimits.MaxResultsPerRun)];
        }

        if (reported.Count > SarifLimits.MaxResultsShown)
        {
            toolNotifications.Add(new ToolNotification(
                ToolNotificationKind.Execution,
                string.Create(CultureInfo.InvariantCulture, $"{reported.Count} results are reported, but code scanning shows only the {SarifLimits.MaxResultsShown} most severe."))
            {
                Level = Severity.Warning,
            });
        }

        var rules = new RuleTable(options.HelpBaseUri);
        var fingerprints = AssignFingerprints(reported);
        var results = reported.Select(f => CreateResult(f, rules, fingerprints[f])).ToList();

        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = ToolName,
                    SemanticVersion = options.ToolVersion,
                    InformationUri = options.InformationUri,
                    Rules = rules.Descriptors,
                },
            },
            Invocations = [CreateInvocation(toolNotifications)],
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>(StringComparer.Ordinal)
            {
                [ArtifactUris.SourceRootBaseId] = new ArtifactLocation { Uri = uris.RootUri },
            },
            Results = results,
            ColumnKind = ColumnKind.Utf16CodeUnits,
        };

        if (!string.IsNullOrWhiteSpace(options.Category))
        {
            // GitHub takes everything before the last '/' as the category; without one the id has none.
            var category = options.Category.Trim();
            run.AutomationDetails = new RunAutomationDetails { Id = category.EndsWith('/') ? category : category + "/" };
        }

        return new SarifLog { SchemaUri = SchemaUri, Version = SarifVersion.Current, Runs = [run] };
    }

    /// <summary>Writes the SARIF of <paramref name="diagnostics"/>; for callers that do not reference the SARIF SDK.</summary>
    public void Write(IEnumerable<Diagnostic> diagnostics, TextWriter writer, IEnumerable<ToolNotification>? notifications = null) =>
        Serialize(CreateLog(diagnostics, notifications), writer);

    public void Write(IEnumerable<ReportedFinding> findings, TextWriter writer, IEnumerable<ToolNotification>? notifications = null) =>
        Serialize(CreateLog(findings, notifications), writer);

    /// <summary>Writes UTF-8 without a byte-order mark, whatever the console's encoding (e.g. to standard output's stream).</summary>
    public void Write(IEnumerable<Diagnostic> diagnostics, Stream stream, IEnumerable<ToolNotification>? notifications = null) =>
        Serialize(CreateLog(diagnostics, notifications), stream);

    public void Write(IEnumerable<ReportedFinding> findings, Stream stream, IEnumerable<ToolNotification>? notifications = null) =>
        Serialize(CreateLog(findings, notifications), stream);

    /// <summary>Writes UTF-8 without a byte-order mark to <paramref name="path"/>, the form code scanning's upload accepts.</summary>
    public void WriteFile(IEnumerable<Diagnostic> diagnostics, string path, IEnumerable<ToolNotification>? notifications = null) =>
        SerializeToFile(CreateLog(diagnostics, notifications), path);

    public void WriteFile(IEnumerable<ReportedFinding> findings, string path, IEnumerable<ToolNotification>? notifications = null) =>
        SerializeToFile(CreateLog(findings, notifications), path);

    /// <summary>
    /// Serializes through the SDK's object model and its converters, indented. The writer's encoding
    /// decides about a byte-order mark: give it a BOM-less UTF-8 one (see <see cref="SerializeToFile"/>).
    /// </summary>
    public static void Serialize(SarifLog log, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(writer);
        var serializer = JsonSerializer.Create(new JsonSerializerSettings { Formatting = Formatting.Indented });
        using (var json = new JsonTextWriter(writer) { CloseOutput = false })
        {
            serializer.Serialize(json, log);
        }

        writer.WriteLine();
        writer.Flush();
    }

    /// <summary>Writes UTF-8 without a byte-order mark, which the upload action cannot parse.</summary>
    public static void Serialize(SarifLog log, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 65536, leaveOpen: true);
        Serialize(log, writer);
    }

    /// <summary>Writes UTF-8 without a byte-order mark (unlike <c>SarifLog.Save(string)</c>, which adds one).</summary>
    public static void SerializeToFile(SarifLog log, string path)
    {
        using var stream = File.Create(path);
        Serialize(log, stream);
    }

    private Invocation CreateInvocation(List<ToolNotification> notifications)
    {
        List<Notification> Of(ToolNotificationKind kind) =>
            [.. notifications.Where(n => n.Kind == kind).Select(CreateNotification)];

        var execution = Of(ToolNotificationKind.Execution);
        var configuration = Of(ToolNotificationKind.Configuration);
        return new Invocation
        {
            ExecutionSuccessful = notifications.All(n => n.Level != Severity.Error),
            ToolExecutionNotifications = execution.Count > 0 ? execution : null,
            ToolConfigurationNotifications = configuration.Count > 0 ? configuration : null,
        };
    }

    private Notification CreateNotification(ToolNotification notification) => new()
    {
        Message = new Message { Text = notification.Message },
        Level = SarifLevels.From(notification.Level),
        Descriptor = notification.Id is { } id ? new ReportingDescriptorReference { Id = id } : null,
        Locations = notification.Location is { } location
            ? [new SarifLocation { PhysicalLocation = PhysicalLocation(location, Regions.ForDisplay(location)) }]
            : null,
        Exception = notification.Exception is { } exception ? DescribeException(exception) : null,
    };

    /// <summary>
    /// The SDK describes an exception that was never thrown with <c>"frames": null</c>, which the schema
    /// rejects; such a stack is left out.
    /// </summary>
    private static ExceptionData DescribeException(Exception exception)
    {
        var data = ExceptionData.Create(exception);
        RemoveEmptyStacks(data);
        return data;

        static void RemoveEmptyStacks(ExceptionData node)
        {
            if (node.Stack is { Frames: null or { Count: 0 } })
            {
                node.Stack = null;
            }

            foreach (var inner in node.InnerExceptions ?? [])
            {
                RemoveEmptyStacks(inner);
            }
        }
    }

    private Dictionary<ReportedFinding, string> AssignFingerprints(List<ReportedFinding> findings)
    {
        var byDiagnostic = Fingerprints.Assign(findings.Select(f => f.Diagnostic), uris.Identity);
        return findings.ToDictionary<ReportedFinding, ReportedFinding, string>(f => f, f => byDiagnostic[f.Diagnostic], ReferenceEqualityComparer.Instance);
    }

    private Result CreateResult(ReportedFinding finding, RuleTable rules, string fingerprint)
    {
        var diagnostic = finding.Diagnostic;
        var related = diagnostic.RelatedLocations.Take(SarifLimits.MaxRelatedLocationsPerResult).ToList();
        var result = new Result
        {
            RuleId = diagnostic.Id,
            RuleIndex = rules.IndexOf(diagnostic.Descriptor),
            Level = SarifLevels.From(diagnostic.Severity),
            Message = new Message { Text = MessageWithLinks(diagnostic.Message, related) },
            Locations = [new SarifLocation { PhysicalLocation = PhysicalLocation(diagnostic.Location, Regions.ForDisplay(diagnostic.Location)) }],
            PartialFingerprints = new Dictionary<string, string>(StringComparer.Ordinal) { [Fingerprints.Key] = fingerprint },
        };

        if (related.Count > 0)
        {
            result.RelatedLocations = [.. related.Select((r, i) => new SarifLocation
            {
                Id = i + 1,
                PhysicalLocation = PhysicalLocation(r.Location, Regions.ForDisplay(r.Location)),
                Message = new Message { Text = r.Message },
            })];
        }

        if (finding.Suppression is { } suppression)
        {
            result.Suppressions =
            [
                new Suppression
                {
                    Kind = suppression.Source == SuppressionSource.InSource ? SuppressionKind.InSource : SuppressionKind.External,
                    Status = SuppressionStatus.Accepted,
                    Justification = suppression.Justification,
                },
            ];
        }

        if (!finding.Fixes.IsDefaultOrEmpty)
        {
            result.Fixes = [.. finding.Fixes.Select(CreateFix)];
        }
        else if (finding.NoFixReason is { } reason)
        {
            // SARIF has no place for "why there is no fix": a property, named like the other tools' result properties.
            result.SetProperty(NoFixReasonProperty, reason);
        }

        return result;
    }

    /// <summary>The result property that says why a finding of a fixable rule has no <c>fixes</c>.</summary>
    public const string NoFixReasonProperty = "hostnetlint/noFixReason";

    private Fix CreateFix(ReportedFix fix) => new()
    {
        Description = new Message { Text = fix.Description },
        ArtifactChanges = [.. fix.Edits
            .GroupBy(e => e.Deleted.Path, StringComparer.Ordinal)
            .Select(file => new ArtifactChange
            {
                ArtifactLocation = uris.For(file.Key),
                Replacements = [.. file.OrderBy(e => e.Deleted.Span.Start).Select(e => new Replacement
                {
                    DeletedRegion = Regions.Exact(e.Deleted),
                    InsertedContent = e.Inserted.Length > 0 ? new ArtifactContent { Text = e.Inserted } : null,
                })],
            })],
    };

    private PhysicalLocation PhysicalLocation(Parsing.Text.Location location, Region region) => new()
    {
        ArtifactLocation = uris.For(location),
        Region = region,
    };

    /// <summary>
    /// Appends an embedded link per related location after the message, so GitHub links them
    /// (<c>[text](id)</c>) while the first sentence stays the alert title. The link text is the related
    /// location's message as written: it often starts with a key such as network_mode.
    /// </summary>
    private static string MessageWithLinks(string message, List<RelatedLocation> related)
    {
        var text = new StringBuilder(message.Trim());
        if (related.Count == 0)
        {
            return text.ToString();
        }

        if (text.Length > 0 && !".!?".Contains(text[^1], StringComparison.Ordinal))
        {
            text.Append('.');
        }

        text.Append(" Related: ");
        text.AppendJoin(", ", related.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"[{EscapeLinkText(r.Message.Trim().TrimEnd('.'))}]({i + 1})")));
        return text.Append('.').ToString();
    }

    private static string EscapeLinkText(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
