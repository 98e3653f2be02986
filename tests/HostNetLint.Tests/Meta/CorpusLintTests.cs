using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HostNetLint.Model;
using HostNetLint.Rules.Diagnostics;
using HostNetLint.Rules.Engine;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Meta;

/// <summary>
/// The whole engine over real files nobody on the team wrote (../shared/corpus): no crash, no hang,
/// and no false alarm where the files give no reason for one. Ignored, with the reason, when the corpus is absent.
/// </summary>
[TestFixture]
public sealed partial class CorpusLintTests
{
    [Test]
    public void Compose_files_without_a_libvirt_signal_raise_no_HNL1001()
    {
        var corpus = Corpus.RequireDirectory();
        var diagnostics = Lint.Directory(corpus);
        var composeFiles = Corpus.Files(".yml", ".yaml");
        Assert.That(composeFiles, Is.Not.Empty);

        var withoutSignal = composeFiles
            .Where(path => !LibvirtWords().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(corpus, path).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
        var falseAlarms = diagnostics.Where(d => d.Id == "HNL1001" && withoutSignal.Contains(d.Location.Path)).ToList();
        Assert.That(falseAlarms, Is.Empty, string.Join('\n', falseAlarms));
    }

    /// <summary>
    /// What a correct linter reports, per corpus file, as its MANIFEST.tsv note says. Each entry is checked against the
    /// note it was written from (a verbatim excerpt, and a SHA-256 prefix of the whole note), so a changed note fails
    /// until the entry is reviewed; the expectations themselves are written here, not parsed from English.
    /// </summary>
    /// <remarks>
    /// Every file is linted as <c>check</c> of the corpus lints it: files with names compose does not look for
    /// (docker-compose.test.yml, docker-compose-kvm.yml, virt-manager.yml, ...) are found by the directory walk too
    /// (issue 18). <see cref="ManifestExpectation.Missed"/> lists an HNL1001 the note expects that our signals
    /// deliberately do not find, with the reason; it is asserted absent so that a change in behaviour is noticed.
    /// </remarks>
    private static readonly ManifestExpectation[] Expectations =
    [
        new("mherkazandjian+boxman/containers/docker/docker-compose.yml", "438d1859d811e207", "HNL1001 expected for service boxman-libvirt", Hnl1001: ["boxman-libvirt"]),
        new("Mirantis+virtlet/contrib/docker-compose/docker-compose.yml", "8e074affcdbcb7b0", "HNL1001 expected for virtlet (and libvirt) if /run:/run counts as a libvirt-socket mount",
            Missed: ["virtlet", "libvirt"],
            MissedReason: "a bind of /run (or /var/run) is not a libvirt-socket signal: containers mount it for docker.sock and the like, so counting it would raise errors on unrelated bridge services"),
        new("rossigee+libvirt-volume-provisioner/docker-compose.yml", "60ce85b7b95df15f", "HNL1001 expected for service libvirt-volume-provisioner", Hnl1001: ["libvirt-volume-provisioner"]),
        new("rossigee+libvirt-volume-provisioner/integration/docker-compose.test.yml", "2db76143316432ff", "HNL1001 expected for libvirt and integration-tests", Hnl1001: ["libvirt", "integration-tests"]),
        new("rossigee+libvirt-volume-provisioner/systemd/libvirt-volume-provisioner.service", "2e72ebdb98d12098", "starts no container, so no HNL1001/HNL2001-2003 expected", NoOrdering: true, NoHnl1001InFile: true),
        new("AlexTalker+gh-actions-playground/libvirt/docker-compose.yml", "c8f53bf5b358e141", "HNL1001 expected for service vagrant", Hnl1001: ["vagrant"]),
        new("agaldamez+dockerfiles/virt-manager/docker-compose.yml", "77edbf8829aa459c", "no HNL1001 expected for service virt-manager", NoHnl1001: ["virt-manager"]),
        new("bfoleylv1+selfhosted-done/libvirt/docker-compose.yml", "4541ee9ec2401e49", "no HNL1001 expected", NoHnl1001InFile: true),
        new("bfoleylv1+selfhosted-done/qemu/docker-compose.yml", "8542a1be473c370d", "no HNL1001 expected", NoHnl1001InFile: true),
        new("SmartFinn+Dockerfiles/webvirtmgr/docker-compose.yml", "0e8baf641b09c073", "HNL1001 expected for service webvirtmgr", Hnl1001: ["webvirtmgr"]),
        new("GamePlayer-8+docker-libvirtd/docker-compose.yml", "1a61828c50bf0c37", "HNL1001 expected for service libvirt", Hnl1001: ["libvirt"]),
        new("404oops+virt-manager-web/docker-compose.yml", "41d5601bf1fdbefc", "HNL1001 expected for service virt-manager-web", Hnl1001: ["virt-manager-web"]),
        new("psharkey+docker/virt-manager/docker-compose.yml", "f4cdb52cd7628d1e", "no HNL1001 expected", NoHnl1001InFile: true),
        new("goochs+docker-compose/virt-manager.yml", "f48a8c9deff00da3", "HNL1001 expected for service virt-manager", Hnl1001: ["virt-manager"]),
        new("Ahmedsaed+scripts/docker/virt-manager/docker-compose.yml", "4025dacca0bd2811", "HNL1001 expected for service virt-manager", Hnl1001: ["virt-manager"]),
        new("RobinR1+container-libvirtd-systemd/container-libvirtd.service", "ab41fa9ae28b5885", "already host network: no HNL1001 expected", NoHnl1001InFile: true),
        new("G28XYZ+libvirt-docker/docker-compose.yml", "f3f3afd76a2f0c14", "no HNL1001 expected", NoHnl1001InFile: true),
        new("jimyag+jvp/docker-compose.yml", "a41e279bac7eaefd", "no HNL1001 expected for service jvp", NoHnl1001: ["jvp"]),
        new("ntk148v+libvirt-exporter/docker-compose.yml", "1d94039a09a93716", "no HNL1001 expected for service prometheus_libvirt_exporter", NoHnl1001: ["prometheus_libvirt_exporter"]),
        new("kubedoio+o3k/deployments/docker-compose-kvm.yml", "51aa4b7021b18c11", "no HNL1001 expected for service o3k", NoHnl1001: ["o3k"]),
        new("kubedoio+o3k/deployments/docker/docker-compose.yaml", "679b32ba40f10f08", "HNL1001 expected for service o3k", Hnl1001: ["o3k"]),
        new("Kreuzbube88+helbackup/docker-compose.yml", "7997ca9582b220f1", "HNL1001 expected for service helbackup", Hnl1001: ["helbackup"]),
        new("t13a+libvirt-container/test/docker-compose.yml", "c55e3dff96dddc8a", "HNL1001 expected for service sut", Hnl1001: ["sut"]),
        new("goryszewski+Libvirt_api/compose.yaml", "6cfc2f9135d27a86", "HNL1001 expected for service api", Hnl1001: ["api"]),
        new("insatomcat+insatomcat-webui/seapath-webui.container", "d2ce26f58e586da4", "no HNL1001 or libvirtd-ordering finding expected", NoHnl1001InFile: true, NoOrdering: true),
        new("Gurkengewuerz+compose/virt-manager/compose.yml", "8bf8f87b156bb1e8", "HNL1001 expected for service virt-manager", Hnl1001: ["virt-manager"]),
        new("seapath+seapath-exporter/podman-compose.yml", "31ce9ebbfd625e4f", "no HNL1001 expected, HNL1002 may fire for ports", NoHnl1001InFile: true),
        new("seapath+seapath-exporter/seapath-exporter.container", "3bfdc3a39136feb2", "HNL1001 expected for this container", Hnl1001: ["seapath-exporter"]),
        new("Oichkatzelesfrettschen+gnu-hurd-docker/docker-compose.libvirt.yml", "2c30cd399f41c20a", "HNL1001 expected for service hurd-manager", Hnl1001: ["hurd-manager"]),
        new("Wning-ady+unraid-icon-manager/docker-compose.yml", "a5ed06da0bd34b97", "HNL1001 expected by the URI signal alone", Hnl1001: ["unraid-icon-manager"]),
        new("arakkkkk+kvm-exporter/compose.yml", "785ac4d77c837980", "HNL1001 expected for it; sibling node_exporter is already network_mode: host but has no VM signal (no finding)",
            Hnl1001: ["libvirt_exporter_improved"], NoHnl1001: ["node_exporter"]),
    ];

    public static IEnumerable<TestCaseData> ManifestExpectations() =>
        Expectations.Select(e => new TestCaseData(e).SetName($"Corpus_file_raises_what_its_MANIFEST_note_says({e.Path})"));

    [TestCaseSource(nameof(ManifestExpectations))]
    public void Corpus_file_raises_what_its_MANIFEST_note_says(ManifestExpectation expected)
    {
        var corpus = Corpus.RequireDirectory();
        var note = ManifestNotes(corpus).GetValueOrDefault(expected.Path);
        Assert.That(note, Is.Not.Null, $"{expected.Path} is not in MANIFEST.tsv");
        Assert.Multiple(() =>
        {
            Assert.That(note, Does.Contain(expected.NoteSays), "the note no longer says what the expectation was written from");
            Assert.That(Sha256Prefix(note!), Is.EqualTo(expected.NoteSha256), $"the note changed; review this entry against it: {note}");
        });

        var findings = LintedCorpus(corpus).Where(d => d.Location.Path == expected.Path).ToList();
        var vmFacing = findings.Where(d => d.Id == "HNL1001").Select(WorkloadNameAt).ToList();
        var all = "Findings in the file:\n" + string.Join('\n', findings);

        // `check DIR` of the file's own directory finds the same, whatever the file is called.
        var directory = Path.GetDirectoryName(expected.Path)!;
        var ofDirectory = LintEngine.Run(DeploymentModelBuilder.Build(corpus, [directory], ModelOptions.Default), LintOptions.Default)
            .Where(d => d.Id == "HNL1001" && d.Location.Path == expected.Path).Select(WorkloadNameAt).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(vmFacing, Is.SupersetOf(expected.Hnl1001), all);
            Assert.That(ofDirectory, Is.SupersetOf(expected.Hnl1001), $"check {directory}");
            Assert.That(vmFacing.Intersect(expected.NoHnl1001), Is.Empty, all);
            Assert.That(vmFacing.Intersect(expected.Missed), Is.Empty, $"now found: update the entry and drop the reason ({expected.MissedReason}). {all}");
            if (expected.NoHnl1001InFile)
            {
                Assert.That(vmFacing, Is.Empty, all);
            }

            if (expected.NoOrdering)
            {
                Assert.That(findings.Where(d => d.Id.StartsWith("HNL2", StringComparison.Ordinal)), Is.Empty, all);
            }
        });
    }

    [Test]
    public void Every_MANIFEST_note_that_names_a_finding_has_an_expectation_and_every_expectation_a_note()
    {
        var notes = ManifestNotes(Corpus.RequireDirectory());
        var speaking = notes.Where(n => FindingWords().IsMatch(n.Value)).Select(n => n.Key).Order(StringComparer.Ordinal);
        Assert.That(speaking, Is.EquivalentTo(Expectations.Select(e => e.Path)), "MANIFEST.tsv notes that name findings and the table above differ");
    }

    [Test]
    public void The_directory_walk_lints_every_file_a_MANIFEST_note_speaks_of()
    {
        var corpus = Corpus.RequireDirectory();
        var discovery = DeploymentModelBuilder.Build(corpus, [], ModelOptions.Default).Discovery;
        var linted = discovery.Where(d => d.IsLinted).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        Assert.That(
            Expectations.Select(e => e.Path).Where(path => !linted.Contains(path)),
            Is.Empty,
            "not linted by `check` of the corpus:\n" + string.Join('\n', discovery.Where(d => !d.IsLinted)));
    }

    [Test]
    public void Ordering_findings_appear_only_where_the_MANIFEST_expects_them()
    {
        // No note expects an HNL2xxx finding today: a VM-facing quadlet or unit in the corpus is either ordered
        // after libvirt or reaches it through its socket, where the first connection starts the daemon.
        var ordering = LintedCorpus(Corpus.RequireDirectory()).Where(d => d.Id.StartsWith("HNL2", StringComparison.Ordinal)).ToList();
        Assert.That(ordering, Is.Empty, string.Join('\n', ordering));
    }

    [Test]
    public void Every_finding_on_the_corpus_has_a_span_inside_its_file()
    {
        var diagnostics = Lint.Directory(Corpus.RequireDirectory());
        Assert.That(diagnostics, Is.Not.Empty, "the corpus has known findings (obsolete version keys)");
        foreach (var diagnostic in diagnostics)
        {
            Assert.That(diagnostic.Location.Span.End, Is.LessThanOrEqualTo(diagnostic.Location.Source.Length), diagnostic.ToString());
        }
    }

    /// <summary>The whole corpus linted once per run; the per-file cases read their findings from it.</summary>
    private static ImmutableArray<Diagnostic> LintedCorpus(string corpus)
    {
        lock (CorpusLock)
        {
            return corpusFindings ??= Lint.Directory(corpus);
        }
    }

    /// <summary>The workload an HNL1001 finding is about: the service key it is reported at, or a quadlet file's stem.</summary>
    private static string WorkloadNameAt(Diagnostic diagnostic)
    {
        var text = diagnostic.Location.Source.ToString(diagnostic.Location.Span);
        return text.StartsWith('[') ? Path.GetFileNameWithoutExtension(diagnostic.Location.Path) : text;
    }

    /// <summary>MANIFEST.tsv's notes by corpus path (columns: path, repo, path_in_repo, commit, license, kind, bytes, note).</summary>
    private static Dictionary<string, string> ManifestNotes(string corpus) =>
        File.ReadLines(Path.Combine(corpus, "MANIFEST.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length >= 8)
            .ToDictionary(cells => cells[0], cells => cells[7], StringComparer.Ordinal);

    private static string Sha256Prefix(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static readonly Lock CorpusLock = new();

    private static ImmutableArray<Diagnostic>? corpusFindings;

    [GeneratedRegex(@"libvirt|virsh|kcli|qemu(\+\w+)?://|192\.168\.122\.|io\.hostnetlint\.vm-access", RegexOptions.IgnoreCase)]
    private static partial Regex LibvirtWords();

    /// <summary>Notes that say which findings a correct linter reports.</summary>
    [GeneratedRegex(@"\bHNL\d{4}\b|ordering finding", RegexOptions.CultureInvariant)]
    private static partial Regex FindingWords();
}

/// <summary>One file's expected findings, written from its MANIFEST.tsv note (see <c>CorpusLintTests.Expectations</c>).</summary>
public sealed record ManifestExpectation(
    string Path,
    string NoteSha256,
    string NoteSays,
    string[]? Hnl1001 = null,
    string[]? NoHnl1001 = null,
    bool NoHnl1001InFile = false,
    bool NoOrdering = false,
    string[]? Missed = null,
    string? MissedReason = null)
{
    public string[] Hnl1001 { get; init; } = Hnl1001 ?? [];

    public string[] NoHnl1001 { get; init; } = NoHnl1001 ?? [];

    public string[] Missed { get; init; } = Missed ?? [];

    public override string ToString() => Path;
}
