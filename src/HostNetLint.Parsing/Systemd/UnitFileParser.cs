using System.Collections.Immutable;
using System.Text;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Parsing.Systemd;

/// <summary>
/// Reads a unit file line by line the way systemd's <c>config_parse()</c> does: comments are dropped
/// before continuation handling, continued lines are joined into one logical line, and each logical line is
/// a section header or an assignment. One pass over the text; each character is looked at a constant number
/// of times, so even a file that is one long continuation chain parses in linear time.
/// </summary>
internal sealed class UnitFileParser
{
    private readonly SourceText source;
    private readonly string text;
    private readonly UnitFileParseLimits limits;
    private readonly UnitFileDialect dialect;
    private readonly List<ParseProblem> problems = [];
    private readonly List<UnitComment> comments = [];
    private readonly List<TextSpan> blankLines = [];
    private readonly ImmutableArray<UnitSection>.Builder sections = ImmutableArray.CreateBuilder<UnitSection>();
    private readonly ImmutableArray<UnitEntry>.Builder sectionEntries = ImmutableArray.CreateBuilder<UnitEntry>();

    // The logical line being assembled, and where each of its pieces came from.
    private readonly StringBuilder logical = new();
    private readonly List<UnitValueSegment> logicalSegments = [];
    private int logicalFirstLine;
    private int logicalLastLine;

    private string? sectionName;
    private TextSpan sectionNameSpan;
    private TextSpan sectionHeaderSpan;
    private bool sectionHeaderValid;

    // A backslash followed by blanks does not continue a line; remembered to explain the orphaned next line.
    private int backslashBeforeBlanks = -1;
    private int backslashBeforeBlanksLine = -1;
    private bool isComplete = true;

    public UnitFileParser(SourceText source, UnitFileDialect dialect, UnitFileParseLimits limits)
    {
        this.source = source;
        text = source.Text;
        this.dialect = dialect;
        this.limits = limits;
    }

    /// <summary>What the consuming tool does with a malformed line, for problem messages.</summary>
    private string Consequence => dialect == UnitFileDialect.Quadlet ? "quadlet refuses the whole file" : "systemd ignores this line";

    internal static bool IsBlank(char c) => c is ' ' or '\t';

