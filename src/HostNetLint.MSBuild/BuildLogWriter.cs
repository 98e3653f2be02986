using HostNetLint.Reporting;
using HostNetLint.Rules.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace HostNetLint.MSBuild;

/// <summary>
/// Logs a finding the way MSBuild, IDE error lists and CI parsers read it: full path, 1-based line and
/// column with end positions, the rule ID as code and the rule page as help link. Control characters in the path
/// and the message are escaped (<see cref="TerminalText"/>): MSBuild prints both into one canonical error line,
/// which a file name with a line break could otherwise forge.
/// </summary>
internal sealed class BuildLogWriter(TaskLoggingHelper log, string root, string helpBaseUri, Severity errorLevel)
{
    public void Write(Diagnostic diagnostic)
    {
        var file = TerminalText.Escape(Path.GetFullPath(Path.Combine(root, diagnostic.Location.Path)));
        var span = diagnostic.Location.LineSpan;
        var (line, column, endLine, endColumn) = (span.Start.Line + 1, span.Start.Character + 1, span.End.Line + 1, span.End.Character + 1);
        var help = diagnostic.Descriptor.HelpUri(helpBaseUri).AbsoluteUri;
        var message = TerminalText.Escape(diagnostic.Message);

        // A finding at or above the fail level is an error: MSBuild fails a build only on errors.
        if (diagnostic.Severity >= errorLevel)
        {
            log.LogError(null, diagnostic.Id, null, help, file, line, column, endLine, endColumn, "{0}", message);
        }
        else if (diagnostic.Severity == Severity.Warning)
        {
            log.LogWarning(null, diagnostic.Id, null, help, file, line, column, endLine, endColumn, "{0}", message);
        }
        else if (diagnostic.Severity == Severity.Note)
        {
            log.LogMessage(null, diagnostic.Id, null, file, line, column, endLine, endColumn, MessageImportance.High, "{0}", message);
        }
    }
}
