using System.Collections.Immutable;
using System.Text;

namespace HostNetLint.Model.Interpolation;

/// <summary>
/// Compose variable interpolation: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:?error}</c>, <c>${VAR?error}</c>, <c>${VAR:+alternative}</c>, <c>${VAR+alternative}</c> and <c>$$</c>.
/// Unset variables become empty strings, as in compose. Malformed references are kept literally; never throws.
/// </summary>
public sealed class Interpolator
{
    // Defaults may nest (`${A:-${B:-x}}`); deeper nesting than this is kept literally.
    private const int MaxNesting = 16;

    private readonly IReadOnlyDictionary<string, string> variables;

    public Interpolator(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        this.variables = variables;
    }

    public static Interpolator Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    public string Interpolate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('$', StringComparison.Ordinal) ? Interpolate(text, 0) : text;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// For each <c>${</c> (by index of its <c>$</c>) the index of the <c>}</c> that closes it, or -1, found in one
    /// pass so that text full of unclosed references stays linear.
    /// </summary>
    private static int[] MatchBraces(string text)
    {
        var matches = new int[text.Length];
        Array.Fill(matches, -1);
        var open = new Stack<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                i++;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                open.Push(i);
                i++;
            }
            else if (text[i] == '}' && open.Count > 0)
            {
                matches[open.Pop()] = i;
            }
        }

        return matches;
    }

    private string Interpolate(string text, int nesting)
    {
        var result = new StringBuilder(text.Length);
        var closing = text.Contains("${", StringComparison.Ordinal) ? MatchBraces(text) : null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                result.Append(c);
                i++;
                continue;
            }

            var next = text[i + 1];
            if (next == '$')
            {
                result.Append('$');
                i += 2;
            }
            else if (IsNameStart(next))
            {
                var end = i + 1;
                while (end < text.Length && IsNamePart(text[end]))
                {
                    end++;
                }

                result.Append(Lookup(text[(i + 1)..end]) ?? string.Empty);
                i = end;
            }
            else if (next == '{')
            {
                var close = closing![i];
                if (close < 0 || !TryExpandBraced(text[(i + 2)..close], nesting, out var expansion))
                {
                    // Not a well-formed reference: keep the `$` literally and go on after it.
                    result.Append('$');
                    i++;
                    continue;
                }

                result.Append(expansion);
                i = close + 1;
            }
            else
            {
                result.Append('$');
                i++;
            }
        }

        return result.ToString();
    }

    private bool TryExpandBraced(string body, int nesting, out string expansion)
    {
        expansion = string.Empty;
        if (body.Length == 0 || !IsNameStart(body[0]))
        {
            return false;
        }

        var nameEnd = 1;
        while (nameEnd < body.Length && IsNamePart(body[nameEnd]))
        {
            nameEnd++;
        }

        var value = Lookup(body[..nameEnd]);
        if (nameEnd == body.Length)
        {
            expansion = value ?? string.Empty;
            return true;
        }

        var colon = body[nameEnd] == ':';
        var operatorIndex = colon ? nameEnd + 1 : nameEnd;
        if (operatorIndex >= body.Length || body[operatorIndex] is not ('-' or '?' or '+'))
        {
            return false;
        }

        var argument = body[(operatorIndex + 1)..];
        var isSet = colon ? !string.IsNullOrEmpty(value) : value is not null;
        switch (body[operatorIndex])
        {
            case '-':
                expansion = isSet ? value! : Nested(argument, nesting);
                return true;
            case '+':
                expansion = isSet ? Nested(argument, nesting) : string.Empty;
                return true;
            default:
                // `?`: compose stops with the error message; the linter carries on with what it would have used.
                expansion = value ?? string.Empty;
                return true;
        }
    }

    private string Nested(string text, int nesting) => nesting >= MaxNesting ? text : Interpolate(text, nesting + 1);

    private string? Lookup(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
