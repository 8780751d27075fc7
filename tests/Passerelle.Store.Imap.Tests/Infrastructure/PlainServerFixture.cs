namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>
/// A plainer IMAP server: Dovecot with CONDSTORE, QRESYNC and NOTIFY turned off (imap_capability) and no
/// special-use mailboxes, as many older servers are; the store falls back on its snapshot and on IDLE.
/// </summary>
public sealed class PlainServerFixture : IAsyncLifetime
{
    internal Dovecot Dovecot { get; private set; } = null!;

    internal ImapStoreHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dovecot = await Dovecot.StartAsync(new DovecotFeatures { ModSeq = false, Notify = false, SpecialUse = false });
        Host = await ImapStoreHost.StartAsync(Dovecot);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Dovecot is not null)
        {
            await Dovecot.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlainServerCollection : ICollectionFixture<PlainServerFixture>
{
    public const string Name = "plain server";
}
