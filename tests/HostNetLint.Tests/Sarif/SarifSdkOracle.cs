using System.Text;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;

namespace HostNetLint.Tests.Sarif;

/// <summary>
/// The SARIF SDK as the oracle of our writer (src/HostNetLint.Reporting/Sarif/SarifJsonWriter.cs): it reads a log into
/// its object model and writes it back with its own serializer, indented, as the product did before it wrote SARIF
/// itself. A log we write must come back byte for byte: the same members in the SDK's order, nothing it would leave
/// out as a default, nothing it does not know, its escaping and its indentation.
/// </summary>
public static class SarifSdkOracle
{
    public static string RoundTrip(string text)
    {
        var log = JsonConvert.DeserializeObject<SarifLog>(text) ?? throw new InvalidOperationException("The SDK read no log.");
        var serializer = Newtonsoft.Json.JsonSerializer.Create(new JsonSerializerSettings { Formatting = Formatting.Indented });
        using var writer = new StringWriter();
        writer.NewLine = "\n";
        using (var json = new JsonTextWriter(writer) { CloseOutput = false })
        {
            serializer.Serialize(json, log);
        }

        writer.WriteLine();
        return writer.ToString();
    }

    public static void AssertWritesItBack(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        Assert.That(text, Is.EqualTo(RoundTrip(text)), "the SARIF SDK writes back what it reads from our log, byte for byte");
    }
}
