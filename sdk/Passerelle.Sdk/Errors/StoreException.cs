namespace Passerelle.Sdk.Errors;

/// <summary>The base of the errors a store reports; each protocol plugin maps them to its own answers.</summary>
public abstract class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected StoreException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
