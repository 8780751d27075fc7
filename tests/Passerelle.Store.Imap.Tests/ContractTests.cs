using Passerelle.Sdk.Tests;
using Passerelle.Store.Imap.Tests.Infrastructure;

namespace Passerelle.Store.Imap.Tests;

[Collection(MailServerCollection.Name)]
public sealed class ImapMailStoreContractTests(MailServerFixture fixture) : MailStoreContract
{
    protected override Task<IStoreHarness> CreateHarnessAsync() => Task.FromResult<IStoreHarness>(new ImapHarness(fixture.Dovecot, fixture.Host));
}

[Collection(PlainServerCollection.Name)]
public sealed class PlainImapMailStoreContractTests(PlainServerFixture fixture) : MailStoreContract
{
    protected override Task<IStoreHarness> CreateHarnessAsync() => Task.FromResult<IStoreHarness>(new ImapHarness(fixture.Dovecot, fixture.Host));
}

[Collection(MailServerCollection.Name)]
public sealed class ImapChangeFeedContractTests(MailServerFixture fixture) : ChangeFeedContract
{
    protected override Task<IStoreHarness> CreateHarnessAsync() => Task.FromResult<IStoreHarness>(new ImapHarness(fixture.Dovecot, fixture.Host));
}

[Collection(MailServerCollection.Name)]
public sealed class ImapAccountDirectoryContractTests(MailServerFixture fixture) : AccountDirectoryContract
{
    protected override Task<IStoreHarness> CreateHarnessAsync() => Task.FromResult<IStoreHarness>(new ImapHarness(fixture.Dovecot, fixture.Host));
}
