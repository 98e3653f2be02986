using HostNetLint.Fuzz.Invariants;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Fixes;

/// <summary>
/// Fixes judged by docker-compose itself (<see cref="ComposeOracle"/>): the fixed file is accepted whenever the
/// original was, every service whose HNL1001 the fix resolved runs on the host network as compose resolves the file
/// (merges and extends applied), and everything else compose resolves is unchanged.
/// </summary>
[TestFixture]
public sealed class ComposeOracleTests
{
    private static readonly string Regressions = Path.Combine(Repository.Root, "tests", "HostNetLint.Fuzz", "regressions", "fix");

    public static IEnumerable<TestCaseData> Inputs()
    {
        yield return new TestCaseData(File.ReadAllText(Path.Combine(Regressions, "inherited-networks.yaml"))).SetName("networks inherited from an anchor that holds nothing else");
        yield return new TestCaseData(File.ReadAllText(Path.Combine(Regressions, "merge-list-earlier-wins.yaml"))).SetName("a merge list whose earlier anchor sets network_mode");
        yield return new TestCaseData("x-net: &net\n  network_mode: bridge\nx-virt: &virt\n  network_mode: bridge\n  volumes:\n    - /var/run/libvirt:/var/run/libvirt\nservices:\n  web:\n    <<: [*net, *virt]\n    image: nginx\n  db:\n    <<: *net\n    image: postgres\n")
            .SetName("a merge list whose earlier anchor a bridge service shares");
        yield return new TestCaseData("x-common: &common\n  image: airflow\n  volumes:\n    - /var/run/libvirt:/var/run/libvirt\n  networks:\n    - lab\n  restart: always\nservices:\n  scheduler:\n    <<: *common\n  worker:\n    <<: *common\nnetworks:\n  lab: {}\n")
            .SetName("an anchor with networks merged by VM-facing services only");
        yield return new TestCaseData("x-common: &common\n  image: airflow\n  networks: [lab]\n  restart: always\nservices:\n  a:\n    <<: *common\n    volumes: [/run/libvirt:/run/libvirt]\n  b:\n    <<: *common\n    environment:\n      LIBVIRT_DEFAULT_URI: qemu:///system\nnetworks:\n  lab: {}\n")
            .SetName("an anchor with networks and VM-facing services whose signals are their own");
        yield return new TestCaseData("x-common: &common\n  image: airflow\n  environment:\n    LIBVIRT_DEFAULT_URI: qemu:///system\nservices:\n  scheduler:\n    <<: *common\n  # hostnetlint-disable-next-line HNL1001 -- macvlan\n  worker:\n    <<: *common\n")
            .SetName("an anchor merged by a suppressed service");
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    networks: [lab]\n    volumes: [/run/libvirt:/run/libvirt]\n    command: |\n      echo hi")
            .SetName("own networks and a block scalar that ends the file without a final newline");
        yield return new TestCaseData("version: '3.8'\nservices:\n  web:\n    image: nginx\n    network_mode: host\n    ports:\n      - \"80:80\"\n    environment:\n      A: |\n        echo hi")
            .SetName("ports and version removed before a block scalar that ends the file");
    }

    /// <summary>A base file with an override file (compose.override.yaml) or a variant beside it, which compose loads after it.</summary>
    public static IEnumerable<TestCaseData> WithOverrides()
    {
        const string Variant = "compose.libvirt.yaml";
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    networks: [lab]\nnetworks:\n  lab: {}\n", "services:\n  web:\n    volumes: [/run/libvirt:/run/libvirt]\n", "compose.override.yaml")
            .SetName("networks in the base file, the libvirt socket in the override");
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    volumes: [/run/libvirt:/run/libvirt]\n", "services:\n  web:\n    network_mode: bridge\n", "compose.override.yaml")
            .SetName("network_mode: bridge in the override, which wins over the base file");
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    volumes: [/run/libvirt:/run/libvirt]\n", "services:\n  web:\n    networks: [lab]\nnetworks:\n  lab: {}\n", "compose.override.yaml")
            .SetName("networks only in the override");
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    networks: [lab]\n    volumes: [/run/libvirt:/run/libvirt]\nnetworks:\n  lab: {}\n", "services:\n  web:\n    environment:\n      A: b\n", "compose.override.yaml")
            .SetName("everything in the base file, the override adds other keys");
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    ports: ['80:80']\n", "services:\n  web:\n    volumes: [/run/libvirt:/run/libvirt]\n", Variant)
            .SetName("a variant beside its base brings the libvirt socket");
        yield return new TestCaseData("services:\n  web:\n    image: nginx\n    networks: [lab]\nnetworks:\n  lab: {}\n", "services:\n  web:\n    volumes: [/run/libvirt:/run/libvirt]\n", Variant)
            .SetName("a variant brings the libvirt socket, the base has networks");
    }

