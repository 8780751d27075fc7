namespace Passerelle.Sdk.Errors;

/// <summary>The message exceeds the size the store or the mail server accepts.</summary>
public class MessageTooLargeException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public MessageTooLargeException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
