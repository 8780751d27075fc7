namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>Dovecot with every extension it has, Postfix in front of it, and the host with the IMAP store.</summary>
public sealed class MailServerFixture : IAsyncLifetime
{
    internal Dovecot Dovecot { get; private set; } = null!;

    internal Postfix Postfix { get; private set; } = null!;

    internal ImapStoreHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dovecot = await Dovecot.StartAsync();
        Postfix = await Postfix.StartAsync(Dovecot);
        Host = await ImapStoreHost.StartAsync(Dovecot, Postfix);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Postfix is not null)
        {
            await Postfix.DisposeAsync();
        }

        if (Dovecot is not null)
        {
            await Dovecot.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MailServerCollection : ICollectionFixture<MailServerFixture>
{
    public const string Name = "mail server";
}
