namespace HostNetLint.Tests.Model.Units;

/// <summary>Fixture texts shared by the unit tests (written to temp directories by each test).</summary>
internal static class UnitFixtures
{
    public const string AirflowCompose = """
        services:
          postgres:
            image: postgres:15
          airflow-webserver:
            image: qubinode/airflow:latest
            network_mode: host
          airflow-scheduler:
            image: qubinode/airflow:latest
            network_mode: host
          airflow-init:
            image: qubinode/airflow:latest
        """;

    public const string AdrUnit = """
        [Unit]
        Description=Apache Airflow
        After=network-online.target libvirtd.service

        [Service]
        Type=simple
        ExecStart=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml up
        ExecStop=/usr/bin/podman-compose -f /opt/airflow/docker-compose.yaml down
        Restart=always

        [Install]
        WantedBy=multi-user.target
        """;

    /// <summary>A unit whose only ExecStart line is <paramref name="execStart"/>.</summary>
    public static string Unit(string execStart, string extra = "") => $"""
        [Unit]
        Description=test

        [Service]
        {extra}ExecStart={execStart}
        """;
}
