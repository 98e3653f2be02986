namespace HostNetLint.Tests.TestSupport;

/// <summary>Runs the SDK's <c>dotnet</c> host (the one running the tests) in a child process.</summary>
public static class DotnetProcess
{
    public static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    /// <summary>As <see cref="Run(string, TimeSpan, string[])"/>, with <paramref name="environment"/> set too (null removes a variable).</summary>
    public static ProcessResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string?>
        {
            // A child build must not reuse this test run's build servers or inherit its MSBuild state.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBuildExtensionsPath"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return ChildProcess.Run(Host, workingDirectory, arguments, timeout, variables);
    }
}
