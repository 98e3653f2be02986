namespace HostNetLint.Cli.Output;

/// <summary>The values of <c>--format</c>. A new format is a new member, a name in <see cref="OutputFormats"/> and a reporter.</summary>
public enum OutputFormat
{
    /// <summary>One MSBuild-style line per finding, then a summary line.</summary>
    Text,
}

public static class OutputFormats
{
    /// <summary>The names <c>--format</c> accepts, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text"];

    public static bool TryParse(string text, out OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToLowerInvariant())
        {
            case "text":
                format = OutputFormat.Text;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static IReporter CreateReporter(OutputFormat format) => format switch
    {
        OutputFormat.Text => new TextReporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No reporter for this format"),
    };
}
