using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Passerelle.ActiveSync.Admin.HtmlPage;

namespace Passerelle.ActiveSync.Admin;

/// <summary>The console's access rules page: the global rule, the rules in order of precedence, adding and removing.</summary>
internal static class ConsoleRulePages
{
    public static void MapConsoleRules(this IEndpointRouteBuilder console)
    {
        console.MapGet("/rules", (HttpContext http, CancellationToken aborted) => WebGate.PageAsync(http, admin: true, async account =>
        {
            var rules = (await http.RequestServices.GetRequiredService<RuleAdministration>().ListAsync(http.RequestAborted)).Select(AdminViews.Rule).ToList();
            var page = new HtmlPage(http, "Access rules").Heading("Access rules").Notices()
                .Paragraph("For a device the first match wins: user rule, domain rule, server OS rule, server Model rule, server Type rule, global rule. A server rule's value also matches its shorter prefixes (\"Android\" matches \"Andro\").");
            page.Table(
                ["Id", "Scope", "By", "Value", "Action", "Enabled", "Description", ""],
                rules.Select(rule => new[]
                {
                    E(rule.Id), E(rule.Scope), E(rule.By), E(rule.Value), E(rule.Action), rule.Enabled ? "yes" : "no", E(rule.Description),
                    rule.Id == 0 ? "" : page.Form($"/admin/rules/{rule.Id}/remove", "Remove", css: "inline"),
                }),
                id: "rules");
            page.Raw("<h2>Global rule</h2>").Raw(page.Form("/admin/rules/global", "Set", Select("action", "Devices no rule matches", ["allow", "block", "quarantine"], rules[0].Action)));
            page.Raw("<h2>Add a rule</h2>").Raw(page.Form(
                "/admin/rules",
                "Add",
                Input("scope", "Scope (server, domain:NAME, user:EMAIL)", "server", required: true) + Select("by", "By", ["", "os", "model", "type"], "model") +
                Input("value", "Value") + Select("action", "Action", ["allow", "block", "quarantine"], "block") + Input("description", "Description") +
                "<label><input type=\"checkbox\" name=\"disabled\" value=\"yes\"> disabled</label> "));
            return page.Result(WebGate.ConsoleNavigation, account.Id);
        }));
        console.MapPost("/rules", (HttpContext http, CancellationToken aborted) => WebGate.ActionAsync(http, admin: true, "/admin/rules", async (_, form) =>
        {
            var rule = await http.RequestServices.GetRequiredService<RuleAdministration>().AddAsync(
                form["scope"].ToString(), ConsoleDevicePages.Blank(form["by"]), ConsoleDevicePages.Blank(form["value"]), form["action"].ToString(),
                ConsoleDevicePages.Blank(form["description"]), form["disabled"] != "yes", http.RequestAborted);
            return $"rule {rule.Id} added";
        }));
        console.MapPost("/rules/global", (HttpContext http, CancellationToken aborted) => WebGate.ActionAsync(http, admin: true, "/admin/rules", async (_, form) =>
        {
            await http.RequestServices.GetRequiredService<RuleAdministration>().SetGlobalAsync(form["action"].ToString(), http.RequestAborted);
            return $"global rule: {form["action"]}";
        }));
        console.MapPost("/rules/{ruleId}/remove", (HttpContext http, string ruleId) => WebGate.ActionAsync(http, admin: true, "/admin/rules", async (_, _) =>
        {
            await http.RequestServices.GetRequiredService<RuleAdministration>().RemoveAsync(ruleId, http.RequestAborted);
            return $"rule {ruleId} removed";
        }));
    }
}
