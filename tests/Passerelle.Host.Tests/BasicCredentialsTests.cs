using System.Text;
using Passerelle.Host.Security;

namespace Passerelle.Host.Tests;

public sealed class BasicCredentialsTests
{
    [Fact]
    public void TryReadCredentials_Utf8FromPhones_KeepsAccents()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("zoé@example.test:pässword:with:colons"));

        Assert.True(BasicAuthenticationHandler.TryReadCredentials(header, out var login, out var password));
        Assert.Equal("zoé@example.test", login);
        Assert.Equal("pässword:with:colons", password);
    }

    [Fact]
    public void TryReadCredentials_Latin1FromOutlook_IsDecodedAsLatin1()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.Latin1.GetBytes("zoe@example.test:pässword"));

        Assert.True(BasicAuthenticationHandler.TryReadCredentials(header, out _, out var password));
        Assert.Equal("pässword", password);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic bm9jb2xvbg==")]
    public void TryReadCredentials_Malformed_IsRejected(string header) =>
        Assert.False(BasicAuthenticationHandler.TryReadCredentials(header, out _, out _));
}
