namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>The error codes of JSON-RPC 2.0 and those LSP adds.</summary>
public static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>LSP: a request arrived before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>LSP: the client cancelled the request (<c>$/cancelRequest</c>).</summary>
    public const int RequestCancelled = -32800;
}
