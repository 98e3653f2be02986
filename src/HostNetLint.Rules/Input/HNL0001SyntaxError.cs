using HostNetLint.Model;
using HostNetLint.Parsing;
using HostNetLint.Rules.Diagnostics;

namespace HostNetLint.Rules.Input;

/// <summary>HNL0001: the file is not well-formed YAML (or not text); it is not analysed and never fixed.</summary>
public sealed class HNL0001SyntaxError : ParseProblemRule
{
    public static readonly RuleDescriptor Definition = RuleDescriptor.Create(
        "HNL0001",
        "YAML syntax error or unreadable file",
        "{0}.{1}",
        RuleCategory.Input,
        Severity.Error,
        "A file that is not well-formed YAML, not valid UTF-8 or UTF-16 text, or binary cannot be analysed; compose would refuse it too. The other files are still checked.",
        noFixReason: "The intended text cannot be inferred from malformed input.");

    public override RuleDescriptor Descriptor => Definition;

    protected override ParseProblemKind Kind => ParseProblemKind.Syntax;

    // A unit line systemd skips leaves the rest of the unit in force, and checked; a YAML error leaves nothing to check.
    // A problem that says what was left unchecked already (a directory that could not be listed) needs no second word.
    protected override string[] MessageArguments(SourceDocument document, ParseProblem problem)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(problem);
        var consequence = document.IsAnalyzable ? " The rest of the file was checked."
            : problem.Message.EndsWith("not checked", StringComparison.Ordinal) ? string.Empty
            : " The file was not checked.";
        return [problem.Message, consequence];
    }
}
