using System.Collections.Concurrent;
using System.Text;
using HostNetLint.Model;
using HostNetLint.Model.Loading;
using HostNetLint.Parsing.Text;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Model;

/// <summary>
/// The read-ahead (walked files read, decoded and parsed on other cores) changes when the work is done, never what the
/// model is: the same documents in the same order, with the same problems, workloads and discovery, as one thread
/// reading on demand.
/// </summary>
public class ReadAheadTests
{
    [TestCase(1)]
    [TestCase(3)]
    public void A_walked_tree_read_ahead_gives_the_model_of_one_thread_reading_on_demand(int threads)
    {
        using var tree = WriteMixedTree();
        var onDemand = Describe(tree.Build(ModelOptions.Default with { ReadAheadThreads = 0 }));
        var readAhead = Describe(tree.Build(ModelOptions.Default with { ReadAheadThreads = threads }));

        Assert.That(readAhead, Is.EqualTo(onDemand));
        Assert.That(onDemand, Does.Contain("big.yaml").And.Contain("compose.yaml: problems=1"), "the tree has the cases it is meant to have");
    }

    [Test]
    public void Hostile_files_read_ahead_are_refused_as_on_demand_and_nothing_blocks()
    {
        HostileFileSystem.RequireUnix();
        using var tree = WriteMixedTree();
        HostileFileSystem.MakeFifo(Path.Combine(tree.Root, "fifo", "compose.yaml"));
        HostileFileSystem.MakeFifo(Path.Combine(tree.Root, "fifo", ".env"));
        HostileFileSystem.MakeFifo(Path.Combine(tree.Root, "units", "blocked.service"));
        HostileFileSystem.Link(Path.Combine(tree.Root, "zero", "compose.yaml"), "/dev/zero");
        HostileFileSystem.Link(Path.Combine(tree.Root, "outside", "docker-compose.yml"), "/etc/hostname");

        var onDemand = HostileFileSystem.WithinHangGuard(() => Describe(tree.Build(ModelOptions.Default with { ReadAheadThreads = 0 })));
        var readAhead = HostileFileSystem.WithinHangGuard(() => Describe(tree.Build(ModelOptions.Default with { ReadAheadThreads = 2 })));

        Assert.That(readAhead, Is.EqualTo(onDemand));
        Assert.That(onDemand, Does.Contain("fifo/compose.yaml: problems=1").And.Contain("not a regular file").And.Contain("outside the linted root"));
    }

    [Test]
    public void A_file_the_model_asks_for_before_a_worker_reaches_it_is_left_to_the_model_and_never_prepared()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var prepared = new ConcurrentBag<string>();
        var files = Enumerable.Range(0, 20).Select(i => ($"/f{i:D2}", ReadAheadKind.Text)).ToList();
        PreparedFile Prepare(string path, ReadAheadKind kind)
        {
            // The worker stops at the first file until the test lets it go, so the last file is taken before it is reached.
            entered.Set();
            release.Wait();
            prepared.Add(path);
            return new PreparedFile(null, path.Length, SourceText.From(path, path), null, null);
        }

        using (var readAhead = ReadAhead.Start(files, Prepare, threads: 1)!)
        {
            Assert.That(entered.Wait(TimeSpan.FromSeconds(30)), Is.True, "the worker started on the first file");
            Assert.That(readAhead.Take("/f19"), Is.Null, "not reached yet: the caller does the work");
            release.Set();
            Assert.That(readAhead.Take("/f00")?.Text?.Text, Is.EqualTo("/f00"), "the worker's result, waited for");
            Assert.That(readAhead.Take("/f00"), Is.Null, "taken once");
            Assert.That(readAhead.Take("/elsewhere"), Is.Null, "not read ahead");
        }

