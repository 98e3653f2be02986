using HostNetLint.Model.Compose;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model.Units;

/// <summary>Which program starts each workload: compose starters of a project, podman start, systemd-run, host pods.</summary>
public class StarterTests
{
    private const string PodmanComposeUnit = """
        [Unit]
        Description=Airflow

        [Service]
        ExecStartPre=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml -p airflow pull
        ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml -p airflow --podman-run-args=--cap-add=NET_ADMIN --in-pod=false up -d airflow-webserver airflow-scheduler
        """;

    [Test]
    public void A_project_knows_the_podman_compose_lines_that_run_it_with_their_options_and_exact_spans()
    {
        using var tree = new TempTree();
        tree.Write("airflow/docker-compose.yaml", UnitFixtures.AirflowCompose);
        tree.Write("deploy/airflow.service", PodmanComposeUnit);
        var model = tree.Build();

        var starters = model.ComposeProjects.Single().Starters;
        var up = starters[1];
        Assert.Multiple(() =>
        {
            Assert.That(starters.Select(s => (s.UnitName, s.Subcommand!.Text, s.StartsContainers)), Is.EqualTo(new[]
            {
                ("airflow.service", "pull", false),
                ("airflow.service", "up", true),
            }));
            Assert.That(up.Tool, Is.EqualTo(ComposeTool.PodmanCompose));
            Assert.That(TempTree.TextOf(up.Program.Location), Is.EqualTo("/usr/bin/podman-compose"));
            Assert.That(TempTree.Position(up.Program.Location), Is.EqualTo((6, 11)));
            Assert.That(up.Files.Single().Text, Is.EqualTo("/opt/airflow/docker-compose.yaml"));
            Assert.That(TempTree.Position(up.Files[0].Location), Is.EqualTo((6, 38)));
            Assert.That(up.ProjectName!.Text, Is.EqualTo("airflow"));
            Assert.That(TempTree.Position(up.ProjectName.Location), Is.EqualTo((6, 74)));
            Assert.That(up.PodmanRunArgs.Single().Text, Is.EqualTo("--cap-add=NET_ADMIN"));
            Assert.That(TempTree.Position(up.PodmanRunArgs[0].Location), Is.EqualTo((6, 100)));
            Assert.That(TempTree.TextOf(up.PodmanRunArgs[0].Location), Is.EqualTo("--cap-add=NET_ADMIN"));
            Assert.That(up.InPod!.Text, Is.EqualTo("false"));
            Assert.That(TempTree.Position(up.InPod.Location), Is.EqualTo((6, 129)));
            Assert.That(TempTree.Position(up.Subcommand!.Location), Is.EqualTo((6, 135)));
            Assert.That(up.Services.Select(s => s.Text), Is.EqualTo(new[] { "airflow-webserver", "airflow-scheduler" }));
            Assert.That(up.Services.Select(s => TempTree.Position(s.Location)), Is.EqualTo(new[] { (6, 141), (6, 159) }));
            Assert.That(up.PodArgs, Is.Null);
            Assert.That(up.Profiles, Is.Empty);
        });
    }

    [Test]
    public void Each_compose_program_is_told_apart_and_a_project_no_unit_runs_has_no_starter()
    {
        using var tree = new TempTree();
        foreach (var name in (string[])["a", "b", "c", "d", "manual"])
        {
            tree.Write($"{name}/compose.yaml", "services:\n  web:\n    image: nginx\n");
        }

        tree.Write("a.service", UnitFixtures.Unit("/usr/bin/docker compose --profile vm --profile=debug -f /srv/a/compose.yaml up --wait"));
        tree.Write("b.service", UnitFixtures.Unit("/usr/local/bin/docker-compose -f/srv/b/compose.yaml --project-name=bee up"));
        tree.Write("c.service", UnitFixtures.Unit("/usr/bin/podman --log-level info compose --file /srv/c/compose.yaml up -d -- web"));
        tree.Write("d.service", UnitFixtures.Unit("/bin/sh -c 'cd /srv/d && podman-compose --pod-args=\"--infra=true --network=host\" run --rm web echo hi'", "WorkingDirectory=/srv/d\n"));
        var model = tree.Build();

        ComposeStarter StarterOf(string directory) => model.ComposeProjects.Single(p => p.Directory.EndsWith(directory, StringComparison.Ordinal)).Starters.Single();
        Assert.Multiple(() =>
        {
            Assert.That(StarterOf("a").Tool, Is.EqualTo(ComposeTool.DockerCompose));
            Assert.That(StarterOf("a").Profiles.Select(p => p.Text), Is.EqualTo(new[] { "vm", "debug" }));
            Assert.That(StarterOf("a").Services, Is.Empty, "--wait is a flag, and up without services starts them all");
            Assert.That(StarterOf("b").Tool, Is.EqualTo(ComposeTool.DockerComposeStandalone));
            Assert.That(StarterOf("b").Files.Single().Text, Is.EqualTo("/srv/b/compose.yaml"));
            Assert.That(StarterOf("b").ProjectName!.Text, Is.EqualTo("bee"));
            Assert.That(StarterOf("c").Tool, Is.EqualTo(ComposeTool.PodmanComposeCommand));
            Assert.That(StarterOf("c").Services.Single().Text, Is.EqualTo("web"));
            Assert.That(StarterOf("d").Tool, Is.EqualTo(ComposeTool.PodmanCompose));
            Assert.That(StarterOf("d").PodArgs!.Text, Is.EqualTo("--infra=true --network=host"));
            Assert.That(StarterOf("d").Services.Select(s => s.Text), Is.EqualTo(new[] { "web" }), "run names one service; the rest is its command");
            Assert.That(model.ComposeProjects.Single(p => p.Directory.EndsWith("manual", StringComparison.Ordinal)).Starters, Is.Empty);
            Assert.That(model.Problems, Is.Empty);
        });
    }

