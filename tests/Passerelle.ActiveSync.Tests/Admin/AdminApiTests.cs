using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passerelle.ActiveSync.Tests.Devices;
using Passerelle.ActiveSync.Tests.Infrastructure;
using Passerelle.Testing;
using static Passerelle.ActiveSync.Tests.Devices.DeviceHost;

namespace Passerelle.ActiveSync.Tests.Admin;

public sealed class AdminApiTests
{
    private const string Alice = ActiveSyncHost.Alice;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/admin/api/devices" },
        { "GET", "/admin/api/devices/ANY" },
        { "POST", "/admin/api/devices/ANY/allow" },
        { "POST", "/admin/api/devices/ANY/block" },
        { "POST", "/admin/api/devices/ANY/quarantine" },
        { "POST", "/admin/api/devices/ANY/wipe" },
        { "DELETE", "/admin/api/devices/ANY" },
        { "POST", "/admin/api/devices/ANY/similar-rule" },
        { "GET", "/admin/api/rules" },
        { "POST", "/admin/api/rules" },
        { "PUT", "/admin/api/rules/global" },
        { "DELETE", "/admin/api/rules/1" },
        { "GET", "/admin/api/policy?level=server" },
        { "POST", "/admin/api/policy?level=server" },
        { "POST", "/admin/api/policy/inherit?level=server" },
        { "GET", "/admin/api/device-settings?level=server" },
        { "POST", "/admin/api/device-settings?level=server" },
        { "POST", "/admin/api/device-settings/inherit?level=server" },
        { "POST", "/admin/api/admins" },
        { "GET", "/admin/api/logs?user=alice@example.test" },
        { "POST", "/admin/api/logs/switch" },
        { "GET", "/admin/api/openapi.json" },
        { "GET", "/admin/devices" },
        { "GET", "/admin/rules" },
        { "GET", "/admin/policy?level=server" },
        { "GET", "/admin/device-settings?level=server" },
        { "GET", "/admin/logs" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryAdminRoute_NonAdmin_Gets403_AndNoCredentials_Get401(string method, string path)
    {
        await using var server = await StartAsync();
        using var alice = server.CreateClient(Alice, Password);
        using var anonymous = server.CreateClient();

        using var asAlice = await alice.SendAsync(Request(method, path));
        using var asNobody = await anonymous.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, asAlice.StatusCode);
        Assert.True(asNobody.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{asNobody.StatusCode}");
        Assert.Equal(0L, await ActiveSyncHost.QueryStateAsync(server, "SELECT COUNT(*) FROM access_rules"));
    }

    [Fact]
    public async Task GrantedAdmin_ThroughTheCli_MayUseTheApi_AtOnce()
    {
        await using var server = await StartAsync();
        using var alice = server.CreateClient(Alice, Password);
        var before = await alice.GetAsync("/admin/api/devices");

        await CliAsync(server, "user", "admin", Alice);
        var after = await alice.GetAsync("/admin/api/devices");

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Devices_ListShowAndOperations_AsTheCliDoes()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "API1", "iPhone", "16.1");
        await phone.ProvisionAsync(DeviceInformation("iPhone16,1", "iOS 18.2"));
        using var admin = server.CreateClient(AdminUser, Password);

        var list = await admin.GetFromJsonAsync<JsonElement>("/admin/api/devices?user=alice@example.test");
        var blocked = await admin.PostAsJsonAsync("/admin/api/devices/API1/block", new { });
        var refused = await phone.FolderSyncAsync();
        var wipe = await admin.PostAsJsonAsync("/admin/api/devices/API1/wipe", new { accountOnly = true });
        var shown = await admin.GetFromJsonAsync<JsonElement>("/admin/api/devices/API1");
        var removed = await admin.DeleteAsync("/admin/api/devices/API1");
        var gone = await admin.GetAsync("/admin/api/devices/API1");

        var device = Assert.Single(list.EnumerateArray());
        foreach (var key in new[] { "deviceId", "user", "deviceType", "model", "os", "userAgent", "protocolVersion", "firstSync", "lastSync", "state", "policyStatus", "wipeStatus" })
        {
            Assert.True(device.TryGetProperty(key, out _), key);
        }

        Assert.Equal("iOS 18.2", device.GetProperty("os").GetString());
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal("129", refused.Value("Status"));
        Assert.Equal(HttpStatusCode.OK, wipe.StatusCode);
        Assert.Equal(("blocked", "pending", true), (shown.GetProperty("state").GetString(), shown.GetProperty("wipeStatus").GetString(), shown.GetProperty("wipeAccountOnly").GetBoolean()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task RulesAndPolicy_ThroughTheApi_ApplyToDevices()
    {
        await using var server = await StartAsync();
        using var admin = server.CreateClient(AdminUser, Password);
        using var phone = Phone(server, Alice, "API2", "Android", "14.1");

        var rule = await admin.PostAsJsonAsync("/admin/api/rules", new { scope = "server", by = "type", value = "Android", action = "quarantine", description = "review Androids" });
        var global = await admin.PutAsJsonAsync("/admin/api/rules/global", new { action = "block" });
        var rules = await admin.GetFromJsonAsync<JsonElement>("/admin/api/rules");
        var policy = await admin.PostAsJsonAsync("/admin/api/policy?level=server", new Dictionary<string, object?> { ["DevicePasswordEnabled"] = true, ["MinDevicePasswordLength"] = 6 });
        var shown = await admin.GetFromJsonAsync<JsonElement>("/admin/api/policy?level=user:alice@example.test");
        var document = await PolicyInheritanceTests.PolicyDocumentAsync(phone);
        var bad = await admin.PostAsJsonAsync("/admin/api/policy?level=server", new Dictionary<string, object?> { ["MinDevicePasswordLength"] = 40 });
        var unknownLevel = await admin.GetAsync("/admin/api/policy?level=planet:mars");

        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        Assert.Equal(HttpStatusCode.OK, global.StatusCode);
        Assert.Equal(["global", "server"], rules.EnumerateArray().Select(r => r.GetProperty("scope").GetString()));
        Assert.Equal("block", rules[0].GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.Equal((6, "server"), (shown.GetProperty("MinDevicePasswordLength").GetProperty("value").GetInt32(), shown.GetProperty("MinDevicePasswordLength").GetProperty("from").GetString()));
        Assert.Equal("6", document["MinDevicePasswordLength"]);
        Assert.Equal("quarantined", await AccessRuleTests.StateAsync(server, "API2"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from 1 to 16", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownLevel.StatusCode);
    }

    [Fact]
    public async Task FormPost_ToTheApi_IsRefused_EvenWithValidCredentials()
    {
        await using var server = await StartAsync();
        using var phone = Phone(server, Alice, "CSRF1", "iPhone", "14.1");
        await phone.FolderSyncAsync();
        using var admin = server.CreateClient(AdminUser, Password);

        var form = await admin.PostAsync("/admin/api/devices/CSRF1/block", new FormUrlEncodedContent([]));
        var bodyless = await admin.PostAsync("/admin/api/devices/CSRF1/block", null);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, bodyless.StatusCode);
        Assert.Equal("allowed", await AccessRuleTests.StateAsync(server, "CSRF1"));
    }

    [Fact]
    public async Task OpenApiDocument_IsValidOpenApi_AndDescribesTheAdminRoutesOnly()
    {
        await using var server = await StartAsync();
        using var admin = server.CreateClient(AdminUser, Password);

        var response = await admin.GetAsync("/admin/api/openapi.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Passerelle administration API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/admin/api/devices", paths);
        Assert.Contains("/admin/api/devices/{deviceId}/wipe", paths);
        Assert.Contains("/admin/api/rules", paths);
        Assert.Contains("/admin/api/policy", paths);
        Assert.All(paths, path => Assert.StartsWith("/admin/api/", path, StringComparison.Ordinal));
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.All(operations, op => Assert.True(op.Value.TryGetProperty("operationId", out _) && op.Value.TryGetProperty("responses", out _), op.Name));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("DeviceView", out var deviceSchema));
        Assert.True(deviceSchema.GetProperty("properties").TryGetProperty("wipeStatus", out _));
        await AssertReferencesResolveAsync(document);
        var parsed = Microsoft.OpenApi.Reader.OpenApiModelFactory.Parse(document.GetRawText(), "json");
        Assert.NotNull(parsed.Document);
        Assert.Empty(parsed.Diagnostic?.Errors ?? []);
    }

    private static Task AssertReferencesResolveAsync(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var reference in References(document))
        {
            Assert.StartsWith("#/components/schemas/", reference, StringComparison.Ordinal);
            Assert.True(schemas.TryGetProperty(reference["#/components/schemas/".Length..], out _), reference);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { scope = "server", by = "type", value = "X", action = "block", email = "alice@example.test", on = true });
        }

        return request;
    }
}
