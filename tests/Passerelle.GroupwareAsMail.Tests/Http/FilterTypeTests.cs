using Passerelle.GroupwareAsMail.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.GroupwareAsMail.Tests.Infrastructure.GroupwarePhone;

namespace Passerelle.GroupwareAsMail.Tests.Http;

/// <summary>Tasks folders are empty under a mail window shorter than a week (FilterType 1, 2) and filled from a week on.</summary>
public sealed class FilterTypeTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(0, 1)]
    public async Task TasksFolder_UnderAFilterType_HoldsTheTaskOrNothing(int filterType, int expected)
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        var adds = await phone.SyncAllAsync(Subfolder(phone, "Tasks"), Filter(filterType));

        Assert.Equal(expected, adds.Count);
    }

    [Fact]
    public async Task ChangingFilterType_FromTwoToThree_BringsTheTask_AndBackToTwoRemovesIt()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");
        var tasks = Subfolder(phone, "Tasks");

        var hidden = await phone.SyncAllAsync(tasks, Filter(2));
        var shown = await phone.SyncAllAsync(tasks, Filter(3));
        var again = await phone.SyncAsync(tasks, options: Filter(2));

        Assert.Empty(hidden);
        Assert.Single(shown);
        Assert.Single(EasPhone.Commands(again, "SoftDelete"));
    }

    [Fact]
    public async Task NotesFolder_UnderAShortFilterType_StillHoldsARecentNote()
    {
        await using var server = await DemoHost.StartAsync();
        await DemoHost.CliAsync(server, "gwmail", "on", "--user", DemoHost.Alice);
        using var phone = await DemoHost.PhoneAsync(server, "OLDPHONE1", "12.1");

        Assert.Single(await phone.SyncAllAsync(Subfolder(phone, "Notes"), Filter(1)));
    }
}
