namespace Passerelle.Sdk.Errors;

/// <summary>A folder of that name already exists under that parent.</summary>
public class FolderExistsException : StoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FolderExistsException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
