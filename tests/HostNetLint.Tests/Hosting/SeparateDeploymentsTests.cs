using System.Text;
using HostNetLint.Hosting;
using HostNetLint.Hosting.Configuration;
using HostNetLint.Model;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Hosting;

/// <summary>
/// A check that only reports findings lints separate deployment trees a batch at a time (<see cref="SeparateDeployments"/>).
/// The oracle is the one model of everything: every case here runs both and requires the same findings, related
/// places, fixes, suppressions and files, and says whether the split was kept or given up.
/// </summary>
[TestFixture]
public sealed class SeparateDeploymentsTests
{
    private const string VmFacingCompose = """
        services:
          scheduler:
            image: apache/airflow:2.10.5
            ports: ["8080:8080"]
            volumes:
              - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
          web:
            image: apache/airflow:2.10.5
            network_mode: host
            # hostnetlint-disable-next-line HNL1002 -- the port is documentation here
            ports: ["8888:8888"]
            command: webserver --hostname 0.0.0.0
        """;

    private const string UnitAfterNetwork = """
        [Unit]
        After=network.target

        [Service]
        ExecStart=/usr/bin/podman-compose -f docker-compose.yaml up
        """;

    [Test]
    public void Separate_trees_give_the_findings_of_one_model_a_batch_at_a_time()
    {
        using var repo = new TempDirectory();
        repo.Write(".pre-commit-config.yaml", "repos: []\n");
        repo.Write("hostnetlint.yaml", "failLevel: error\n");
        foreach (var stack in new[] { "alpha", "beta", "gamma-1" })
        {
            repo.Write($"{stack}/docker-compose.yaml", "version: '3'\n" + VmFacingCompose);
            repo.Write($"{stack}/.env", "AIRFLOW_UID=50000\n");
            repo.Write($"{stack}/systemd/{stack}.service", UnitAfterNetwork.Replace("-f docker-compose.yaml", $"-f {repo.Path}/{stack}/docker-compose.yaml", StringComparison.Ordinal));
        }

        // A unit in a directory of its own above no project, and a quadlet: trees of their own.
        repo.Write("units/airflow-extra.service", "[Service]\nExecStart=/usr/bin/podman run --name extra -v /var/run/libvirt:/var/run/libvirt quay.io/x\n");
        repo.Write("quadlets/web.container", "[Container]\nImage=quay.io/web\nVolume=/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock\n");

        var (whole, split) = LintBoth(repo.Path);

        Assert.Multiple(() =>
        {
            Assert.That(split.SeparateModels, Is.EqualTo(6), "the loose root YAML and five trees, each its own batch");
            Assert.That(whole.SeparateModels, Is.Zero);
            Assert.That(Render(split), Is.EqualTo(Render(whole)));
            Assert.That(whole.Diagnostics.Select(d => d.Id), Does.Contain("HNL1001").And.Contain("HNL2001").And.Contain("HNL1006"));
            Assert.That(whole.Diagnostics.Any(d => !d.Fixes.IsEmpty), Is.True, "the fixes are compared too");
            Assert.That(whole.Suppressed, Is.Not.Empty, "the suppressions are compared too");
        });
    }

    [Test]
    public void A_report_without_fixes_keeps_the_findings_and_leaves_the_fixes_out()
    {
        using var repo = new TempDirectory();
        repo.Write("a/docker-compose.yaml", VmFacingCompose);
        repo.Write("b/docker-compose.yaml", VmFacingCompose);

        var split = Lint(repo.Path, findingsOnly: true, reportsFixes: false);

        Assert.Multiple(() =>
        {
            Assert.That(split.SeparateModels, Is.EqualTo(2));
            Assert.That(split.Diagnostics, Is.Not.Empty);
            Assert.That(split.Diagnostics.All(d => d.Fixes.IsEmpty && d.NoFixReason is null), Is.True);
            Assert.That(split.Diagnostics.All(d => !d.Location.Source.HasText), Is.True, "the texts were released with their models");
        });
    }

