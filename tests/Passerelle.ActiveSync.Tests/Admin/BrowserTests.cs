using Microsoft.Playwright;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Admin;

/// <summary>The console and the self-service page in headless Chromium (Debian's chromium; Playwright cannot download its own).</summary>
public sealed class BrowserTests
{
    private const string Alice = ActiveSyncHost.Alice;
    private const string HostileName = "<img src=x onerror=alert(1)>Phone";

    [Fact]
    public async Task Console_AdminBlocksADevice_ThenTheDeviceIsRefused()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "BROWSER1", "iPhone", "14.1");
        await phone.ProvisionAsync(DeviceInformation("iPhone16,1", "iOS 18.2", HostileName));
        await using var browser = await BrowserSession.StartAsync(server);
        var page = browser.Page;

        await SignInAsync(page, server, "/admin/devices", AdminUser);
        var listed = await page.Locator("#devices").InnerTextAsync();
        await page.ClickAsync("#devices a");
        await page.ClickAsync("button:text-is('Block')");
        var confirmation = await page.Locator(".done").InnerTextAsync();
        var refused = await phone.FolderSyncAsync();

        Assert.Contains(HostileName, listed, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Contains("BROWSER1 is now blocked", confirmation, StringComparison.Ordinal);
        Assert.Equal("129", refused.Value("Status"));
        Assert.False(browser.DialogOpened);
    }

    [Fact]
    public async Task SelfService_UserWipesTheirOwnDevice_DeliveredAtItsNextContact()
    {
        await using var server = await StartAsync();
        using var lost = Phone(server, Alice, "LOSTPHONE", "iPhone", "16.1");
        using var blocked = Phone(server, Alice, "BLOCKEDPHONE", "iPhone", "16.1");
        await lost.ProvisionAsync(DeviceInformation("iPhone15,2", "iOS 17.5", "Alice's lost phone"));
        await blocked.FolderSyncAsync();
        await CliAsync(server, "device", "block", "BLOCKEDPHONE");
        await using var browser = await BrowserSession.StartAsync(server);
        var page = browser.Page;

        await SignInAsync(page, server, "/self-service", Alice);
        var listed = await page.Locator("#devices").InnerTextAsync();
        var row = page.Locator("#devices tr", new() { HasText = "Alice's lost phone" });
        await row.Locator("select[name=kind]").SelectOptionAsync("device");
        await row.Locator("input[name=confirm]").CheckAsync();
        await row.Locator("button").ClickAsync();
        var confirmation = await page.Locator(".done").InnerTextAsync();
        var refused = await lost.FolderSyncAsync();
        var directive = await lost.SendAsync("Provision", """<Provision xmlns="Provision:"/>""");

        Assert.Contains("Alice's lost phone", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("BLOCKEDPHONE", listed, StringComparison.Ordinal);
        Assert.Contains("will be wiped the next time it connects", confirmation, StringComparison.Ordinal);
        Assert.Equal("140", refused.Value("Status"));
        Assert.Single(directive.All("RemoteWipe"));
    }

    [Fact]
    public async Task Console_NonAdmin_IsRefused_AndAWrongPasswordIsNotASession()
    {
        await using var server = await StartAsync();
        await using var browser = await BrowserSession.StartAsync(server);
        var page = browser.Page;

        await page.GotoAsync(new Uri(server.BaseAddress, "/admin/devices").ToString());
        await page.FillAsync("input[name=login]", Alice);
        await page.FillAsync("input[name=password]", "wrong");
        await page.ClickAsync("button[type=submit]");
        var wrong = await page.Locator(".error").InnerTextAsync();
        await page.FillAsync("input[name=login]", Alice);
        await page.FillAsync("input[name=password]", Password);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/admin/devices", StringComparison.Ordinal));

        Assert.Contains("Wrong login or password", wrong, StringComparison.Ordinal);
        Assert.Equal(403, response.Status);
    }

    private static async Task SignInAsync(IPage page, PasserelleServer server, string path, string login)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
        await page.FillAsync("input[name=login]", login);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
    }

    /// <summary>A fresh headless Chromium page; any JavaScript dialog (an injected alert) is recorded.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
        {
            (_playwright, _browser, Page) = (playwright, browser, page);
            page.Dialog += async (_, dialog) =>
            {
                DialogOpened = true;
                await dialog.DismissAsync();
            };
        }

        public IPage Page { get; }

        public bool DialogOpened { get; private set; }

        public static async Task<BrowserSession> StartAsync(PasserelleServer server)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync(new() { BaseURL = server.BaseAddress.ToString() });
            page.SetDefaultTimeout(15_000);
            return new BrowserSession(playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
