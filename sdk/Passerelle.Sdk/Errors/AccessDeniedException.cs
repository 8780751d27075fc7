namespace Passerelle.Sdk.Errors;

/// <summary>The account may not do this: a read-only shared folder, or a special folder that cannot be renamed or deleted.</summary>
public class AccessDeniedException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AccessDeniedException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
