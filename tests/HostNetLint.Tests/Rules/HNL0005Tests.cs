using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

/// <summary>HNL0005 in short; every suppression form is covered by Suppressions/InlineSuppressionTests.</summary>
[TestFixture]
public sealed class HNL0005Tests
{
    [Test]
    public void A_suppression_that_suppressed_nothing_is_reported_at_its_rule_id()
    {
        RuleVerifier.Verify("HNL0005", "services:\n  # hostnetlint-disable-next-line [|HNL1002|] -- stale\n  postgres:\n    image: postgres:16\n");
    }
}
