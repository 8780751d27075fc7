using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Changes;
using Passerelle.Sdk.Mail;
using Passerelle.Sdk.Plugins;
using Passerelle.Store.Imap.Accounts;
using Passerelle.Store.Imap.Changes;
using Passerelle.Store.Imap.Connections;
using Passerelle.Store.Imap.Mail;
using Passerelle.Store.Imap.Push;
using Passerelle.Store.Imap.State;
using Passerelle.Store.Imap.Submission;

namespace Passerelle.Store.Imap;

/// <summary>
/// An existing IMAP and SMTP server as the store of accounts and mail, when <c>Stores:Mail</c> is <c>Imap</c>;
/// groupware stays with the store <c>Stores:Groupware</c> names. Settings: <c>Imap:*</c> and <c>Smtp:*</c>.
/// </summary>
internal sealed class StoreImapPlugin : IPlugin
{
    public const string Imap = "Imap";

    private bool _active;

    public string Name => "Store.Imap";

    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        _active = string.Equals(context.HostConfiguration["Stores:Mail"]?.Trim(), Imap, StringComparison.OrdinalIgnoreCase);
        if (!_active)
        {
            return;
        }

        var imap = context.HostConfiguration.GetSection("Imap").Get<ImapOptions>() ?? new ImapOptions();
        imap.Validate();
        var smtp = context.HostConfiguration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        services.AddSingleton(imap);
        services.AddSingleton(smtp);
        services.AddSingleton(new StorePaths(context.DataDirectory));
        services.AddSingleton(new ImapStateDatabase(context.DataDirectory));
        services.AddSingleton<CredentialVault>();
        services.AddSingleton<RefusedLogins>();
        services.AddSingleton<KnownAccounts>();
        services.AddSingleton<ImapConnector>();
        services.AddSingleton<DovecotPushRegistration>();
        services.AddSingleton(provider =>
        {
            var pool = ActivatorUtilities.CreateInstance<ImapSessionPool>(provider);
            if (imap.Push.Secret is { Length: > 0 })
            {
                pool.SessionOpened = provider.GetRequiredService<DovecotPushRegistration>().EnsureAsync;
            }

            return pool;
        });
        services.AddSingleton<SnapshotChangeReader>();
        services.AddSingleton<ChangeHub>();
        services.AddSingleton<WatcherRegistry>();
        services.AddSingleton<IAccountDirectory, ImapAccountDirectory>();
        services.AddSingleton<IMailStore, ImapMailStore>();
        services.AddSingleton<IMailSubmission, SmtpMailSubmission>();
        services.AddSingleton<IChangeFeed, ImapChangeFeed>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        if (_active)
        {
            endpoints.MapDovecotPush();
        }
    }
}
