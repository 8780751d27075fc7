using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Passerelle.ActiveSync.Admin.HtmlPage;

namespace Passerelle.ActiveSync.Admin;

/// <summary>The console's policy and device-settings pages: a level's settings with where each comes from, set, inherit.</summary>
internal static class ConsoleLevelPages
{
    public static void MapConsoleLevels(this IEndpointRouteBuilder console, string path, SettingsKind kind, string title)
    {
        console.MapGet(path, (HttpContext http, CancellationToken aborted) => WebGate.PageAsync(http, admin: true, async account =>
        {
            var level = http.Request.Query["level"].ToString() is { Length: > 0 } given ? given : "server";
            var user = ConsoleDevicePages.Blank(http.Request.Query["user"]);
            var page = new HtmlPage(http, title).Heading(title).Notices();
            page.Raw($"<form method=\"get\" action=\"/admin{E(path)}\">{Input("level", "Level (default, server, domain:NAME, user:EMAIL, device:ID)", level)}<button type=\"submit\">Show</button></form>");
            try
            {
                var view = await http.RequestServices.GetRequiredService<PolicyAdministration>().ShowAsync(kind, level, user, http.RequestAborted);
                var here = view.Level.ToString();
                page.Raw($"<h2>{E(here)}</h2>").Table(
                    ["Setting", "Value", "From", "About"],
                    view.Settings.Select(s => new[]
                    {
                        E(s.Definition.Name), E(s.Value.Length == 0 ? "(none)" : s.Value),
                        s.From.ToString() == here ? $"<strong>{E(s.From)}</strong>" : E(s.From), E(s.Definition.Description),
                    }),
                    id: "settings");
                var target = $"/admin{path}?level={Uri.EscapeDataString(here)}";
                page.Raw("<h2>Change</h2>").Raw(page.Form(
                    target, "Set",
                    Select("key", "Setting", PolicyAdministration.Catalog(kind).Select(d => d.Name)) + Input("value", "Value (or inherit)")));
                page.Raw(page.Form($"/admin{path}/inherit?level={Uri.EscapeDataString(here)}", $"Return {here} to its parent's settings"));
            }
            catch (AdminException refused)
            {
                page.Paragraph(refused.Message, "error");
            }

            return page.Result(WebGate.ConsoleNavigation, account.Id);
        }));
        console.MapPost(path, (HttpContext http, CancellationToken aborted) => WebGate.ActionAsync(http, admin: true, Back(http, path), async (_, form) =>
        {
            var level = await http.RequestServices.GetRequiredService<PolicyAdministration>().SetAsync(kind, http.Request.Query["level"].ToString(), [$"{form["key"]}={form["value"]}"], http.RequestAborted);
            return $"{form["key"]} set at {level}";
        }));
        console.MapPost($"{path}/inherit", (HttpContext http, CancellationToken aborted) => WebGate.ActionAsync(http, admin: true, Back(http, path), async (_, _) =>
        {
            var level = await http.RequestServices.GetRequiredService<PolicyAdministration>().InheritAsync(kind, http.Request.Query["level"].ToString(), [], http.RequestAborted);
            return $"{level} inherits every setting";
        }));
    }

    private static string Back(HttpContext http, string path) => $"/admin{path}?level={Uri.EscapeDataString(http.Request.Query["level"].ToString())}";
}