    [Test]
    public void The_corpus_gives_the_same_findings_split_as_in_one_model()
    {
        // Reads ../shared/corpus (ignored with the reason when it is absent).
        var corpus = Corpus.RequireDirectory();

        var (whole, everyTree) = LintBoth(corpus);
        var byDefault = Lint(corpus, findingsOnly: true, reportsFixes: true, new LintRequest { Settings = new() { Root = corpus } }.FilesPerBatch);

        Assert.Multiple(() =>
        {
            Assert.That(Render(everyTree), Is.EqualTo(Render(whole)));
            Assert.That(Render(byDefault), Is.EqualTo(Render(whole)));
        });
        TestContext.Out.WriteLine($"corpus: {whole.Diagnostics.Length} findings; {everyTree.SeparateModels} separate models with a tree a batch, {byDefault.SeparateModels} with the default batches");
    }

    /// <summary>
    /// Two trees linked in each way the split knows, under <c>a-*</c> and <c>p-*</c> names: alone they are one model, as
    /// every batch is joined; beside others they are joined into one model and the others stay apart.
    /// </summary>
    private static readonly Dictionary<string, Action<TempDirectory>> LinkedTrees = new()
    {
        ["extends into another tree"] = repo =>
        {
            repo.Write("a-base/docker-compose.yaml", "services:\n  web:\n    image: nginx\n    volumes: [/var/run/libvirt:/var/run/libvirt]\n");
            repo.Write("p-prod/docker-compose.yaml", "services:\n  web:\n    extends: {file: ../a-base/docker-compose.yaml, service: web}\n    ports: ['80:80']\n");
        },
        ["extends into a tree that comes later in the walk"] = repo =>
        {
            repo.Write("a-prod/docker-compose.yaml", "services:\n  web:\n    extends: {file: ../p-base/docker-compose.yaml, service: web}\n    ports: ['80:80']\n");
            repo.Write("p-base/docker-compose.yaml", "services:\n  web:\n    image: nginx\n    volumes: [/var/run/libvirt:/var/run/libvirt]\n");
        },
        ["a unit that starts a project of another tree"] = repo =>
        {
            repo.Write("a-stacks/airflow/docker-compose.yaml", VmFacingCompose);
            repo.Write("p-systemd/airflow.service", "[Unit]\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/a-stacks/airflow/docker-compose.yaml up\n");
        },
        ["a pod joined from another tree"] = repo =>
        {
            repo.Write("a-pods/shared.pod", "[Pod]\nNetwork=host\n");
            repo.Write("p-containers/web.container", "[Container]\nImage=quay.io/web\nPod=shared.pod\nPublishPort=8080:8080\n");
        },
        ["a container joined by name"] = repo =>
        {
            repo.Write("a-db/docker-compose.yaml", "services:\n  db:\n    image: postgres\n    container_name: shared-db\n    network_mode: host\n");
            repo.Write("p-app/docker-compose.yaml", "services:\n  app:\n    image: app\n    network_mode: 'container:shared-db'\n    volumes: [/var/run/libvirt:/var/run/libvirt]\n");
        },
        ["one missing env file read from two trees"] = repo =>
        {
            repo.Write("a-one/a.service", "[Service]\nEnvironmentFile=/srv/app/app.env\nExecStart=/usr/bin/podman run --name a quay.io/a\n");
            repo.Write("p-two/b.service", "[Service]\nEnvironmentFile=/srv/app/app.env\nExecStart=/usr/bin/podman run --name b quay.io/b\n");
        },
        ["a service reference within a project name two trees share"] = repo =>
        {
            repo.Write("a-one/airflow/docker-compose.yaml", "services:\n  web:\n    image: web\n    network_mode: 'service:db'\n");
            repo.Write("p-two/airflow/docker-compose.yaml", "services:\n  db:\n    image: postgres\n");
        },
    };

    private static IEnumerable<string> LinkedTreeCases => LinkedTrees.Keys;

    [TestCaseSource(nameof(LinkedTreeCases))]
    public void Linked_trees_alone_keep_one_model(string linked)
    {
        using var repo = new TempDirectory();
        LinkedTrees[linked](repo);

        AssertOneModel(repo.Path);
    }

