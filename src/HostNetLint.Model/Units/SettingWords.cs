using HostNetLint.Model.Workloads;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.Units;

/// <summary>Turns unit-file setting values into located words.</summary>
internal static class SettingWords
{
    /// <summary>The whole value of an assignment, located across continuation lines.</summary>
    public static UnitWord Whole(UnitEntry entry) =>
        new(entry.Value.Text, entry.Value.Text, new Location(entry.Source, entry.ValueSpan));

    /// <summary>
    /// The words of a space-separated value (<c>Environment=</c>, quadlet's <c>Label=</c> and <c>Exec=</c>),
    /// quotes removed, each located in the file even when the value is continued.
    /// </summary>
    public static List<UnitWord> Split(UnitEntry entry)
    {
        var text = entry.Value.Text;
        var words = new List<UnitWord>();
        foreach (var word in ShellWords.Split(text))
        {
            var span = entry.Value.ToSourceSpan(TextSpan.FromBounds(word.Start, word.End));
            words.Add(new UnitWord(word.Text, text[word.Start..word.End], new Location(entry.Source, span)));
        }

        return words;
    }

    /// <summary>Reads <c>NAME=VALUE</c> words (<c>NAME</c> alone has no value) as environment variables.</summary>
    public static EnvironmentVariable ToVariable(UnitWord word)
    {
        var equals = word.Text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? new EnvironmentVariable(word.Text, null, word.ToValue())
            : new EnvironmentVariable(word.Text[..equals], word.Slice(equals + 1).ToValue(), word.ToValue());
    }
}
