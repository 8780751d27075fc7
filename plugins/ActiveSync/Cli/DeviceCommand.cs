using System.CommandLine;
using System.Globalization;
using Passerelle.ActiveSync.Admin;
using Passerelle.ActiveSync.Devices;
using Passerelle.Sdk.Plugins;

namespace Passerelle.ActiveSync.Cli;

/// <summary>
/// <c>passerelle device list|show|allow|block|quarantine|wipe|remove</c>, and <c>device settings</c> for the
/// per-device settings. ID is the device's DeviceId; <c>--user</c> chooses when several accounts use one.
/// </summary>
internal static class DeviceCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("device", "List the devices that sync, change what they may do, wipe or remove them");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Access("allow", DeviceAccessState.Allowed, "Let a device sync", context));
        command.Subcommands.Add(Access("block", DeviceAccessState.Blocked, "Refuse every command of a device", context));
        command.Subcommands.Add(Access("quarantine", DeviceAccessState.Quarantined, "Let a device sync its default folders only, and only towards the server", context));
        command.Subcommands.Add(Wipe(context));
        command.Subcommands.Add(Remove(context));
        command.Subcommands.Add(LevelCommands.Create("settings", SettingsKind.Device, "Show or change the per-device settings (folders, sync periods, sizes, protocol version) at a level", context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var user = CliRun.UserOption("Only the devices of this account");
        var domain = new Option<string?>("--domain") { Description = "Only the devices of this domain's accounts", HelpName = "NAME" };
        var state = new Option<string?>("--state") { Description = "Only the devices in this state", HelpName = "allowed|blocked|quarantined" };
        var json = CliRun.JsonOption();
        var list = new Command("list", "List the devices of the server, a domain or a user");
        list.Options.Add(user);
        list.Options.Add(domain);
        list.Options.Add(state);
        list.Options.Add(json);
        list.SetAction(context, async (result, cancellationToken) =>
        {
            var devices = await context.Get<DeviceAdministration>().ListAsync(result.GetValue(user), result.GetValue(domain), result.GetValue(state), cancellationToken);
            var views = await context.Get<AdminViews>().DevicesAsync(devices, cancellationToken);
            if (result.GetValue(json))
            {
                await context.WriteJsonAsync(views);
                return;
            }

            await context.Output.WriteLineAsync("DEVICE ID\tUSER\tTYPE\tMODEL\tSTATE\tPOLICY\tWIPE\tLAST SYNC");
            foreach (var view in views)
            {
                await context.Output.WriteLineAsync(string.Join('\t', view.DeviceId, view.User, view.DeviceType, view.Model ?? "-", view.State, view.PolicyStatus, view.WipeStatus, view.LastSync.ToString("u", CultureInfo.InvariantCulture)));
            }
        });
        return list;
    }

    private static Command Show(CliContext context)
    {
        var (command, id, user) = DeviceTarget("show", "Show everything known of a device");
        var json = CliRun.JsonOption();
        command.Options.Add(json);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            var device = await context.Get<DeviceAdministration>().FindAsync(result.GetValue(id)!, result.GetValue(user), cancellationToken);
            var view = await context.Get<AdminViews>().DeviceAsync(device, cancellationToken);
            if (result.GetValue(json))
            {
                await context.WriteJsonAsync(view);
                return;
            }

            foreach (var property in typeof(DeviceView).GetProperties())
            {
                var value = property.GetValue(view) switch
                {
                    null => "-",
                    DateTimeOffset time => time.ToString("u", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                };
                await context.Output.WriteLineAsync($"{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]}: {value}");
            }
        });
        return command;
    }

    private static Command Access(string name, DeviceAccessState state, string description, CliContext context)
    {
        var (command, id, user) = DeviceTarget(name, description);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            var device = await context.Get<DeviceAdministration>().SetAccessAsync(result.GetValue(id)!, result.GetValue(user), state, CliRun.Actor, cancellationToken);
            await context.Output.WriteLineAsync($"device {device.DeviceId} of {device.AccountId} is now {DeviceRepository.Name(state)}");
        });
        return command;
    }

    private static Command Wipe(CliContext context)
    {
        var (command, id, user) = DeviceTarget("wipe", "Wipe a device at its next contact (the whole device, or only this account's data)");
        var accountOnly = new Option<bool>("--account-only") { Description = "Remove only this account's data from the device (protocol 16.1)" };
        command.Options.Add(accountOnly);
        command.SetAction(context, async (result, cancellationToken) =>
        {
            var device = await context.Get<DeviceAdministration>().WipeAsync(result.GetValue(id)!, result.GetValue(user), result.GetValue(accountOnly), CliRun.Actor, cancellationToken);
            var kind = device.WipeAccountOnly ? "account-only wipe" : "full wipe";
            await context.Output.WriteLineAsync($"{kind} of device {device.DeviceId} of {device.AccountId} pending: it is delivered at the device's next contact");
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var (command, id, user) = DeviceTarget("remove", "Forget a device and its sync state: its next contact starts a full resync");
        command.SetAction(context, async (result, cancellationToken) =>
        {
            var device = await context.Get<DeviceAdministration>().RemoveAsync(result.GetValue(id)!, result.GetValue(user), cancellationToken);
            await context.Output.WriteLineAsync($"device {device.DeviceId} of {device.AccountId} removed with its sync state");
        });
        return command;
    }

    private static (Command Command, Argument<string> Id, Option<string?> User) DeviceTarget(string name, string description)
    {
        var id = new Argument<string>("ID") { Description = "The device's DeviceId" };
        var user = CliRun.UserOption();
        var command = new Command(name, description);
        command.Arguments.Add(id);
        command.Options.Add(user);
        return (command, id, user);
    }
}
