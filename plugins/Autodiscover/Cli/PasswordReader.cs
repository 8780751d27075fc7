using System.Text;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Autodiscover.Cli;

/// <summary>Gets the password: the first line of standard input, or typed at the terminal without echo.</summary>
internal static class PasswordReader
{
    /// <exception cref="CliException">No password can be read.</exception>
    public static async Task<string> ReadAsync(bool fromStandardInput, TextWriter prompt, CancellationToken cancellationToken)
    {
        if (fromStandardInput)
        {
            return await Console.In.ReadLineAsync(cancellationToken) is { Length: > 0 } line
                ? line
                : throw new CliException("--password-stdin: standard input has no password line");
        }

        if (Console.IsInputRedirected)
        {
            throw new CliException("no terminal to type the password at: write it to standard input and pass --password-stdin");
        }

        await prompt.WriteAsync("Password: ");
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        await prompt.WriteLineAsync();
        return password.ToString();
    }
}
