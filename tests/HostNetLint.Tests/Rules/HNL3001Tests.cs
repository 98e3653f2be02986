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

    [Test]
    public void HNL3001_removes_the_version_line_and_the_blank_line_it_leaves_at_the_top()
    {
        RuleVerifier.VerifyFix(
            Id,
            """
            [|version|]: '3.8'

            services:
              web:
                image: nginx
            """,
            """
            services:
              web:
                image: nginx
            """);
    }

    [Test]
    public void HNL3001_keeps_the_header_comment_above_version() =>
        RuleVerifier.VerifyFix(Id, "# header\n[|version|]: \"3\"\nservices:\n  web:\n    image: nginx\n", "# header\nservices:\n  web:\n    image: nginx\n");

    [Test]
    public void HNL3001_as_last_key_without_final_newline_keeps_the_missing_newline() =>
        RuleVerifier.VerifyFix(Id, "services:\n  web:\n    image: nginx\n[|version|]: '3'", "services:\n  web:\n    image: nginx");

    [Test]
    public void HNL3001_after_a_document_marker_keeps_the_marker_and_the_comment_below() =>
        RuleVerifier.VerifyFix(Id, "---\n[|version|]: \"3\"\n# services follow\nservices:\n  s:\n    image: x\n", "---\n# services follow\nservices:\n  s:\n    image: x\n");
}
