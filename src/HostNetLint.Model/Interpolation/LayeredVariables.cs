using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace HostNetLint.Model.Interpolation;

/// <summary>Variables looked up first in <c>.env</c> values, then in the host-supplied environment.</summary>
internal sealed class LayeredVariables : IReadOnlyDictionary<string, string>
{
    private readonly IReadOnlyDictionary<string, string> first;
    private readonly IReadOnlyDictionary<string, string> second;

    public LayeredVariables(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        this.first = first;
        this.second = second;
    }

    public int Count => Keys.Count();

    public IEnumerable<string> Keys => first.Keys.Union(second.Keys, StringComparer.Ordinal);

    public IEnumerable<string> Values => Keys.Select(k => this[k]);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => first.ContainsKey(key) || second.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) =>
        first.TryGetValue(key, out value) || second.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Keys.Select(k => new KeyValuePair<string, string>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
