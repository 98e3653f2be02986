namespace HostNetLint.Parsing.Systemd;

/// <summary>The special characters before an <c>Exec*=</c> executable (systemd.service(5), "Command lines").</summary>
[Flags]
public enum ExecPrefixes
{
    None = 0,

    /// <summary><c>-</c>: a failing exit code (or a missing executable) is recorded but not treated as failure.</summary>
    IgnoreFailure = 1,

    /// <summary><c>@</c>: the second word is passed as <c>argv[0]</c> instead of the executable path.</summary>
    ArgumentZero = 2,

    /// <summary><c>:</c>: no environment variable substitution in the arguments.</summary>
    NoEnvironmentExpansion = 4,

    /// <summary><c>+</c>: run with full privileges, without the unit's sandboxing and credentials.</summary>
    FullPrivileges = 8,

    /// <summary><c>!</c>: sandboxing applies, but the user and group credentials are not changed.</summary>
    NoCredentialChange = 16,

    /// <summary><c>!!</c>: like <c>!</c>, but only on systems without ambient capabilities.</summary>
    AmbientCredentialsFallback = 32,

    /// <summary><c>|</c>: run through the user's login shell (systemd 258 and later).</summary>
    ViaShell = 64,
}
