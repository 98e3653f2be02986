using System.Text.Json.Nodes;
using HostNetLint.Tests.TestSupport;

namespace HostNetLint.Tests.LanguageServer;

/// <summary>A copy of tests/sample-deployment and an initialized server on it; disposing ends both.</summary>
public sealed class SampleSession : IAsyncDisposable
{
    private readonly TempDirectory sample;

    private SampleSession(TempDirectory sample, LspTestClient client)
    {
        this.sample = sample;
        Client = client;
    }

    public LspTestClient Client { get; }

    public string Root => sample.Path;

    public static async Task<SampleSession> StartAsync(Func<string, LspTestClient> start, JsonObject? capabilities = null, JsonObject? options = null)
    {
        var sample = LanguageServerScenarios.CopySample();
        var client = start(sample.Path);
        await client.InitializeAsync(sample.Path, capabilities ?? LanguageServerScenarios.FullClient(), options);
        return new SampleSession(sample, client);
    }

    public string PathOf(string relative) => System.IO.Path.Combine(sample.Path, relative);

    /// <summary>Opens a file of the sample with its text on disk; returns its first diagnostics.</summary>
    public async Task<JsonArray> OpenAsync(string relative)
    {
        var path = PathOf(relative);
        await Client.OpenAsync(path, File.ReadAllText(path));
        return await Client.DiagnosticsAsync(path, 1);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        sample.Dispose();
    }
}