    /// <summary>Services related by <c>extends</c> in one file.</summary>
    public static IEnumerable<TestCaseData> WithExtends()
    {
        yield return new TestCaseData("services:\n  base:\n    image: airflow\n  web:\n    extends: base\n    networks: [lab]\n    volumes: [/run/libvirt:/run/libvirt]\nnetworks:\n  lab: {}\n")
            .SetName("extends a base without networks, own networks");
        yield return new TestCaseData("services:\n  base:\n    image: airflow\n    network_mode: bridge\n  web:\n    extends: base\n    volumes: [/run/libvirt:/run/libvirt]\n")
            .SetName("extends a base with network_mode: bridge");
        yield return new TestCaseData("services:\n  base:\n    image: airflow\n    networks: [lab]\n  web:\n    extends: base\n    volumes: [/run/libvirt:/run/libvirt]\nnetworks:\n  lab: {}\n")
            .SetName("extends a base with networks");
        yield return new TestCaseData("services:\n  base:\n    image: airflow\n    volumes: [/run/libvirt:/run/libvirt]\n  web:\n    extends: base\n    command: serve\n")
            .SetName("a VM-facing base another service extends");
        yield return new TestCaseData("x-net: &net\n  networks: [lab]\nservices:\n  base:\n    image: airflow\n  web:\n    <<: *net\n    extends: base\n    volumes: [/run/libvirt:/run/libvirt]\n  db:\n    <<: *net\n    extends: base\n    volumes: [/run/libvirt:/run/libvirt]\nnetworks:\n  lab: {}\n")
            .SetName("an anchor with networks merged by services that extend a base");
    }

    [TestCaseSource(nameof(Inputs))]
    [TestCaseSource(nameof(WithExtends))]
    public void Docker_compose_accepts_the_fixed_file_and_resolves_it_as_intended(string input) =>
        CheckAgainstCompose(input, second: null);

    [TestCaseSource(nameof(WithOverrides))]
    public void Docker_compose_accepts_the_fixed_files_of_a_project_with_an_override_or_a_variant_and_resolves_them_as_intended(string input, string text, string name) =>
        CheckAgainstCompose(input, (name, text));

    /// <summary>
    /// Fixes the project, then asks compose about the original (in a directory of its own) and the fixed files: both are
    /// accepted, each service whose HNL1001 went away runs on the host network, everything else resolves the same, and
    /// every finding left says why it has no fix.
    /// </summary>
    private static void CheckAgainstCompose(string input, (string Name, string Text)? second)
    {
        ComposeOracle.Require();
        using var temp = new TempDirectory();
        using var originalDirectory = new TempDirectory();
        foreach (var directory in new[] { temp, originalDirectory })
        {
            directory.Write("compose.yaml", input);
            if (second is { } file)
            {
                directory.Write(file.Name, file.Text);
            }
        }

        var before = Lint.Directory(temp.Path);
        var result = FixRunner.Fix(temp);
        foreach (var file in result.Changed)
        {
            File.WriteAllBytes(file.FullPath, file.NewBytes());
        }

        var after = Lint.Directory(temp.Path);
        // compose -f compose.yaml -f SECOND, as compose loads an override with its base and as a variant is run.
        string[] files = second is { } run ? ["compose.yaml", run.Name] : ["compose.yaml"];
        var original = ComposeOracle.Config(originalDirectory.Path, files);
        var fixedConfig = ComposeOracle.Config(temp.Path, files);
        var fixedText = string.Join("\n---\n", Directory.GetFiles(temp.Path).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        Assert.That(original.ExitCode, Is.Zero, $"the input itself must be valid compose: {original}");
        Assert.That(fixedConfig.ExitCode, Is.Zero, $"docker-compose rejects the fixed files:\n{fixedConfig}\n{fixedText}");

        var left = after.Where(d => d.Id == "HNL1001").Select(d => d.LogicalPath).ToHashSet();
        foreach (var finding in before.Where(d => d.Id == "HNL1001" && !left.Contains(d.LogicalPath)))
        {
            var name = finding.Location.Source.ToString(finding.Location.Span);
            Assert.That(ComposeOracle.NetworkModeOf(fixedConfig.Output, name), Is.EqualTo("host"), $"'{name}' lost its finding but is not on the host network:\n{fixedConfig.Output}");
        }

        // Everything else compose resolves is the same: the fix changed only the network settings it targets.
        Assert.That(Untargeted(fixedConfig.Output), Is.EqualTo(Untargeted(original.Output)), fixedText);
        if (second is { Name: not "compose.override.yaml" })
        {
            // A variant is an alternative to its base: the base's own run (not VM-facing in these cases) stays as it was.
            Assert.That(ComposeOracle.Config(temp.Path, "compose.yaml").Output, Is.EqualTo(ComposeOracle.Config(originalDirectory.Path, "compose.yaml").Output), "the base's own run changed:\n" + fixedText);
        }
        Assert.That(after.Where(d => d.Descriptor.IsFixable && d.Fixes.IsDefaultOrEmpty && d.NoFixReason is null), Is.Empty, "a finding left without a fix says why");
    }

    /// <summary>The resolved file's values by path, without each service's network_mode, networks and ports, and the version HNL3001 removes.</summary>
    private static List<string> Untargeted(string config)
    {
        var leaves = YamlLeaves.Of(ComposeOracle.Resolved(config))!;
        string[] targeted = ["network_mode", "networks", "ports"];
        return [.. leaves
            .Where(l => l.Path != "0/version" && (l.Path.Split('/') is not [_, "services", _, var key, ..] || !targeted.Contains(key)))
            .Select(l => $"{l.Path} = {l.Value}")];
    }
}