    public UnitFileSyntax Parse()
    {
        if (source.DecodeFailure is { } failure)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, CharAt(failure.Offset), failure.Message));
            return Finish(complete: false);
        }

        if (text.Length > limits.MaxLength)
        {
            problems.Add(new ParseProblem(ParseProblemKind.LimitExceeded, CharAt(0), $"The file is {text.Length:N0} characters long, over the limit of {limits.MaxLength:N0}; it was not parsed"));
            return Finish(complete: false);
        }

        var inContinuation = false;
        var lineCount = source.LineCount;
        var quadlet = dialect == UnitFileDialect.Quadlet;

        // Quadlet drops the backslash of the file's last line instead of continuing (the line after a final break is not a line).
        var lastContentLine = lineCount > 1 && source.GetLineSpan(lineCount - 1).IsEmpty ? lineCount - 2 : lineCount - 1;
        for (var line = 0; line < lineCount; line++)
        {
            var span = source.GetLineSpan(line);

            // The empty "line" after a final line break (or of an empty file) is no line at all.
            if (line == lineCount - 1 && span.IsEmpty && (line > 0 || text.Length == 0))
            {
                break;
            }

            // systemd skips a UTF-8 byte-order mark at the start; SourceText.Decode already removes it, From() may not.
            var start = line == 0 && text.Length > 0 && text[0] == '\uFEFF' ? 1 : span.Start;
            var firstNonBlank = start;
            while (firstNonBlank < span.End && IsBlank(text[firstNonBlank]))
            {
                firstNonBlank++;
            }

            var isBlankLine = firstNonBlank == span.End;
            if (!isBlankLine && text[firstNonBlank] is '#' or ';')
            {
                // Comments are dropped before continuation handling, so inside a continuation they are skipped.
                comments.Add(new UnitComment(TextSpan.FromBounds(firstNonBlank, span.End), text[firstNonBlank..span.End], inContinuation));
                if (inContinuation)
                {
                    logicalLastLine = line;
                }

                continue;
            }

            if (isBlankLine && (!inContinuation || quadlet))
            {
                // Quadlet treats an empty line like a comment, so inside a continuation it is skipped too.
                blankLines.Add(span);
                continue;
            }

            if (!inContinuation)
            {
                logical.Clear();
                logicalSegments.Clear();
                logicalFirstLine = line;
            }

            logicalLastLine = line;
            if (quadlet)
            {
                inContinuation = AppendQuadletLine(firstNonBlank, span.End, isLastLine: line >= lastContentLine);
                if (!inContinuation)
                {
                    FinishLogicalLine();
                }

                continue;
            }

            if (span.End > start)
            {
                logicalSegments.Add(new UnitValueSegment(logical.Length, start, span.End - start));
            }

            var continues = EndsInContinuation(start, span.End);
            if (continues)
            {
                // The backslash becomes a space; the next line is appended as is, leading blanks included.
                logical.Append(text, start, span.End - start - 1).Append(' ');
                inContinuation = true;
                continue;
            }

            logical.Append(text, start, span.End - start);
            inContinuation = false;
            FinishLogicalLine();
        }

        if (inContinuation)
        {
            // A continuation at the end of the file: systemd parses what it has.
            FinishLogicalLine();
        }

        CloseSection();
        return Finish(isComplete);
    }

    private UnitFileSyntax Finish(bool complete) =>
        new(source, dialect, sections.ToImmutable(), [.. comments], [.. blankLines], [.. problems], complete);

    /// <summary>
    /// Appends a line the way quadlet does: trimmed on both sides, a final backslash removed without a space.
    /// Returns true when the logical line continues on the next line.
    /// </summary>
    private bool AppendQuadletLine(int contentStart, int lineEnd, bool isLastLine)
    {
        var contentEnd = lineEnd;
        while (contentEnd > contentStart && IsBlank(text[contentEnd - 1]))
        {
            contentEnd--;
        }

        var endsInBackslash = contentEnd > contentStart && text[contentEnd - 1] == '\\';
        var pieceEnd = endsInBackslash ? contentEnd - 1 : contentEnd;
        if (pieceEnd > contentStart)
        {
            logicalSegments.Add(new UnitValueSegment(logical.Length, contentStart, pieceEnd - contentStart));
            logical.Append(text, contentStart, pieceEnd - contentStart);
        }

        return endsInBackslash && !isLastLine;
    }

    /// <summary>
    /// True when the line's last character is a backslash that is not itself escaped. Also notes a backslash
    /// followed only by blanks, which systemd does not treat as a continuation.
    /// </summary>
    private bool EndsInContinuation(int start, int end)
    {
        var escaped = false;
        var lastNonBlank = -1;
        var lastNonBlankWasEscape = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (escaped)
            {
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }

            if (!IsBlank(c))
            {
                lastNonBlank = i;
                lastNonBlankWasEscape = escaped;
            }
        }

        if (!escaped && lastNonBlank >= 0 && lastNonBlank < end - 1 && lastNonBlankWasEscape)
        {
            backslashBeforeBlanks = lastNonBlank;
            backslashBeforeBlanksLine = source.GetLinePosition(lastNonBlank).Line;
        }

        return escaped;
    }

    private void FinishLogicalLine()
    {
        var line = logical.ToString();
        var start = 0;
        var end = line.Length;
        while (start < end && IsBlank(line[start]))
        {
            start++;
        }

        while (end > start && IsBlank(line[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            // Only a backslash and blanks: nothing for systemd to read.
            return;
        }

        var lineSpan = MapSpan(start, end);
        if (end - start > limits.MaxLogicalLineLength)
        {
            problems.Add(new ParseProblem(ParseProblemKind.LimitExceeded, new TextSpan(lineSpan.Start, 0), $"The line is {end - start:N0} characters long, over the limit of {limits.MaxLogicalLineLength:N0} (systemd refuses such a file); it was skipped"));
            isComplete = false;
            return;
        }

        if (line[start] == '[')
        {
            ReadSectionHeader(line, start, end, lineSpan);
            return;
        }

        if (string.CompareOrdinal(line, start, ".include ", 0, 9) == 0)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, lineSpan, $".include is not supported any more; {Consequence}"));
            return;
        }

        if (sectionName is null)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, lineSpan, $"Assignment outside of any section; {Consequence}"));
            return;
        }

        var equals = line.IndexOf('=', start, end - start);
        if (equals < 0)
        {
            var message = $"Missing '=' in an assignment; {Consequence}";
            if (backslashBeforeBlanksLine >= 0 && backslashBeforeBlanksLine == logicalFirstLine - 1)
            {
                message += $" (the previous line ends in a backslash followed by blanks at {source.GetLinePosition(backslashBeforeBlanks).Line + 1}:{source.GetLinePosition(backslashBeforeBlanks).Character + 1}, which does not continue a line)";
            }

            problems.Add(new ParseProblem(ParseProblemKind.Syntax, lineSpan, message));
            return;
        }

        if (equals == start)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, lineSpan, $"Missing key name before '='; {Consequence}"));
            return;
        }

        var keyEnd = equals;
        while (keyEnd > start && IsBlank(line[keyEnd - 1]))
        {
            keyEnd--;
        }

        var valueStart = equals + 1;
        while (valueStart < end && IsBlank(line[valueStart]))
        {
            valueStart++;
        }

        var value = new UnitValue(SharedStrings.Share(line.AsSpan(valueStart, end - valueStart)), ClipSegments(valueStart, end), MapOffset(valueStart));
        var fullSpan = TextSpan.FromBounds(source.GetLineStart(logicalFirstLine), source.GetFullLineSpan(logicalLastLine).End);
        sectionEntries.Add(new UnitEntry(source, sectionName, SharedStrings.Share(line.AsSpan(start, keyEnd - start)), MapSpan(start, keyEnd), value, lineSpan, fullSpan, logicalFirstLine, logicalLastLine));
    }

    private void ReadSectionHeader(string line, int start, int end, TextSpan lineSpan)
    {
        CloseSection();
        var isValid = end - start >= 2 && line[end - 1] == ']';
        var nameEnd = isValid ? end - 1 : end;
        if (!isValid)
        {
            problems.Add(new ParseProblem(ParseProblemKind.Syntax, lineSpan, "Invalid section header: it must end in ']' (systemd and quadlet refuse the whole file)"));
            isComplete = false;
        }

        sectionName = SharedStrings.Share(line.AsSpan(start + 1, nameEnd - start - 1));
        sectionNameSpan = MapSpan(start + 1, nameEnd);
        sectionHeaderSpan = lineSpan;
        sectionHeaderValid = isValid;
    }

    private void CloseSection()
    {
        if (sectionName is not null)
        {
            sections.Add(new UnitSection(source, sectionName, sectionNameSpan, sectionHeaderSpan, sectionHeaderValid, sectionEntries.ToImmutable()));
        }

        sectionEntries.Clear();
    }

    /// <summary>The source offset of a logical-line offset; the line's length maps to just after its last character.</summary>
    private int MapOffset(int offset)
    {
        if (logicalSegments.Count == 0)
        {
            return source.GetLineStart(logicalFirstLine);
        }

        var last = logicalSegments[^1];
        if (offset >= last.ValueEnd)
        {
            return last.SourceEnd;
        }

        var index = logicalSegments.BinarySearch(new UnitValueSegment(offset, 0, 0), SegmentStartComparer.Instance);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var segment = logicalSegments[Math.Max(0, index)];
        return segment.SourceStart + (offset - segment.ValueStart);
    }

    private TextSpan MapSpan(int start, int end) =>
        start >= end ? new TextSpan(MapOffset(start), 0) : TextSpan.FromBounds(MapOffset(start), MapOffset(end - 1) + 1);

    private ImmutableArray<UnitValueSegment> ClipSegments(int start, int end)
    {
        var builder = ImmutableArray.CreateBuilder<UnitValueSegment>();
        foreach (var segment in logicalSegments)
        {
            var from = Math.Max(segment.ValueStart, start);
            var to = Math.Min(segment.ValueEnd, end);
            if (from < to)
            {
                builder.Add(new UnitValueSegment(from - start, segment.SourceStart + (from - segment.ValueStart), to - from));
            }
        }

        return builder.ToImmutable();
    }

    private TextSpan CharAt(int offset) =>
        offset < text.Length ? new TextSpan(offset, 1) : new TextSpan(Math.Max(0, text.Length), 0);

    private sealed class SegmentStartComparer : IComparer<UnitValueSegment>
    {
        public static readonly SegmentStartComparer Instance = new();

        public int Compare(UnitValueSegment x, UnitValueSegment y) => x.ValueStart.CompareTo(y.ValueStart);
    }
}
