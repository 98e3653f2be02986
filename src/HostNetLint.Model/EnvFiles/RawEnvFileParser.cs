using System.Collections.Immutable;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Model.EnvFiles;

/// <summary>
/// Reads env files the way podman (<c>pkg/env/env.go</c>, <c>ParseFile</c>) and docker's kvfile (compose's
/// <c>format: raw</c>) do: one assignment per line, leading blanks and <c>#</c> comment lines skipped, the value
/// verbatim after the first <c>=</c> (quotes and <c>$</c> included), <c>NAME</c> alone inherited from the environment.
/// </summary>
internal static class RawEnvFileParser
{
    public static ImmutableArray<EnvFileLine> Parse(string text)
    {
        var lines = ImmutableArray.CreateBuilder<EnvFileLine>();
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;

            // Go's line scanner drops the \r of a CRLF line ending.
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var first = start;
            while (first < contentEnd && text[first] is ' ' or '\t')
            {
                first++;
            }

            if (first < contentEnd && text[first] != '#')
            {
                var equals = text.IndexOf('=', first, contentEnd - first);
                if (equals < 0)
                {
                    var span = TextSpan.FromBounds(first, contentEnd);
                    lines.Add(new EnvFileLine(text[first..contentEnd], string.Empty, Interpolate: false, Inherited: true, span, new TextSpan(contentEnd, 0), span));
                }
                else if (equals > first)
                {
                    // podman refuses "=VALUE"; such a line names nothing and is skipped.
                    lines.Add(new EnvFileLine(text[first..equals], text[(equals + 1)..contentEnd], Interpolate: false, Inherited: false,
                        TextSpan.FromBounds(first, equals), TextSpan.FromBounds(equals + 1, contentEnd), TextSpan.FromBounds(first, contentEnd)));
                }
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return lines.ToImmutable();
    }
}