    [TestCaseSource(nameof(LinkedTreeCases))]
    public void Linked_trees_are_joined_into_one_model_and_the_others_stay_apart(string linked)
    {
        // Separate trees before, between and after the linked pair, so the joined model comes last but its findings
        // take their place in the report.
        using var repo = new TempDirectory();
        LinkedTrees[linked](repo);
        foreach (var stack in new[] { "0-first", "m-middle", "z-last" })
        {
            repo.Write($"{stack}/docker-compose.yaml", VmFacingCompose);
        }

        // A joined tree is listed again on its own: what the whole walk leaves out stays out.
        var joinedTree = Path.GetFileName(Directory.GetDirectories(repo.Path, "a-*").Single());
        repo.Write($"{joinedTree}/node_modules/docker-compose.yaml", VmFacingCompose);

        var (whole, split) = LintBoth(repo.Path);

        Assert.Multiple(() =>
        {
            Assert.That(split.SeparateModels, Is.EqualTo(4), "three trees apart and the joined pair");
            Assert.That(Render(split), Is.EqualTo(Render(whole)));
            Assert.That(split.Diagnostics.Select(d => d.Location.Path), Is.EqualTo(whole.Diagnostics.Select(d => d.Location.Path)), "in the one model's order");
            Assert.That(split.ReportedFiles, Has.Some.StartsWith("a-").And.Some.StartsWith("p-"), "the joined pair is reported on");
            Assert.That(whole.ReportedFiles, Has.None.Contains("/node_modules/"));
            Assert.That(whole.Diagnostics.Select(d => d.Location.Path), Has.Some.StartsWith("z-last"));
        });
    }

    [Test]
    public void Yaml_above_the_trees_that_compose_may_read_keeps_one_model()
    {
        // A unit below looks for the project in the nearest directory above its own, so such YAML is not set apart.
        using var repo = new TempDirectory();
        repo.Write("stack.yaml", "services:\n  web:\n    image: nginx\n    volumes: [/var/run/libvirt:/var/run/libvirt]\n");
        repo.Write("units/web.service", UnitAfterNetwork.Replace("-f docker-compose.yaml", "-f ../stack.yaml", StringComparison.Ordinal));
        repo.Write("other/docker-compose.yaml", VmFacingCompose);

        var (whole, split) = LintBoth(repo.Path);

        Assert.Multiple(() =>
        {
            Assert.That(SeparateDeployments.Plan(repo.Path, [], ModelOptions.Default, 1), Is.Null);
            Assert.That(split.SeparateModels, Is.Zero);
            Assert.That(Render(split), Is.EqualTo(Render(whole)));
            Assert.That(whole.Diagnostics.Select(d => d.Id), Does.Contain("HNL2001"), "the unit starts the stack above it");
        });
    }

    [Test]
    public void Hosts_in_the_configuration_keep_one_model()
    {
        using var repo = new TempDirectory();
        repo.Write("hostnetlint.yaml", "hosts:\n  lab: ['a/**', 'b/**']\n");
        repo.Write("a/docker-compose.yaml", "services:\n  web:\n    image: web\n    network_mode: host\n    command: serve --port 8888\n");
        repo.Write("b/docker-compose.yaml", "services:\n  api:\n    image: api\n    network_mode: host\n    command: serve --port 8888\n");

        var (whole, split) = LintBoth(repo.Path);

        Assert.Multiple(() =>
        {
            Assert.That(split.SeparateModels, Is.Zero);
            Assert.That(Render(split), Is.EqualTo(Render(whole)));
        });
    }

    [Test]
    public void An_unreadable_editorconfig_above_every_tree_is_reported_once()
    {
        using var repo = new TempDirectory();
        repo.Write("a/docker-compose.yaml", VmFacingCompose);
        repo.Write("b/docker-compose.yaml", VmFacingCompose);
        var fifo = Path.Combine(repo.Path, ".editorconfig");
        if (ChildProcess.Run("mkfifo", repo.Path, [fifo]).ExitCode != 0)
        {
            Assert.Ignore("mkfifo is not available");
        }

        var (whole, split) = LintBoth(repo.Path);

        Assert.Multiple(() =>
        {
            Assert.That(split.SeparateModels, Is.EqualTo(2));
            Assert.That(split.Diagnostics.Count(d => d.Id == "HNL0001"), Is.EqualTo(1));
            Assert.That(Render(split), Is.EqualTo(Render(whole)));
        });
    }

