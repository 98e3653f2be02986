using System.Text;
using HostNetLint.Parsing.Text;

namespace HostNetLint.Tests.Parsing;

public sealed class SourceTextTests
{
    [Test]
    public void Line_map_of_LF_text_starts_a_line_after_each_LF()
    {
        var text = SourceText.From("ab\ncd\n");

        Assert.Multiple(() =>
        {
            Assert.That(text.LineCount, Is.EqualTo(3));
            Assert.That(text.GetLineStart(1), Is.EqualTo(3));
            Assert.That(text.GetLineStart(2), Is.EqualTo(6));
            Assert.That(text.GetLinePosition(0), Is.EqualTo(new LinePosition(0, 0)));
            Assert.That(text.GetLinePosition(2), Is.EqualTo(new LinePosition(0, 2)), "the LF itself belongs to its line");
            Assert.That(text.GetLinePosition(3), Is.EqualTo(new LinePosition(1, 0)));
            Assert.That(text.GetLinePosition(6), Is.EqualTo(new LinePosition(2, 0)), "the end of a text ending in LF is on an empty last line");
        });
    }

    [Test]
    public void Line_map_of_CRLF_text_treats_CRLF_as_one_break()
    {
        var text = SourceText.From("ab\r\ncd\r\nef");

        Assert.Multiple(() =>
        {
            Assert.That(text.LineCount, Is.EqualTo(3));
            Assert.That(text.GetLineStart(1), Is.EqualTo(4));
            Assert.That(text.GetLineStart(2), Is.EqualTo(8));
            Assert.That(text.GetLinePosition(3), Is.EqualTo(new LinePosition(0, 3)), "the LF of CRLF is still on the first line");
            Assert.That(text.GetLinePosition(4), Is.EqualTo(new LinePosition(1, 0)));
            Assert.That(text.GetLineSpan(0), Is.EqualTo(new TextSpan(0, 2)));
            Assert.That(text.GetFullLineSpan(0), Is.EqualTo(new TextSpan(0, 4)));
            Assert.That(text.GetLineSpan(2), Is.EqualTo(new TextSpan(8, 2)));
            Assert.That(text.GetFullLineSpan(2), Is.EqualTo(new TextSpan(8, 2)));
        });
    }

    [Test]
    public void Line_map_treats_a_lone_CR_as_a_line_break()
    {
        var text = SourceText.From("a\rb\r\rc");

        Assert.Multiple(() =>
        {
            Assert.That(text.LineCount, Is.EqualTo(4));
            Assert.That(text.GetLinePosition(2), Is.EqualTo(new LinePosition(1, 0)));
            Assert.That(text.GetLineSpan(2), Is.EqualTo(new TextSpan(4, 0)), "an empty line between two CRs");
            Assert.That(text.GetFullLineSpan(2), Is.EqualTo(new TextSpan(4, 1)));
            Assert.That(text.GetLinePosition(5), Is.EqualTo(new LinePosition(3, 0)));
        });
    }

    [Test]
    public void Line_map_without_final_newline_ends_the_last_line_at_the_end_of_text()
    {
        var text = SourceText.From("a: 1\nb: 2");

        Assert.Multiple(() =>
        {
            Assert.That(text.LineCount, Is.EqualTo(2));
            Assert.That(text.GetLineSpan(1), Is.EqualTo(new TextSpan(5, 4)));
            Assert.That(text.GetFullLineSpan(1), Is.EqualTo(new TextSpan(5, 4)));
            Assert.That(text.GetLinePosition(9), Is.EqualTo(new LinePosition(1, 4)));
            Assert.That(text.ToString(text.GetLineSpan(1)), Is.EqualTo("b: 2"));
        });
    }

