using Passerelle.Sdk.Tests;

namespace Passerelle.Store.Sqlite.Tests;

public sealed class SqliteGroupwareStoreContractTests : GroupwareStoreContract
{
    protected override async Task<IStoreHarness> CreateHarnessAsync() => await SqliteHarness.CreateAsync();
}
