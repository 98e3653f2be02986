#pragma warning disable CA1050 // The runtime finds a startup hook only as a type named StartupHook in no namespace.

/// <summary>
/// Runs <see cref="HostNetLint.Tests.Sarif.SarifProcessProbe"/> in a fresh process when this assembly is
/// named in <c>DOTNET_STARTUP_HOOKS</c>; does nothing unless the probe's variables are set.
/// </summary>
internal static class StartupHook
{
    public static void Initialize() => HostNetLint.Tests.Sarif.SarifProcessProbe.Run();
}
