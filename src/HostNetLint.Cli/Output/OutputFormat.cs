namespace HostNetLint.Cli.Output;

/// <summary>The values of <c>--format</c>. A new format is a new member, a name in <see cref="OutputFormats"/> and a reporter.</summary>
public enum OutputFormat
{
    /// <summary>One MSBuild-style line per finding, then a summary line.</summary>
    Text,

    /// <summary>SARIF 2.1.0 for GitHub code scanning.</summary>
    Sarif,
}

public static class OutputFormats
{
    /// <summary>The names <c>--format</c> accepts, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "sarif"];

    public static bool TryParse(string text, out OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToLowerInvariant())
        {
            case "text":
                format = OutputFormat.Text;
                return true;
            case "sarif":
                format = OutputFormat.Sarif;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static IReporter CreateReporter(OutputFormat format, SarifSettings? sarif = null) => format switch
    {
        OutputFormat.Text => new TextReporter(),
        OutputFormat.Sarif => new SarifReporter(sarif ?? new SarifSettings(null, false)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No reporter for this format"),
    };
}
