using System.Collections;
using System.Text.Json;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.Oracle;

/// <summary>A compose project as an oracle gets it: the directory and the files, in load order (absolute paths).</summary>
public sealed record OracleProject(string Id, string Directory, IReadOnlyList<string> Files);

/// <summary>What a tool made of one project: accepted or rejected (with its message), and per service what it printed.</summary>
public sealed record OracleResult(bool Accepted, string Message, IReadOnlyList<(string Service, JsonElement Data)> Entries);

/// <summary>
/// Runs Debian's podman-compose (<c>--dry-run up</c>) and docker-compose 1.29 (<c>config</c>) over many projects in one
/// child process each (the drivers next to this file), bounded by a time limit, without a container runtime or a network.
/// </summary>
public static class ComposeOracles
{
    /// <summary>One child for every project; the drivers give each project 20 seconds.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The Python that runs <paramref name="command"/> (from its <c>#!</c> line), or ignores the test when the command is not
    /// installed: the oracles are Debian's packages, <c>apt-get install -y podman-compose docker-compose</c>.
    /// </summary>
    public static string RequireInterpreter(string command)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            Assert.Ignore($"{command} is not installed (apt-get install -y {command}); the {command} oracle comparison did not run");
        }

        var shebang = File.ReadLines(path!).FirstOrDefault() ?? string.Empty;
        var words = shebang.StartsWith("#!", StringComparison.Ordinal) ? shebang[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var interpreter = words.Length switch
        {
            0 => null,
            _ when Path.GetFileName(words[0]) == "env" && words.Length > 1 => words[1],
            _ => words[0],
        };
        if (interpreter is null || !Path.GetFileName(interpreter).StartsWith("python", StringComparison.Ordinal))
        {
            Assert.Ignore($"{path} is not a Python script ({shebang}); the oracle drivers load its Python module");
        }

        return interpreter!;
    }

    public static (string Version, IReadOnlyDictionary<string, OracleResult> Results) PodmanCompose(IEnumerable<OracleProject> projects) =>
        Run("podman-compose", "podman_compose_oracle.py", "HNL-CONTAINER", projects);

    public static (string Version, IReadOnlyDictionary<string, OracleResult> Results) DockerCompose(IEnumerable<OracleProject> projects) =>
        Run("docker-compose", "docker_compose_oracle.py", "HNL-SERVICES", projects);

    private static (string Version, IReadOnlyDictionary<string, OracleResult> Results) Run(
        string command, string driver, string entryTag, IEnumerable<OracleProject> projects)
    {
        var interpreter = RequireInterpreter(command);
        using var temp = new TempDirectory();
        var input = temp.Write("projects.jsonl", string.Join('\n', projects.Select(p =>
            JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = p.Id, ["dir"] = p.Directory, ["files"] = p.Files }))));
        var result = ChildProcess.Run(
            interpreter,
            temp.Path,
            [Path.Combine(Repository.Root, "tests", "HostNetLint.Tests", "Oracle", driver), input],
            Limit,
            CleanEnvironment());

        string? version = null;
        string? current = null;
        var entries = new List<(string, JsonElement)>();
        var results = new Dictionary<string, OracleResult>(StringComparer.Ordinal);
        foreach (var line in result.Output.Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !line.StartsWith("HNL-", StringComparison.Ordinal))
            {
                continue;
            }

            var tag = line[..space];
            var json = JsonDocument.Parse(line[(space + 1)..]).RootElement.Clone();
            if (tag == "HNL-UNSUPPORTED")
            {
                Assert.Ignore(json.GetString()!);
            }
            else if (tag == "HNL-VERSION")
            {
                version = json.GetString();
            }
            else if (tag == "HNL-PROJECT")
            {
                current = json.GetString();
                entries = [];
            }
            else if (tag == entryTag && entryTag == "HNL-CONTAINER")
            {
                entries.Add((json.GetProperty("service").GetString()!, json.GetProperty("options")));
            }
            else if (tag == entryTag)
            {
                entries.AddRange(json.EnumerateObject().Select(service => (service.Name, service.Value)));
            }
            else if (tag == "HNL-END" && current is not null)
            {
                results[current] = new OracleResult(json.GetProperty("status").GetString() == "ok", json.GetProperty("message").GetString()!, entries);
            }
        }

        Assert.That(version, Is.Not.Null, $"the {command} driver did not start:\n{result}");
        return (version!, results);
    }

    /// <summary>
    /// The child's environment without the variables compose tools read (COMPOSE_*, PODMAN_COMPOSE_*, DOCKER_*), so the
    /// project files and their .env decide, as they do for the model (which never reads the host environment).
    /// </summary>
    private static Dictionary<string, string?> CleanEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("COMPOSE_", StringComparison.Ordinal) || name.StartsWith("PODMAN_", StringComparison.Ordinal) || name.StartsWith("DOCKER_", StringComparison.Ordinal))
            {
                environment[name] = null;
            }
        }

        return environment;
    }
}
