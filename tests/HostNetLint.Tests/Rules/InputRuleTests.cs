using HostNetLint.Reporting.Sarif;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Tests.Sarif;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL0001Tests
{
    [Test]
    public void A_syntax_error_is_reported_and_other_files_are_still_checked()
    {
        RuleVerifier.Verify(
            "HNL0001",
            ("broken/compose.yaml", "services:\n  web:\n    image: [nginx\n[||]"),
            ("ok/compose.yaml", "{|HNL3001:version|}: '3'\nservices:\n  web:\n    image: nginx\n"));
    }

    [Test]
    public void Binary_content_is_reported_at_the_first_nul()
    {
        var diagnostics = Lint.Files(("compose.yaml", "services:\n\0\0\0"));
        Assert.That(diagnostics.Select(d => (d.Id, d.Location.LineSpan.Start.Line, d.Location.LineSpan.Start.Character)), Is.EqualTo(new[] { ("HNL0001", 1, 0) }));
    }

    [Test]
    public void A_unit_line_systemd_skips_says_the_rest_of_the_unit_was_checked_and_a_yaml_error_that_the_file_was_not()
    {
        // Found by fuzzing: a unit with a skipped line was reported as "not checked" beside HNL2001 findings on it.
        var diagnostics = Lint.Files(
            ("app.service", "[Unit]\nDescription=app\nnonsense\n[Service]\nExecStart=/usr/bin/docker compose -f /opt/app/compose.yaml up\n"),
            ("app/compose.yaml", "services:\n  web:\n    image: [nginx\n"));
        var messages = diagnostics.Where(d => d.Id == "HNL0001").ToDictionary(d => d.Location.Path, d => d.Message);
        Assert.That(messages["app.service"], Does.EndWith("systemd ignores this line. The rest of the file was checked."));
        Assert.That(messages["app/compose.yaml"], Does.EndWith(". The file was not checked."));
    }
}

[TestFixture]
public sealed class HNL0002Tests
{
    [Test]
    public void Every_repeated_key_is_reported_at_the_repetition()
    {
        RuleVerifier.Verify("HNL0002", """
            services:
              web:
                image: nginx
                [|image|]: httpd
              web2:
                image: nginx
            """);
    }

    /// <summary>
    /// The message names the line of the first definition; the identity names the key, so code scanning keeps the
    /// alert when lines move (above the first definition, or between it and the repetition).
    /// </summary>
    [Test]
    public void Moving_lines_keeps_the_fingerprint_because_the_identity_is_the_key_path()
    {
        const string Before = "services:\n  web:\n    image: nginx\n    image: httpd\n  db:\n    ports: [\"1:1\"]\n    ports: [\"2:2\"]\n";
        const string After = "# moved down\nservices:\n  web:\n    image: nginx\n    # and apart\n    image: httpd\n  db:\n    ports: [\"1:1\"]\n    ports: [\"2:2\"]\n";
        var before = Lint.Files(("compose.yaml", Before));
        var after = Lint.Files(("compose.yaml", After));
        static List<string> FingerprintsOf(IEnumerable<Diagnostic> diagnostics) =>
            [.. WrittenSarif.Of(diagnostics).Results.Select(r => r!["partialFingerprints"]![Fingerprints.Key]!.GetValue<string>())];

        Assert.Multiple(() =>
        {
            Assert.That(before.Select(d => d.LogicalPath.Value), Is.EqualTo(new[] { "compose.yaml/HNL0002/services/web/image", "compose.yaml/HNL0002/services/db/ports" }));
            Assert.That(after.Select(d => d.Message), Is.Not.EqualTo(before.Select(d => d.Message)), "the lines in the messages moved");
            Assert.That(FingerprintsOf(after), Is.EqualTo(FingerprintsOf(before)).And.Unique);
        });
    }

    [Test]
    public void The_identity_names_items_of_a_sequence_by_index_and_flow_keys_like_block_keys()
    {
        var diagnostics = Lint.Files(("compose.yaml", "x-hooks:\n  - name: a\n  - { name: b, name: c }\nservices:\n  web: { image: nginx, image: httpd }\n"));
        Assert.That(diagnostics.Where(d => d.Id == "HNL0002").Select(d => d.LogicalPath.Value), Is.EqualTo(new[] { "compose.yaml/HNL0002/x-hooks/1/name", "compose.yaml/HNL0002/services/web/image" }));
    }
}

[TestFixture]
public sealed class HNL0003Tests
{
    [Test]
    public void Deep_nesting_is_reported_not_crashed_on()
    {
        var deep = "services: " + new string('[', 100_000);
        var diagnostics = Lint.Files(("compose.yaml", deep));
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HNL0003" }));
    }

    [Test]
    public void An_alias_bomb_is_reported_not_expanded()
    {
        var bomb = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        bomb.Append("services:\n  web:\n    image: nginx\n    command: *a9\n");
        var diagnostics = Lint.Files(("compose.yaml", bomb.ToString()));
        Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HNL0003" }));
    }
}

[TestFixture]
public sealed class HNL0004Tests
{
    [Test]
    public void A_missing_extends_file_is_reported_at_the_file_value()
    {
        RuleVerifier.Verify("HNL0004", """
            services:
              web:
                extends:
                  file: [|common.yaml|]
                  service: base
            """);
    }

    [Test]
    public void An_include_outside_the_root_is_reported_and_not_read()
    {
        RuleVerifier.Verify("HNL0004", """
            include:
              - [|../../etc/compose.yaml|]
            services:
              web:
                image: nginx
            """);
    }
}
