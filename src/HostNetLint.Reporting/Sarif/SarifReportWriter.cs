using System.Globalization;
using System.Text;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Sarif;

/// <summary>
/// Writes one SARIF 2.1.0 run for one HostNetLint invocation, shaped for GitHub code scanning:
/// the whole rule catalogue (so <c>ruleIndex</c> never shifts), repository-relative URIs,
/// full regions, a line-independent fingerprint, and tool problems as notifications, not results.
/// The JSON is written as the SARIF SDK would serialize the same log (<see cref="SarifJsonWriter"/>), member by
/// member, without the SDK's reflection-based serializer, which kept 20 MB of the Native AOT binary and 1.5-2 ms of
/// every start (README "Benchmarks").
/// </summary>
public sealed class SarifReportWriter
{
    public const string ToolName = "HostNetLint";

    /// <summary>The schema address GitHub's own examples use; the same final 2.1.0 schema the SDK names.</summary>
    public static readonly Uri SchemaUri = new("https://json.schemastore.org/sarif-2.1.0.json");

    public const string SarifVersion = "2.1.0";

    private readonly SarifOptions options;
    private readonly ArtifactUris uris;

    public SarifReportWriter(SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        uris = new ArtifactUris(options.SourceRoot, options.DiagnosticPathBase);
    }

    /// <summary>Writes the SARIF of <paramref name="diagnostics"/>, indented, with a final line break.</summary>
    public void Write(IEnumerable<Diagnostic> diagnostics, TextWriter writer, IEnumerable<ToolNotification>? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Write(diagnostics.Select(d => new ReportedFinding(d)), writer, notifications);
    }

    public void Write(IEnumerable<ReportedFinding> findings, TextWriter writer, IEnumerable<ToolNotification>? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
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

        // Every rule a result names is in the table before the table is written.
        var rules = new RuleTable();
        foreach (var finding in reported)
        {
            rules.IndexOf(finding.Diagnostic.Descriptor);
        }

        var fingerprints = AssignFingerprints(reported);
        var json = new SarifJsonWriter(writer);

        // Members in the SDK's order, with what it leaves out left out (SarifSdkOracleTests).
        json.StartObject();
        json.String("$schema", ArtifactUris.UriText(SchemaUri));
        json.String("version", SarifVersion);
        json.Name("runs");
        json.StartArray();
        WriteRun(json, reported, rules, fingerprints, toolNotifications);
        json.EndArray();
        json.EndObject();

        writer.WriteLine();
        writer.Flush();
    }

    /// <summary>Writes UTF-8 without a byte-order mark, whatever the console's encoding (e.g. to standard output's stream).</summary>
    public void Write(IEnumerable<Diagnostic> diagnostics, Stream stream, IEnumerable<ToolNotification>? notifications = null)
    {
        using var writer = Utf8Writer(stream);
        Write(diagnostics, writer, notifications);
    }

    public void Write(IEnumerable<ReportedFinding> findings, Stream stream, IEnumerable<ToolNotification>? notifications = null)
    {
        using var writer = Utf8Writer(stream);
        Write(findings, writer, notifications);
    }

    /// <summary>Writes UTF-8 without a byte-order mark to <paramref name="path"/>, the form code scanning's upload accepts.</summary>
    public void WriteFile(IEnumerable<Diagnostic> diagnostics, string path, IEnumerable<ToolNotification>? notifications = null)
    {
        using var stream = File.Create(path);
        Write(diagnostics, stream, notifications);
    }

    public void WriteFile(IEnumerable<ReportedFinding> findings, string path, IEnumerable<ToolNotification>? notifications = null)
    {
        using var stream = File.Create(path);
        Write(findings, stream, notifications);
    }

