namespace Passerelle.Sdk.Errors;

/// <summary>The data is not valid for the store: a message that is not MIME, a message without recipients, an item missing a required field.</summary>
public class InvalidItemException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InvalidItemException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
