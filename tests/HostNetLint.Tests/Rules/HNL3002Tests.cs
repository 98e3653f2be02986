using System.Diagnostics;
using HostNetLint.Model.Runtime;
using HostNetLint.Rules.Analysis;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL3002Tests
{
    private const string Id = "HNL3002";

    [TestCase("network-mode")]
    [TestCase("networkmode")]
    [TestCase("netwrok_mode")]
    [TestCase("Network_Mode")]
    [TestCase("network_mdoe")]
    public void Misspelled_network_mode_is_reported_with_the_suggestion(string key)
    {
        var diagnostics = RuleVerifier.Verify(Id, $"""
            services:
              airflow-scheduler:
                image: quay.io/qubinode/airflow:2.10.5
                [|{key}|]: host
            """);
        Assert.That(diagnostics.Single().Message, Is.EqualTo($"'{key}' is not a compose service key (in service 'airflow-scheduler'): compose refuses the file and podman-compose ignores the key. Did you mean 'network_mode'?"));
    }

    [TestCase("network-mode", "network_mode")]
    [TestCase("netwrok_mode", "network_mode")]
    [TestCase("enviroment", "environment")]
    [TestCase("volumns", "volumes")]
    [TestCase("depends-on", "depends_on")]
    [TestCase("port", "ports")]
    [TestCase("imgae", "image")]
    [TestCase("healthchek", "healthcheck")]
    public void The_fix_renames_the_key_and_keeps_everything_else(string key, string renamed)
    {
        // A value the renamed key accepts: fix-all refuses a rename that makes a new error appear (network_mode: x is HNL1007).
        var value = renamed == "network_mode" ? "host" : "x";
        RuleVerifier.VerifyFix(
            Id,
            $"services:\n  web:   # the UI\n    restart: always\n    [|{key}|]: {value}  # keep\n",
            $"services:\n  web:   # the UI\n    restart: always\n    {renamed}: {value}  # keep\n");
    }

    [TestCase("lost", "compose accepts none, host, bridge, service:NAME or container:NAME (Podman also slirp4netns, pasta, private, ns:PATH)")]
    [TestCase("hosts", "compose accepts none, host, bridge, service:NAME or container:NAME (Podman also slirp4netns, pasta, private, ns:PATH)")]
    [TestCase("service:gone", "the project has no service 'gone'")]
    [TestCase("service:web", "a service cannot share its own network namespace")]
    [TestCase("host", null)]
    [TestCase("service:db", null)]
    [TestCase("${NET_MODE}", null)]
    public void No_rename_to_network_mode_when_its_value_would_be_refused_there(string value, string? refusal)
    {
        // Found by the fuzz smoke runs: renaming gave network_mode: lost, or service:NAME for no service, which HNL1007
        // reports as an error because compose refuses it.
        var diagnostics = RuleVerifier.Verify(Id, $"services:\n  db:\n    image: postgres\n  web:\n    image: nginx\n    [|netwrok_mode|]: \"{value}\"\n");
        Assert.That(diagnostics.Single().NoFixReason, refusal is null
            ? Is.Null
            : Is.EqualTo($"network_mode: {value} would be refused too ({refusal}; HNL1007); write the mode you meant"));
        Assert.That(diagnostics.Single().Fixes, refusal is null ? Has.Length.EqualTo(1) : Is.Empty);
    }

    [Test]
    public void A_quoted_key_keeps_its_quotes_and_a_key_in_an_anchor_is_renamed_there_once()
    {
        RuleVerifier.VerifyFix(Id, "services:\n  web: {image: nginx, [|\"network-mode\"|]: host}\n", "services:\n  web: {image: nginx, \"network_mode\": host}\n");
        var diagnostics = RuleVerifier.Verify(Id, """
            x-common: &common
              [|netwrok_mode|]: host
            services:
              web:
                <<: *common
                image: nginx
              api:
                <<: *common
                image: nginx
            """);
        Assert.That(diagnostics.Single().Message, Does.Contain("(merged into 'web' and 'api')"));
    }

    [Test]
    public void No_fix_when_the_renamed_key_exists_or_would_meet_networks()
    {
        const string Exists = "services:\n  web:\n    image: nginx\n    network_mode: bridge\n    [|network-mode|]: host\n";
        const string MeetsNetworks = "services:\n  web:\n    image: nginx\n    networks: [back]\n    [|network-mode|]: host\nnetworks:\n  back: {}\n";
        RuleVerifier.VerifyFix(Id, Exists, TestMarkup.Parse(Exists).Text);
        RuleVerifier.VerifyFix(Id, MeetsNetworks, TestMarkup.Parse(MeetsNetworks).Text);
    }

    [Test]
    public void Network_host_suggests_network_mode_and_an_ambiguous_or_far_key_gets_no_suggestion()
    {
        var diagnostics = RuleVerifier.Verify(Id, """
            services:
              web:
                image: nginx
                [|network|]: host
                [|pic|]: x
                [|frobnicate|]: 1
            """);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics[0].Message, Does.EndWith("Did you mean 'network_mode'?"));
            Assert.That(diagnostics[1].Message, Does.EndWith("ignores the key."), "pic is as close to pid as to ipc");
            Assert.That(diagnostics[2].Fixes, Is.Empty);
        });
    }

    [Test]
    public void Podman_args_is_reported_with_what_podman_compose_reads_instead()
    {
        var finding = RuleVerifier.Verify(Id, "services:\n  web:\n    image: nginx\n    [|podman_args|]: [--network=host]\n").Single();
        Assert.That(finding.Message, Does.EndWith("No podman-compose release reads a podman_args key either (per-service podman arguments are containers/podman-compose#362)."));
    }

    [Test]
    public void Extension_keys_podman_compose_keys_and_every_specification_key_are_fine()
    {
        var keys = string.Concat(ComposeServiceKeys.All.Select(k => $"    {k.Name}: ~\n"));
        RuleVerifier.Verify(Id, "services:\n  web:\n" + keys + "    x-podman.uidmaps: [\"0:1:1\"]\n    x-anything: 1\n    publishall: true\n    init-path: /usr/libexec/podman/catatonit\n    http_proxy: false\n");
    }

    [Test]
    public void Keys_of_unmerged_extension_blocks_and_of_the_top_level_are_not_service_keys() =>
        RuleVerifier.Verify(Id, "x-notes:\n  colour: blue\nservices:\n  web:\n    image: nginx\n");

    [Test]
    public void Suggestions_are_bounded_per_key_whatever_its_length()
    {
        var suggestions = new KeySuggestions(ComposeServiceKeys.All.Select(k => k.Name));
        var huge = new string('n', 1_000_000);
        var stopwatch = Stopwatch.StartNew();
        Assert.Multiple(() =>
        {
            Assert.That(suggestions.Suggest(huge), Is.Null);
            Assert.That(suggestions.Suggest(new string('n', 64)), Is.Null);
            Assert.That(KeySuggestions.Distance("netwrok_mode", "network_mode", 3), Is.EqualTo(1), "a swap of neighbours is one edit");
            Assert.That(KeySuggestions.Distance("network_mode", "networks", 3), Is.Null, "five apart is past the cutoff");
            Assert.That(KeySuggestions.Distance("abc", "abc", 1), Is.EqualTo(0));
        });

        // A hang guard, not a benchmark.
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void The_key_table_is_docker_compose_1_29s_plus_the_newer_keys_it_marks()
    {
        var schema = "/usr/lib/python3/dist-packages/compose/config/compose_spec.json";
        if (!File.Exists(schema))
        {
            Assert.Ignore($"{schema} is not installed (apt-get install -y docker-compose); the key table was not compared with docker-compose 1.29's specification");
        }

        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(schema));
        var v1 = document.RootElement.GetProperty("definitions").GetProperty("service").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(ComposeServiceKeys.All.Where(k => k.KnownToComposeV1).Select(k => k.Name), Is.EquivalentTo(v1));
    }
}
