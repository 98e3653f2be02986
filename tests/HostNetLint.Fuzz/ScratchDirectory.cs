namespace HostNetLint.Fuzz;

/// <summary>A fresh directory under the system temp directory for one run of a target, deleted afterwards.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hostnetlint-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch directory is harmless; the next run uses a new one.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
