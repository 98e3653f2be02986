using System.Globalization;
using System.Text;

namespace HostNetLint.Benchmarks.Synthetic;

/// <summary>
/// Writes a deployment repository of ADR-0043-shaped projects, the same bytes for the same project count and seed.
/// The one generator behind the benchmarks, the scaling harness and compare-peers.sh (<c>--write-synthetic</c>).
/// </summary>
/// <remarks>
/// Each project <c>stackNNNNN/</c> has a compose file with an <c>x-airflow-common</c> anchor merged into the Airflow
/// services (libvirt socket mount, comments), a <c>.env</c> the compose file interpolates, and a systemd unit that starts
/// the project with podman-compose from its install path <c>/opt/stacks/stackNNNNN</c>. The seed picks each project's
/// state: before ADR-0043's fix (bridge network) or after it (host network, some still publishing ports or listening
/// on all interfaces), the unit's ordering, extra workers, and for some projects a quadlet. Every project owns its
/// own block of host ports, so projects never clash with each other, as in a repository that describes many hosts.
/// </remarks>
public static class SyntheticRepository
{
    /// <summary>
    /// Host ports are handed out from <see cref="FirstPort"/> in blocks of <see cref="PortsPerProject"/>; project 1148's block
    /// starts at 8888, so its webserver and MCP server hold the ports ADR-0043 reserves for them.
    /// </summary>
    public const int FirstPort = 2_000;

    public const int PortsPerProject = 6;

    /// <summary>The seed of every published figure (after ADR-0043).</summary>
    public const ulong DefaultSeed = 43;

    /// <summary>The largest project count whose port blocks stay below 65,536.</summary>
    public const int MaxProjects = (65_535 - FirstPort) / PortsPerProject;

    /// <summary>Writes <paramref name="projects"/> projects under <paramref name="root"/> (created if missing).</summary>
    public static SyntheticSummary Write(string root, int projects, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(projects);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(projects, MaxProjects);
        var random = new SplitMix64(seed);
        var summary = new SyntheticSummary(projects, 0, 0, 0);
        for (var p = 0; p < projects; p++)
        {
            var project = ProjectShape.Pick(p, random);
            var directory = Path.Combine(root, project.Name);
            summary = summary
                .Add(WriteFile(directory, "docker-compose.yaml", ComposeFile(project)))
                .Add(WriteFile(directory, ".env", EnvFile(project)))
                .Add(WriteFile(directory, $"airflow-{project.Name}.service", UnitFile(project)));
            if (project.Quadlet is { } quadlet)
            {
                summary = summary.Add(WriteFile(Path.Combine(directory, "quadlets"), $"{project.Name}-libvirt-exporter.container", QuadletFile(project, quadlet)));
            }
        }

        return summary;
    }

    private static SyntheticSummary WriteFile(string directory, string name, string text)
    {
        Directory.CreateDirectory(directory);
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(Path.Combine(directory, name), bytes);
        return new SyntheticSummary(0, 1, text.Count(c => c == '\n'), bytes.Length);
    }

    private static string ComposeFile(ProjectShape project)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {project.Name}: Airflow with kcli/virsh access to the host's libvirtd (ADR-0043)\n");
        if (project.HasVersionKey)
        {
            text.Append("version: '3.8'\n");
        }

