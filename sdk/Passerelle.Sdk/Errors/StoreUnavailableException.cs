namespace Passerelle.Sdk.Errors;

/// <summary>
/// The store cannot be reached or is overloaded (the IMAP server is down, a timeout): a temporary
/// condition, nothing was changed, and the client should try again later.
/// </summary>
public class StoreUnavailableException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="retryAfter">When it is worth trying again.</param>
    public StoreUnavailableException(string message, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>When it is worth trying again.</summary>
    public TimeSpan RetryAfter { get; }
}
