namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>A Dovecot with every extension it has and Postfix in front of it, for one test class; no host.</summary>
public sealed class MailServers : IAsyncLifetime
{
    internal Dovecot Dovecot { get; private set; } = null!;

    internal Postfix Postfix { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dovecot = await Dovecot.StartAsync();
        Postfix = await Postfix.StartAsync(Dovecot);
    }

    public async Task DisposeAsync()
    {
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
