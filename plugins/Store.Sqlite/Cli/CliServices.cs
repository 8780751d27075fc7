using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Plugins;
using Passerelle.Store.Sqlite.Accounts;

namespace Passerelle.Store.Sqlite.Cli;

/// <summary>Resolves the store's services for a command, or explains why they are not there.</summary>
internal static class CliServices
{
    public static T Require<T>(CliContext context)
        where T : notnull =>
        context.Services.GetService<T>()
        ?? throw new CliException("accounts and mail are not kept in the embedded store here (Stores:Mail is not Sqlite); manage them in the mail server.");

    /// <summary>Runs a directory change, turning its refusal into the one line the CLI prints.</summary>
    public static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (DirectoryException exception)
        {
            throw new CliException(exception.Message);
        }
    }
}