        Assert.That(prepared, Does.Not.Contain("/f19"));
        Assert.That(prepared, Does.Contain("/f00"));
    }

    [Test]
    public void A_worker_that_fails_leaves_the_file_to_the_model()
    {
        var files = Enumerable.Range(0, 20).Select(i => ($"/f{i:D2}", ReadAheadKind.Yaml)).ToList();
        using var finished = new CountdownEvent(files.Count);
        PreparedFile Prepare(string path, ReadAheadKind kind)
        {
            finished.Signal();
            return path == "/f03" ? throw new InvalidOperationException("boom") : new PreparedFile(null, 0, SourceText.From(string.Empty, path), null, null);
        }

        using var readAhead = ReadAhead.Start(files, Prepare, threads: 2)!;
        Assert.That(finished.Wait(TimeSpan.FromSeconds(30)), Is.True, "the workers went through every file");
        Assert.That(readAhead.Take("/f02"), Is.Not.Null);
        Assert.That(readAhead.Take("/f03"), Is.Null);
        Assert.That(readAhead.Take("/f04"), Is.Not.Null);
    }

    [Test]
    public void Nothing_is_started_without_a_worker_or_by_default_for_a_handful_of_files()
    {
        PreparedFile Prepare(string path, ReadAheadKind kind) => throw new AssertionException("nothing should be prepared");
        var many = Enumerable.Range(0, 20).Select(i => ($"/f{i}", ReadAheadKind.Text)).ToList();

        Assert.That(ReadAhead.Start(many, Prepare, threads: 0), Is.Null);
        Assert.That(ReadAhead.Start(many.Take(3).ToList(), Prepare, threads: null), Is.Null);
        Assert.That(ReadAhead.Start([], Prepare, threads: 2), Is.Null);
    }

    [Test]
    public void Named_threads_read_ahead_even_a_few_files()
    {
        var files = Enumerable.Range(0, 3).Select(i => ($"/f{i}", ReadAheadKind.Text)).ToList();
        using var finished = new CountdownEvent(files.Count);
        PreparedFile Prepare(string path, ReadAheadKind kind)
        {
            finished.Signal();
            return new PreparedFile(null, 0, SourceText.From(string.Empty, path), null, null);
        }

        using var readAhead = ReadAhead.Start(files, Prepare, threads: 1);
        Assert.That(readAhead, Is.Not.Null);
        Assert.That(finished.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(readAhead!.Take("/f1"), Is.Not.Null);
    }

    /// <summary>Every kind of file the walk reads ahead, and the ways reading one can go wrong, in more than one directory.</summary>
    private static TempTree WriteMixedTree()
    {
        var tree = new TempTree();
        tree.Write("airflow/compose.yaml", """
            x-common: &common
              image: apache/airflow:2.9
              volumes:
                - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock
            services:
              webserver:
                <<: *common
                ports: ["${WEB_PORT}:8080"]
              scheduler:
                <<: *common
                network_mode: host
            """);
        tree.Write("airflow/.env", "WEB_PORT=8888\n");
        tree.Write("airflow/compose.override.yaml", "services:\n  webserver:\n    environment:\n      A: b\n");
        tree.Write("airflow/compose.prod.yaml", "services:\n  webserver:\n    network_mode: host\n");
        tree.Write("airflow/notes.yaml", "title: not compose\nitems: [1, 2]\n");
        tree.Write("airflow/extra.yml", "services:\n  extra:\n    image: busybox\n    network_mode: bridge\n");
        tree.Write("broken/compose.yaml", "services:\n  a: [\n");
        File.WriteAllBytes(Path.Combine(tree.Root, "broken", "docker-compose.yml"), [.. Encoding.UTF8.GetBytes("services:\n  b:\n    image: \""), 0xFF, 0xFE, .. "\"\n"u8]);

        // Past the sniffer's 1 MiB: read ahead in full, but not a file the sniffer would read.
        var big = new StringBuilder("services:\n  big:\n    image: busybox\n    labels:\n");
        while (big.Length < 1_100_000)
        {
            big.Append("      - label-").Append(big.Length).Append('\n');
        }

        tree.Write("big/big.yaml", big.ToString());
        for (var i = 0; i < 6; i++)
        {
            tree.Write($"stacks/s{i}/docker-compose.yml", $"services:\n  app{i}:\n    image: busybox\n    network_mode: host\n    command: virsh -c qemu:///system list\n");
        }

        tree.Write("units/airflow.service", """
            [Unit]
            Description=Airflow
            [Service]
            WorkingDirectory=/opt/airflow
            ExecStart=/usr/bin/podman-compose -f /opt/airflow/compose.yaml up
            [Install]
            WantedBy=multi-user.target
            """);
        tree.Write("units/airflow.service.d/10-order.conf", "[Unit]\nAfter=libvirtd.service\n");
        tree.Write("units/vm.container", "[Container]\nImage=busybox\nNetwork=host\nVolume=/var/run/libvirt:/var/run/libvirt\n");
        tree.Write("units/broken.service", "[Service\nExecStart=/usr/bin/podman run busybox\n");
        tree.Write("units/web.pod", "[Pod]\nPublishPort=8080:8080\n");
        return tree;
    }

    private static string Describe(DeploymentModel model)
    {
        var text = new StringBuilder();
        foreach (var document in model.Documents)
        {
            text.Append(document.Path).Append(": problems=").Append(document.Problems.Length)
                .Append(" analyzable=").Append(document.IsAnalyzable).Append(" yaml=").Append(document.Yaml is not null)
                .Append(" length=").Append(document.Text.Length).AppendLine();
            foreach (var problem in document.Problems)
            {
                text.Append("  ").Append(problem.Kind).Append(' ').Append(problem.Span).Append(' ').AppendLine(problem.Message);
            }
        }

        foreach (var workload in model.Workloads)
        {
            text.Append("workload ").Append(workload.Name).Append(' ').Append(workload.Kind).Append(' ').Append(workload.Location.Source.Path)
                .Append(' ').Append(workload.Location.Span).Append(" network_mode=").Append(workload.NetworkMode?.Text).Append(" ports=").Append(workload.Ports.Length).AppendLine();
        }

        foreach (var problem in model.Problems)
        {
            text.Append("problem ").Append(problem.Kind).Append(' ').Append(problem.Location.Source.Path).Append(' ').AppendLine(problem.Message);
        }

        foreach (var discovery in model.Discovery)
        {
            text.Append("discovery ").AppendLine(discovery.ToString());
        }

        text.Append("units ").Append(model.Units.Length).Append(" projects ").Append(model.ComposeProjects.Length).AppendLine();
        return text.ToString();
    }
}
