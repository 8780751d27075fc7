using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Infrastructure;

/// <summary>
/// Where an end-to-end suite's accounts and mail live: the embedded store, as <see cref="ActiveSyncHost"/> makes
/// it. A suite derived in another test project passes a backend of its own (another store plugin in front of
/// real servers) and runs the same tests against it. One instance per test.
/// </summary>
public class MailBackend
{
    /// <summary>The first account's address.</summary>
    public virtual string Alice => ActiveSyncHost.Alice;

    /// <summary>The second account's address, the one most tests sync.</summary>
    public virtual string Bob => ActiveSyncHost.Bob;

    /// <summary>Both accounts' password.</summary>
    public string Password => ActiveSyncHost.Password;

    /// <summary>Starts the real host, with <see cref="Alice"/> and <see cref="Bob"/> able to sign in.</summary>
    public virtual Task<PasserelleServer> StartAsync() => ActiveSyncHost.StartAsync();

    /// <summary>Delivers messages (.eml text) into a folder of an account (the Inbox by default), received at their Date.</summary>
    public virtual Task ImportAsync(PasserelleServer server, string user, IEnumerable<string> messages, string? folder = null) =>
        ActiveSyncHost.ImportAsync(server, user, messages, folder);
}
