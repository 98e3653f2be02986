using System.Text;

namespace HostNetLint.Reporting.GitHub;

/// <summary>
/// GitHub's workflow command escaping, as the toolkit writes it (actions/toolkit packages/core/src/command.ts,
/// <c>escapeData</c> and <c>escapeProperty</c>) and the runner reads it back (actions/runner
/// src/Runner.Common/ActionCommand.cs): <c>%</c> first, then CR and LF; property values also <c>:</c> and <c>,</c>,
/// which would otherwise end the property list or the property.
/// </summary>
public static class WorkflowCommands
{
    /// <summary>The message after <c>::</c>: <c>%</c> -> <c>%25</c>, CR -> <c>%0D</c>, LF -> <c>%0A</c>.</summary>
    public static string EscapeData(string value) => Escape(value, property: false);

    /// <summary>A property value (<c>file=</c>, <c>title=</c>): as <see cref="EscapeData"/>, plus <c>:</c> -> <c>%3A</c> and <c>,</c> -> <c>%2C</c>.</summary>
    public static string EscapeProperty(string value) => Escape(value, property: true);

    private static string Escape(string value, bool property)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            var escaped = c switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                ':' when property => "%3A",
                ',' when property => "%2C",
                _ => null,
            };
            if (escaped is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(escaped);
            }
        }

        return builder.ToString();
    }
}
