using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL2002Tests
{
    private const string Id = "HNL2002";

    [Test]
    public void Ordering_without_Wants_is_reported_at_the_libvirt_item()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\nAfter=network.target [|libvirtd.service|]\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [TestCase("Wants=libvirtd.service")]
    [TestCase("Requires=libvirtd.service")]
    [TestCase("BindsTo=virtqemud.socket")]
    public void Any_requirement_dependency_on_libvirt_is_enough(string requirement)
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", $"[Unit]\n{requirement}\nAfter=network.target libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [Test]
    public void Without_any_libvirt_ordering_only_HNL2001_speaks()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\n{|HNL2001:After|}=network-online.target\nWants=network-online.target\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }
}
