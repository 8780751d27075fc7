namespace Passerelle.Sdk.Errors;

/// <summary>The message or item does not exist in the folder.</summary>
public class ItemNotFoundException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ItemNotFoundException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
