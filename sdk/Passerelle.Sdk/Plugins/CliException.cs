namespace Passerelle.Sdk.Plugins;

/// <summary>
/// Thrown by a command for bad input or a failed operation: the host prints the message as one line
/// on standard error and exits with a non-zero code. Nothing must have been changed.
/// </summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception with the line to print.</summary>
    /// <param name="message">One clear sentence saying what is wrong.</param>
    public CliException(string message) : base(message)
    {
    }
}