        text.Append(CultureInfo.InvariantCulture, $$"""

            x-airflow-common: &airflow-common
              image: ${AIRFLOW_IMAGE:-quay.io/qubinode/airflow:2.10.5}
              environment:
                - AIRFLOW__CORE__EXECUTOR=LocalExecutor
                - AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=postgresql+psycopg2://airflow:airflow@{{project.DatabaseHost}}/airflow
                - AIRFLOW__CORE__LOAD_EXAMPLES=false
                - AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=true
              volumes:
                - ./dags:/opt/airflow/dags
                - ./logs:/opt/airflow/logs
                - ./plugins:/opt/airflow/plugins
                # kcli and virsh talk to the host's libvirtd
                - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
            {{(project.HostNetwork
                ? "  # Host network: DAGs reach the VMs on virbr0 (192.168.122.0/24)\n  network_mode: host\n"
                : "  networks:\n    - airflow-net\n")}}  depends_on:
                - postgres

            services:
              airflow-webserver:
                <<: *airflow-common
                command: webserver --hostname {{project.WebserverBind}} --port ${AIRFLOW_WEB_PORT}

            """);
        if (!project.HostNetwork || project.HostNetworkKeepsPorts)
        {
            text.Append(CultureInfo.InvariantCulture, $"    ports:\n      - \"{project.WebPort}:{project.WebPort}\"\n");
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
                healthcheck:
                  test: ["CMD", "curl", "--fail", "http://localhost:{{project.WebPort}}/health"]
                  interval: 30s
                  timeout: 10s
                  retries: 5
                restart: unless-stopped

              airflow-scheduler:
                <<: *airflow-common
                command: scheduler
                healthcheck:
                  test: ["CMD-SHELL", "airflow jobs check --job-type SchedulerJob --hostname \"$${HOSTNAME}\""]
                  interval: 30s
                restart: unless-stopped

            """);
        for (var worker = 1; worker <= project.ExtraWorkers; worker++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""

                  airflow-triggerer-{{worker}}:
                    <<: *airflow-common
                    command: triggerer
                    environment:
                      - AIRFLOW__TRIGGERER__DEFAULT_CAPACITY=1000
                      - AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT={{project.WorkerPort(worker)}}

                """);
        }

        text.Append(CultureInfo.InvariantCulture, $$"""

              # The MCP server lets assistants list and trigger DAGs
              airflow-mcp-server:
                <<: *airflow-common
                command: python /opt/airflow/scripts/mcp_server.py --host {{project.McpBind}} --port ${AIRFLOW_MCP_PORT}

            """);
        if (!project.HostNetwork)
        {
            text.Append(CultureInfo.InvariantCulture, $"    ports:\n      - \"127.0.0.1:{project.McpPort}:{project.McpPort}\"\n");
        }

        text.Append(CultureInfo.InvariantCulture, $$"""

              postgres:
                image: docker.io/library/postgres:16
                environment:
                  POSTGRES_USER: airflow
                  POSTGRES_PASSWORD: airflow
                  POSTGRES_DB: airflow
                volumes:
                  - postgres-data:/var/lib/postgresql/data

            """);
        text.Append(project.HostNetwork
            ? $"    network_mode: host\n    command: postgres -p {project.DatabasePort} -c listen_addresses=127.0.0.1\n"
            : "    networks:\n      - airflow-net\n");
        text.Append("""
                healthcheck:
                  test: ["CMD", "pg_isready", "-U", "airflow"]
                  interval: 10s

            """);
        if (!project.HostNetwork)
        {
            text.Append("\nnetworks:\n  airflow-net:\n    driver: bridge\n");
        }

        text.Append("\nvolumes:\n  postgres-data:\n");
        return text.ToString();
    }

    private static string EnvFile(ProjectShape project) => string.Create(CultureInfo.InvariantCulture, $"""
        # Read by podman-compose from the project directory
        AIRFLOW_IMAGE=quay.io/qubinode/airflow:2.10.{project.Index % 6}
        AIRFLOW_WEB_PORT={project.WebPort}
        AIRFLOW_MCP_PORT={project.McpPort}

        """);

    private static string UnitFile(ProjectShape project)
    {
        var ordering = project.Ordering switch
        {
            UnitOrdering.NetworkTargetOnly => "After=network.target\n",
            UnitOrdering.AfterLibvirtOnly => "After=network-online.target libvirtd.service\nWants=network-online.target\n",
            _ => "After=network-online.target libvirtd.service\nWants=network-online.target\nRequires=libvirtd.service\n",
        };
        return string.Create(CultureInfo.InvariantCulture, $"""
            # /etc/systemd/system/airflow-{project.Name}.service
            [Unit]
            Description=Airflow {project.Name} via Podman
            {ordering}
            [Service]
            Type=simple
            WorkingDirectory=/opt/stacks/{project.Name}
            ExecStart=/usr/bin/podman-compose -f /opt/stacks/{project.Name}/docker-compose.yaml up
            ExecStop=/usr/bin/podman-compose -f /opt/stacks/{project.Name}/docker-compose.yaml down
            Restart=always

            [Install]
            WantedBy=multi-user.target

            """);
    }

    private static string QuadletFile(ProjectShape project, QuadletShape quadlet) => string.Create(CultureInfo.InvariantCulture, $"""
        # ~/.config/containers/systemd/{project.Name}-libvirt-exporter.container
        [Unit]
        Description=libvirt metrics for {project.Name}
        After=network-online.target libvirtd.service
        Wants=network-online.target
        Requires=libvirtd.service

        [Container]
        Image=quay.io/qubinode/libvirt-exporter:0.3
        Network=host
        Volume=/var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
        Exec=--web.listen-address=127.0.0.1:{project.ExporterPort}
        {(quadlet.PublishesPort ? $"PublishPort={project.ExporterPort}:{project.ExporterPort}\n" : string.Empty)}
        [Install]
        WantedBy=default.target

        """);
}