    [Test]
    public void Named_files_and_a_single_tree_are_not_split()
    {
        using var repo = new TempDirectory();
        repo.Write("a/docker-compose.yaml", VmFacingCompose);
        repo.Write("b/docker-compose.yaml", VmFacingCompose);

        Assert.Multiple(() =>
        {
            Assert.That(SeparateDeployments.Plan(repo.Path, [Path.Combine(repo.Path, "a/docker-compose.yaml")], ModelOptions.Default, 1), Is.Null);
            Assert.That(SeparateDeployments.Plan(repo.Path, [Path.Combine(repo.Path, "a")], ModelOptions.Default, 1), Is.Null);
            Assert.That(SeparateDeployments.Plan(repo.Path, [Path.Combine(repo.Path, "a"), Path.Combine(repo.Path, "b")], ModelOptions.Default, 1)?.BatchCount, Is.EqualTo(2), "two named trees");
            Assert.That(SeparateDeployments.Plan(repo.Path, [repo.Path, Path.Combine(repo.Path, "b")], ModelOptions.Default, 1), Is.Null, "a directory inside another named one");
            Assert.That(SeparateDeployments.Plan(repo.Path, [Path.Combine(repo.Path, "a"), Path.Combine(repo.Path, "a")], ModelOptions.Default, 1), Is.Null, "a directory named twice");
            Assert.That(SeparateDeployments.Plan(repo.Path, [], ModelOptions.Default, 1)?.BatchCount, Is.EqualTo(2));
            Assert.That(SeparateDeployments.Plan(repo.Path, [], ModelOptions.Default, 1000)?.BatchCount, Is.EqualTo(1), "both trees fit one batch");
        });
    }

    private static void AssertOneModel(string root)
    {
        var separate = SeparateDeployments.Plan(root, [], ModelOptions.Default, 1);
        Assert.That(separate, Is.Not.Null, "the tree has several deployment trees");
        var models = separate!.Models().Count();
        var (whole, split) = LintBoth(root);

        Assert.Multiple(() =>
        {
            Assert.That(separate.AreSeparate, Is.False, "the split was kept");
            Assert.That(models, Is.LessThan(separate.BatchCount), "the models end at the batch that is not separate");
            Assert.That(split.SeparateModels, Is.Zero);
            Assert.That(Render(split), Is.EqualTo(Render(whole)));
        });
    }

    // Every tree a batch of its own: the most separate models a root can give.
    private static (LintOutcome Whole, LintOutcome Split) LintBoth(string root) =>
        (Lint(root, findingsOnly: false, reportsFixes: false), Lint(root, findingsOnly: true, reportsFixes: true, filesPerBatch: 1));

    private static LintOutcome Lint(string root, bool findingsOnly, bool reportsFixes, int filesPerBatch = 1) =>
        new LintRun().Execute(new LintRequest
        {
            Settings = new LintSettingsRequest { Root = root },
            FindingsOnly = findingsOnly,
            ReportsFixes = reportsFixes,
            CollectsBetweenBatches = findingsOnly,
            FilesPerBatch = filesPerBatch,
        });

    /// <summary>Everything a report shows of an outcome, in a fixed order.</summary>
    private static string Render(LintOutcome outcome)
    {
        var lines = new List<string>();
        foreach (var diagnostic in outcome.Diagnostics)
        {
            var text = new StringBuilder(diagnostic.ToString());
            text.Append(" [").Append(diagnostic.Severity).Append("] ").Append(diagnostic.LogicalPath.Value);
            foreach (var related in diagnostic.RelatedLocations)
            {
                text.Append("\n  related ").Append(Place(related.Location)).Append(' ').Append(related.Message);
            }

            text.Append("\n  no fix: ").Append(diagnostic.NoFixReason);
            foreach (var fix in diagnostic.Fixes)
            {
                text.Append("\n  fix ").Append(fix.Title).Append(" (").Append(fix.EquivalenceKey).Append(')');
                foreach (var edit in fix.Edits)
                {
                    text.Append("\n    ").Append(Place(new HostNetLint.Parsing.Text.Location(fix.Document, edit.Span))).Append(" => ").Append(edit.NewText.ReplaceLineEndings("\\n"));
                }
            }

            lines.Add(text.ToString());
        }

        lines.AddRange(outcome.Suppressed.Select(s => $"suppressed {s.Diagnostic} -- {s.Justification}"));
        lines.Sort(StringComparer.Ordinal);
        lines.Add($"{outcome.DocumentCount} files: {string.Join(", ", outcome.ReportedFiles.Order(StringComparer.Ordinal))}");
        return string.Join('\n', lines);
    }

    private static string Place(HostNetLint.Parsing.Text.Location location)
    {
        var (start, end) = location.LineSpan;
        var lineEnd = location.Source.GetLineSpan(end.Line).End;
        return $"{location.Path}({start.Line + 1},{start.Character + 1})-({end.Line + 1},{end.Character + 1}) line ends at {lineEnd}";
    }
}
