using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Http;
using static Passerelle.ActiveSync.Admin.HtmlPage;

namespace Passerelle.ActiveSync.Admin;

/// <summary>The console's device pages: the list with filters, one device with its actions.</summary>
internal static class ConsoleDevicePages
{
    public static void MapConsoleDevices(this IEndpointRouteBuilder console)
    {
        console.MapGet("/devices", (HttpContext http, CancellationToken aborted) => WebGate.PageAsync(http, admin: true, account => ListAsync(http, account.Id)));
        console.MapGet("/devices/{deviceId}", (HttpContext http, string deviceId) => WebGate.PageAsync(http, admin: true, account => ShowAsync(http, account.Id, deviceId)));
        console.MapPost("/devices/{deviceId}/{action}", (HttpContext http, string deviceId, string action) =>
            WebGate.ActionAsync(http, admin: true, action == "remove" ? "/admin/devices" : DevicePath(deviceId, http.Request.Query["user"]), (account, form) => ActAsync(http, account.Id, deviceId, action, form)));
    }

    public static string DevicePath(string deviceId, string? user) =>
        $"/admin/devices/{Uri.EscapeDataString(deviceId)}{(string.IsNullOrEmpty(user) ? "" : $"?user={Uri.EscapeDataString(user)}")}";

    private static async Task<IResult> ListAsync(HttpContext http, string admin)
    {
        var query = http.Request.Query;
        var (user, domain, state) = (Blank(query["user"]), Blank(query["domain"]), Blank(query["state"]));
        var page = new HtmlPage(http, "Devices").Heading("Devices").Notices();
        page.Raw($"<form method=\"get\" action=\"/admin/devices\">{Input("user", "User", user ?? "")}{Input("domain", "Domain", domain ?? "")}{Select("state", "State", ["", "allowed", "blocked", "quarantined"], state ?? "")}<button type=\"submit\">Filter</button></form>");
        try
        {
            var devices = await http.RequestServices.GetRequiredService<DeviceAdministration>().ListAsync(user, domain, state, http.RequestAborted);
            var views = await http.RequestServices.GetRequiredService<AdminViews>().DevicesAsync(devices, http.RequestAborted);
            page.Table(
                ["Device", "User", "Type", "Model", "OS", "User agent", "Version", "Last sync", "State", "Policy", "Wipe"],
                views.Select(v => new[]
                {
                    Link(DevicePath(v.DeviceId, v.User), v.FriendlyName is null ? v.DeviceId : $"{v.FriendlyName} ({v.DeviceId})"),
                    E(v.User), E(v.DeviceType), E(v.Model), E(v.Os), E(v.UserAgent), E(v.ProtocolVersion),
                    E(v.LastSync.ToString("u", CultureInfo.InvariantCulture)), $"<span class=\"state-{E(v.State)}\">{E(v.State)}</span>", E(v.PolicyStatus), E(v.WipeStatus),
                }),
                id: "devices");
        }
        catch (AdminException refused)
        {
            page.Paragraph(refused.Message, "error");
        }

        var wipes = await http.RequestServices.GetRequiredService<DeviceRepository>().ListWipesAsync(null, http.RequestAborted);
        if (wipes.Count > 0)
        {
            page.Raw("<h2>Wipes carried out</h2>").Table(
                ["Device", "User", "Type", "Model", "Kind", "Requested by", "Status", "At"],
                wipes.Select(w => new[] { E(w.DeviceId), E(w.AccountId), E(w.DeviceType), E(w.Model), w.AccountOnly ? "account only" : "full", E(w.RequestedBy), E(w.Status), E(w.DoneAt.ToString("u", CultureInfo.InvariantCulture)) }));
        }

        return page.Result(WebGate.ConsoleNavigation, admin);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string admin, string deviceId)
    {
        var user = Blank(http.Request.Query["user"]);
        var page = new HtmlPage(http, $"Device {deviceId}");
        Device device;
        try
        {
            device = await http.RequestServices.GetRequiredService<DeviceAdministration>().FindAsync(deviceId, user, http.RequestAborted);
        }
        catch (AdminException refused)
        {
            return page.Heading("Device").Paragraph(refused.Message, "error").Result(WebGate.ConsoleNavigation, admin, StatusCodes.Status404NotFound);
        }

        var view = await http.RequestServices.GetRequiredService<AdminViews>().DeviceAsync(device, http.RequestAborted);
        page.Heading($"Device {view.FriendlyName ?? view.DeviceId}").Notices();
        page.Table(["Property", "Value"], typeof(DeviceView).GetProperties().Select(p => new[]
        {
            E(p.Name), E(p.GetValue(view) is DateTimeOffset time ? time.ToString("u", CultureInfo.InvariantCulture) : p.GetValue(view)),
        }), id: "device");

        var act = $"/admin/devices/{Uri.EscapeDataString(device.DeviceId)}/{{0}}?user={Uri.EscapeDataString(device.AccountId)}";
        page.Raw("<h2>Access</h2>");
        foreach (var action in new[] { "allow", "block", "quarantine" })
        {
            page.Raw(page.Form(string.Format(CultureInfo.InvariantCulture, act, action), char.ToUpperInvariant(action[0]) + action[1..], css: "inline"));
        }

        page.Raw("<h2>Rule for similar devices</h2>").Raw(page.Form(
            string.Format(CultureInfo.InvariantCulture, act, "similar-rule"), "Create rule",
            Select("by", "Match on", ["model", "os", "type"], device.Model is null ? "type" : "model") + Select("action", "Action", ["allow", "block", "quarantine"], "block")));

        page.Raw("<h2>Remote wipe</h2>");
        var accountOnly = ProtocolVersion.TryParse(device.ProtocolVersion, out var version) && version >= ProtocolVersion.V161;
        page.Raw(page.Form(
            string.Format(CultureInfo.InvariantCulture, act, "wipe"), "Wipe",
            (accountOnly ? Select("kind", "Erase", ["account", "device"], "account") : "<p>This device speaks protocol " + E(device.ProtocolVersion) + ": only a full wipe, which erases the whole device, is possible.</p><input type=\"hidden\" name=\"kind\" value=\"device\">") +
            "<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I understand the device will be wiped at its next contact</label> "));

        page.Raw("<h2>Remove</h2>").Raw(page.Form(string.Format(CultureInfo.InvariantCulture, act, "remove"), "Remove device", "<p>Forgets the device and its sync state; its next contact resyncs everything.</p>"));
        page.Raw("<h2>More</h2><p>")
            .Raw(Link($"/admin/policy?level={Uri.EscapeDataString("device:" + device.DeviceId)}&user={Uri.EscapeDataString(device.AccountId)}", "Policy of this device")).Raw(" · ")
            .Raw(Link($"/admin/device-settings?level={Uri.EscapeDataString("device:" + device.DeviceId)}&user={Uri.EscapeDataString(device.AccountId)}", "Settings of this device")).Raw(" · ")
            .Raw(Link($"/admin/logs?device={Uri.EscapeDataString(device.DeviceId)}", "Protocol log")).Raw("</p>");
        return page.Result(WebGate.ConsoleNavigation, admin);
    }

