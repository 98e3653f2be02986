using HostNetLint.Model.Units;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model.Units;

public class QuadletTests
{
    [Test]
    public void A_container_quadlet_with_host_network_ports_and_volumes()
    {
        using var tree = new TempTree();
        tree.Write("quadlets/web.container", """
            [Unit]
            After=libvirtd.service

            [Container]
            Image=quay.io/x/airflow:latest
            Network=host
            PublishPort=8080:8080
            Volume=/var/run/libvirt:/var/run/libvirt:ro
            Environment=A=1 "B=two words"
            Exec=webserver --port 8080

            [Install]
            WantedBy=default.target
            """);
        var model = tree.Build();

        var unit = model.Units.Single();
        var web = unit.Workloads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(unit.Name, Is.EqualTo("web.container"));
            Assert.That(unit.Kind, Is.EqualTo(ServiceUnitKind.Quadlet));
            Assert.That(unit.Definition.GetSection("Unit")!.GetList("After").Single().Text, Is.EqualTo("libvirtd.service"));
            Assert.That(model.Workloads.Single(), Is.SameAs(web));
            Assert.That(web.Kind, Is.EqualTo(WorkloadKind.QuadletContainer));
            Assert.That(web.Name, Is.EqualTo("web"));
            Assert.That(TempTree.Position(web.Location), Is.EqualTo((4, 1)));
            Assert.That(web.IsHostNetwork, Is.True);
            Assert.That(TempTree.Position(web.NetworkMode!.Location), Is.EqualTo((6, 9)));
            Assert.That(web.Image!.Text, Is.EqualTo("quay.io/x/airflow:latest"));
            Assert.That(TempTree.Position(web.Image.Location), Is.EqualTo((5, 7)));
            Assert.That(web.Ports.Single().HostPortStart, Is.EqualTo(8080));
            Assert.That(TempTree.Position(web.Ports[0].Entry.Location), Is.EqualTo((7, 13)));
            Assert.That(TempTree.TextOf(web.Ports[0].Entry.Location), Is.EqualTo("8080:8080"));
            Assert.That(web.Mounts.Single().ReadOnly, Is.True);
            Assert.That(TempTree.Position(web.Mounts[0].Entry.Location), Is.EqualTo((8, 8)));
            Assert.That(web.Environment.Select(e => (e.Name, e.Value!.Text)), Is.EqualTo(new[] { ("A", "1"), ("B", "two words") }));
            Assert.That(TempTree.Position(web.Environment[1].Entry.Location), Is.EqualTo((9, 17)));
            Assert.That(TempTree.Position(web.Environment[0].Value!.Location), Is.EqualTo((9, 15)));
            Assert.That(web.Command.Select(c => c.Text), Is.EqualTo(new[] { "webserver", "--port", "8080" }));
            Assert.That(TempTree.Position(web.Command[2].Location), Is.EqualTo((10, 23)));
        });
    }

    [Test]
    public void A_container_in_a_host_network_pod_quadlet()
    {
        using var tree = new TempTree();
        tree.Write("airflow.pod", """
            [Pod]
            PodName=airflow
            Network=host
            PublishPort=8080:8080
            """);
        tree.Write("scheduler.container", """
            [Container]
            ContainerName=airflow-scheduler
            Pod=airflow.pod
            Image=qubinode/airflow:latest
            """);
        var model = tree.Build();

        var pod = model.Workloads.Single(w => w.Kind == WorkloadKind.QuadletPod);
        var scheduler = model.Workloads.Single(w => w.Kind == WorkloadKind.QuadletContainer);
        Assert.Multiple(() =>
        {
            Assert.That(model.Units.Select(u => u.Name), Is.EqualTo(new[] { "airflow.pod", "scheduler.container" }));
            Assert.That(pod.Name, Is.EqualTo("airflow"));
            Assert.That(pod.IsHostNetwork, Is.True);
            Assert.That(pod.Ports.Single().ContainerPortStart, Is.EqualTo(8080));
            Assert.That(scheduler.Name, Is.EqualTo("airflow-scheduler"));
            Assert.That(scheduler.IsHostNetwork, Is.True);
            Assert.That(scheduler.NetworkMode, Is.Null, "a pod member has no network setting of its own");
            Assert.That(scheduler.Namespace.Owner, Is.SameAs(pod));
            Assert.That(pod.HostNetworkSetting!.Location.Path, Is.EqualTo("airflow.pod"));
            Assert.That(TempTree.Position(pod.HostNetworkSetting.Location), Is.EqualTo((3, 9)));
            Assert.That(scheduler.Namespace.JoinedBy!.Location.Path, Is.EqualTo("scheduler.container"));
            Assert.That(TempTree.Position(scheduler.Namespace.JoinedBy.Location), Is.EqualTo((3, 5)));
            Assert.That(scheduler.ContainerName, Is.EqualTo("airflow-scheduler"));
        });
    }

    [TestCase("--network=host", 31)]
    [TestCase("--net=host", 27)]
    [TestCase("--network host", 31)]
    public void PodmanArgs_with_a_host_network_option_is_host_networking(string spelling, int hostColumn)
    {
        using var tree = new TempTree();
        tree.Write("agent.container", $"""
            [Container]
            Image=quay.io/x/agent
            PodmanArgs=--cpus 2 {spelling}
            """);
        var agent = tree.Build().Workloads.Single();

        Assert.Multiple(() =>
        {
            Assert.That(agent.IsHostNetwork, Is.True);
            Assert.That(TempTree.TextOf(agent.HostNetworkSetting!.Location), Is.EqualTo("host"));
            Assert.That(TempTree.Position(agent.HostNetworkSetting.Location), Is.EqualTo((3, hostColumn)));
        });
    }

    [Test]
    public void PodmanArgs_of_a_pod_quadlet_reach_its_members_and_other_PodmanArgs_are_not_networks()
    {
        using var tree = new TempTree();
        tree.Write("lab.pod", "[Pod]\nPodmanArgs=--network=host\n");
        tree.Write("probe.container", "[Container]\nImage=busybox\nPod=lab.pod\n");
        tree.Write("web.container", "[Container]\nImage=nginx\nPodmanArgs=--network-alias=host --cap-add NET_ADMIN\n");
        tree.Write("reset.container", "[Container]\nImage=nginx\nPodmanArgs=--network=host\nPodmanArgs=\n");
        var model = tree.Build();

        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Single(w => w.Name == "probe").IsHostNetwork, Is.True);
            Assert.That(model.Workloads.Single(w => w.Name == "probe").Namespace.Owner!.Kind, Is.EqualTo(WorkloadKind.QuadletPod));
            Assert.That(model.Workloads.Single(w => w.Name == "web").IsHostNetwork, Is.False, "--network-alias names no network");
            Assert.That(model.Workloads.Single(w => w.Name == "reset").IsHostNetwork, Is.False, "an empty PodmanArgs= clears the list");
        });
    }

    [Test]
    public void Quadlet_drop_ins_are_merged_and_other_quadlets_start_nothing()
    {
        using var tree = new TempTree();
        tree.Write("web.container", "[Container]\nImage=nginx\n");
        tree.Write("web.container.d/10-net.conf", "[Container]\nNetwork=host\n");
        tree.Write("data.volume", "[Volume]\nVolumeName=data\n");
        tree.Write("app.network", "[Network]\nSubnet=10.89.0.0/24\n");
        var model = tree.Build();

        var web = model.Units.Single(u => u.Name == "web.container");
        Assert.Multiple(() =>
        {
            Assert.That(model.Units.Select(u => u.Name), Is.EquivalentTo(new[] { "app.network", "data.volume", "web.container" }));
            Assert.That(web.Workloads.Single().IsHostNetwork, Is.True);
            Assert.That(web.Workloads[0].NetworkMode!.Location.Path, Is.EqualTo("web.container.d/10-net.conf"));
            Assert.That(model.Units.Where(u => u.Name != "web.container").SelectMany(u => u.Workloads), Is.Empty);
        });
    }
}
