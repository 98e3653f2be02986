using System.Diagnostics;
using System.Globalization;
using HostNetLint.Model;
using HostNetLint.Rules.Engine;

// Rerunnable speed and memory benchmark (not a test): `dotnet run -c Release --project tests/HostNetLint.Benchmarks`.
// Prints a Markdown table for the README. Each scenario runs once to warm up, then N times; the median is reported.
var repositoryRoot = FindRepositoryRoot();

// `--write-synthetic DIR`: only write the 200-project repository (compare-peers.sh times the tools on it).
if (args is ["--write-synthetic", var target])
{
    Console.WriteLine($"{WriteSyntheticRepository(target, projects: 200)} lines written to {target}");
    return;
}

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var rows = new List<string>();

rows.Add(Measure("sample deployment (1 compose file, .env)", Path.Combine(repositoryRoot, "tests", "sample-deployment"), runs));

var synthetic = Path.Combine(Path.GetTempPath(), "hostnetlint-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
try
{
    var lines = WriteSyntheticRepository(synthetic, projects: 200);
    rows.Add(Measure($"200 compose projects, {lines:N0} lines", synthetic, runs));
}
finally
{
    Directory.Delete(synthetic, recursive: true);
}

var corpus = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "corpus"));
if (Directory.Exists(corpus))
{
    rows.Add(Measure("../shared/corpus (every compose project in it)", corpus, runs));
}
else
{
    Console.Error.WriteLine($"note: {corpus} not found; the corpus scenario is skipped.");
}

Console.WriteLine($"| scenario | files read | workloads | findings | median ms | allocated MB | peak working set MB |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} runs after one warm-up, in process (start-up excluded).");

static string Measure(string name, string root, int runs)
{
    var (documents, workloads, findings) = LintOnce(root);
    var times = new List<double>();
    long allocated = 0;
    for (var i = 0; i < runs; i++)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        LintOnce(root);
        times.Add(watch.Elapsed.TotalMilliseconds);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    times.Sort();
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    return string.Create(CultureInfo.InvariantCulture, $"| {name} | {documents} | {workloads} | {findings} | {times[times.Count / 2]:F1} | {allocated / (1024.0 * 1024.0):F1} | {peak:F0} |");
}

static (int Documents, int Workloads, int Findings) LintOnce(string root)
{
    var model = DeploymentModelBuilder.Build(root, [], ModelOptions.Default);
    var diagnostics = LintEngine.Run(model, LintOptions.Default);
    return (model.Documents.Length, model.Workloads.Length, diagnostics.Length);
}

// Compose projects shaped like ADR-0043's Airflow stack (anchor, merge keys, comments), about 67 lines each.
static int WriteSyntheticRepository(string root, int projects)
{
    var lines = 0;
    for (var p = 0; p < projects; p++)
    {
        var dir = Path.Combine(root, $"stack{p:D3}");
        Directory.CreateDirectory(dir);
        var port = 20000 + (p * 3);
        var text = $$"""
            # Stack {{p}}: Airflow with a libvirt socket, like ADR-0043 before the fix
            version: '3.8'

            x-airflow-common: &airflow-common
              image: ${AIRFLOW_IMAGE:-qubinode/airflow:2.9}
              environment:
                - AIRFLOW__CORE__EXECUTOR=LocalExecutor
                - AIRFLOW__DATABASE__SQL_ALCHEMY_CONN=postgresql+psycopg2://airflow:airflow@postgres/airflow
                - AIRFLOW__CORE__LOAD_EXAMPLES=false
                - AIRFLOW_MCP_PORT={{port + 2}}
              volumes:
                - ./dags:/opt/airflow/dags
                - ./logs:/opt/airflow/logs
                - ./plugins:/opt/airflow/plugins
                # kcli and virsh talk to the host's libvirtd
                - /var/run/libvirt/libvirt-sock:/var/run/libvirt/libvirt-sock:ro
              networks:
                - airflow-net
              depends_on:
                - postgres

            services:
              airflow-webserver:
                <<: *airflow-common
                command: webserver
                ports:
                  - "{{port}}:8080"
                healthcheck:
                  test: ["CMD", "curl", "--fail", "http://localhost:8080/health"]
                  interval: 30s
                  timeout: 10s
                  retries: 5

              airflow-scheduler:
                <<: *airflow-common
                command: scheduler
                healthcheck:
                  test: ["CMD-SHELL", "airflow jobs check --job-type SchedulerJob"]
                  interval: 30s

              airflow-mcp-server:
                <<: *airflow-common
                command: python /opt/airflow/scripts/mcp_server.py --host 127.0.0.1 --port {{port + 2}}
                ports:
                  - "{{port + 2}}:{{port + 2}}"

              postgres:
                image: postgres:16
                environment:
                  POSTGRES_USER: airflow
                  POSTGRES_PASSWORD: airflow
                  POSTGRES_DB: airflow
                volumes:
                  - postgres-data:/var/lib/postgresql/data
                networks:
                  - airflow-net
                healthcheck:
                  test: ["CMD", "pg_isready", "-U", "airflow"]
                  interval: 10s

            networks:
              airflow-net:
                driver: bridge

            volumes:
              postgres-data:
            """;
        File.WriteAllText(Path.Combine(dir, "docker-compose.yaml"), text);
        lines += text.Split('\n').Length;
    }

    return lines;
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "HostNetLint.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("HostNetLint.sln not found above " + AppContext.BaseDirectory);
}
