namespace HostNetLint.Fuzz;

/// <summary>
/// A target's input broke a promise the product makes (a span outside the text, a fix that changed what it did not
/// target, ...). Thrown like any crash, so afl-fuzz keeps the input in <c>crashes/</c>.
/// </summary>
public sealed class InvariantViolationException : Exception
{
    public InvariantViolationException()
    {
    }

    public InvariantViolationException(string message)
        : base(message)
    {
    }

    public InvariantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void ThrowUnless(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantViolationException(message);
        }
    }
}
