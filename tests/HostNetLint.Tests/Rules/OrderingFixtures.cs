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

    /// <summary>A drop-in that makes any unit VM-facing without changing the unit's own text.</summary>
    public const string LibvirtUriDropIn = "[Service]\nEnvironment=LIBVIRT_DEFAULT_URI=qemu:///system\n";

    public const string PlainCompose = """
        services:
          web:
            image: nginx
            network_mode: host
        """;
}
