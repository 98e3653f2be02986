using HostNetLint.Fixes;
using HostNetLint.Parsing.Systemd;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Fuzz.Invariants;

/// <summary>
/// A container that joins a pod shares the pod's network namespace: podman refuses a network option of its own
/// (<c>podman run --pod P --network=host</c>, or a quadlet with <c>Pod=</c> and <c>Network=</c>). The network belongs to
/// <c>podman pod create</c> or the <c>.pod</c> quadlet, so a fix must never add one to a pod member.
/// </summary>
public static class PodNetworks
{
    public static void CheckNoneAdded(FileFix file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var dialect = UnitFileSyntax.DialectFor(file.Path);
        if (!file.Path.EndsWith(".service", StringComparison.Ordinal) && dialect != UnitFileDialect.Quadlet && !file.Path.EndsWith(".conf", StringComparison.Ordinal))
        {
            return;
        }

        var before = Count(UnitFileSyntax.Parse(file.Original, dialect));
        var after = Count(UnitFileSyntax.Parse(SourceText.From(file.NewText, file.Path), dialect));
        InvariantViolationException.ThrowUnless(
            after <= before,
            $"{file.Path}: the fix gives a container that joins a pod a network of its own ({after} such containers, {before} before), which podman refuses");
    }

    /// <summary>Podman run/create commands and quadlet [Container] sections that join a pod and set a network.</summary>
    private static int Count(UnitFileSyntax syntax)
    {
        var count = 0;
        foreach (var section in syntax.Sections)
        {
            if (section.Name == "Container" && section.Contains("Pod") && section.Contains("Network"))
            {
                count++;
            }

            foreach (var entry in section.Entries.Where(e => e.Key.StartsWith("Exec", StringComparison.Ordinal)))
            {
                count += ExecCommandLine.Parse(entry).Commands.Count(JoinsPodWithNetwork);
            }
        }

        return count;
    }

    private static bool JoinsPodWithNetwork(ExecCommand command)
    {
        if (!command.Executable.Value.EndsWith("podman", StringComparison.Ordinal))
        {
            return false;
        }

        var words = command.ProcessArguments.Select(a => a.Value).ToList();
        var run = words.FindIndex(w => w is "run" or "create");
        if (run < 0)
        {
            return false;
        }

        var options = words.Skip(run + 1).TakeWhile(w => w.StartsWith('-')).ToList();
        return options.Exists(w => w is "--pod" or "--pod-id-file" || w.StartsWith("--pod=", StringComparison.Ordinal) || w.StartsWith("--pod-id-file=", StringComparison.Ordinal))
            && options.Exists(w => w is "--network" or "--net" || w.StartsWith("--network=", StringComparison.Ordinal) || w.StartsWith("--net=", StringComparison.Ordinal));
    }
}
