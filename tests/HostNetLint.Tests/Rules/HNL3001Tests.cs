using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL3001Tests
{
    private const string Id = "HNL3001";

    [Test]
    public void Version_key_is_reported_at_the_key()
    {
        RuleVerifier.Verify(Id, """
            [|version|]: '3.8'
            services:
              web:
                image: nginx
            """);
    }

    [Test]
    public void Version_in_an_override_file_is_reported_in_that_file()
    {
        RuleVerifier.Verify(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: nginx\n"),
            ("compose.override.yaml", "[|version|]: \"3\"\nservices:\n  web:\n    image: nginx:1.27\n"));
    }

    [Test]
    public void A_service_option_named_version_is_not_the_top_level_key()
    {
        RuleVerifier.Verify(Id, """
            services:
              web:
                image: nginx
                labels:
                  version: "2"
            """);
    }
}
