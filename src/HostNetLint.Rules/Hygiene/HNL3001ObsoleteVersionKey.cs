using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Rules.Fixing;

namespace HostNetLint.Rules.Hygiene;

/// <summary>HNL3001: the compose specification made the top-level version key obsolete.</summary>
public sealed class HNL3001ObsoleteVersionKey : Rule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL3001",
        "Obsolete top-level version key",
        "The top-level 'version' key is obsolete and ignored by compose. Remove it.",
        RuleCategory.ComposeHygiene,
        Severity.Note,
        "The compose specification ignores version; docker compose warns that it is obsolete. Leaving it suggests a file format that no longer exists.");

    public override RuleDescriptor Descriptor => Definition;

    public override void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.ComposeProjects.SelectMany(p => p.Files).DistinctBy(f => f.Document.Path))
        {
            if (file.Root is not { } root || root.Find("version") is not { } entry)
            {
                continue;
            }

            // The comment lines above version: usually head the file, so they stay.
            var index = root.Entries.IndexOf(entry);
            FixOffer Fix() => !file.Tree.IsComplete || !file.Document.IsAnalyzable
                ? FixOffer.None("the file does not parse cleanly")
                : FixOffer.From(
                    YamlEdits.RemoveEntry(file.Tree.Text, root, index, withLeadingComments: false) is { } edit ? new CodeFix("Remove the version key", "HNL3001.RemoveVersion", file.Tree.Text, [edit]) : null,
                    "version is the only key of the file, or shares its line with other YAML, so removing its line would change the file's meaning");
            context.Report(new Parsing.Text.Location(file.Tree.Text, entry.Key.Span), FindingPath.InFile(file.Document.Path).Then("version"), [], Fix);
        }
    }
}
