using System.Text;

namespace HostNetLint.Parsing.Text;

/// <summary>
/// The decoded text of one file (without its byte-order mark) with a line map.
/// Offsets are UTF-16 code units, the unit YamlDotNet's <c>Mark.Index</c> and SARIF's
/// <c>utf16CodeUnits</c> column kind use.
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;
    private readonly string? text;
    private readonly int length;

    // Only a released text has these: how many line-break characters end each line (0, 1 or 2).
    private readonly byte[]? lineBreakLengths;
    private string? dominantLineBreak;

    private SourceText(string path, string text, SourceEncoding encoding, DecodeFailure? decodeFailure)
    {
        Path = path;
        this.text = text;
        length = text.Length;
        Encoding = encoding;
        DecodeFailure = decodeFailure;
        lineStarts = ComputeLineStarts(text);
    }

    private SourceText(SourceText original)
    {
        Path = original.Path;
        length = original.length;
        Encoding = original.Encoding;
        DecodeFailure = original.DecodeFailure;
        lineStarts = original.lineStarts;
        lineBreakLengths = new byte[lineStarts.Length];
        for (var line = 0; line < lineStarts.Length; line++)
        {
            lineBreakLengths[line] = (byte)(original.GetFullLineSpan(line).Length - original.GetLineSpan(line).Length);
        }
    }

    /// <summary>The path as the caller named it (used in diagnostics).</summary>
    public string Path { get; }

    /// <summary>The text; a text from <see cref="WithoutText"/> has none and throws.</summary>
    public string Text => text ?? throw new InvalidOperationException($"The text of '{Path}' was released once its findings were made; only its positions are kept.");

    /// <summary>False for a text from <see cref="WithoutText"/>, which keeps the line map alone.</summary>
    public bool HasText => text is not null;

    public SourceEncoding Encoding { get; }

    /// <summary>Set when the bytes were not valid text; such a file is reported and never rewritten.</summary>
    public DecodeFailure? DecodeFailure { get; }

    public int Length => length;

    public int LineCount => lineStarts.Length;

    /// <summary>
    /// The line break the file mostly uses (LF, CRLF or a lone CR, as old Mac files have), for text that a fix
    /// inserts; LF for a file without one. Ties go to LF, then CRLF.
    /// </summary>
    /// <remarks>Counted once: a fix per service in a large file asks for it each time.</remarks>
    public string DominantLineBreak => dominantLineBreak ??= CountDominantLineBreak(Text);

    /// <summary>
    /// This file's path, encoding and line map without its text: what a report needs of a finding's file (lines and
    /// columns) once the text itself is no longer needed, at a few bytes a line instead of two bytes a character.
    /// </summary>
    public SourceText WithoutText() => text is null ? this : new SourceText(this);

    public static SourceText From(string text, string path = "") => new(path, text, SourceEncoding.Utf8, null);

    /// <summary>Decodes file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. Never throws.</summary>
    public static SourceText Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], path, SourceEncoding.Utf8WithBom, byteBase: 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(bytes[2..], path, SourceEncoding.Utf16LittleEndian, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(bytes[2..], path, SourceEncoding.Utf16BigEndian, new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true));
        }

        return DecodeUtf8(bytes, path, SourceEncoding.Utf8, byteBase: 0);
    }

    /// <summary>Encodes text the way this file was stored: same encoding, same byte-order mark.</summary>
    public byte[] EncodeLikeOriginal(string text)
    {
        var (encoding, preamble) = Encoding switch
        {
            SourceEncoding.Utf8WithBom => ((Encoding)new UTF8Encoding(false), new byte[] { 0xEF, 0xBB, 0xBF }),
            SourceEncoding.Utf16LittleEndian => (new UnicodeEncoding(false, false), new byte[] { 0xFF, 0xFE }),
            SourceEncoding.Utf16BigEndian => (new UnicodeEncoding(true, false), new byte[] { 0xFE, 0xFF }),
            _ => (new UTF8Encoding(false), Array.Empty<byte>()),
        };
        var body = encoding.GetBytes(text);
        var result = new byte[preamble.Length + body.Length];
        preamble.CopyTo(result, 0);
        body.CopyTo(result, preamble.Length);
        return result;
    }

    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, length);
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - lineStarts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) => new(GetLinePosition(span.Start), GetLinePosition(span.End));

    public int GetLineStart(int line) => lineStarts[line];

    /// <summary>The span of a line without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var start = lineStarts[line];
        var end = line + 1 < lineStarts.Length ? lineStarts[line + 1] : length;
        if (lineBreakLengths is not null)
        {
            return TextSpan.FromBounds(start, end - lineBreakLengths[line]);
        }

        while (end > start && (text![end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The span of a line including its line break.</summary>
    public TextSpan GetFullLineSpan(int line)
    {
        var start = lineStarts[line];
        var end = line + 1 < lineStarts.Length ? lineStarts[line + 1] : length;
        return TextSpan.FromBounds(start, end);
    }

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    private static SourceText DecodeUtf8(ReadOnlySpan<byte> bytes, string path, SourceEncoding encoding, int byteBase)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return WithBinaryCheck(path, strict.GetString(bytes), encoding);
        }
        catch (DecoderFallbackException)
        {
            // Decode leniently to keep positions meaningful, and remember where the first bad byte sits.
            var validPrefix = FirstInvalidUtf8Index(bytes);
            var prefixChars = System.Text.Encoding.UTF8.GetCharCount(bytes[..validPrefix]);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            return new SourceText(path, text, encoding, new DecodeFailure(prefixChars, $"The file is not valid UTF-8 (invalid byte 0x{bytes[validPrefix]:X2} at byte offset {byteBase + validPrefix})"));
        }
    }

    private static SourceText DecodeUtf16(ReadOnlySpan<byte> bytes, string path, SourceEncoding encoding, Encoding decoder)
    {
        try
        {
            return WithBinaryCheck(path, decoder.GetString(bytes), encoding);
        }
        catch (DecoderFallbackException)
        {
            // The lenient decoding turns each bad code unit (or a dangling odd byte) into one U+FFFD,
            // so the index of the first bad unit is also its char offset.
            var bigEndian = encoding == SourceEncoding.Utf16BigEndian;
            var lenient = new UnicodeEncoding(bigEndian, false, false);
            var bad = FirstInvalidUtf16Index(bytes, bigEndian);
            return new SourceText(path, lenient.GetString(bytes), encoding, new DecodeFailure(bad, $"The file is not valid UTF-16 (bad code unit at byte offset {2 + (2 * bad)})"));
        }
    }

    private static SourceText WithBinaryCheck(string path, string text, SourceEncoding encoding)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0
            ? new SourceText(path, text, encoding, null)
            : new SourceText(path, text, encoding, new DecodeFailure(nul, "The file looks binary (it contains a NUL character)"));
    }

    private static int FirstInvalidUtf8Index(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return Math.Max(0, bytes.Length - 1);
    }

    private static int FirstInvalidUtf16Index(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var units = bytes.Length / 2;
        for (var i = 0; i < units; i++)
        {
            var unit = Utf16UnitAt(bytes, i, bigEndian);
            if (char.IsHighSurrogate(unit) && i + 1 < units && char.IsLowSurrogate(Utf16UnitAt(bytes, i + 1, bigEndian)))
            {
                i++;
            }
            else if (char.IsSurrogate(unit))
            {
                return i;
            }
        }

        return units;
    }

    private static char Utf16UnitAt(ReadOnlySpan<byte> bytes, int index, bool bigEndian) => bigEndian
        ? (char)((bytes[2 * index] << 8) | bytes[(2 * index) + 1])
        : (char)(bytes[2 * index] | (bytes[(2 * index) + 1] << 8));

    private static string CountDominantLineBreak(string text)
    {
        var crlf = 0;
        var lf = 0;
        var cr = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lf++;
            }
            else if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    crlf++;
                    i++;
                }
                else
                {
                    cr++;
                }
            }
        }

        return cr > lf && cr > crlf ? "\r" : crlf > lf ? "\r\n" : "\n";
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}

/// <summary>Why a file's bytes could not be read as text, and where (a UTF-16 offset into the lenient decoding).</summary>
public sealed record DecodeFailure(int Offset, string Message);
