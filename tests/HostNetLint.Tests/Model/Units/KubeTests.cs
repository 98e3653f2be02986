using HostNetLint.Model.Workloads;

namespace HostNetLint.Tests.Model.Units;

public class KubeTests
{
    private const string HostPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: airflow
        spec:
          hostNetwork: true
          containers:
            - name: scheduler
              image: qubinode/airflow:latest
        """;

    [Test]
    public void A_kube_quadlet_takes_hostNetwork_from_its_yaml()
    {
        using var tree = new TempTree();
        tree.Write("quadlets/airflow.yaml", HostPod);
        tree.Write("quadlets/airflow.kube", "[Kube]\nYaml=airflow.yaml\n");
        var model = tree.Build();

        var pod = model.Units.Single().Workloads.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pod.Kind, Is.EqualTo(WorkloadKind.QuadletPod));
            Assert.That(pod.Name, Is.EqualTo("airflow"));
            Assert.That(pod.IsHostNetwork, Is.True);
            Assert.That(pod.NetworkMode!.Location.Path, Is.EqualTo("quadlets/airflow.yaml"));
            Assert.That(TempTree.Position(pod.NetworkMode.Location), Is.EqualTo((6, 16)));
            Assert.That(TempTree.Position(pod.NetworkMode.Site), Is.EqualTo((2, 6)));
        });
    }

    [Test]
    public void Podman_kube_play_resolves_its_file_like_a_compose_file()
    {
        using var tree = new TempTree();
        tree.Write("k8s/airflow-pod.yaml", HostPod);
        tree.Write("a.service", UnitFixtures.Unit("/usr/bin/podman kube play --replace /etc/airflow/k8s/airflow-pod.yaml"));
        tree.Write("b.service", UnitFixtures.Unit("/usr/bin/podman kube play /etc/missing.yaml"));
        var model = tree.Build();

        var played = model.Units.Single(u => u.Name == "a.service").Workloads.Single();
        var missing = model.Units.Single(u => u.Name == "b.service");
        Assert.Multiple(() =>
        {
            Assert.That(played.Kind, Is.EqualTo(WorkloadKind.PodmanPod));
            Assert.That(played.IsHostNetwork, Is.True);
            Assert.That(missing.IsResolved, Is.False);
            Assert.That(missing.Workloads, Is.Empty);
            Assert.That(TempTree.TextOf(model.Problems.Single().Location), Is.EqualTo("/etc/missing.yaml"));
        });
    }
}