    /// <summary>UTF-8 without a byte-order mark, which the upload action cannot parse.</summary>
    private static StreamWriter Utf8Writer(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 65536, leaveOpen: true);
    }

    private void WriteRun(SarifJsonWriter json, List<ReportedFinding> reported, RuleTable rules, Dictionary<ReportedFinding, string> fingerprints, List<ToolNotification> notifications)
    {
        json.StartObject();
        json.Name("tool");
        WriteTool(json, rules);

        json.Name("invocations");
        json.StartArray();
        WriteInvocation(json, notifications);
        json.EndArray();

        json.Name("originalUriBaseIds");
        json.StartObject();
        json.Name(ArtifactUris.SourceRootBaseId);
        json.StartObject();
        json.String("uri", ArtifactUris.UriText(uris.RootUri));
        json.EndObject();
        json.EndObject();

        json.Name("results");
        json.StartArray();
        foreach (var finding in reported)
        {
            WriteResult(json, finding, rules, fingerprints[finding]);
        }

        json.EndArray();

        if (!string.IsNullOrWhiteSpace(options.Category))
        {
            // GitHub takes everything before the last '/' as the category; without one the id has none.
            var category = options.Category.Trim();
            json.Name("automationDetails");
            json.StartObject();
            json.String("id", category.EndsWith('/') ? category : category + "/");
            json.EndObject();
        }

        json.String("columnKind", "utf16CodeUnits");
        json.EndObject();
    }

    /// <summary><c>tool.driver</c>, with the whole rule table (<see cref="RuleTable"/>).</summary>
    private void WriteTool(SarifJsonWriter json, RuleTable rules)
    {
        json.StartObject();
        json.Name("driver");
        json.StartObject();
        json.String("name", ToolName);
        json.String("semanticVersion", options.ToolVersion);
        json.String("informationUri", ArtifactUris.UriText(options.InformationUri));
        json.Name("rules");
        json.StartArray();
        foreach (var descriptor in rules.Descriptors)
        {
            RuleMetadata.Write(json, descriptor, options.HelpBaseUri);
        }

        json.EndArray();
        json.EndObject();
        json.EndObject();
    }

    private void WriteInvocation(SarifJsonWriter json, List<ToolNotification> notifications)
    {
        json.StartObject();
        WriteNotifications(ToolNotificationKind.Execution, "toolExecutionNotifications");
        WriteNotifications(ToolNotificationKind.Configuration, "toolConfigurationNotifications");
        json.Name("executionSuccessful");
        json.Boolean(notifications.All(n => n.Level != Severity.Error));
        json.EndObject();

        void WriteNotifications(ToolNotificationKind kind, string name)
        {
            if (!notifications.Any(n => n.Kind == kind))
            {
                return;
            }

            json.Name(name);
            json.StartArray();
            foreach (var notification in notifications)
            {
                if (notification.Kind == kind)
                {
                    WriteNotification(json, notification);
                }
            }

            json.EndArray();
        }
    }

    private void WriteNotification(SarifJsonWriter json, ToolNotification notification)
    {
        json.StartObject();
        if (notification.Location is { } location)
        {
            json.Name("locations");
            json.StartArray();
            json.StartObject();
            WritePhysicalLocation(json, For(location), Regions.ForDisplay(location));
            json.EndObject();
            json.EndArray();
        }

        WriteMessage(json, notification.Message);
        WriteLevel(json, notification.Level);
        if (notification.Exception is { } exception)
        {
            json.Name("exception");
            WriteException(json, exception);
        }

        if (notification.Id is { } id)
        {
            json.Name("descriptor");
            json.StartObject();
            json.String("id", id);
            json.EndObject();
        }

        json.EndObject();
    }

    /// <summary>
    /// An <c>exception</c> as the SDK's <c>ExceptionData.Create</c> describes it: the type's name, the message, one
    /// frame per line of the stack trace, and the inner exceptions. An exception that was never thrown has no
    /// stack, and then none is written (the SDK's <c>"frames": null</c> is rejected by the schema).
    /// </summary>
    private static void WriteException(SarifJsonWriter json, Exception exception)
    {
        json.StartObject();
        json.String("kind", exception.GetType().Name);
        json.String("message", exception.Message);
        if (!string.IsNullOrEmpty(exception.StackTrace))
        {
            json.Name("stack");
            json.StartObject();
            json.Name("frames");
            json.StartArray();
            foreach (var line in exception.StackTrace.Split(Environment.NewLine))
            {
                WriteStackFrame(json, line);
            }

            json.EndArray();
            json.EndObject();
        }

        json.Name("innerExceptions");
        json.StartArray();
        IEnumerable<Exception> inner = exception is AggregateException aggregate ? aggregate.InnerExceptions
            : exception.InnerException is { } one ? [one]
            : [];
        foreach (var innerException in inner)
        {
            WriteException(json, innerException);
        }

        json.EndArray();
        json.EndObject();
    }

    /// <summary>
    /// A line of a stack trace, <c>   at Method(args)[ in file:line N]</c>: the method as the logical location, the
    /// file and line as the physical one. A line of another form (<c>--- End of stack trace ---</c>) is an empty frame.
    /// </summary>
    private static void WriteStackFrame(SarifJsonWriter json, string line)
    {
        json.StartObject();
        var at = line.IndexOf("   at ", StringComparison.Ordinal);
        var close = at < 0 ? -1 : line.IndexOf(')', at);
        if (close > at + "   at ".Length)
        {
            var method = line[(at + "   at ".Length)..(close + 1)];
            var (file, lineNumber) = SourceOf(line[(close + 1)..]);
            json.Name("location");
            json.StartObject();
            if (file is not null)
            {
                json.Name("physicalLocation");
                json.StartObject();
                json.Name("artifactLocation");
                WriteArtifactLocation(json, new SarifArtifactLocation(ArtifactUris.UriText(file), null));
                json.Name("region");
                json.StartObject();
                json.Number("startLine", lineNumber);
                json.EndObject();
                json.EndObject();
            }

            if (!string.IsNullOrWhiteSpace(method))
            {
                json.Name("logicalLocations");
                json.StartArray();
                json.StartObject();
                json.String("fullyQualifiedName", method);
                json.EndObject();
                json.EndArray();
            }

            json.EndObject();
        }

        json.EndObject();

        // " in /path/File.cs:line 42" right after the method, as the runtime writes it when it has line numbers.
        static (Uri? File, int Line) SourceOf(string rest)
        {
            const string In = " in ", LineMarker = ":line ";
            var marker = rest.LastIndexOf(LineMarker, StringComparison.Ordinal);
            if (!rest.StartsWith(In, StringComparison.Ordinal) || marker <= In.Length
                || !int.TryParse(rest.AsSpan(marker + LineMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || !Uri.TryCreate(rest[In.Length..marker], UriKind.RelativeOrAbsolute, out var file))
            {
                return (null, 0);
            }

            return (file, number);
        }
    }

    private Dictionary<ReportedFinding, string> AssignFingerprints(List<ReportedFinding> findings)
    {
        var byDiagnostic = Fingerprints.Assign(findings.Select(f => f.Diagnostic), uris.Identity);
        return findings.ToDictionary<ReportedFinding, ReportedFinding, string>(f => f, f => byDiagnostic[f.Diagnostic], ReferenceEqualityComparer.Instance);
    }

    private void WriteResult(SarifJsonWriter json, ReportedFinding finding, RuleTable rules, string fingerprint)
    {
        var diagnostic = finding.Diagnostic;
        var related = diagnostic.RelatedLocations.Take(SarifLimits.MaxRelatedLocationsPerResult).ToList();
        json.StartObject();
        json.String("ruleId", diagnostic.Id);
        json.Number("ruleIndex", rules.IndexOf(diagnostic.Descriptor));
        WriteLevel(json, diagnostic.Severity);
        WriteMessage(json, MessageWithLinks(diagnostic.Message, related));
        json.Name("locations");
        json.StartArray();
        json.StartObject();
        WritePhysicalLocation(json, For(diagnostic.Location), Regions.ForDisplay(diagnostic.Location));
        json.EndObject();
        json.EndArray();
        json.Name("partialFingerprints");
        json.StartObject();
        json.String(Fingerprints.Key, fingerprint);
        json.EndObject();

        if (related.Count > 0)
        {
            json.Name("relatedLocations");
            json.StartArray();
            for (var i = 0; i < related.Count; i++)
            {
                json.StartObject();
                json.Number("id", i + 1);
                WritePhysicalLocation(json, For(related[i].Location), Regions.ForDisplay(related[i].Location));
                WriteMessage(json, related[i].Message);
                json.EndObject();
            }

            json.EndArray();
        }

        if (finding.Suppression is { } suppression)
        {
            json.Name("suppressions");
            json.StartArray();
            json.StartObject();
            json.String("kind", suppression.Source == SuppressionSource.InSource ? "inSource" : "external");
            json.String("status", "accepted");
            if (suppression.Justification is { } justification)
            {
                json.String("justification", justification);
            }

            json.EndObject();
            json.EndArray();
        }

        if (!finding.Fixes.IsDefaultOrEmpty)
        {
            json.Name("fixes");
            json.StartArray();
            foreach (var fix in finding.Fixes)
            {
                WriteFix(json, fix);
            }

            json.EndArray();
        }
        else if (finding.NoFixReason is { } reason)
        {
            // SARIF has no place for "why there is no fix": a property, named like the other tools' result properties.
            json.Name("properties");
            json.StartObject();
            json.String(NoFixReasonProperty, reason);
            json.EndObject();
        }

        json.EndObject();
    }

    /// <summary>The result property that says why a finding of a fixable rule has no <c>fixes</c>.</summary>
    public const string NoFixReasonProperty = "hostnetlint/noFixReason";

    private void WriteFix(SarifJsonWriter json, ReportedFix fix)
    {
        json.StartObject();
        json.Name("description");
        json.StartObject();
        json.String("text", fix.Description);
        json.EndObject();
        json.Name("artifactChanges");
        json.StartArray();
        foreach (var file in fix.Edits.GroupBy(e => e.Deleted.Path, StringComparer.Ordinal))
        {
            json.StartObject();
            json.Name("artifactLocation");
            WriteArtifactLocation(json, uris.For(file.Key));
            json.Name("replacements");
            json.StartArray();
            foreach (var edit in file.OrderBy(e => e.Deleted.Span.Start))
            {
                json.StartObject();
                json.Name("deletedRegion");
                WriteRegion(json, Regions.Exact(edit.Deleted));
                if (edit.Inserted.Length > 0)
                {
                    json.Name("insertedContent");
                    json.StartObject();
                    json.String("text", edit.Inserted);
                    json.EndObject();
                }

                json.EndObject();
            }

            json.EndArray();
            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
    }

    private SarifArtifactLocation For(Parsing.Text.Location location) => uris.For(location);

    /// <summary>A location's <c>physicalLocation</c> member.</summary>
    private static void WritePhysicalLocation(SarifJsonWriter json, SarifArtifactLocation artifact, SarifRegion region)
    {
        json.Name("physicalLocation");
        json.StartObject();
        json.Name("artifactLocation");
        WriteArtifactLocation(json, artifact);
        json.Name("region");
        WriteRegion(json, region);
        json.EndObject();
    }

    private static void WriteArtifactLocation(SarifJsonWriter json, SarifArtifactLocation artifact)
    {
        json.StartObject();
        json.String("uri", artifact.Uri);
        if (artifact.UriBaseId is { } baseId)
        {
            json.String("uriBaseId", baseId);
        }

        json.EndObject();
    }

    /// <summary>The SDK leaves out a line or column of 0, which our regions never have.</summary>
    private static void WriteRegion(SarifJsonWriter json, SarifRegion region)
    {
        json.StartObject();
        json.Number("startLine", region.StartLine);
        json.Number("startColumn", region.StartColumn);
        json.Number("endLine", region.EndLine);
        json.Number("endColumn", region.EndColumn);
        json.EndObject();
    }

    /// <summary>A <c>message</c> member; the SDK writes no text when there is none.</summary>
    private static void WriteMessage(SarifJsonWriter json, string? text)
    {
        json.Name("message");
        json.StartObject();
        if (text is not null)
        {
            json.String("text", text);
        }

        json.EndObject();
    }

    /// <summary>A <c>level</c> member, left out when it is SARIF's default (warning).</summary>
    private static void WriteLevel(SarifJsonWriter json, Severity severity)
    {
        var level = SarifLevels.From(severity);
        if (level != SarifLevels.Default)
        {
            json.String("level", level);
        }
    }

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
