namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>The byte stream is not in the base protocol; the connection cannot continue.</summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException()
    {
    }

    public ProtocolException(string message)
        : base(message)
    {
    }

    public ProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
