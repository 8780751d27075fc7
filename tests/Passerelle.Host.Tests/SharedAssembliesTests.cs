using Passerelle.Host.Plugins;

namespace Passerelle.Host.Tests;

public sealed class SharedAssembliesTests
{
    [Theory]
    [InlineData("Passerelle.Sdk")]
    [InlineData("MimeKit")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("System.CommandLine")]
    [InlineData("Microsoft.Extensions.DependencyInjection.Abstractions")]
    [InlineData("Microsoft.AspNetCore.Routing")]
    public void IsShared_ContractAndFrameworkAssemblies_AreShared(string name) => Assert.True(SharedAssemblies.IsShared(name));

    [Theory]
    [InlineData("MailKit")]
    [InlineData("Scrutor")]
    [InlineData("DnsClient")]
    [InlineData("Passerelle.Fixtures.Greeting")]
    [InlineData("McMaster.NETCore.Plugins")]
    public void IsShared_PluginLibraries_StayPrivate(string name) => Assert.False(SharedAssemblies.IsShared(name));
}
