using System.Collections.Immutable;
using System.Text;

namespace HostNetLint.Model.Interpolation;

/// <summary>
/// Compose variable interpolation: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:?error}</c>, <c>${VAR?error}</c>, <c>${VAR:+alternative}</c>, <c>${VAR+alternative}</c> and <c>$$</c>.
/// Unset variables become empty strings, as in compose. Malformed references are kept literally; never throws.
/// </summary>
/// <remarks>
/// Expansion is bounded: a result longer than <see cref="MaxResultLength"/> is abandoned (variables that reference
/// each other can double at every step), and defaults nested deeper than <see cref="MaxNesting"/> are kept literally.
/// <see cref="TryInterpolate"/> says which limit was reached, so env files can report it at the variable.
/// </remarks>
public sealed class Interpolator
{
    /// <summary>Defaults may nest (<c>${A:-${B:-x}}</c>); deeper nesting than this is kept literally.</summary>
    public const int MaxNesting = 16;

    /// <summary>The longest result (in characters) an interpolation may produce: far above any real value.</summary>
    public const int MaxResultLength = 1 << 20;

    private readonly IReadOnlyDictionary<string, string> variables;

    public Interpolator(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        this.variables = variables;
    }

    public static Interpolator Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>The interpolated text; the text as written when the result would be over <see cref="MaxResultLength"/>.</summary>
    public string Interpolate(string text)
    {
        var result = TryInterpolate(text);
        return result.Limit == InterpolationLimit.Length ? text : result.Text;
    }

    /// <summary>The interpolated text and the limit that stopped it, if any (then the text is as written or partly literal).</summary>
    public InterpolationResult TryInterpolate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return new InterpolationResult(text, InterpolationLimit.None);
        }

        var state = new Expansion();
        var result = Interpolate(text, 0, state);
        return state.TooLong ? new InterpolationResult(text, InterpolationLimit.Length)
            : new InterpolationResult(result, state.TooDeep ? InterpolationLimit.Nesting : InterpolationLimit.None);
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

    private string Interpolate(string text, int nesting, Expansion state)
    {
        var result = new StringBuilder(Math.Min(text.Length, MaxResultLength));
        var closing = text.Contains("${", StringComparison.Ordinal) ? MatchBraces(text) : null;
        var i = 0;
        while (i < text.Length)
        {
            if (state.TooLong || result.Length > MaxResultLength)
            {
                // Each appended piece is at most one variable's value, so the builder stays within twice the limit.
                state.TooLong = true;
                return string.Empty;
            }

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
                if (close < 0 || !TryExpandBraced(text[(i + 2)..close], nesting, state, out var expansion))
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

        if (result.Length > MaxResultLength)
        {
            state.TooLong = true;
            return string.Empty;
        }

        return result.ToString();
    }

    private bool TryExpandBraced(string body, int nesting, Expansion state, out string expansion)
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
                expansion = isSet ? value! : Nested(argument, nesting, state);
                return true;
            case '+':
                expansion = isSet ? Nested(argument, nesting, state) : string.Empty;
                return true;
            default:
                // `?`: compose stops with the error message; the linter carries on with what it would have used.
                expansion = value ?? string.Empty;
                return true;
        }
    }

    private string Nested(string text, int nesting, Expansion state)
    {
        if (nesting < MaxNesting)
        {
            return Interpolate(text, nesting + 1, state);
        }

        state.TooDeep = true;
        return text;
    }

    private string? Lookup(string name) => variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>What one interpolation ran into.</summary>
    private sealed class Expansion
    {
        public bool TooLong { get; set; }

        public bool TooDeep { get; set; }
    }
}

/// <summary>The limit an interpolation reached.</summary>
public enum InterpolationLimit
{
    None,

    /// <summary>The result would be longer than <see cref="Interpolator.MaxResultLength"/>; the text is as written.</summary>
    Length,

    /// <summary>Defaults nest deeper than <see cref="Interpolator.MaxNesting"/>; the deepest ones are kept literally.</summary>
    Nesting,
}

/// <summary>An interpolated text and the limit it reached, if any.</summary>
public readonly record struct InterpolationResult(string Text, InterpolationLimit Limit);
