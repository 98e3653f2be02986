namespace HostNetLint.Tests.CiFormats;

/// <summary>
/// How GitHub's runner reads a workflow command line, transcribed from actions/runner
/// src/Runner.Common/ActionCommand.cs (<c>TryParseV2</c>, <c>UnescapeProperty</c>, <c>UnescapeData</c>) at commit
/// 258d6c857db3519913f7deb6004b60172f8043ae: so a test can read our output back exactly as the runner would.
/// </summary>
internal static class RunnerCommands
{
    public sealed record Command(string Name, IReadOnlyDictionary<string, string> Properties, string Data);

    public static Command? TryParse(string line)
    {
        var message = line.TrimStart();
        if (!message.StartsWith("::", StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var info = message[2..end];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var property in info[(space + 1)..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = property.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (pair.Length == 2)
                {
                    properties[pair[0]] = Unescape(pair[1], property: true);
                }
            }
        }

        return new Command(name, properties, Unescape(message[(end + 2)..], property: false));
    }

    private static string Unescape(string text, bool property)
    {
        text = text.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal);
        if (property)
        {
            text = text.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
        }

        return text.Replace("%25", "%", StringComparison.Ordinal);
    }
}
