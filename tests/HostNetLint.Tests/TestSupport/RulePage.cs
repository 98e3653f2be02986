using System.Text.RegularExpressions;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// A fenced example of a rule page: its language, its kind (noncompliant, compliant) and its text. Fences of the same kind
/// that each name a file and follow one another with only blank lines between are one example of several files: the
/// first is the example, the others its <see cref="Context"/> (a unit beside its compose file, a hostnetlint.yaml).
/// </summary>
public sealed record RuleExample(string RuleId, string Language, string Kind, string Text, int Line, string? FileName)
{
    /// <summary>The file the example is linted as: named in the fence, else by language.</summary>
    public string Path => FileName ?? (Language == "ini" ? "example.service" : "compose.yaml");

    /// <summary>The other files of the example, written beside it (path, text).</summary>
    public IReadOnlyList<(string Path, string Text)> Context { get; init; } = [];

    /// <summary>Every file of the example, itself first.</summary>
    public IEnumerable<(string Path, string Text)> Files => [(Path, Text), .. Context];

    public override string ToString() => $"{RuleId} {Kind} (line {Line})";
}

/// <summary>A rule page <c>rules/HNLxxxx.md</c>: front matter, section headings and fenced examples.</summary>
public sealed partial class RulePage
{
    private RulePage(string id, string path, IReadOnlyDictionary<string, string> frontMatter, IReadOnlyList<string> headings, IReadOnlyList<RuleExample> examples)
    {
        Id = id;
        Path = path;
        FrontMatter = frontMatter;
        Headings = headings;
        Examples = examples;
    }

    public string Id { get; }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    public IReadOnlyList<string> Headings { get; }

    public IReadOnlyList<RuleExample> Examples { get; }

    public static IEnumerable<RulePage> All() =>
        Directory.EnumerateFiles(Repository.RulesDirectory, "HNL*.md").Order(StringComparer.Ordinal).Select(Load);

    public static RulePage Load(string path)
    {
        var id = System.IO.Path.GetFileNameWithoutExtension(path);
        var lines = File.ReadAllLines(path);
        var frontMatter = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        if (lines.Length > 0 && lines[0] == "---")
        {
            for (index = 1; index < lines.Length && lines[index] != "---"; index++)
            {
                var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    frontMatter[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
                }
            }

            index++;
        }

        var headings = new List<string>();
        var examples = new List<RuleExample>();
        var previousEnd = -1;
        for (; index < lines.Length; index++)
        {
            if (lines[index].StartsWith("## ", StringComparison.Ordinal))
            {
                headings.Add(lines[index][3..].Trim());
                continue;
            }

            var fence = Fence().Match(lines[index]);
            if (!fence.Success)
            {
                continue;
            }

            var start = index + 1;
            var body = new List<string>();
            for (index++; index < lines.Length && lines[index].TrimEnd() != fence.Groups["ticks"].Value; index++)
            {
                body.Add(lines[index]);
            }

            var kind = fence.Groups["kind"].Value;
            if (kind.Length > 0)
            {
                var file = fence.Groups["file"].Success ? fence.Groups["file"].Value : null;
                var text = string.Join('\n', body) + "\n";
                if (file is not null && previousEnd >= 0 && examples[^1] is { FileName: not null } previous && previous.Kind == kind
                    && lines[(previousEnd + 1)..(start - 1)].All(string.IsNullOrWhiteSpace))
                {
                    examples[^1] = previous with { Context = [.. previous.Context, (file, text)] };
                }
                else
                {
                    examples.Add(new RuleExample(id, fence.Groups["lang"].Value, kind, text, start, file));
                }
            }

            // Only an example directly before can take this fence as one of its files.
            previousEnd = kind.Length > 0 ? index : -1;
        }

        return new RulePage(id, path, frontMatter, headings, examples);
    }

    [GeneratedRegex(@"^(?<ticks>```+)(?<lang>[a-z]+)?(\s+(?<kind>[a-z-]+))?(\s+(?<file>[\w./-]+))?\s*$")]
    private static partial Regex Fence();
}
