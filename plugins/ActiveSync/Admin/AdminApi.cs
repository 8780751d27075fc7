using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Passerelle.ActiveSync.Devices;
using Passerelle.ActiveSync.Logging;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// The admin REST API under <c>/admin/api/</c>: the operations of the CLI, as JSON, for administrators only
/// (<see cref="AdminApiFilter"/>). Described by <c>/admin/api/openapi.json</c>.
/// </summary>
internal static class AdminApi
{
    public const string Prefix = "/admin/api";
    public const string DocumentName = "openapi";

    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).AddEndpointFilter<AdminApiFilter>().WithGroupName(DocumentName).WithTags("administration");
        MapDevices(api.MapGroup("/devices").WithTags("devices"));
        MapRules(api.MapGroup("/rules").WithTags("rules"));
        MapLevels(api.MapGroup("/policy").WithTags("policy"), SettingsKind.Policy);
        MapLevels(api.MapGroup("/device-settings").WithTags("device settings"), SettingsKind.Device);
        MapAccountsAndLogs(api);
    }

    private static void MapDevices(RouteGroupBuilder devices)
    {
        devices.MapGet("", async Task<Ok<IReadOnlyList<DeviceView>>> (string? user, string? domain, string? state, DeviceAdministration admin, AdminViews views, CancellationToken cancellationToken) =>
            TypedResults.Ok(await views.DevicesAsync(await admin.ListAsync(user, domain, state, cancellationToken), cancellationToken)))
            .WithName("listDevices").WithSummary("The devices of the server, a domain or a user, optionally in one state");
        devices.MapGet("/{deviceId}", async Task<Ok<DeviceView>> (string deviceId, string? user, DeviceAdministration admin, AdminViews views, CancellationToken cancellationToken) =>
            TypedResults.Ok(await views.DeviceAsync(await admin.FindAsync(deviceId, user, cancellationToken), cancellationToken)))
            .WithName("getDevice").WithSummary("One device; user chooses when several accounts use its DeviceId").ProducesProblem(404);
        foreach (var (action, state) in new[] { ("allow", DeviceAccessState.Allowed), ("block", DeviceAccessState.Blocked), ("quarantine", DeviceAccessState.Quarantined) })
        {
            devices.MapPost($"/{{deviceId}}/{action}", async Task<Ok<DeviceView>> (string deviceId, string? user, HttpContext http, DeviceAdministration admin, AdminViews views, CancellationToken cancellationToken) =>
                TypedResults.Ok(await views.DeviceAsync(await admin.SetAccessAsync(deviceId, user, state, AdminApiFilter.Admin(http).Id, cancellationToken), cancellationToken)))
                .WithName($"{action}Device").WithSummary($"Set the device's access to {DeviceRepository.Name(state)}").ProducesProblem(404);
        }

        devices.MapPost("/{deviceId}/wipe", async Task<Ok<DeviceView>> (string deviceId, string? user, WipeRequest? request, HttpContext http, DeviceAdministration admin, AdminViews views, CancellationToken cancellationToken) =>
            TypedResults.Ok(await views.DeviceAsync(await admin.WipeAsync(deviceId, user, request?.AccountOnly ?? false, AdminApiFilter.Admin(http).Id, cancellationToken), cancellationToken)))
            .WithName("wipeDevice").WithSummary("Wipe the device at its next contact; accountOnly needs a 16.1 device (409 otherwise)").ProducesProblem(404).ProducesProblem(409);
        devices.MapDelete("/{deviceId}", async Task<NoContent> (string deviceId, string? user, DeviceAdministration admin, CancellationToken cancellationToken) =>
        {
            await admin.RemoveAsync(deviceId, user, cancellationToken);
            return TypedResults.NoContent();
        }).WithName("removeDevice").WithSummary("Forget the device and its sync state: its next contact resyncs fully").ProducesProblem(404);
        devices.MapPost("/{deviceId}/similar-rule", async Task<Created<RuleView>> (string deviceId, string? user, SimilarRuleRequest request, RuleAdministration rules, CancellationToken cancellationToken) =>
        {
            var rule = AdminViews.Rule(await rules.AddForSimilarAsync(deviceId, user, request.By, request.Action, cancellationToken));
            return TypedResults.Created($"{Prefix}/rules/{rule.Id}", rule);
        }).WithName("addRuleForSimilarDevices").WithSummary("Add a server rule matching devices like this one (by model unless told)").ProducesProblem(404);
    }

    private static void MapRules(RouteGroupBuilder rules)
    {
        rules.MapGet("", async Task<Ok<List<RuleView>>> (RuleAdministration admin, CancellationToken cancellationToken) =>
            TypedResults.Ok((await admin.ListAsync(cancellationToken)).Select(AdminViews.Rule).ToList()))
            .WithName("listRules").WithSummary("The access rules, the global rule (id 0) first");
        rules.MapPost("", async Task<Created<RuleView>> (RuleRequest request, RuleAdministration admin, CancellationToken cancellationToken) =>
        {
            var rule = AdminViews.Rule(await admin.AddAsync(request.Scope, request.By, request.Value, request.Action, request.Description, request.Enabled, cancellationToken));
            return TypedResults.Created($"{Prefix}/rules/{rule.Id}", rule);
        }).WithName("addRule").WithSummary("Add an access rule (scope server needs by and value)").ProducesProblem(400);
        rules.MapPut("/global", async Task<Ok<RuleView>> (GlobalRuleRequest request, RuleAdministration admin, CancellationToken cancellationToken) =>
        {
            await admin.SetGlobalAsync(request.Action, cancellationToken);
            return TypedResults.Ok(AdminViews.Rule((await admin.ListAsync(cancellationToken))[0]));
        }).WithName("setGlobalRule").WithSummary("Set what a device no other rule matches may do").ProducesProblem(400);
        rules.MapDelete("/{ruleId}", async Task<NoContent> (string ruleId, RuleAdministration admin, CancellationToken cancellationToken) =>
        {
            await admin.RemoveAsync(ruleId, cancellationToken);
            return TypedResults.NoContent();
        }).WithName("removeRule").WithSummary("Remove an access rule").ProducesProblem(404);
    }

    private static void MapLevels(RouteGroupBuilder levels, SettingsKind kind)
    {
        var name = kind == SettingsKind.Policy ? "Policy" : "DeviceSettings";
        levels.MapGet("", async Task<Ok<Dictionary<string, SettingView>>> ([FromQuery] string level, string? user, PolicyAdministration admin, CancellationToken cancellationToken) =>
            TypedResults.Ok(AdminViews.Level(await admin.ShowAsync(kind, level, user, cancellationToken))))
            .WithName($"show{name}").WithSummary("Every setting in force at a level (default, server, domain:NAME, user:EMAIL, device:ID) and the level it comes from").ProducesProblem(400);
        levels.MapPost("", async Task<Ok<Dictionary<string, SettingView>>> ([FromQuery] string level, Dictionary<string, JsonElement> settings, PolicyAdministration admin, CancellationToken cancellationToken) =>
        {
            var parsed = await admin.SetAsync(kind, level, SettingsBody.ToAssignments(settings), cancellationToken);
            return TypedResults.Ok(AdminViews.Level(await admin.ShowAsync(kind, parsed.ToString(), null, cancellationToken)));
        }).WithName($"set{name}").WithSummary("Customise settings at a level: an object of setting names to values; null or \"inherit\" returns one to its parent").ProducesProblem(400);
        levels.MapPost("/inherit", async Task<Ok<Dictionary<string, SettingView>>> ([FromQuery] string level, InheritRequest? request, PolicyAdministration admin, CancellationToken cancellationToken) =>
        {
            var parsed = await admin.InheritAsync(kind, level, request?.Settings ?? [], cancellationToken);
            return TypedResults.Ok(AdminViews.Level(await admin.ShowAsync(kind, parsed.ToString(), null, cancellationToken)));
        }).WithName($"inherit{name}").WithSummary("Return a level (or some of its settings) to its parent").ProducesProblem(400);
    }

    private static void MapAccountsAndLogs(RouteGroupBuilder api)
    {
        api.MapPost("/admins", async Task<Ok<AdminGrantView>> (AdminGrantRequest request, AccountLookup accounts, AdminRoles roles, CancellationToken cancellationToken) =>
        {
            var account = await accounts.RequireAccountAsync(request.Email, cancellationToken);
            await roles.SetGrantAsync(account.Id, !request.Revoke, cancellationToken);
            return TypedResults.Ok(new AdminGrantView(account.Id, await roles.IsAdminAsync(account, cancellationToken)));
        }).WithName("grantAdmin").WithTags("accounts").WithSummary("Grant (or revoke) the administrator role, as passerelle user admin").ProducesProblem(404);
        api.MapGet("/logs", async Task<Ok<IReadOnlyList<LogEntryView>>> (string? device, string? user, int? last, ProtocolLogReader logs, CancellationToken cancellationToken) =>
            TypedResults.Ok(await logs.ReadAsync(device, user, last ?? 200, cancellationToken)))
            .WithName("readProtocolLog").WithTags("protocol log").WithSummary("The kept protocol log of a device or a user").ProducesProblem(400);
        api.MapPost("/logs/switch", async Task<NoContent> (LogSwitchRequest request, ProtocolLogSwitches switches, CancellationToken cancellationToken) =>
        {
            var scope = (request.Device, request.User) switch
            {
                ({ Length: > 0 } device, null) => ProtocolLogSwitches.DeviceScope(device),
                (null, { Length: > 0 } user) when user.Contains('@', StringComparison.Ordinal) => ProtocolLogSwitches.UserScope(user),
                _ => throw AdminException.Invalid("name exactly one device or one user (an e-mail address)"),
            };
            await switches.SetAsync(scope, request.On, cancellationToken);
            return TypedResults.NoContent();
        }).WithName("switchProtocolLog").WithTags("protocol log").WithSummary("Keep the protocol log of a device or a user, or stop").ProducesProblem(400);
    }
}