    private static async Task<string> ActAsync(HttpContext http, string admin, string deviceId, string action, IFormCollection form)
    {
        var devices = http.RequestServices.GetRequiredService<DeviceAdministration>();
        var user = Blank(http.Request.Query["user"]);
        switch (action)
        {
            case "allow" or "block" or "quarantine":
                var state = DeviceAdministration.ParseState(action);
                var changed = await devices.SetAccessAsync(deviceId, user, state, admin, http.RequestAborted);
                return $"device {changed.DeviceId} is now {DeviceRepository.Name(state)}";
            case "wipe":
                if (form["confirm"] != "yes")
                {
                    throw AdminException.Invalid("tick the box to confirm the wipe");
                }

                var wiped = await devices.WipeAsync(deviceId, user, form["kind"] == "account", admin, http.RequestAborted);
                return $"{(wiped.WipeAccountOnly ? "account-only" : "full")} wipe of {wiped.DeviceId} pending until its next contact";
            case "remove":
                var removed = await devices.RemoveAsync(deviceId, user, http.RequestAborted);
                return $"device {removed.DeviceId} of {removed.AccountId} removed";
            case "similar-rule":
                var rule = await http.RequestServices.GetRequiredService<RuleAdministration>().AddForSimilarAsync(deviceId, user, Blank(form["by"]), form["action"].ToString(), http.RequestAborted);
                return $"rule {rule.Id} added: {rule.Describe()} → {RuleAdministration.ActionName(rule.Action)}";
            default:
                throw AdminException.NotFound($"there is no action {action}");
        }
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
