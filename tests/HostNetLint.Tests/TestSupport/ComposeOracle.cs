using HostNetLint.Parsing.Text;
using HostNetLint.Parsing.Yaml;

namespace HostNetLint.Tests.TestSupport;

/// <summary>
/// Debian's docker-compose 1.29 as the judge of a compose file: <c>docker-compose -f FILE config</c> exits non-zero on a
/// file compose rejects (<c>'network_mode' and 'networks' cannot be combined</c>) and prints the resolved file otherwise,
/// merges and <c>extends</c> applied. Tests that use it skip with the reason when it is not installed.
/// </summary>
public static class ComposeOracle
{
    public const string Missing = "docker-compose is not installed (apt-get install -y docker-compose); the compose oracle checks are skipped";

    public static bool IsAvailable => ChildProcess.IsOnPath("docker-compose");

    /// <summary>Ignores the calling test when the oracle is missing.</summary>
    public static void Require()
    {
        if (!IsAvailable)
        {
            Assert.Ignore(Missing);
        }
    }

    /// <summary>
    /// Runs <c>docker-compose config</c> in <paramref name="directory"/> on <paramref name="files"/>, or, when none are
    /// named, on the files compose finds there itself (compose.yaml and its compose.override.yaml).
    /// </summary>
    public static ProcessResult Config(string directory, params string[] files) =>
        ChildProcess.Run("docker-compose", directory, ["--project-name", "oracle", .. files.SelectMany(f => new[] { "-f", f }), "config"], TimeSpan.FromMinutes(1), new Dictionary<string, string?>
        {
            // The file alone decides: no project settings from the environment of the test run.
            ["COMPOSE_FILE"] = null,
            ["COMPOSE_PROFILES"] = null,
            ["COMPOSE_PROJECT_NAME"] = null,
        });

    /// <summary>The resolved file <see cref="Config"/> printed, parsed (warnings come on standard error, after it).</summary>
    public static YamlSyntaxTree Resolved(string configOutput)
    {
        ArgumentNullException.ThrowIfNull(configOutput);
        return YamlSyntaxTree.Parse(SourceText.From(string.Join('\n', configOutput.Split('\n').TakeWhile(l => !l.StartsWith("WARNING:", StringComparison.Ordinal)))));
    }

    /// <summary>The network_mode compose resolved for <paramref name="service"/> (printed by <see cref="Config"/>), or null.</summary>
    public static string? NetworkModeOf(string configOutput, string service)
    {
        var tree = Resolved(configOutput);
        return tree.Root is YamlMapping root && root["services"] is YamlMapping services && services[service] is YamlMapping definition
            ? (definition["network_mode"] as YamlScalar)?.Value
            : null;
    }
}
