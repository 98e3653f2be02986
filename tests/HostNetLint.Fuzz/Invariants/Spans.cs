using HostNetLint.Parsing.Text;

namespace HostNetLint.Fuzz.Invariants;

/// <summary>Every position the product reports must point into the text it came from (editors and SARIF rely on it).</summary>
public static class Spans
{
    public static void CheckWithin(TextSpan span, int length, string what) =>
        InvariantViolationException.ThrowUnless(
            span.Start >= 0 && span.Length >= 0 && span.End <= length,
            $"{what} has span {span}, outside the text of {length} characters");

    public static void CheckWithin(TextSpan inner, TextSpan outer, string what) =>
        InvariantViolationException.ThrowUnless(outer.Contains(inner), $"{what} has span {inner}, outside its parent's {outer}");
}
