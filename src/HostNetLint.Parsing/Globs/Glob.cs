using System.Globalization;

namespace HostNetLint.Parsing.Globs;

/// <summary>
/// A glob compiled to a small automaton and matched by following all its states at once (Thompson's construction,
/// as RE2 does): matching costs time linear in pattern length × input length, whatever the pattern, so no timeout is
/// needed. <c>*a*a*a*a*a*a*b</c>, which sends a backtracking regex into minutes, costs microseconds here. Braces
/// compile to alternatives without being expanded, and compiling is linear in the pattern too (brace nesting deeper
/// than <see cref="MaxBraceDepth"/> is taken literally).
/// A numeric range <c>{n..m}</c> matches <c>[+-]?[0-9]+</c> with a value from n to m: a state inside it carries the
/// value read so far and is dropped once the value can no longer end in range, so only a few (one per digit of the
/// bound) are alive at a time. Unlike a regex with the check after the match, any way of matching counts.
/// </summary>
public sealed class Glob
{
    /// <summary>Braces nested deeper than this are literal text: no real glob comes close.</summary>
    public const int MaxBraceDepth = 32;

    private readonly Instruction[] program;
    private readonly GlobSyntax syntax;

    private Glob(Instruction[] program, GlobSyntax syntax)
    {
        this.program = program;
        this.syntax = syntax;
    }

    private enum Op
    {
        Char,
        Any,
        AnyButSeparator,
        Class,
        Number,
        Split,
        Jump,
        Match,
    }

    private enum NumberPhase : byte
    {
        None,
        Start,
        Signed,
        Digits,
    }

    /// <summary>Compiles <paramref name="pattern"/> written in <paramref name="syntax"/>; never fails (what is not syntax is literal).</summary>
    public static Glob Compile(string pattern, GlobSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(syntax);
        var compiler = new Compiler(pattern, syntax);
        compiler.Translate(0, pattern.Length, depth: 0);
        compiler.Emit(new Instruction(Op.Match));
        return new Glob([.. compiler.Program], syntax);
    }

    /// <summary>True when the whole of <paramref name="text"/> matches.</summary>
    public bool IsMatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var current = new ThreadSet(program.Length);
        var next = new ThreadSet(program.Length);
        AddClosure(current, new Thread(0));
        foreach (var c in text)
        {
            next.Clear();
            foreach (var thread in current.Threads)
            {
                Step(thread, c, next);
            }

            (current, next) = (next, current);
            if (current.Threads.Count == 0)
            {
                return false;
            }
        }

