namespace HostNetLint.Tests.Rules;

/// <summary>Compose files the unit-ordering tests start from their units.</summary>
internal static class OrderingFixtures
{
    /// <summary>ADR-0043's stack: every service mounts the libvirt socket through the shared anchor.</summary>
    public const string VmFacingCompose = """
        x-airflow-common: &airflow-common
          image: qubinode/airflow:latest
          network_mode: host
          volumes:
            - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
        services:
          airflow-webserver:
            <<: *airflow-common
            command: webserver
          airflow-scheduler:
            <<: *airflow-common
            command: scheduler
        """;

    /// <summary>A stack that reaches the VMs by their addresses (SSH to the FreeIPA VM), not through libvirt's socket.</summary>
    public const string VmAddressCompose = """
        services:
          dag-runner:
            image: qubinode/airflow:latest
            network_mode: host
            environment:
              FREEIPA_HOST: 192.168.122.116
        """;

    /// <summary>
    /// A drop-in that makes any unit VM-facing without changing the unit's own text: it starts a container that reaches
    /// the FreeIPA VM by its address (the unit's own environment alone would not count).
    /// </summary>
    public const string VmAddressDropIn = "[Service]\nExecStartPre=/usr/bin/podman run --rm --network=host --env FREEIPA_HOST=192.168.122.116 quay.io/qubinode/airflow:latest airflow db check\n";

    public const string PlainCompose = """
        services:
          web:
            image: nginx
            network_mode: host
        """;
}
