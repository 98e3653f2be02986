using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>
/// JSON-RPC 2.0 over the LSP base protocol: reads messages in order and dispatches requests and notifications to an
/// <see cref="IJsonRpcTarget"/>, answers every request exactly once (result, error, or RequestCancelled after
/// <c>$/cancelRequest</c>), and sends notifications and requests of its own. A handler that throws gets an error
/// response (or, for a notification, a log line); the connection keeps serving.
/// </summary>
internal sealed class JsonRpcConnection : IDisposable
{
    private const string CancelRequest = "$/cancelRequest";

    private readonly MessageReader reader;
    private readonly MessageWriter writer;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private IJsonRpcTarget? target;
    private int nextRequestId;

    public JsonRpcConnection(Stream input, Stream output)
    {
        reader = new MessageReader(input);
        writer = new MessageWriter(output);
    }

    /// <summary>Cancelled when the connection stops: background work of the server should end with it.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Reads and dispatches until the stream ends or <see cref="Stop"/> is called.</summary>
    /// <exception cref="ProtocolException">The input is not in the base protocol.</exception>
    public async Task RunAsync(IJsonRpcTarget handler)
    {
        target = handler;
        while (!stopping.IsCancellationRequested)
        {
            var content = await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            if (content is null)
            {
                return;
            }

            Dispatch(content);
        }
    }

    /// <summary>Stops reading after the message being handled, and cancels every request still running.</summary>
    public void Stop() => stopping.Cancel();

    public Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> typeInfo) =>
        SendAsync(w =>
        {
            w.WriteString("method", method);
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, parameters, typeInfo);
        });

    /// <summary>Sends a request whose answer nobody waits for (registrations: a client that refuses one simply does not send those events).</summary>
    public Task RequestAsync<T>(string method, T parameters, JsonTypeInfo<T> typeInfo)
    {
        var id = "hostnetlint-" + Interlocked.Increment(ref nextRequestId).ToString(CultureInfo.InvariantCulture);
        return SendAsync(w =>
        {
            w.WriteString("id", id);
            w.WriteString("method", method);
            w.WritePropertyName("params");
            JsonSerializer.Serialize(w, parameters, typeInfo);
        });
    }

    /// <remarks>The stopping token stays valid: lint tasks may still be finishing when the server returns.</remarks>
    public void Dispose() => writer.Dispose();

    private void Dispatch(byte[] content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            _ = SendErrorAsync(null, JsonRpcErrorCodes.ParseError, $"The message is not JSON: {ex.Message}");
            return;
        }

        using (document)
        {
            var message = document.RootElement;
            if (message.ValueKind != JsonValueKind.Object)
            {
                _ = SendErrorAsync(null, JsonRpcErrorCodes.InvalidRequest, "A message must be a JSON object.");
                return;
            }

            var hasId = message.TryGetProperty("id", out var id);
            var parameters = message.TryGetProperty("params", out var p) ? p.Clone() : default;
            if (message.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String)
            {
                if (hasId)
                {
                    StartRequest(id.Clone(), method.GetString()!, parameters);
                }
                else
                {
                    Notify(method.GetString()!, parameters);
                }
            }
            else if (!hasId)
            {
                _ = SendErrorAsync(null, JsonRpcErrorCodes.InvalidRequest, "A message must have a method or an id.");
            }

            // Else an answer to one of our requests: nothing waits for it.
        }
    }

    private void Notify(string method, JsonElement parameters)
    {
        if (method == CancelRequest)
        {
            if (parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("id", out var id) && pending.TryGetValue(id.GetRawText(), out var request))
            {
                try
                {
                    request.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Answered in the meantime.
                }
            }

            return;
        }

        try
        {
            target!.HandleNotification(method, parameters);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _ = LogAsync(MessageTypes.Error, $"hostnetlint: handling '{method}' failed: {ex}");
        }
    }

    private void StartRequest(JsonElement id, string method, JsonElement parameters)
    {
        var key = id.GetRawText();
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        pending[key] = cancellation;
        Task<byte[]?> answer;
        try
        {
            answer = target!.HandleRequest(method, parameters, cancellation.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            answer = Task.FromException<byte[]?>(ex);
        }

        _ = AnswerAsync(id, key, method, answer, cancellation);
    }

    private async Task AnswerAsync(JsonElement id, string key, string method, Task<byte[]?> answer, CancellationTokenSource cancellation)
    {
        try
        {
            var result = await answer.ConfigureAwait(false);
            await SendAsync(w =>
            {
                w.WritePropertyName("id");
                id.WriteTo(w);
                w.WritePropertyName("result");
                if (result is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    w.WriteRawValue(result, skipInputValidation: true);
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await SendErrorAsync(id, JsonRpcErrorCodes.RequestCancelled, $"The request '{method}' was cancelled.").ConfigureAwait(false);
        }
        catch (JsonRpcException ex)
        {
            await SendErrorAsync(id, ex.Code, ex.Message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await LogAsync(MessageTypes.Error, $"hostnetlint: '{method}' failed: {ex}").ConfigureAwait(false);
            await SendErrorAsync(id, JsonRpcErrorCodes.InternalError, $"'{method}' failed: {ex.Message}").ConfigureAwait(false);
        }
        finally
        {
            pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(key, cancellation));
            cancellation.Dispose();
        }
    }

    /// <summary>A <c>window/logMessage</c> notification (the editor's output panel for the server).</summary>
    public Task LogAsync(int type, string message) =>
        SendAsync(w =>
        {
            w.WriteString("method", "window/logMessage");
            w.WriteStartObject("params");
            w.WriteNumber("type", type);
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    private Task SendErrorAsync(JsonElement? id, int code, string message) =>
        SendAsync(w =>
        {
            w.WritePropertyName("id");
            if (id is { } known)
            {
                known.WriteTo(w);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStartObject("error");
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        });

    private async Task SendAsync(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            writeMembers(json);
            json.WriteEndObject();
        }

        try
        {
            await writer.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The client went away; the reader sees the end of its stream and the server stops.
        }
    }
}