    [Test]
    public void Empty_text_has_one_empty_line()
    {
        var text = SourceText.From(string.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(text.Length, Is.Zero);
            Assert.That(text.LineCount, Is.EqualTo(1));
            Assert.That(text.GetLinePosition(0), Is.EqualTo(new LinePosition(0, 0)));
            Assert.That(text.GetLineSpan(0), Is.EqualTo(new TextSpan(0, 0)));
            Assert.That(text.GetFullLineSpan(0), Is.EqualTo(new TextSpan(0, 0)));
            Assert.That(text.DominantLineBreak, Is.EqualTo("\n"));
        });
    }

    [Test]
    public void GetLinePosition_clamps_offsets_outside_the_text()
    {
        var text = SourceText.From("ab\ncd");

        Assert.Multiple(() =>
        {
            Assert.That(text.GetLinePosition(-5), Is.EqualTo(new LinePosition(0, 0)));
            Assert.That(text.GetLinePosition(99), Is.EqualTo(new LinePosition(1, 2)));
        });
    }

    [Test]
    public void GetLinePositionSpan_maps_both_ends()
    {
        var text = SourceText.From("ab\ncdef\n");

        Assert.That(text.GetLinePositionSpan(TextSpan.FromBounds(1, 6)), Is.EqualTo(new LinePositionSpan(new LinePosition(0, 1), new LinePosition(1, 3))));
    }

    [Test]
    public void Location_prints_one_based_line_and_column()
    {
        var text = SourceText.From("a: 1\nbb: 2\n", "compose.yml");

        Assert.That(new Location(text, new TextSpan(6, 1)).ToString(), Is.EqualTo("compose.yml(2,2)"));
    }

    [TestCase("a\nb\r\nc\n", "\n")]
    [TestCase("a\r\nb\r\nc\n", "\r\n")]
    [TestCase("a\r\nb\n", "\n")]
    [TestCase("no break", "\n")]
    [TestCase("a\rb\rc\r\n", "\r")]
    [TestCase("a\rb\r", "\r")]
    [TestCase("a\rb\r\nc\r\n", "\r\n")]
    public void DominantLineBreak_is_the_most_frequent_of_LF_CRLF_and_a_lone_CR(string input, string expected)
    {
        Assert.That(SourceText.From(input).DominantLineBreak, Is.EqualTo(expected));
    }

    [Test]
    public void Decode_plain_UTF8_keeps_text_and_encoding()
    {
        var text = SourceText.Decode(Encoding.UTF8.GetBytes("é: 1\n"), "f.yml");

        Assert.Multiple(() =>
        {
            Assert.That(text.Text, Is.EqualTo("é: 1\n"));
            Assert.That(text.Encoding, Is.EqualTo(SourceEncoding.Utf8));
            Assert.That(text.DecodeFailure, Is.Null);
            Assert.That(text.Path, Is.EqualTo("f.yml"));
        });
    }

    [Test]
    public void Decode_strips_a_UTF8_BOM_and_remembers_it()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a: 1\n")];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.Multiple(() =>
        {
            Assert.That(text.Text, Is.EqualTo("a: 1\n"));
            Assert.That(text.Encoding, Is.EqualTo(SourceEncoding.Utf8WithBom));
            Assert.That(text.DecodeFailure, Is.Null);
        });
    }

    [Test]
    public void Decode_reads_UTF16_little_endian_with_BOM()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a: é\n")];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.Multiple(() =>
        {
            Assert.That(text.Text, Is.EqualTo("a: é\n"));
            Assert.That(text.Encoding, Is.EqualTo(SourceEncoding.Utf16LittleEndian));
            Assert.That(text.DecodeFailure, Is.Null);
        });
    }

    [Test]
    public void Decode_reads_UTF16_big_endian_with_BOM()
    {
        byte[] bytes = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("a: é\n")];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.Multiple(() =>
        {
            Assert.That(text.Text, Is.EqualTo("a: é\n"));
            Assert.That(text.Encoding, Is.EqualTo(SourceEncoding.Utf16BigEndian));
            Assert.That(text.DecodeFailure, Is.Null);
        });
    }

    [Test]
    public void Decode_of_invalid_UTF8_reports_the_char_position_of_the_first_bad_byte()
    {
        // "é" is 2 bytes and 1 char, the emoji 4 bytes and 2 chars: the offset must count chars.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("é😀x"), 0xFF, (byte)'y', 0xFE];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.That(text.DecodeFailure, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(text.DecodeFailure!.Offset, Is.EqualTo(4));
            Assert.That(text.DecodeFailure.Message, Does.Contain("0xFF").And.Contain("byte offset 7"));
            Assert.That(text.Text[4], Is.EqualTo('\uFFFD'), "the lenient decoding keeps later positions meaningful");
            Assert.That(text.Text[5], Is.EqualTo('y'));
        });
    }

    [Test]
    public void Decode_of_invalid_UTF8_after_a_BOM_reports_the_byte_offset_in_the_file()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'a', 0xC3];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.Multiple(() =>
        {
            Assert.That(text.DecodeFailure!.Offset, Is.EqualTo(1));
            Assert.That(text.DecodeFailure.Message, Does.Contain("0xC3").And.Contain("byte offset 4"));
        });
    }

    [Test]
    public void Decode_of_a_NUL_byte_reports_a_binary_file_at_the_NUL()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("a: é"), 0x00, (byte)'\n'];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.Multiple(() =>
        {
            Assert.That(text.DecodeFailure!.Offset, Is.EqualTo(4));
            Assert.That(text.DecodeFailure.Message, Does.Contain("NUL"));
        });
    }

    [Test]
    public void Decode_of_UTF16_with_a_lone_surrogate_reports_its_position()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'a', 0, (byte)'b', 0, 0x00, 0xD8, (byte)'c', 0];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.That(text.DecodeFailure!.Offset, Is.EqualTo(2));
    }

    [Test]
    public void Decode_of_UTF16_with_an_odd_byte_count_reports_the_position_of_the_dangling_byte()
    {
        byte[] bytes = [0xFE, 0xFF, 0, (byte)'a', 0, (byte)'b', 0];

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.That(text.DecodeFailure!.Offset, Is.EqualTo(2));
    }

    [TestCase(SourceEncoding.Utf8)]
    [TestCase(SourceEncoding.Utf8WithBom)]
    [TestCase(SourceEncoding.Utf16LittleEndian)]
    [TestCase(SourceEncoding.Utf16BigEndian)]
    public void EncodeLikeOriginal_round_trips_the_original_bytes_exactly(SourceEncoding encoding)
    {
        const string content = "# ünïcödé 😀\r\nservices:\n  web:\r\n    image: x\n";
        byte[] bytes = encoding switch
        {
            SourceEncoding.Utf8WithBom => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(content)],
            SourceEncoding.Utf16LittleEndian => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(content)],
            SourceEncoding.Utf16BigEndian => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(content)],
            _ => Encoding.UTF8.GetBytes(content),
        };

        var text = SourceText.Decode(bytes, "f.yml");

        Assert.Multiple(() =>
        {
            Assert.That(text.Encoding, Is.EqualTo(encoding));
            Assert.That(text.Text, Is.EqualTo(content));
            Assert.That(text.EncodeLikeOriginal(text.Text), Is.EqualTo(bytes));
        });
    }

    [TestCase("ab\ncd\n")]
    [TestCase("ab\r\ncd\r\nef")]
    [TestCase("ab\rcd\r\n\nlast")]
    [TestCase("")]
    [TestCase("no break at all")]
    public void A_text_without_its_text_keeps_every_position_and_line(string content)
    {
        var original = SourceText.From(content, "deploy/compose.yaml");
        var released = original.WithoutText();

        Assert.Multiple(() =>
        {
            Assert.That(released.HasText, Is.False);
            Assert.That(released.Path, Is.EqualTo(original.Path));
            Assert.That(released.Length, Is.EqualTo(original.Length));
            Assert.That(released.LineCount, Is.EqualTo(original.LineCount));
            for (var offset = 0; offset <= content.Length + 1; offset++)
            {
                Assert.That(released.GetLinePosition(offset), Is.EqualTo(original.GetLinePosition(offset)), $"offset {offset}");
            }

            for (var line = 0; line < original.LineCount; line++)
            {
                Assert.That(released.GetLineSpan(line), Is.EqualTo(original.GetLineSpan(line)), $"line {line}");
                Assert.That(released.GetFullLineSpan(line), Is.EqualTo(original.GetFullLineSpan(line)), $"line {line} with its break");
            }

            Assert.That(() => released.Text, Throws.InvalidOperationException.With.Message.Contains("deploy/compose.yaml"));
            Assert.That(released.WithoutText(), Is.SameAs(released));
        });
    }
}
