using System.Collections.Immutable;
using System.Text.Json;
using HostNetLint.Parsing.IO;
using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Reporting.Baseline;

/// <summary>
/// A baseline: the fingerprints of the findings a repository had when it adopted HostNetLint. It is an
/// ordinary SARIF log (written by <see cref="SarifReportWriter"/>), so code scanning tools can read it too;
/// only <c>partialFingerprints["hostNetLint/v1"]</c> of each result is used to match.
/// </summary>
public sealed class SarifBaseline
{
    /// <summary>The largest baseline read: far above the SARIF of any real repository (about 1 KiB a finding).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    private SarifBaseline(ImmutableHashSet<string> fingerprints) => Fingerprints = fingerprints;

    public ImmutableHashSet<string> Fingerprints { get; }

    /// <summary>Writes today's findings as the baseline at <paramref name="path"/>.</summary>
    public static void Write(IEnumerable<Diagnostic> diagnostics, string path, SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        new SarifReportWriter(options with { IncludeSuppressed = false }).WriteFile(diagnostics, path);
    }

    /// <summary>Reads a baseline; never throws on bad input, the error says what is wrong instead.</summary>
    public static SarifBaseline? TryRead(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var read = BoundedFileReader.Read(path, MaxBytes);
            if (!read.IsRead)
            {
                error = $"the baseline '{path}' cannot be read: {read.Reason}";
                return null;
            }

            using var document = JsonDocument.Parse(read.Bytes, new JsonDocumentOptions { MaxDepth = 256 });
            var fingerprints = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            if (!document.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                error = $"'{path}' is not a SARIF log (no runs)";
                return null;
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    if (result.ValueKind == JsonValueKind.Object
                        && result.TryGetProperty("partialFingerprints", out var partial)
                        && partial.ValueKind == JsonValueKind.Object
                        && partial.TryGetProperty(Sarif.Fingerprints.Key, out var value)
                        && value.ValueKind == JsonValueKind.String)
                    {
                        fingerprints.Add(value.GetString()!);
                    }
                }
            }

            error = null;
            return new SarifBaseline(fingerprints.ToImmutable());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            error = $"the baseline '{path}' cannot be read: {ex.Message}";
            return null;
        }
    }

    /// <summary>Splits findings into new ones (reported) and those the baseline already knows.</summary>
    public BaselineOutcome Apply(IReadOnlyList<Diagnostic> diagnostics, SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(options);
        var fingerprints = BaselineFingerprints.Compute(diagnostics, options);
        var fresh = ImmutableArray.CreateBuilder<Diagnostic>();
        var known = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            (Fingerprints.Contains(fingerprints[diagnostic]) ? known : fresh).Add(diagnostic);
        }

        return new BaselineOutcome(fresh.ToImmutable(), known.ToImmutable());
    }
}
