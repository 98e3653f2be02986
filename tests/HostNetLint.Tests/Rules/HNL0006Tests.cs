using HostNetLint.Hosting.Configuration;

namespace HostNetLint.Tests.Rules;

/// <summary>HNL0006 in short; every invalid value is covered by Configuration/HostNetLintConfigTests.</summary>
[TestFixture]
public sealed class HNL0006Tests
{
    [Test]
    public void An_unknown_key_is_reported_at_the_key()
    {
        var result = HostNetLintConfigLoader.Parse(HostNetLint.Parsing.Text.SourceText.From("vmNetwork: [10.0.0.0/8]\n", "hostnetlint.yaml"));
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.Span.Start, d.Location.Span.Length)), Is.EqualTo(new[] { ("HNL0006", 0, 9) }));
    }
}
