using System.CommandLine;
using System.Text;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;

namespace HostNetLint.Cli.Commands;

/// <summary><c>hostnetlint rules</c>: the catalogue as an aligned table.</summary>
public static class RulesCommand
{
    public const string Name = "rules";

    private static readonly string[] Headers = ["ID", "Severity", "Category", "Fixable", "Title"];

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command(Name, "List the rules HostNetLint ships");
        command.SetAction(_ =>
        {
            foreach (var line in FormatTable(RuleCatalog.Descriptors))
            {
                context.Output.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A header and one row per rule, columns padded to the widest cell; no trailing spaces.</summary>
    public static IReadOnlyList<string> FormatTable(IEnumerable<RuleDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        var rows = new List<string[]> { Headers };
        rows.AddRange(descriptors.Select(d => new[]
        {
            d.Id,
            d.DefaultSeverity.ToDisplay(),
            CategoryName(d.Category),
            d.IsFixable ? "yes" : "no",
            d.Title,
        }));

        var widths = new int[Headers.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var lines = new List<string>(rows.Count);
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                builder.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            lines.Add(builder.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>The category as shown to users (kebab case, like SARIF tags).</summary>
    public static string CategoryName(RuleCategory category) => category switch
    {
        RuleCategory.Input => "input",
        RuleCategory.Networking => "networking",
        RuleCategory.UnitOrdering => "unit-ordering",
        RuleCategory.ComposeHygiene => "compose-hygiene",
        _ => "other",
    };
}
