using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Http;

public class FolderSyncTests : EndToEndSuite
{
    public FolderSyncTests()
        : base(new MailBackend())
    {
    }

    protected FolderSyncTests(MailBackend backend)
        : base(backend)
    {
    }

    [Fact]
    public async Task FolderSync_UnknownKey_GetsStatus9_AndKeyZeroRecovers()
    {
        await using var server = await StartAsync();
        using var client = new EasClient(server, Alice, Password, "FS1");

        var refused = await client.FolderSyncAsync("deadbeef:7");
        var recovered = await client.FolderSyncAsync("0");

        Assert.Equal("9", refused.Value("Status"));
        Assert.Equal("1", recovered.Value("Status"));
        Assert.NotNull(recovered.Value("SyncKey"));
    }

    [Fact]
    public async Task FolderSync_NothingChanged_KeepsTheKey()
    {
        await using var server = await StartAsync();
        using var client = new EasClient(server, Alice, Password, "FS2");
        var first = await client.FolderSyncAsync();

        var second = await client.FolderSyncAsync(first.Value("SyncKey")!);

        Assert.Equal(first.Value("SyncKey"), second.Value("SyncKey"));
        Assert.Equal("0", second.Value("Count"));
    }
}
