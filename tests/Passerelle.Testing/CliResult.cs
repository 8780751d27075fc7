namespace Passerelle.Testing;

/// <summary>What a <c>passerelle</c> command printed and returned.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Fails unless the command succeeded; returns its output.</summary>
    public string Ok() => ExitCode == 0 ? Output : throw new InvalidOperationException($"exit {ExitCode}: {Error}{Output}");
}
