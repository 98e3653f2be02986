using System.Text.Json;

namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>What a <see cref="JsonRpcConnection"/> hands its incoming messages to.</summary>
internal interface IJsonRpcTarget
{
    /// <summary>
    /// Answers a request. Called on the reader loop in message order, so the synchronous part sees every earlier
    /// notification; the task may complete later. Its result is the JSON of the answer, null for JSON <c>null</c>; a
    /// <see cref="JsonRpcException"/> becomes an error response, cancellation through the token a RequestCancelled one.
    /// </summary>
    /// <param name="parameters">The <c>params</c>; <see cref="JsonValueKind.Undefined"/> when there are none.</param>
    Task<byte[]?> HandleRequest(string method, JsonElement parameters, CancellationToken cancellationToken);

    /// <summary>Handles a notification on the reader loop, in message order.</summary>
    void HandleNotification(string method, JsonElement parameters);
}
