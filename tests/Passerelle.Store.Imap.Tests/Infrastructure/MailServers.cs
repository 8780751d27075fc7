namespace Passerelle.Store.Imap.Tests.Infrastructure;

/// <summary>A Dovecot with every extension it has and Postfix in front of it, for one test class; no host.</summary>
public class MailServers : IAsyncLifetime
{
    private readonly bool _specialUse;

    public MailServers()
        : this(specialUse: true)
    {
    }

    protected MailServers(bool specialUse) => _specialUse = specialUse;

    internal Dovecot Dovecot { get; private set; } = null!;

    internal Postfix Postfix { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dovecot = await Dovecot.StartAsync(new DovecotFeatures { SpecialUse = _specialUse });
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

/// <summary>The same servers, with no SPECIAL-USE mailboxes: special folders are found by their names.</summary>
public sealed class MailServersWithoutSpecialUse() : MailServers(specialUse: false);
