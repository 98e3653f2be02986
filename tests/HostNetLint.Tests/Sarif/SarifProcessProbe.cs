using System.Runtime.CompilerServices;
using HostNetLint.Reporting.Sarif;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// Code that runs inside a child process through <see cref="StartupHook"/>, to see what writing SARIF
/// loads into a process that has loaded nothing else. With <see cref="AssembliesVariable"/> set it records
/// the loaded assemblies at exit (enough to watch the CLI); with <see cref="SarifVariable"/> set too it
/// first writes the sample findings as SARIF itself.
/// </summary>
public static class SarifProcessProbe
{
    public const string AssembliesVariable = "HOSTNETLINT_PROBE_ASSEMBLIES";
    public const string SarifVariable = "HOSTNETLINT_PROBE_SARIF";

    public static void Run()
    {
        var assembliesFile = Environment.GetEnvironmentVariable(AssembliesVariable);
        if (string.IsNullOrEmpty(assembliesFile))
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(assembliesFile, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty).Order(StringComparer.Ordinal));

        if (Environment.GetEnvironmentVariable(SarifVariable) is { Length: > 0 } sarifFile)
        {
            WriteSample(sarifFile);
        }
    }

    // Kept out of Run so that recording alone, in a process without HostNetLint.Reporting, never resolves it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteSample(string sarifFile)
    {
        var options = new SarifOptions { SourceRoot = Path.GetDirectoryName(sarifFile)!, ToolVersion = "0.1.0" };
        new SarifReportWriter(options).WriteFile(HandMadeFindings.Sample(), sarifFile);
    }
}
