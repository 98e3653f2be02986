using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Rules;

[TestFixture]
public sealed class HNL2003Tests
{
    private const string Id = "HNL2003";

    [Test]
    public void Network_target_is_reported_at_its_item()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\nWants=libvirtd.service\nAfter=[|network.target|] libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [Test]
    public void Network_online_target_without_Wants_is_reported()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\nWants=libvirtd.service\nAfter=[|network-online.target|] libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [Test]
    public void Network_online_target_with_Wants_is_fine()
    {
        RuleVerifier.Verify(
            Id,
            ("airflow/docker-compose.yaml", OrderingFixtures.VmFacingCompose),
            ("airflow/airflow.service", "[Unit]\nWants=network-online.target libvirtd.service\nAfter=network-online.target libvirtd.service\n\n[Service]\nExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up\n"));
    }

    [Test]
    public void Units_that_start_nothing_VM_facing_keep_their_ordering()
    {
        RuleVerifier.Verify(Id, ("backup.service", "[Unit]\nAfter=network.target\n\n[Service]\nExecStart=/usr/bin/restic backup /srv\n"));
    }
}
