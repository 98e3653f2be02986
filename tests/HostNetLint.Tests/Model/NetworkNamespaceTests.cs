using System.Text;
using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model;

/// <summary>One answer to "is it on the host network?": service:, container: and pod membership resolved in the model.</summary>
public class NetworkNamespaceTests
{
    [Test]
    public void A_chain_of_service_references_ends_at_the_service_that_owns_the_namespace()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              scheduler:
                image: airflow
                network_mode: host
              proxy:
                image: envoy
                network_mode: service:scheduler
              probe:
                image: busybox
                network_mode: "service:proxy"
            """);
        var model = tree.Build();
        var scheduler = model.Workloads.Single(w => w.Name == "scheduler");
        var proxy = model.Workloads.Single(w => w.Name == "proxy");
        var probe = model.Workloads.Single(w => w.Name == "probe");
        Assert.Multiple(() =>
        {
            Assert.That(scheduler.Namespace, Is.EqualTo(new NetworkNamespace { Kind = NetworkNamespaceKind.Host, Owner = scheduler }));
            Assert.That(probe.IsHostNetwork, Is.True);
            Assert.That(probe.Namespace.Owner, Is.SameAs(scheduler));
            Assert.That(probe.Namespace.JoinedTo, Is.SameAs(proxy));
            Assert.That(TempTree.TextOf(probe.Namespace.JoinedBy!.Location), Is.EqualTo("\"service:proxy\""));
            Assert.That(TempTree.Position(probe.Namespace.JoinedBy.Location), Is.EqualTo((10, 19)));
            Assert.That(proxy.Namespace.JoinedTo, Is.SameAs(scheduler));
            Assert.That(probe.HostNetworkSetting, Is.Null, "its own settings do not put it on the host network");
        });
    }

    [Test]
    public void Joining_a_bridge_service_is_not_the_host_network()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", "services:\n  web:\n    image: nginx\n  sidecar:\n    image: busybox\n    network_mode: service:web\n");
        var sidecar = tree.Service("sidecar");
        Assert.Multiple(() =>
        {
            Assert.That(sidecar.Namespace.Kind, Is.EqualTo(NetworkNamespaceKind.NotHost));
            Assert.That(sidecar.Namespace.Owner!.Name, Is.EqualTo("web"));
            Assert.That(sidecar.Namespace.IsJoined, Is.True);
        });
    }

    [TestCase("service:ghost", "its project defines no service 'ghost'")]
    [TestCase("container:started-by-hand", "no container named 'started-by-hand' is defined in the linted files")]
    [TestCase("ns:/proc/1/ns/net", "it joins the namespace at '/proc/1/ns/net'")]
    public void A_namespace_the_files_do_not_define_is_unknown(string mode, string reason)
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", $"services:\n  probe:\n    image: busybox\n    network_mode: \"{mode}\"\n");
        var probe = tree.Service("probe");
        Assert.Multiple(() =>
        {
            Assert.That(probe.Namespace.Kind, Is.EqualTo(NetworkNamespaceKind.Unknown));
            Assert.That(probe.Namespace.UnknownReason, Is.EqualTo(reason));
            Assert.That(probe.Namespace.Owner, Is.Null);
            Assert.That(probe.IsHostNetwork, Is.False);
        });
    }

    [Test]
    public void A_cycle_is_unknown_for_every_workload_on_it_and_before_it()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              a:
                network_mode: service:b
              b:
                network_mode: service:a
              c:
                network_mode: service:a
              self:
                network_mode: service:self
            """);
        var model = tree.Build();
        Assert.That(
            model.Workloads.Select(w => (w.Name, w.Namespace.Kind, w.Namespace.UnknownReason)),
            Is.EqualTo(new[]
            {
                ("a", NetworkNamespaceKind.Unknown, "the network namespaces it joins refer to each other in a cycle"),
                ("b", NetworkNamespaceKind.Unknown, "the network namespaces it joins refer to each other in a cycle"),
                ("c", NetworkNamespaceKind.Unknown, "the network namespaces it joins refer to each other in a cycle"),
                ("self", NetworkNamespaceKind.Unknown, "the network namespaces it joins refer to each other in a cycle"),
            }));
    }

    [Test]
    public void Service_references_stay_inside_their_project()
    {
        using var tree = new TempTree();
        tree.Write("dev/compose.yaml", "name: app\nservices:\n  db:\n    image: postgres\n    network_mode: host\n");
        tree.Write("prod/compose.yaml", "name: app\nservices:\n  db:\n    image: postgres\n  backup:\n    image: restic\n    network_mode: service:db\n");
        var backup = tree.Build().Workloads.Single(w => w.Name == "backup");
        Assert.That(backup.Namespace.Owner!.Location.Path, Is.EqualTo("prod/compose.yaml"));
        Assert.That(backup.IsHostNetwork, Is.False);
    }

    [Test]
    public void Container_references_find_a_container_name_a_podman_name_or_a_quadlet_default_name()
    {
        using var tree = new TempTree();
        tree.Write("compose.yaml", """
            services:
              vpn:
                image: gluetun
                container_name: lab-vpn
                network_mode: host
              probe:
                image: busybox
                network_mode: container:lab-vpn
            """);
        tree.Write("kcli.service", "[Service]\nExecStart=/usr/bin/podman run --name kcli-runner --network=host quay.io/karmab/kcli\n");
        tree.Write("sidecar.service", "[Service]\nExecStart=/usr/bin/podman run --network container:kcli-runner busybox\n");
        tree.Write("agent.container", "[Container]\nImage=agent\nNetwork=host\n");
        tree.Write("agent-sidecar.container", "[Container]\nImage=busybox\nNetwork=container:systemd-agent\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Single(w => w.Name == "probe").Namespace.Owner!.Name, Is.EqualTo("vpn"));
            Assert.That(model.Workloads.Single(w => w.Name == "busybox").Namespace.Owner!.Name, Is.EqualTo("kcli-runner"));
            Assert.That(model.Workloads.Single(w => w.Name == "agent-sidecar").Namespace.Owner!.Name, Is.EqualTo("agent"));
            Assert.That(model.Workloads.Where(w => w.Name is "probe" or "busybox" or "agent-sidecar").Select(w => w.IsHostNetwork), Is.All.True);
        });
    }

    [Test]
    public void A_container_name_used_twice_resolves_only_inside_its_own_project()
    {
        using var tree = new TempTree();
        tree.Write("dev/compose.yaml", "services:\n  vpn:\n    container_name: vpn\n    network_mode: host\n  probe:\n    network_mode: container:vpn\n");
        tree.Write("prod/compose.yaml", "services:\n  vpn:\n    container_name: vpn\n");
        tree.Write("other/compose.yaml", "services:\n  probe2:\n    network_mode: container:vpn\n");
        var model = tree.Build();
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads.Single(w => w.Name == "probe").IsHostNetwork, Is.True);
            Assert.That(model.Workloads.Single(w => w.Name == "probe2").Namespace.UnknownReason, Is.EqualTo("several containers in the linted files are named 'vpn'"));
        });
    }

    [Test]
    public void A_pod_created_in_the_same_unit_wins_over_another_units_pod_of_the_same_name()
    {
        using var tree = new TempTree();
        tree.Write("a.service", "[Service]\nExecStart=/usr/bin/podman pod create --name lab\n");
        tree.Write("b.service", "[Service]\nExecStartPre=/usr/bin/podman pod create --name lab --network=host\nExecStart=/usr/bin/podman run --pod lab --name member img\n");
        var member = tree.Build().Workloads.Single(w => w.Name == "member");
        Assert.Multiple(() =>
        {
            Assert.That(member.IsHostNetwork, Is.True);
            Assert.That(member.Namespace.Owner!.GroupName, Is.EqualTo("b.service"));
            Assert.That(member.Pod!.Pod, Is.SameAs(member.Namespace.Owner));
        });
    }

    [Test]
    public void A_quadlet_pod_member_joins_the_pods_network_and_an_unknown_pod_is_unknown()
    {
        using var tree = new TempTree();
        tree.Write("lab.pod", "[Pod]\nNetwork=host\n");
        tree.Write("scheduler.container", "[Container]\nImage=airflow\nPod=lab.pod\n");
        tree.Write("stray.service", "[Service]\nExecStart=/usr/bin/podman run --pod made-by-hand --name stray img\n");
        var model = tree.Build();
        var scheduler = model.Workloads.Single(w => w.Name == "scheduler");
        var stray = model.Workloads.Single(w => w.Name == "stray");
        Assert.Multiple(() =>
        {
            Assert.That(scheduler.IsHostNetwork, Is.True);
            Assert.That(scheduler.Namespace.Owner!.Kind, Is.EqualTo(WorkloadKind.QuadletPod));
            Assert.That(TempTree.TextOf(scheduler.Namespace.JoinedBy!.Location), Is.EqualTo("lab.pod"));
            Assert.That(stray.Namespace.Kind, Is.EqualTo(NetworkNamespaceKind.Unknown));
            Assert.That(stray.Namespace.UnknownReason, Is.EqualTo("the pod 'made-by-hand' is not created by the linted files"));
        });
    }

    [Test]
    public void A_chain_of_twenty_thousand_service_references_resolves_without_recursion()
    {
        const int Count = 20_000;
        var compose = new StringBuilder("services:\n");
        for (var i = 0; i < Count; i++)
        {
            compose.Append("  s").Append(i).Append(":\n    network_mode: ")
                .Append(i == Count - 1 ? "host" : $"service:s{i + 1}").Append('\n');
        }

        using var tree = new TempTree();
        tree.Write("compose.yaml", compose.ToString());
        var model = tree.Build();
        var last = model.Workloads[^1];
        Assert.Multiple(() =>
        {
            Assert.That(model.Workloads, Has.Length.EqualTo(Count));
            Assert.That(model.Workloads.All(w => w.IsHostNetwork && ReferenceEquals(w.Namespace.Owner, last)), Is.True);
            Assert.That(model.Workloads[0].Namespace.JoinedTo, Is.SameAs(model.Workloads[1]));
        });
    }
}
