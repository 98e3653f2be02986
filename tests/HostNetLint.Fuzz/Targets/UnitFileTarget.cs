using HostNetLint.Fuzz.Invariants;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Fuzz.Targets;

/// <summary>
/// The unit-file parser (src/HostNetLint.Parsing/Systemd) over raw bytes, read as systemd and as quadlet would, and
/// the Exec command-line parser over every <c>Exec*=</c> entry. Beyond "no exception": every span lies inside the text,
/// entries come in file order, and each value character maps back to the source character it came from.
/// </summary>
public static class UnitFileTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var text = SourceText.Decode(input, "fuzz.service");
        foreach (var dialect in new[] { UnitFileDialect.Systemd, UnitFileDialect.Quadlet })
        {
            var syntax = UnitFileSyntax.Parse(text, dialect);
            Check(syntax, text);
            _ = UnitFileSyntax.MergeDropIns(syntax, [syntax]).GetSection("Unit")?.GetList("After");
        }
    }

    private static void Check(UnitFileSyntax syntax, SourceText text)
    {
        var length = text.Length;
        foreach (var problem in syntax.Problems)
        {
            Spans.CheckWithin(problem.Span, length, $"problem '{problem.Message}'");
        }

        foreach (var comment in syntax.Comments)
        {
            Spans.CheckWithin(comment.Span, length, "comment");
            InvariantViolationException.ThrowUnless(
                !comment.Span.IsEmpty && text.Text[comment.Span.Start] is '#' or ';',
                $"comment at {comment.Span} does not start at '#' or ';'");
        }

        var previousEnd = 0;
        foreach (var section in syntax.Sections)
        {
            Spans.CheckWithin(section.HeaderSpan, length, $"header of [{section.Name}]");
            Spans.CheckWithin(section.NameSpan, section.HeaderSpan, $"name of [{section.Name}]");
            foreach (var entry in section.Entries)
            {
                var what = $"{syntax.Dialect} entry {entry.Key}= of [{section.Name}]";
                Spans.CheckWithin(entry.FullSpan, length, what);
                Spans.CheckWithin(entry.Span, entry.FullSpan, what);
                Spans.CheckWithin(entry.KeySpan, entry.Span, "key of " + what);
                Spans.CheckWithin(entry.ValueSpan, entry.FullSpan, "value of " + what);
                InvariantViolationException.ThrowUnless(entry.Span.Start >= previousEnd, $"{what} at {entry.Span} starts before the previous entry ends ({previousEnd})");
                previousEnd = entry.Span.End;
                CheckSegments(entry, text, what);
                if (entry.Key.StartsWith("Exec", StringComparison.Ordinal))
                {
                    CheckCommandLine(ExecCommandLine.Parse(entry), entry, what);
                }
            }
        }
    }

    /// <summary>Value offset i of a segment is source offset SourceStart + i, character for character (a joining space stands for its backslash).</summary>
    private static void CheckSegments(UnitEntry entry, SourceText text, string what)
    {
        var covered = 0;
        foreach (var segment in entry.Value.Segments)
        {
            InvariantViolationException.ThrowUnless(segment.ValueStart == covered, $"segments of {what} do not tile its value (gap at {covered})");
            Spans.CheckWithin(new TextSpan(segment.SourceStart, segment.Length), entry.FullSpan, "segment of " + what);
            for (var i = 0; i < segment.Length; i++)
            {
                var valueChar = entry.Value.Text[segment.ValueStart + i];
                var sourceChar = text.Text[segment.SourceStart + i];
                InvariantViolationException.ThrowUnless(
                    valueChar == sourceChar || (valueChar == ' ' && sourceChar == '\\'),
                    $"value character {segment.ValueStart + i} of {what} is '{valueChar}' but its source character is '{sourceChar}'");
            }

            covered = segment.ValueEnd;
        }

        InvariantViolationException.ThrowUnless(covered == entry.Value.Length, $"segments of {what} cover {covered} of {entry.Value.Length} value characters");
    }

    private static void CheckCommandLine(ExecCommandLine line, UnitEntry entry, string what)
    {
        foreach (var problem in line.Problems)
        {
            Spans.CheckWithin(problem.Span, entry.FullSpan, $"command-line problem '{problem.Message}' of {what}");
        }

        foreach (var command in line.Commands)
        {
            Spans.CheckWithin(command.Span, entry.FullSpan, "command of " + what);
            foreach (var argument in command.Arguments.Prepend(command.Executable))
            {
                Spans.CheckWithin(argument.Span, entry.FullSpan, $"argument '{argument.RawText}' of {what}");
            }
        }
    }
}
