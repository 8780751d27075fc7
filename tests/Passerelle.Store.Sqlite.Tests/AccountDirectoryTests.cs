using Passerelle.Sdk.Tests;

namespace Passerelle.Store.Sqlite.Tests;

public sealed class SqliteAccountDirectoryContractTests : AccountDirectoryContract
{
    protected override async Task<IStoreHarness> CreateHarnessAsync() => await SqliteHarness.CreateAsync();
}
