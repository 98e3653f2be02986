namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>A request handler's answer that is an error response with <see cref="Code"/>.</summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException()
    {
    }

    public JsonRpcException(string message)
        : base(message)
    {
        Code = JsonRpcErrorCodes.InternalError;
    }

    public JsonRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = JsonRpcErrorCodes.InternalError;
    }

    public JsonRpcException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    public int Code { get; } = JsonRpcErrorCodes.InternalError;
}