        return current.Threads.Exists(t => program[t.Pc].Op == Op.Match);
    }

    private static bool InRange(Thread thread, Instruction number)
    {
        // The magnitude never exceeds the bound on its side, so the value fits a long (|long.MinValue| included).
        var value = thread.Negative ? (long)(0UL - thread.Magnitude) : (long)thread.Magnitude;
        return value >= number.Min && value <= number.Max;
    }

    /// <summary>The largest magnitude a number of this sign can reach and still end in range; null when none can.</summary>
    private static ulong? Bound(bool negative, Instruction number) =>
        negative
            ? number.Min < 0 ? (ulong)(-(number.Min + 1)) + 1 : number.Min == 0 ? 0UL : null
            : number.Max >= 0 ? (ulong)number.Max : null;

    private void Step(Thread thread, char c, ThreadSet next)
    {
        var instruction = program[thread.Pc];
        var consumed = instruction.Op switch
        {
            Op.Char => instruction.Char == c || (syntax.IgnoreCase && char.ToLowerInvariant(instruction.Char) == char.ToLowerInvariant(c)),
            Op.Any => true,
            Op.AnyButSeparator => c != syntax.Separator,
            Op.Class => instruction.Class!.Contains(c, syntax.Separator),
            _ => false,
        };
        if (consumed)
        {
            AddClosure(next, new Thread(thread.Pc + 1));
        }
        else if (instruction.Op == Op.Number)
        {
            StepNumber(thread, instruction, c, next);
        }
    }

    private void StepNumber(Thread thread, Instruction number, char c, ThreadSet next)
    {
        if (thread.Phase == NumberPhase.Start && c is '+' or '-')
        {
            AddClosure(next, thread with { Phase = NumberPhase.Signed, Negative = c == '-' });
            return;
        }

        if (!char.IsAsciiDigit(c) || thread.Magnitude > ulong.MaxValue / 10)
        {
            return;
        }

        var magnitude = (thread.Magnitude * 10) + (ulong)(c - '0');

        // Digits only make the magnitude larger: past the bound of its sign, the number can never end in range.
        if (Bound(thread.Negative, number) is { } bound && magnitude <= bound)
        {
            AddClosure(next, thread with { Phase = NumberPhase.Digits, Magnitude = magnitude });
        }
    }

    /// <summary>Adds <paramref name="start"/> and every state it reaches without reading a character.</summary>
    private void AddClosure(ThreadSet set, Thread start)
    {
        var pending = new Stack<Thread>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            var thread = pending.Pop();
            var instruction = program[thread.Pc];
            if (thread.Phase != NumberPhase.None)
            {
                // Inside a number: the number may end here when its value is in range.
                if (set.AddNumber(thread) && thread.Phase == NumberPhase.Digits && InRange(thread, instruction))
                {
                    pending.Push(new Thread(thread.Pc + 1));
                }

                continue;
            }

            if (!set.MarkPlain(thread.Pc))
            {
                continue;
            }

            switch (instruction.Op)
            {
                case Op.Split:
                    pending.Push(new Thread(instruction.Alternative));
                    pending.Push(new Thread(instruction.Target));
                    break;
                case Op.Jump:
                    pending.Push(new Thread(instruction.Target));
                    break;
                case Op.Number:
                    set.Threads.Add(thread with { Phase = NumberPhase.Start });
                    break;
                default:
                    set.Threads.Add(thread);
                    break;
            }
        }
    }

    private readonly record struct Thread(int Pc, NumberPhase Phase = NumberPhase.None, bool Negative = false, ulong Magnitude = 0);

    /// <summary>The states alive after reading some input: each plain state once, each number state once per value.</summary>
    private sealed class ThreadSet(int size)
    {
        private readonly int[] marks = new int[size];
        private readonly HashSet<Thread> numbers = [];
        private int generation = 1;

        public List<Thread> Threads { get; } = [];

        public void Clear()
        {
            generation++;
            Threads.Clear();
            numbers.Clear();
        }

        public bool MarkPlain(int pc)
        {
            if (marks[pc] == generation)
            {
                return false;
            }

            marks[pc] = generation;
            return true;
        }

        public bool AddNumber(Thread thread)
        {
            if (!numbers.Add(thread))
            {
                return false;
            }

            Threads.Add(thread);
            return true;
        }
    }

    private sealed class Instruction(Op op)
    {
        public Op Op { get; } = op;

        public char Char { get; init; }

        public int Target { get; set; }

        public int Alternative { get; set; }

        public CharacterClass? Class { get; init; }

        public long Min { get; init; }

        public long Max { get; init; }
    }

    /// <summary><c>[a-z_]</c> or <c>[!0-9]</c>; a negated class never matches the separator.</summary>
    private sealed class CharacterClass(List<(char Low, char High)> ranges, bool negated)
    {
        public bool Contains(char c, char? separator)
        {
            var inRanges = ranges.Exists(r => c >= r.Low && c <= r.High);
            return negated ? !inRanges && c != separator : inRanges;
        }
    }

    private sealed class Compiler(string pattern, GlobSyntax syntax)
    {
        private readonly int[] closingBrace = syntax.Extended ? MatchBraces(pattern) : [];

        public List<Instruction> Program { get; } = [];

        public int Emit(Instruction instruction)
        {
            Program.Add(instruction);
            return Program.Count - 1;
        }

        /// <summary>Compiles <c>pattern[start..end]</c>.</summary>
        public void Translate(int start, int end, int depth)
        {
            for (var i = start; i < end; i++)
            {
                var c = pattern[i];
                if (syntax.Extended && c == '\\' && i + 1 < end)
                {
                    EmitChar(pattern[++i]);
                }
                else if (c == '*' && syntax.Separator is not null && i + 1 < end && pattern[i + 1] == '*')
                {
                    i++;
                    if (i + 1 < end && pattern[i + 1] == syntax.Separator)
                    {
                        // "**/" is any number of whole directories, none included.
                        i++;
                        var split = Emit(new Instruction(Op.Split) { Target = Program.Count + 1 });
                        EmitStar(Op.Any);
                        EmitChar(syntax.Separator.Value);
                        Program[split].Alternative = Program.Count;
                    }
                    else
                    {
                        EmitStar(Op.Any);
                    }
                }
                else if (c == '*')
                {
                    EmitStar(syntax.Separator is null ? Op.Any : Op.AnyButSeparator);
                }
                else if (c == '?')
                {
                    Emit(new Instruction(syntax.Separator is null ? Op.Any : Op.AnyButSeparator));
                }
                else if (syntax.Extended && c == '[')
                {
                    i = TranslateClass(i, end);
                }
                else if (syntax.Extended && c == '{' && depth < MaxBraceDepth && closingBrace[i] is var close && close > i && close < end)
                {
                    TranslateBrace(i, close, depth);
                    i = close;
                }
                else
                {
                    EmitChar(c);
                }
            }
        }

        /// <summary>For each <c>{</c>, the index of its <c>}</c> (or -1), in one pass; a backslash escapes the next character.</summary>
        private static int[] MatchBraces(string pattern)
        {
            var closing = new int[pattern.Length];
            var open = new Stack<int>();
            for (var i = 0; i < pattern.Length; i++)
            {
                closing[i] = -1;
                switch (pattern[i])
                {
                    case '\\':
                        i++;
                        if (i < pattern.Length)
                        {
                            closing[i] = -1;
                        }

                        break;
                    case '{':
                        open.Push(i);
                        break;
                    case '}' when open.Count > 0:
                        closing[open.Pop()] = i;
                        break;
                }
            }

            return closing;
        }

        private void EmitChar(char c) => Emit(new Instruction(Op.Char) { Char = c });

        private void EmitStar(Op op)
        {
            var loop = Emit(new Instruction(Op.Split) { Target = Program.Count + 1 });
            Emit(new Instruction(op));
            Emit(new Instruction(Op.Jump) { Target = loop });
            Program[loop].Alternative = Program.Count;
        }

        /// <summary><c>[...]</c> up to the first <c>]</c>; without one, or with a separator inside, the <c>[</c> is literal.</summary>
        private int TranslateClass(int open, int end)
        {
            var close = pattern.IndexOf(']', open + 1, end - open - 1);
            if (close < 0 || (syntax.Separator is { } separator && pattern.AsSpan(open, close - open).Contains(separator)))
            {
                EmitChar('[');
                return open;
            }

            var first = open + 1;
            var negated = first < close && pattern[first] is '!' or '^';
            if (negated)
            {
                first++;
            }

            var ranges = new List<(char, char)>();
            for (var i = first; i < close; i++)
            {
                if (i + 2 < close && pattern[i + 1] == '-')
                {
                    ranges.Add((pattern[i], pattern[i + 2]));
                    i += 2;
                }
                else
                {
                    ranges.Add((pattern[i], pattern[i]));
                }
            }

            Emit(new Instruction(Op.Class) { Class = new CharacterClass(ranges, negated) });
            return close;
        }

        /// <summary><c>{n..m}</c>, <c>{a,b,…}</c>, or a literal <c>{single}</c>.</summary>
        private void TranslateBrace(int open, int close, int depth)
        {
            if (TryParseRange(pattern.AsSpan(open + 1, close - open - 1), out var min, out var max))
            {
                Emit(new Instruction(Op.Number) { Min = min, Max = max });
                return;
            }

            var alternatives = SplitTopLevel(open + 1, close);
            if (alternatives.Count < 2)
            {
                EmitChar('{');
                Translate(open + 1, close, depth + 1);
                EmitChar('}');
                return;
            }

            var jumps = new List<int>();
            for (var a = 0; a < alternatives.Count; a++)
            {
                var split = a < alternatives.Count - 1 ? Emit(new Instruction(Op.Split) { Target = Program.Count + 1 }) : -1;
                Translate(alternatives[a].Start, alternatives[a].End, depth + 1);
                if (split >= 0)
                {
                    jumps.Add(Emit(new Instruction(Op.Jump)));
                    Program[split].Alternative = Program.Count;
                }
            }

            foreach (var jump in jumps)
            {
                Program[jump].Target = Program.Count;
            }
        }

        private List<(int Start, int End)> SplitTopLevel(int start, int end)
        {
            var parts = new List<(int, int)>();
            var depth = 0;
            var from = start;
            for (var i = start; i < end; i++)
            {
                switch (pattern[i])
                {
                    case '\\': i++; break;
                    case '{': depth++; break;
                    case '}': depth--; break;
                    case ',' when depth == 0:
                        parts.Add((from, i));
                        from = i + 1;
                        break;
                }
            }

            parts.Add((from, end));
            return parts;
        }

        /// <summary><c>n..m</c> with optionally signed ASCII integers that fit a long; the bounds in order.</summary>
        private static bool TryParseRange(ReadOnlySpan<char> content, out long min, out long max)
        {
            min = max = 0;
            var dots = content.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0 || !IsInteger(content[..dots]) || !IsInteger(content[(dots + 2)..])
                || !long.TryParse(content[..dots], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
                || !long.TryParse(content[(dots + 2)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to))
            {
                return false;
            }

            (min, max) = (Math.Min(from, to), Math.Max(from, to));
            return true;
        }

        private static bool IsInteger(ReadOnlySpan<char> text)
        {
            var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
            return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
        }
    }
}
