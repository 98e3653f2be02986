using HostNetLint.Parsing.Text;

namespace HostNetLint.Rules.Diagnostics;

/// <summary>
/// Keeps findings once their model is dropped (<see cref="Diagnostic.Released"/>): one text-less copy of each file's
/// <see cref="SourceText"/> (<see cref="SourceText.WithoutText"/>) and one instance of each message, so a run over
/// many copies of a stack holds each repeated message once.
/// </summary>
public sealed class FindingRelease(bool keepFixes)
{
    private readonly Dictionary<SourceText, SourceText> texts = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> messages = new(StringComparer.Ordinal);
    private readonly HashSet<byte[]> utf8Messages = new(Utf8Comparer.Instance);

    /// <summary>The fixes are made before the model goes (a report shows them); otherwise they are left out.</summary>
    public bool KeepFixes => keepFixes;

    /// <summary>The text-less copy of <paramref name="text"/>, the same one for every finding in that file.</summary>
    public SourceText Text(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!texts.TryGetValue(text, out var released))
        {
            texts[text] = released = text.WithoutText();
        }

        return released;
    }

    /// <summary>The one kept instance of <paramref name="message"/>.</summary>
    public string Message(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (messages.TryGetValue(message, out var shared))
        {
            return shared;
        }

        messages.Add(message);
        return message;
    }

    /// <summary>The one kept UTF-8 copy of <paramref name="message"/> (a finding's own message, read far less than it is kept).</summary>
    public byte[] Utf8Message(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var bytes = System.Text.Encoding.UTF8.GetBytes(message);
        if (utf8Messages.TryGetValue(bytes, out var shared))
        {
            return shared;
        }

        utf8Messages.Add(bytes);
        return bytes;
    }

    /// <summary>Forgets the texts of a model that is done with: no later model shares them.</summary>
    public void EndModel() => texts.Clear();

    private sealed class Utf8Comparer : IEqualityComparer<byte[]>
    {
        public static Utf8Comparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
