namespace Passerelle.Sdk.Errors;

/// <summary>The folder does not exist, or the account cannot see it.</summary>
public class FolderNotFoundException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FolderNotFoundException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
