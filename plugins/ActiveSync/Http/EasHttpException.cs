using Microsoft.AspNetCore.Http;

namespace Passerelle.ActiveSync.Http;

/// <summary>
/// A request-level answer thrown from anywhere and written in one place: an HTTP status, or for 14.0+
/// clients the EAS status that replaces it, in the command's own response element.
/// </summary>
internal sealed class EasHttpException(int httpStatus, string reason, int? easStatus = null) : Exception(reason)
{
    public int HttpStatus { get; } = httpStatus;

    /// <summary>The common status (MS-ASCMD 2.2.2) a 14.0+ client gets instead of <see cref="HttpStatus"/>.</summary>
    public int? EasStatus { get; } = easStatus;

    public TimeSpan? RetryAfter { get; init; }

    public static EasHttpException BadRequest(string reason) => new(StatusCodes.Status400BadRequest, reason);

    public static EasHttpException NotImplemented(string command) => new(StatusCodes.Status501NotImplemented, $"the command {command} is not implemented", 137);
}
