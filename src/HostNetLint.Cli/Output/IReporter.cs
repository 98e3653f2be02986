namespace HostNetLint.Cli.Output;

/// <summary>Writes the result of a check in one output format (text now; SARIF later).</summary>
public interface IReporter
{
    void Write(CheckReport report, TextWriter output);
}
