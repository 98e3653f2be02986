namespace HostNetLint.Parsing.Text;

/// <summary>How a file was stored on disk, so that a fix can write it back byte-for-byte the same way.</summary>
public enum SourceEncoding
{
    Utf8,
    Utf8WithBom,
    Utf16LittleEndian,
    Utf16BigEndian,
}
