namespace HostNetLint.LanguageServer.JsonRpc;

/// <summary>LSP <c>MessageType</c> of <c>window/logMessage</c>.</summary>
internal static class MessageTypes
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}
