using System.Net;
using System.Text.RegularExpressions;
using Passerelle.ActiveSync.Tests.Devices;
using Passerelle.ActiveSync.Tests.Infrastructure;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Admin;

/// <summary>The console's pages over plain HTTP: forged forms refused, attacker-controlled values encoded, sign-in.</summary>
public sealed partial class ConsoleTests
{
    private const string Alice = ActiveSyncHost.Alice;

    [Fact]
    public async Task ConsoleForm_WithoutTheAntiforgeryToken_ChangesNothing()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "FORGED1", "iPhone", "14.1");
        await phone.FolderSyncAsync();
        using var admin = server.CreateClient(AdminUser, Password);

        var forged = await admin.PostAsync("/admin/devices/FORGED1/block?user=alice@example.test", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("allowed", await AccessRuleTests.StateAsync(server, "FORGED1"));
    }

    [Fact]
    public async Task ConsoleForm_WithTheToken_Acts()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "TOKEN1", "iPhone", "14.1");
        await phone.FolderSyncAsync();
        using var admin = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = Passerelle.Testing.PasserelleServer.BasicAuthorization(AdminUser, Password);

        var page = await admin.GetStringAsync("/admin/devices/TOKEN1?user=alice@example.test");
        var token = Token().Match(page).Groups[1].Value;
        var acted = await admin.PostAsync("/admin/devices/TOKEN1/quarantine?user=alice@example.test", new FormUrlEncodedContent([new("__csrf", token)]));

        Assert.Equal(HttpStatusCode.Redirect, acted.StatusCode);
        Assert.Equal("quarantined", await AccessRuleTests.StateAsync(server, "TOKEN1"));
    }

    [Fact]
    public async Task AttackerControlledDeviceValues_AreEncodedEverywhere()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "XSS1", "iPhone", "14.1");
        await phone.ProvisionAsync(DeviceInformation("<b>model</b>", "<svg onload=alert(2)>", "\"><script>alert(3)</script>"));
        using var admin = server.CreateClient(AdminUser, Password);

        var list = await admin.GetAsync("/admin/devices");
        var device = await admin.GetStringAsync("/admin/devices/XSS1?user=alice@example.test");
        var html = await list.Content.ReadAsStringAsync() + device;

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>model", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;b&gt;model&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", list.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnGoesOnlyToThisSite()
    {
        await using var server = await StartAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server.BaseAddress };
        var form = await browser.GetStringAsync("/login?return=//evil.example/");
        var token = Token().Match(form).Groups[1].Value;

        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent([new("__csrf", token), new("login", Alice), new("password", Password), new("return", "//evil.example/")]));
        var page = await browser.GetAsync("/self-service");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/self-service", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
