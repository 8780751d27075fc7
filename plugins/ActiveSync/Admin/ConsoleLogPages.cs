using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Logging;
using static Passerelle.ActiveSync.Admin.HtmlPage;

namespace Passerelle.ActiveSync.Admin;

/// <summary>The console's protocol log page: switch logging on or off for a device or a user, read what was kept.</summary>
internal static class ConsoleLogPages
{
    public static void MapConsoleLogs(this IEndpointRouteBuilder console)
    {
        console.MapGet("/logs", (HttpContext http, CancellationToken aborted) => WebGate.PageAsync(http, admin: true, async account =>
        {
            var (device, user) = (ConsoleDevicePages.Blank(http.Request.Query["device"]), ConsoleDevicePages.Blank(http.Request.Query["user"]));
            var page = new HtmlPage(http, "Protocol logs").Heading("Protocol logs").Notices();
            page.Raw($"<form method=\"get\" action=\"/admin/logs\">{Input("device", "Device", device ?? "")}{Input("user", "or user", user ?? "")}<button type=\"submit\">Show</button></form>");
            if (device is not null || user is not null)
            {
                var target = $"/admin/logs/switch?{(device is not null ? $"device={Uri.EscapeDataString(device)}" : $"user={Uri.EscapeDataString(user!)}")}";
                page.Raw(page.Form(target + "&on=yes", "Start logging", css: "inline")).Raw(page.Form(target + "&on=no", "Stop logging", css: "inline"));
                try
                {
                    foreach (var entry in await http.RequestServices.GetRequiredService<ProtocolLogReader>().ReadAsync(device, user, 200, http.RequestAborted))
                    {
                        page.Raw($"<h3>{E(entry.At.ToString("u", CultureInfo.InvariantCulture))} {E(entry.User)} {E(entry.Device)}</h3><pre>{E(entry.Entry)}</pre>");
                    }
                }
                catch (AdminException refused)
                {
                    page.Paragraph(refused.Message, "error");
                }
            }

            return page.Result(WebGate.ConsoleNavigation, account.Id);
        }));
        console.MapPost("/logs/switch", (HttpContext http, CancellationToken aborted) =>
        {
            var query = http.Request.Query;
            var (device, user) = (ConsoleDevicePages.Blank(query["device"]), ConsoleDevicePages.Blank(query["user"]));
            var back = $"/admin/logs?{(device is not null ? $"device={Uri.EscapeDataString(device)}" : $"user={Uri.EscapeDataString(user ?? "")}")}";
            return WebGate.ActionAsync(http, admin: true, back, async (_, _) =>
            {
                var scope = device is not null ? ProtocolLogSwitches.DeviceScope(device)
                    : user is not null && user.Contains('@', StringComparison.Ordinal) ? ProtocolLogSwitches.UserScope(user)
                    : throw AdminException.Invalid("name a device or a user (an e-mail address)");
                var on = query["on"] == "yes";
                await http.RequestServices.GetRequiredService<ProtocolLogSwitches>().SetAsync(scope, on, http.RequestAborted);
                return $"protocol log {(on ? "on" : "off")} for {scope}";
            });
        });
    }
}
