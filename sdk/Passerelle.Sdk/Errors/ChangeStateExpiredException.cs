namespace Passerelle.Sdk.Errors;

/// <summary>The change state is no longer valid (too old, or the folder was recreated): list the folder again from scratch.</summary>
public class ChangeStateExpiredException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ChangeStateExpiredException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
