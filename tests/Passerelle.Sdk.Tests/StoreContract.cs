namespace Passerelle.Sdk.Tests;

/// <summary>The base of the contract suites: a fresh harness per test, from the deriving project.</summary>
public abstract class StoreContract : IAsyncLifetime
{
    private IStoreHarness? _store;

    /// <summary>The store under test.</summary>
    protected IStoreHarness Store => _store ?? throw new InvalidOperationException("The harness is made in InitializeAsync.");

    /// <summary>Makes the store under test.</summary>
    protected abstract Task<IStoreHarness> CreateHarnessAsync();

    /// <summary>A local part no other test uses, for stores shared between tests.</summary>
    protected static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateHarnessAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
