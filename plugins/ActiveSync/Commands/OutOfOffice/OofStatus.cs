namespace Passerelle.ActiveSync.Commands.OutOfOffice;

/// <summary>The Status of a Settings Oof part (MS-ASCMD 2.2.3.177.15).</summary>
internal static class OofStatus
{
    public const int Success = 1;
    public const int ProtocolError = 2;
    public const int InvalidArguments = 5;
    public const int ConflictingArguments = 6;

    /// <summary>No store keeps out-of-office settings: the server's configuration does not allow them.</summary>
    public const int DeniedByPolicy = 7;
}