    [Test]
    public void Podman_start_starts_the_container_a_create_line_made_and_a_name_made_by_hand_adds_nothing()
    {
        using var tree = new TempTree();
        tree.Write("web.service", """
            [Service]
            ExecStartPre=/usr/bin/podman create --name web --network host docker.io/library/nginx
            ExecStart=/usr/bin/podman start -a web
            """);
        tree.Write("restart-web.service", UnitFixtures.Unit("/usr/bin/podman container start --detach-keys ctrl-x web --attach"));
        tree.Write("generated.service", UnitFixtures.Unit("/usr/bin/podman start kcli"));
        tree.Write("lab.service", "[Service]\nExecStartPre=/usr/bin/podman pod create --name lab --network=host\nExecStart=/usr/bin/podman pod start lab\n");
        var model = tree.Build();

        var web = model.Units.Single(u => u.Name == "web.service").Workloads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(web.Name, Is.EqualTo("web"));
            Assert.That(TempTree.Position(web.Location), Is.EqualTo((2, 14)));
            Assert.That(web.IsHostNetwork, Is.True);
            Assert.That(TempTree.Position(web.HostNetworkSetting!.Location), Is.EqualTo((2, 58)));
            Assert.That(model.Units.Single(u => u.Name == "restart-web.service").Workloads.Single(), Is.SameAs(web));
            Assert.That(model.Units.Single(u => u.Name == "generated.service").Workloads, Is.Empty);
            Assert.That(model.Units.Single(u => u.Name == "generated.service").IsResolved, Is.True);
            Assert.That(model.Units.Single(u => u.Name == "lab.service").Workloads.Single().Kind, Is.EqualTo(WorkloadKind.PodmanPod));
            Assert.That(model.Workloads.Select(w => w.Name), Is.EquivalentTo(new[] { "web", "lab" }));
            Assert.That(model.Problems, Is.Empty);
        });
    }

    [Test]
    public void Systemd_run_runs_the_podman_command_after_its_options()
    {
        using var tree = new TempTree();
        tree.Write("agent.service", """
            [Service]
            ExecStart=/usr/bin/systemd-run --unit=vm-agent -p Restart=always --property After=libvirtd.service --wait podman run --network=host --name vm-agent quay.io/x/agent
            """);
        tree.Write("lab/lab-pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: lab\nspec:\n  hostNetwork: true\n  containers:\n    - name: probe\n      image: busybox\n");
        tree.Write("lab.service", "[Service]\nExecStart=/usr/bin/systemd-run --scope -- /usr/bin/podman play kube /srv/lab/lab-pod.yaml\n");
        var model = tree.Build();

        var agent = model.Units.Single(u => u.Name == "agent.service").Workloads.Single();
        var lab = model.Units.Single(u => u.Name == "lab.service").Workloads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(agent.Name, Is.EqualTo("vm-agent"));
            Assert.That(agent.Kind, Is.EqualTo(WorkloadKind.PodmanRun));
            Assert.That(TempTree.TextOf(agent.Location), Is.EqualTo("podman"));
            Assert.That(TempTree.Position(agent.Location), Is.EqualTo((2, 107)));
            Assert.That(agent.IsHostNetwork, Is.True);
            Assert.That(TempTree.Position(agent.HostNetworkSetting!.Location), Is.EqualTo((2, 128)));
            Assert.That(agent.Image!.Text, Is.EqualTo("quay.io/x/agent"));
            Assert.That(lab.Kind, Is.EqualTo(WorkloadKind.PodmanPod));
            Assert.That(TempTree.Position(lab.Location), Is.EqualTo((2, 43)));
            Assert.That(lab.IsHostNetwork, Is.True);
            Assert.That(model.Problems, Is.Empty);
        });
    }

    [TestCase("--network=host", 62)]
    [TestCase("--network host", 62)]
    [TestCase("--net=host", 58)]
    [TestCase("--net host", 58)]
    public void A_host_pod_created_in_ExecStartPre_makes_its_members_host_network(string spelling, int hostColumn)
    {
        using var tree = new TempTree();
        tree.Write("lab.service", $"""
            [Service]
            ExecStartPre=/usr/bin/podman pod create --name lab {spelling}
            ExecStart=/usr/bin/podman run --pod lab --name member img
            """);
        var model = tree.Build();

        var pod = model.Workloads.Single(w => w.Kind == WorkloadKind.PodmanPod);
        var member = model.Workloads.Single(w => w.Name == "member");
        Assert.Multiple(() =>
        {
            Assert.That(member.IsHostNetwork, Is.True);
            Assert.That(member.Namespace.Owner, Is.SameAs(pod));
            Assert.That(TempTree.Position(member.Namespace.JoinedBy!.Location), Is.EqualTo((3, 37)));
            Assert.That(TempTree.TextOf(pod.HostNetworkSetting!.Location), Is.EqualTo("host"));
            Assert.That(TempTree.Position(pod.HostNetworkSetting.Location), Is.EqualTo((2, hostColumn)));
        });
    }
}
