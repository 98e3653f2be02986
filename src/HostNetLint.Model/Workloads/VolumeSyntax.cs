namespace HostNetLint.Model.Workloads;

/// <summary>Splits compose's short volume syntax <c>SOURCE:TARGET[:MODE]</c>.</summary>
internal static class VolumeSyntax
{
    /// <summary>The parts of a short volume entry; a Windows drive source (<c>C:\data</c>, <c>C:/data</c>) stays whole.</summary>
    public static List<string> Split(string text)
    {
        var parts = Compose.ComposeMerger.SplitOutsideReferences(text, ':');
        if (parts.Count > 2 && IsDriveLetter(parts[0]) && parts[1].Length > 0
            && (parts[1][0] == '\\' || (parts[1][0] == '/' && parts[2].StartsWith('/'))))
        {
            parts[0] += ":" + parts[1];
            parts.RemoveAt(1);
        }

        return parts;
    }

    public static bool IsDrivePath(string path) => path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';

    private static bool IsDriveLetter(string part) => part.Length == 1 && char.IsAsciiLetter(part[0]);
}
