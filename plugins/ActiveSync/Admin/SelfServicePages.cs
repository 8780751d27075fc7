using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.ActiveSync.Http;
using static Passerelle.ActiveSync.Admin.HtmlPage;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// <c>/self-service</c>: a user's own devices (blocked ones are not shown) and the remote wipe of a lost one.
/// </summary>
internal static class SelfServicePages
{
    public static void MapSelfService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/self-service", (HttpContext http, CancellationToken aborted) => WebGate.PageAsync(http, admin: false, async account =>
        {
            var devices = await http.RequestServices.GetRequiredService<DeviceAdministration>().ListOwnAsync(account, http.RequestAborted);
            var page = new HtmlPage(http, "My devices").Heading("My devices").Notices()
                .Paragraph("The phones and tablets that sync with your mailbox. If one is lost or stolen, wipe it: it is erased the next time it connects.");
            page.Table(
                ["Device", "Model", "Type", "Last sync", "State", "Wipe", ""],
                devices.Select(device => new[]
                {
                    E(device.FriendlyName ?? device.DeviceId), E(device.Model), E(device.DeviceType), E(device.LastSync.ToString("u", CultureInfo.InvariantCulture)),
                    E(Devices.DeviceRepository.Name(device.AccessState)), E(device.WipeStatus ?? "none"),
                    device.WipePending ? "wipe pending" : page.Form(
                        $"/self-service/devices/{Uri.EscapeDataString(device.DeviceId)}/wipe",
                        $"Wipe {device.FriendlyName ?? device.DeviceId}",
                        (ProtocolVersion.TryParse(device.ProtocolVersion, out var version) && version >= ProtocolVersion.V161
                            ? Select("kind", "Erase", ["account", "device"], "account")
                            : "<input type=\"hidden\" name=\"kind\" value=\"device\">Erases the whole device. ") +
                        "<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> I am sure</label> "),
                }),
                id: "devices");
            return page.Result(WebGate.SelfServiceNavigation, account.Id);
        }));
        endpoints.MapPost("/self-service/devices/{deviceId}/wipe", (HttpContext http, string deviceId) =>
            WebGate.ActionAsync(http, admin: false, "/self-service", async (account, form) =>
            {
                if (form["confirm"] != "yes")
                {
                    throw AdminException.Invalid("tick the box to confirm the wipe");
                }

                var device = await http.RequestServices.GetRequiredService<DeviceAdministration>().WipeOwnAsync(account, deviceId, form["kind"] == "account", http.RequestAborted);
                return $"{device.FriendlyName ?? device.DeviceId} will be wiped the next time it connects";
            }));
    }
}
